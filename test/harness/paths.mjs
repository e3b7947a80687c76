// @ts-check
// Where the harness finds the repository, its build outputs and its cache of provisioned tools.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCleaningUp } from './processes.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Ignored by git; TRADE_NOTES_CACHE_DIR lets several clones share one provisioned code-server. */
export const cacheRoot = process.env.TRADE_NOTES_CACHE_DIR
  ? path.resolve(process.env.TRADE_NOTES_CACHE_DIR)
  : path.join(repoRoot, '.vscode-test');

export const extensionBundle = path.join(repoRoot, 'dist', 'extension.js');
export const webExtensionBundle = path.join(repoRoot, 'dist', 'web', 'extension.js');
export const integrationTestIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
/** The web worker test index bundled with its test files (build-web-tests.mjs). */
export const webTestBundle = path.join(repoRoot, 'out', 'web', 'tests.js');
export const packagedExtension = path.join(repoRoot, 'dist-package', 'trade-notes.vsix');
export const examplesWorkspace = path.join(repoRoot, 'examples');
export const uiTestsFolder = path.join(repoRoot, 'test', 'ui');
export const uiResultsFolder = path.join(repoRoot, 'test-results', 'ui');

/**
 * Fails with the command that produces a missing input, instead of a puzzling error later on.
 * @param {string} file
 * @param {string} producedBy
 */
export function requireFile(file, producedBy) {
  if (!existsSync(file)) {
    throw new HarnessError(`${path.relative(repoRoot, file)} not found: run \`${producedBy}\` first.`);
  }
}

/** An expected failure whose message says what to do; launchers print it without a stack. */
export class HarnessError extends Error {}

/**
 * Runs a launcher's main function and turns its outcome into the process exit code.
 * @param {() => Promise<number>} main resolves to the exit code
 */
export function runMain(main) {
  main().then(
    (code) => {
      if (!isCleaningUp()) process.exit(code);
    },
    (error) => {
      // After Ctrl-C, errors from the processes being ended are expected; the cleanup exits.
      if (isCleaningUp()) return;
      console.error(error instanceof HarnessError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
