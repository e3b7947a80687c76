// @ts-check
// npm start: opens examples/ in a real VS Code with this extension loaded for development.
// Desktop VS Code (`code --extensionDevelopmentPath`) when `code` is on PATH; otherwise the
// provisioned code-server on a loopback port, whose URL is printed (and opened in a browser when
// there is a display). Ctrl-C ends everything started here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareRunFolders, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';
import { examplesWorkspace, extensionBundle, repoRoot, requireFile, runMain } from './paths.mjs';
import { isCleaningUp, onInterrupt } from './processes.mjs';
import { commandExists, ensureCodeServer } from './provision.mjs';

runMain(async () => {
  requireFile(extensionBundle, 'npm run build');
  if (commandExists('code')) {
    // The desktop window belongs to the user's VS Code, which outlives this command.
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, examplesWorkspace], {
      stdio: 'inherit',
    });
    return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  }

  const install = await ensureCodeServer();
  const runFolder = mkdtempSync(path.join(os.tmpdir(), 'trade-notes-start-'));
  const server = await startCodeServer(install, prepareRunFolders(runFolder));
  onInterrupt(async () => {
    await server.stop();
    rmSync(runFolder, { recursive: true, force: true });
  });
  const url = workbenchUrl(server.origin, examplesWorkspace, [
    ['extensionDevelopmentPath', remoteUri(server.origin, repoRoot)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  console.log(`\nVS Code (code-server) with Trade Notes loaded from ${repoRoot}:\n\n  ${url}\n`);
  console.log(`Logs: ${server.logFile}\nPress Ctrl-C to stop.`);
  if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && commandExists('xdg-open')) {
    spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).unref();
  }
  // Runs until Ctrl-C, whose handler stops code-server and exits.
  await server.exited;
  if (!isCleaningUp()) console.error(`code-server stopped on its own; see ${server.logFile}`);
  return 1;
});
