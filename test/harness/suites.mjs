// @ts-check
// The integration suites: one run of the test index per fixture workspace. A suite's name selects
// the test files under out/test/integration/<name>/ besides the shared ones (see test/integration/index.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError, repoRoot } from './paths.mjs';

/**
 * @typedef {{ name: string, workspace: string, workspaceTrust?: boolean }} Suite
 * workspaceTrust: run with Workspace Trust on, so the (never trusted) workspace is in restricted mode.
 */

/** @type {Suite[]} */
const fixtureSuites = [
  { name: 'single', workspace: path.join(repoRoot, 'test', 'fixtures', 'single') },
  { name: 'multi-root', workspace: path.join(repoRoot, 'test', 'fixtures', 'multi-root.code-workspace') },
  { name: 'untrusted', workspace: path.join(repoRoot, 'test', 'fixtures', 'untrusted'), workspaceTrust: true },
];

/**
 * Every fixture suite, or the one named on the command line: `--suite NAME --workspace PATH`
 * (any folder or .code-workspace file).
 * @returns {Suite[]}
 */
export function suitesFromArguments() {
  const { values } = parseArgs({ options: { suite: { type: 'string' }, workspace: { type: 'string' } } });
  if ((values.suite === undefined) !== (values.workspace === undefined)) {
    throw new HarnessError('--suite and --workspace go together.');
  }
  const suites = values.suite && values.workspace
    ? [{ name: values.suite, workspace: path.resolve(values.workspace) }]
    : fixtureSuites;
  for (const suite of suites) {
    if (!existsSync(suite.workspace)) throw new HarnessError(`workspace of suite ${suite.name} not found: ${suite.workspace}`);
  }
  return suites;
}

/** @param {Array<{ name: string, outcome: string, seconds: number }>} outcomes */
export function printSummary(outcomes) {
  console.log('\nIntegration suites:');
  for (const { name, outcome, seconds } of outcomes) console.log(`  ${name}: ${outcome} (${seconds} s)`);
  return outcomes.every(({ outcome }) => outcome === 'passed') ? 0 : 1;
}
