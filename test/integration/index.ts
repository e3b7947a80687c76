// Test index run inside the Node extension host, by both launchers (test/harness/run-integration.mjs on
// code-server, test/harness/run-electron.mjs on desktop VS Code). Mocha BDD interface. The web worker
// extension host has its own index (web/index.ts).
//
// Which files run depends on TRADE_NOTES_SUITE, so that each fixture workspace gets its own run:
//   out/test/integration/*.test.js          shared: run in every suite
//   out/test/integration/<suite>/**.test.js  only when TRADE_NOTES_SUITE=<suite> (e.g. single, multi-root)
// Without TRADE_NOTES_SUITE only the shared files run.
//
// The extension host's stdout is not visible to the launcher, so the spec report and the counts are
// written to the file named by TRADE_NOTES_TEST_RESULTS (when set), which the launcher prints.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { runWithReport } from './testRun';

export async function run(): Promise<void> {
  const suite = process.env.TRADE_NOTES_SUITE;
  const resultsFile = process.env.TRADE_NOTES_TEST_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  for (const file of selectTestFiles(__dirname, suite)) mocha.addFile(file);
  await runWithReport({
    suite,
    mocha,
    reporter: Mocha.reporters.Base,
    keepReport: resultsFile ? async (report) => fs.writeFileSync(resultsFile, report) : undefined,
  });
}

function selectTestFiles(root: string, suite: string | undefined): string[] {
  const entries = fs.readdirSync(root, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((relative) => relative.endsWith('.test.js'))
    .filter((relative) => {
      const folders = relative.split(path.sep).slice(0, -1);
      return folders.length === 0 || folders[0] === suite;
    })
    .sort()
    .map((relative) => path.join(root, relative));
}
