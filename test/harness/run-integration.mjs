// @ts-check
// Offline launcher of the extension-host tests (npm run test:integration): runs the test index
// (out/test/integration/index.js) inside real VS Code (code-server), once per fixture workspace.
// With --host web (npm run test:web), the extensions under test and the test index (out/web/tests.js)
// run in the browser's web worker extension host instead, as on vscode.dev.
//
// Usage: node test/harness/run-integration.mjs [--host node|web] [--suite NAME --workspace PATH]
//   without options: every fixture suite (suites.mjs); with both: one suite on any folder or
//   .code-workspace file (a fixture suite's name keeps its options). A .code-workspace file opens as
//   a copy in the run folder, since tests that add or remove folders make VS Code rewrite it.
// Environment: TRADE_NOTES_TEST_TIMEOUT_S (per suite, default 300), TRADE_NOTES_KEEP_RUN=1 keeps
// the run folders (logs, user data) even when the suite passes.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newWorkbenchPage } from './browser.mjs';
import {
  prepareRunFolders,
  remoteUri,
  startCodeServer,
  tailOf,
  webWorkerExtensionKinds,
  workbenchUrl,
} from './code-server.mjs';
import {
  extensionBundle,
  integrationTestIndex,
  repoRoot,
  requireFile,
  runMain,
  webExtensionBundle,
  webTestBundle,
} from './paths.mjs';
import { onInterrupt } from './processes.mjs';
import { ensureCodeServer } from './provision.mjs';
import { printSummary, suitesFromArguments } from './suites.mjs';
import { copyWorkspaceFile } from './workspaceFile.mjs';

const timeoutSeconds = Number(process.env.TRADE_NOTES_TEST_TIMEOUT_S ?? 300);

runMain(async () => {
  const { suites, host } = suitesFromArguments();
  requireFile(host === 'web' ? webExtensionBundle : extensionBundle, 'npm run build');
  requireFile(
    host === 'web' ? webTestBundle : integrationTestIndex,
    `npm run compile-${host === 'web' ? 'web-' : ''}tests`,
  );

  const install = await ensureCodeServer();
  const { browser, close } = await launchBrowser();
  /** @type {Array<{ name: string, outcome: string, seconds: number }>} */
  const outcomes = [];
  try {
    for (const suite of suites) {
      const started = Date.now();
      const outcome = await runSuite(install, browser, suite, host);
      outcomes.push({ name: suite.name, outcome, seconds: Math.round((Date.now() - started) / 1000) });
    }
  } finally {
    await close();
  }
  return printSummary(outcomes, host === 'web' ? 'web worker extension host' : undefined);
});

/** @param {import('./suites.mjs').Suite} suite */
function extensionsUnderTest(suite) {
  return [repoRoot, ...(suite.extraExtensions ?? [])];
}

/**
 * The one extensionDevelopmentPath of a suite, and the test index as VS Code must name it: the repository,
 * or with extra extensions a folder of links to each. The web workbench keeps only the last
 * extensionDevelopmentPath of its payload (it makes a Map of the pairs), but VS Code loads every extension
 * inside a folder that has no package.json. VS Code runs the tests in the extension host of the extension
 * whose folder holds the test index, so the index is named through the link to the repository.
 * @param {import('./suites.mjs').Suite} suite
 * @param {string} runFolder
 * @param {string} testIndex
 */
function developmentPaths(suite, runFolder, testIndex) {
  if (!suite.extraExtensions?.length) return { extensions: repoRoot, testIndex };
  const folder = path.join(runFolder, 'extensions-under-development');
  mkdirSync(folder);
  for (const extension of extensionsUnderTest(suite)) {
    symlinkSync(extension, path.join(folder, path.basename(extension)), 'dir');
  }
  return {
    extensions: folder,
    testIndex: path.join(folder, path.basename(repoRoot), path.relative(repoRoot, testIndex)),
  };
}

/**
 * @param {import('./provision.mjs').CodeServerInstall} install
 * @param {import('playwright-core').Browser} browser
 * @param {import('./suites.mjs').Suite} suite
 * @param {import('./suites.mjs').ExtensionHost} host
 * @returns {Promise<string>} 'passed' or what went wrong
 */
async function runSuite(install, browser, suite, host) {
  const web = host === 'web';
  console.log(
    `\n=== Integration suite "${suite.name}"${web ? ' in the web worker extension host' : ''}${suite.locale ? ` in ${suite.locale}` : ''} on ${path.relative(repoRoot, suite.workspace) || suite.workspace}`,
  );
  const trust = { workspaceTrust: suite.workspaceTrust };
  const root = mkdtempSync(path.join(os.tmpdir(), `trade-notes-${web ? 'web-' : ''}${suite.name}-`));
  const resultsFile = path.join(root, 'results.txt');
  // A web worker has no environment variables: its test index reads the suite and the results file from settings.
  const webSettings = {
    ...webWorkerExtensionKinds(extensionsUnderTest(suite)),
    'tradeNotesTests.suite': suite.name,
    'tradeNotesTests.resultsFile': resultsFile,
  };
  const folders = prepareRunFolders(root, { ...trust, settings: web ? webSettings : undefined, locale: suite.locale });
  const browserLog = path.join(folders.root, 'browser-console.log');
  const server = await startCodeServer(install, folders, trust);
  // On Ctrl-C nobody will read the logs of an unfinished run.
  const forgetRunFolder = onInterrupt(async () => {
    await server.stop();
    rmSync(folders.root, { recursive: true, force: true });
  });
  let outcome = 'not run';
  try {
    const page = await newWorkbenchPage(browser);
    page.on('console', (message) => appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(browserLog, `[pageerror] ${error.stack ?? error.message}\n`));
    /** @type {(code: number) => void} */
    let reportExit = () => {};
    /** @type {Promise<number>} */
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    // The workbench calls this when the test index settles (0: passed; 1: failures or a broken index).
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => reportExit(code));
    const development = developmentPaths(suite, folders.root, web ? webTestBundle : integrationTestIndex);
    const workspace = suite.workspace.endsWith('.code-workspace')
      ? copyWorkspaceFile(suite.workspace, folders.root)
      : suite.workspace;
    await page.goto(
      workbenchUrl(server.origin, workspace, [
        ['extensionDevelopmentPath', remoteUri(server.origin, development.extensions)],
        ['extensionTestsPath', remoteUri(server.origin, development.testIndex)],
        [
          'extensionEnvironment',
          JSON.stringify({ TRADE_NOTES_SUITE: suite.name, TRADE_NOTES_TEST_RESULTS: resultsFile }),
        ],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ]),
    );
    /** @type {Promise<string>} */
    const timedOut = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutSeconds * 1000).unref());
    const result = await Promise.race([exitCode, timedOut]);
    outcome =
      result === 0
        ? 'passed'
        : result === 'timeout'
          ? `timed out after ${timeoutSeconds} s`
          : `failed (exit code ${result})`;
    await page.close();
  } finally {
    await server.stop();
    forgetRunFolder();
  }

  if (existsSync(resultsFile)) {
    console.log(readFileSync(resultsFile, 'utf8').trimEnd());
  } else {
    console.log('(no results file: the test index did not run)');
    console.log(`--- code-server log (last lines):\n${tailOf(server.logFile, 30)}`);
    // The web worker extension host logs to the browser's console.
    if (web) console.log(`--- browser console (last lines):\n${tailOf(browserLog, 30)}`);
  }
  if (outcome === 'passed' && !process.env.TRADE_NOTES_KEEP_RUN) {
    rmSync(folders.root, { recursive: true, force: true });
  } else {
    console.log(`Run folder kept: ${folders.root} (code-server.log, browser-console.log, user-data/logs)`);
  }
  return outcome;
}
