// @ts-check
// Launcher of the Playwright UI tests (test/ui/*.test.mjs) against a real workbench on examples/.
// Usage: node test/harness/run-ui.mjs [--packaged] [--web] [--screenshots DIR] [NAME...]
//   --packaged        install dist-package/trade-notes.vsix into a fresh extensions folder with
//                     `code-server --install-extension` and test that, with no development extension:
//                     exactly what users install (npm run test:packaged).
//   --web             the extension runs in the browser's web worker extension host, as on vscode.dev
//                     (its `browser` entry); screenshots are named web-*.png.
//   --screenshots DIR where the screenshots go (default test-results/ui, or test-results/ui/packaged);
//                     npm run screenshots regenerates the README images in docs/.
//   NAME...           only these test files, e.g. `hover` for test/ui/hover.test.mjs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { installExtension, prepareRunFolders } from './code-server.mjs';
import {
  examplesWorkspace,
  extensionBundle,
  HarnessError,
  packagedExtension,
  repoRoot,
  requireFile,
  runMain,
  uiResultsFolder,
  uiTestsFolder,
  webExtensionBundle,
} from './paths.mjs';
import { ensureCodeServer } from './provision.mjs';

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      packaged: { type: 'boolean', default: false },
      web: { type: 'boolean', default: false },
      screenshots: { type: 'string' },
    },
  });
  const files = selectTestFiles(positionals);
  if (!existsSync(examplesWorkspace)) throw new HarnessError(`the examples workspace is missing: ${examplesWorkspace}`);
  requireFile(
    values.packaged ? packagedExtension : values.web ? webExtensionBundle : extensionBundle,
    values.packaged ? 'npm run package' : 'npm run build',
  );
  // Provision before the first test, so that its few minutes do not count against a test timeout.
  const install = await ensureCodeServer();

  const screenshots =
    values.screenshots ?? (values.packaged ? path.join(uiResultsFolder, 'packaged') : uiResultsFolder);
  process.env.TRADE_NOTES_SCREENSHOTS_DIR = path.resolve(screenshots);
  if (values.web) process.env.TRADE_NOTES_UI_HOST = 'web';
  const installFolder = values.packaged
    ? prepareRunFolders(mkdtempSync(path.join(os.tmpdir(), 'trade-notes-vsix-')))
    : undefined;
  try {
    if (installFolder) {
      await installPackagedExtension(install, installFolder);
      process.env.TRADE_NOTES_UI_EXTENSIONS_DIR = installFolder.extensions;
    }
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 180_000 });
    for (const file of files) mocha.addFile(file);
    // In this process, so that the harness's cleanup covers the browsers and servers the tests start.
    await mocha.loadFilesAsync();
    const failures = await new Promise((resolve) => mocha.run(resolve));
    console.log(`Screenshots: ${path.relative(repoRoot, process.env.TRADE_NOTES_SCREENSHOTS_DIR)}`);
    return failures === 0 ? 0 : 1;
  } finally {
    if (installFolder) rmSync(installFolder.root, { recursive: true, force: true });
  }
});

/** @param {string[]} names */
function selectTestFiles(names) {
  const all = readdirSync(uiTestsFolder)
    .filter((file) => file.endsWith('.test.mjs'))
    .sort();
  const unknown = names.filter((name) => !all.includes(`${name}.test.mjs`));
  if (unknown.length > 0)
    throw new HarnessError(`no UI test file for ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  const chosen = names.length > 0 ? all.filter((file) => names.includes(file.replace('.test.mjs', ''))) : all;
  return chosen.map((file) => path.join(uiTestsFolder, file));
}

/**
 * @param {import('./provision.mjs').CodeServerInstall} install
 * @param {import('./code-server.mjs').RunFolders} folders
 */
async function installPackagedExtension(install, folders) {
  await installExtension(install, folders, packagedExtension);
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const installed = path.join(folders.extensions, `trade-notes.trade-notes-${version}`, 'package.json');
  if (!existsSync(installed)) {
    throw new HarnessError(
      `${path.basename(packagedExtension)} did not install as trade-notes.trade-notes-${version} in ${folders.extensions}`,
    );
  }
  console.log(`Installed ${path.relative(repoRoot, packagedExtension)} into ${folders.extensions}`);
}
