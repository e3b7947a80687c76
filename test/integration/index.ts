// Test index run inside the extension host, by both launchers (test/harness/run-integration.mjs on
// code-server, test/harness/run-electron.mjs on desktop VS Code). Mocha BDD interface.
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
import { format } from 'util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const suite = process.env.TRADE_NOTES_SUITE;
  const resultsFile = process.env.TRADE_NOTES_TEST_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  for (const file of selectTestFiles(__dirname, suite)) mocha.addFile(file);

  const report: string[] = [];
  const consoleLog = Mocha.reporters.Base.consoleLog;
  // The spec reporter prints through Base.consoleLog: keep each line for the results file too.
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    report.push(formatLine(data));
    consoleLog(...data);
  };
  try {
    const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
      const runner = mocha.run(() => {
        if (runner.stats) resolve(runner.stats);
        else reject(new Error('Mocha finished without statistics.'));
      });
    });
    const summary = `suite=${suite ?? '(shared only)'} passes=${stats.passes} failures=${stats.failures} pending=${stats.pending}`;
    report.push(summary);
    if (resultsFile) fs.writeFileSync(resultsFile, report.join('\n') + '\n');
    if (stats.passes + stats.failures === 0) throw new Error(`No integration tests ran (${summary}).`);
    if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed (${summary}).`);
  } catch (error) {
    // A test file that fails to load never reaches the reporter: keep its error for the launcher.
    if (resultsFile && !fs.existsSync(resultsFile)) {
      fs.writeFileSync(resultsFile, `${report.join('\n')}\n${error instanceof Error ? error.stack : String(error)}\n`);
    }
    throw error;
  } finally {
    Mocha.reporters.Base.consoleLog = consoleLog;
  }
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

function formatLine(data: unknown[]): string {
  if (data.length === 0) return '';
  const [template, ...values] = data;
  return format(template, ...values);
}
