// @ts-check
// Desktop launcher (npm run test:electron): runs the same test index, once per fixture workspace, in
// desktop VS Code through @vscode/test-electron. It downloads VS Code (stable) into the cache folder,
// so it needs internet; offline, use `npm run test:integration`.
// Usage: node test/harness/run-electron.mjs [--suite NAME --workspace PATH]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import {
  cacheRoot,
  extensionBundle,
  HarnessError,
  integrationTestIndex,
  repoRoot,
  requireFile,
  runMain,
} from './paths.mjs';
import { printSummary, suitesFromArguments } from './suites.mjs';
import { copyWorkspaceFile } from './workspaceFile.mjs';

const networkErrorCodes = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH'];

runMain(async () => {
  const { suites, host } = suitesFromArguments();
  if (host !== 'node') throw new HarnessError('desktop VS Code runs the suites in its Node extension host only.');
  requireFile(extensionBundle, 'npm run build');
  requireFile(integrationTestIndex, 'npm run compile-tests');

  const outcomes = [];
  for (const suite of suites) {
    console.log(
      `\n=== Integration suite "${suite.name}" (desktop VS Code) on ${path.relative(repoRoot, suite.workspace)}`,
    );
    const started = Date.now();
    const runFolder = mkdtempSync(path.join(os.tmpdir(), `trade-notes-electron-${suite.name}-`));
    const resultsFile = path.join(runFolder, 'results.txt');
    let outcome;
    try {
      const workspace = suite.workspace.endsWith('.code-workspace')
        ? copyWorkspaceFile(suite.workspace, runFolder)
        : suite.workspace;
      const exitCode = await runTests({
        cachePath: cacheRoot,
        // Desktop VS Code loads every --extensionDevelopmentPath it is given.
        extensionDevelopmentPath: [repoRoot, ...(suite.extraExtensions ?? [])],
        extensionTestsPath: integrationTestIndex,
        extensionTestsEnv: { TRADE_NOTES_SUITE: suite.name, TRADE_NOTES_TEST_RESULTS: resultsFile },
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--user-data-dir',
          path.join(runFolder, 'user-data'),
          '--extensions-dir',
          path.join(runFolder, 'extensions'),
        ],
      });
      outcome = exitCode === 0 ? 'passed' : `failed (exit code ${exitCode})`;
    } catch (error) {
      throw explainDownloadFailure(error);
    } finally {
      if (existsSync(resultsFile)) console.log(readFileSync(resultsFile, 'utf8').trimEnd());
      rmSync(runFolder, { recursive: true, force: true });
    }
    outcomes.push({ name: suite.name, outcome, seconds: Math.round((Date.now() - started) / 1000) });
  }
  return printSummary(outcomes);
});

/** @param {unknown} error */
function explainDownloadFailure(error) {
  const text = String(
    error instanceof Error ? `${error.message} ${/** @type {{ code?: string }} */ (error).code ?? ''}` : error,
  );
  const networkCode = networkErrorCodes.find((code) => text.includes(code));
  if (!networkCode) return error;
  return new HarnessError(
    `test:electron could not download desktop VS Code (${networkCode}: the update server is out of reach).\n` +
      '  This launcher needs internet once, to fill .vscode-test/ with VS Code.\n' +
      '  Offline, run the same tests in real VS Code with: npm run test:integration',
  );
}
