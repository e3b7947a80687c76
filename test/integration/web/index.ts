// Test index run inside the browser's web worker extension host (test/harness/run-integration.mjs
// --host web). test/harness/build-web-tests.mjs bundles it with the test files of every suite into
// out/web/tests.js, whose `run()` hands them to runWebSuite.
//
// A web worker has no environment variables and no file system of its own, so the launcher passes the
// suite and the results file as user settings (tradeNotesTests.*), and the report is written through
// vscode.workspace.fs to that file on the code-server machine.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { runWithReport } from '../testRun';

/** Loads the test files of each suite: the shared ones, those of web/ and those of the suite's folder. */
export type SuiteLoaders = Readonly<Record<string, () => void>>;

export async function runWebSuite(suites: SuiteLoaders): Promise<void> {
  const settings = vscode.workspace.getConfiguration('tradeNotesTests');
  const suite = settings.get<string>('suite');
  const resultsFile = settings.get<string>('resultsFile');
  // Mocha's browser build defines the globals `mocha` and `Mocha`, and `describe`/`it` at setup.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20000 });
  await runWithReport({
    suite,
    mocha,
    reporter: Mocha.reporters.Base,
    loadTestFiles: () => {
      const load = suite === undefined ? undefined : suites[suite];
      if (!load) throw new Error(`No web test suite "${suite}"; there are: ${Object.keys(suites).join(', ')}.`);
      load();
    },
    keepReport: resultsFile
      ? async (report) => vscode.workspace.fs.writeFile(onServer(resultsFile), new TextEncoder().encode(report))
      : undefined,
  });
}

/** A path on the code-server machine, which the extension under test was loaded from (a vscode-remote URI). */
function onServer(path: string): vscode.Uri {
  const extension = vscode.extensions.getExtension('trade-notes.trade-notes');
  if (!extension) throw new Error('Trade Notes is not among the extensions of this host.');
  return extension.extensionUri.with({ path });
}
