// `trade-notes check` on both folders of the multi-root workspace reports exactly what the editor shows
// (see ../commandLineParity.ts): each folder's knowledge files setting, an id defined in both folders.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { assertEditorShows, runCheck } from '../commandLineParity';
import { activateExtension } from '../support';

describe('trade-notes check and the editor, in a multi-root workspace', () => {
  before(activateExtension);

  it('reports what the editor shows in both folders, each with its own knowledge files setting', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.path);
    assert.strictEqual(folders.length, 2);
    const cwd = path.dirname(folders[0]!);
    const run = await runCheck(
      cwd,
      folders.map((folder) => path.relative(cwd, folder)),
    );
    assert.strictEqual(run.exitCode, 1, 'an id is defined in both folders');
    assert.ok(
      run.findings.some((f) =>
        /^multi-b\/kb\/more-people\.yaml:7:.* error duplicate-id .*file:\/\/\/.*multi-a\/people\.trade\.yaml/.test(f),
      ),
      run.findings.join('\n'),
    );
    assert.ok(!run.findings.some((f) => f.includes('ignored.trade.yaml')), "multi-b's setting leaves it out");
    await assertEditorShows(run, cwd);
  });
});
