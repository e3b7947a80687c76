// @ts-check
// The integration suites: one run of the test index per fixture workspace. A suite's name selects
// the test files under out/test/integration/<name>/ besides the shared ones (see test/integration/index.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError, repoRoot } from './paths.mjs';

/**
 * @typedef {{ name: string, workspace: string, workspaceTrust?: boolean, extraExtensions?: string[], locale?: string }} Suite
 * workspaceTrust: run with Workspace Trust on, so the (never trusted) workspace is in restricted mode.
 * extraExtensions: folders of further extensions loaded for development next to Trade Notes (test helpers).
 * locale: the display language VS Code starts in (English when unset).
 */

const fixtures = path.join(repoRoot, 'test', 'fixtures');

/** @type {Suite[]} */
const fixtureSuites = [
  { name: 'single', workspace: path.join(fixtures, 'single') },
  { name: 'multi-root', workspace: path.join(fixtures, 'multi-root.code-workspace') },
  { name: 'untrusted', workspace: path.join(fixtures, 'untrusted'), workspaceTrust: true },
  // A virtual workspace: its only folder is in the in-memory file system of the virtual-fs test extension.
  {
    name: 'virtual',
    workspace: path.join(fixtures, 'virtual-workspace', 'virtual.code-workspace'),
    extraExtensions: [path.join(fixtures, 'virtual-fs-extension')],
  },
  // The single-folder workspace with VS Code in Chinese: the extension's zh-cn bundles.
  { name: 'zh-cn', workspace: path.join(fixtures, 'single'), locale: 'zh-cn' },
];

/** @typedef {'node' | 'web'} ExtensionHost where the extensions under test and the test index run */

/**
 * Every fixture suite, or the one named on the command line: `--suite NAME --workspace PATH`
 * (any folder or .code-workspace file). A fixture suite's name keeps its options (trust, extra
 * extensions, locale) on the other workspace. `--host web`: in the browser's web worker extension host.
 * `--locale LANGUAGE`: VS Code in that display language (test/fixtures/<language>-language-pack).
 * @returns {{ suites: Suite[], host: ExtensionHost }}
 */
export function suitesFromArguments() {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string' },
      workspace: { type: 'string' },
      host: { type: 'string', default: 'node' },
      locale: { type: 'string' },
    },
  });
  if ((values.suite === undefined) !== (values.workspace === undefined)) {
    throw new HarnessError('--suite and --workspace go together.');
  }
  if (values.host !== 'node' && values.host !== 'web') throw new HarnessError('--host is node or web.');
  const chosen =
    values.suite && values.workspace
      ? [
          {
            ...fixtureSuites.find((suite) => suite.name === values.suite),
            name: values.suite,
            workspace: path.resolve(values.workspace),
          },
        ]
      : fixtureSuites;
  const suites = values.locale ? chosen.map((suite) => ({ ...suite, locale: values.locale })) : chosen;
  for (const suite of suites) {
    if (!existsSync(suite.workspace))
      throw new HarnessError(`workspace of suite ${suite.name} not found: ${suite.workspace}`);
    if (suite.locale && !existsSync(path.join(repoRoot, 'test', 'fixtures', `${suite.locale}-language-pack`)))
      throw new HarnessError(`no language pack for ${suite.locale}: test/fixtures/${suite.locale}-language-pack`);
    for (const extension of suite.extraExtensions ?? []) {
      if (!existsSync(path.join(extension, 'package.json')))
        throw new HarnessError(`extension of suite ${suite.name} not found: ${extension}`);
    }
  }
  return { suites, host: values.host };
}

/**
 * @param {Array<{ name: string, outcome: string, seconds: number }>} outcomes
 * @param {string} [where] the extension host, when it is not the usual one
 */
export function printSummary(outcomes, where) {
  console.log(`\nIntegration suites${where ? ` (${where})` : ''}:`);
  for (const { name, outcome, seconds } of outcomes) console.log(`  ${name}: ${outcome} (${seconds} s)`);
  return outcomes.every(({ outcome }) => outcome === 'passed') ? 0 : 1;
}
