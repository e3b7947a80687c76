// @ts-check
// One isolated code-server per run: its own port, user data, extensions, HOME and TMPDIR, all inside
// a run folder, so runs never see each other or the user's VS Code state.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError, repoRoot } from './paths.mjs';
import { spawnGroup, stopGroup } from './processes.mjs';

/** @typedef {import('./provision.mjs').CodeServerInstall} CodeServerInstall */

/** Settings that keep the workbench quiet and predictable; the light theme is what the README shows. */
export const quietUserSettings = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  // code-server saves edited files after a second by default: tests must never write the fixtures.
  'files.autoSave': 'off',
};

/**
 * @typedef {object} RunFolders
 * @property {string} root
 * @property {string} userData
 * @property {string} extensions
 * @property {string} log
 * @property {NodeJS.ProcessEnv} env environment that keeps code-server inside the run folder
 */

/**
 * The language pack of the display languages the tests run in (test/fixtures/<language>-language-pack):
 * it contributes the language without translating the workbench, which is all VS Code needs to start in
 * it (the Marketplace's packs cannot be downloaded here).
 * @param {string} language e.g. zh-cn
 */
export function languagePackFolder(language) {
  return path.join(repoRoot, 'test', 'fixtures', `${language}-language-pack`);
}

/**
 * Makes VS Code start in a display language: `locale` in argv.json (what *Configure Display Language*
 * writes; code-server reads it as it reads --locale) and the language pack in languagepacks.json. VS Code
 * falls back to English for a locale without an installed pack, and code-server's --install-extension
 * does not register packs (its command line has no language pack participant), so the entry is written
 * here as VS Code's language pack cache writes it on install.
 * @param {string} userData
 * @param {string} language
 */
function useDisplayLanguage(userData, language) {
  const pack = languagePackFolder(language);
  const manifest = JSON.parse(readFileSync(path.join(pack, 'package.json'), 'utf8'));
  const localization = manifest.contributes?.localizations?.find(
    (/** @type {{ languageId: string }} */ each) => each.languageId === language,
  );
  if (!localization) throw new HarnessError(`${pack} contributes no localization for ${language}`);
  const id = `${manifest.publisher}.${manifest.name}`;
  /** @type {Record<string, string>} */
  const translations = {};
  for (const { id: component, path: file } of localization.translations)
    translations[component] = path.join(pack, file);
  const languagePacks = {
    [language]: {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations,
      label: localization.localizedLanguageName ?? localization.languageName,
    },
  };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
  writeFileSync(path.join(userData, 'User', 'argv.json'), JSON.stringify({ locale: language }, null, 2));
}

/**
 * Creates the folders of an isolated run under `root` and writes the user settings.
 * @param {string} root
 * @param {{ extensionsDir?: string, workspaceTrust?: boolean, settings?: Record<string, unknown>, locale?: string }} [options]
 *   extensionsDir: use an existing folder (an installed vsix); workspaceTrust: leave Workspace Trust on,
 *   so the workspace opens untrusted; settings: more user settings; locale: the display language
 *   (a language pack of it must be in test/fixtures, see {@link languagePackFolder})
 * @returns {RunFolders}
 */
export function prepareRunFolders(root, options = {}) {
  const userData = path.join(root, 'user-data');
  const extensions = options.extensionsDir ?? path.join(root, 'extensions');
  const home = path.join(root, 'home');
  const tmp = path.join(root, 'tmp');
  for (const folder of [path.join(userData, 'User'), extensions, home, tmp]) mkdirSync(folder, { recursive: true });
  const trust = options.workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : {};
  const settings = { ...quietUserSettings, ...trust, ...options.settings };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (options.locale) useDisplayLanguage(userData, options.locale);

  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Variables of an enclosing VS Code (its IPC hooks, ELECTRON_RUN_AS_NODE) would redirect code-server.
    if (!name.startsWith('VSCODE_') && !name.startsWith('ELECTRON_')) env[name] = value;
  }
  Object.assign(env, {
    HOME: home,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  });
  return { root, userData, extensions, log: path.join(root, 'code-server.log'), env };
}

/**
 * The user setting that makes extensions run in the browser's web worker extension host, as on
 * vscode.dev, instead of code-server's Node extension host (their `browser` entry, not their `main`).
 * @param {string[]} extensionFolders folders with the extensions' package.json
 */
export function webWorkerExtensionKinds(extensionFolders) {
  /** @type {Record<string, string[]>} */
  const kinds = {};
  for (const folder of extensionFolders) {
    const { publisher, name } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    kinds[`${publisher}.${name}`] = ['web'];
  }
  return { 'remote.extensionKind': kinds };
}

/**
 * @param {CodeServerInstall} install
 * @param {RunFolders} folders
 * @param {string} vsixFile
 */
export async function installExtension(install, folders, vsixFile) {
  const child = spawnGroup(
    install.node,
    [
      install.codeServerEntry,
      '--user-data-dir',
      folders.userData,
      '--extensions-dir',
      folders.extensions,
      '--install-extension',
      vsixFile,
    ],
    { env: folders.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new HarnessError(`code-server --install-extension ${vsixFile} failed (exit ${code}):\n${output}`);
  }
}

/**
 * @typedef {object} CodeServer
 * @property {string} origin e.g. http://127.0.0.1:41234
 * @property {string} logFile
 * @property {() => Promise<void>} stop ends code-server and everything it started
 * @property {Promise<void>} exited settles when code-server's process ends
 */

/**
 * Starts code-server on a free loopback port and waits until it listens.
 * @param {CodeServerInstall} install
 * @param {RunFolders} folders
 * @param {{ workspaceTrust?: boolean }} [options] workspaceTrust: do not pass --disable-workspace-trust
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(install, folders, options = {}) {
  const configFile = path.join(folders.root, 'code-server.yaml');
  // Port 0: the system picks a free port, read back from the log.
  writeFileSync(configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const args = [
    install.codeServerEntry,
    '--config',
    configFile,
    '--user-data-dir',
    folders.userData,
    '--extensions-dir',
    folders.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without the smoke-test driver the web workbench ignores the `payload` query parameter.
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const child = spawnGroup(install.node, args, { env: folders.env, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  const log = createWriteStream(folders.log);
  const stop = async () => {
    await stopGroup(child);
    child.stdout?.destroy();
    child.stderr?.destroy();
    log.end();
  };

  const origin = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new HarnessError(`code-server did not start within 60 s; log: ${folders.log}`)),
      60_000,
    );
    /** @param {Buffer} chunk */
    const onOutput = (chunk) => {
      log.write(chunk);
      seen = (seen + chunk.toString()).slice(-10_000);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new HarnessError(`code-server exited while starting (${signal ?? `exit code ${code}`}):\n${seen.slice(-3000)}`),
      );
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { origin, logFile: folders.log, stop, exited };
}

/**
 * The workbench address for a folder or a `.code-workspace` file, with an optional payload
 * (extensionDevelopmentPath, extensionTestsPath, extensionEnvironment…) for the smoke-test driver.
 * @param {string} origin
 * @param {string} workspacePath absolute path to a folder or a .code-workspace file
 * @param {Array<[string, string]>} [payload] pairs; path values are absolute server paths
 */
export function workbenchUrl(origin, workspacePath, payload) {
  const url = new URL(origin);
  url.searchParams.set(workspacePath.endsWith('.code-workspace') ? 'workspace' : 'folder', workspacePath);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/**
 * A server path as the web workbench must name it: under the remote authority it was loaded from.
 * @param {string} origin
 * @param {string} absolutePath
 */
export function remoteUri(origin, absolutePath) {
  return `vscode-remote://${new URL(origin).host}${absolutePath}`;
}

/**
 * The last lines of a log, to show with a failure.
 * @param {string} file
 * @param {number} lines
 */
export function tailOf(file, lines) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
