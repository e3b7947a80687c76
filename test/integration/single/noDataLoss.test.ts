// The extension never writes to user files: opening, hovering everywhere, refreshing and reloading
// leave every file of the workspace byte-identical.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, workspaceFile } from '../support';

async function snapshot(folder: vscode.Uri, into = new Map<string, Uint8Array>()): Promise<Map<string, Uint8Array>> {
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) await snapshot(uri, into);
    else into.set(uri.toString(), await vscode.workspace.fs.readFile(uri));
  }
  return into;
}

describe('No data loss', () => {
  it('leaves every workspace file byte-identical after opening, hovering, refreshing and reloading', async function () {
    this.timeout(60_000);
    const { store, timeline } = await activateExtension();
    const root = workspaceFile();
    const before = await snapshot(root);
    assert.ok(before.size >= 3, 'the fixture has files to compare');

    for (const uri of [...before.keys()].map((key) => vscode.Uri.parse(key))) {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // Hover at the start of every word of the file.
      for (const match of document.getText().matchAll(/[\p{L}\p{N}]+/gu)) {
        await hoverAt(document, document.positionAt(match.index));
      }
    }
    await vscode.commands.executeCommand('tradeNotes.timeline.refresh');
    await store.reload();
    for (const month of await timeline.getChildren())
      for (const event of await timeline.getChildren(month)) await timeline.getChildren(event);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const after = await snapshot(root);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file was created or deleted');
    for (const [uri, bytes] of before) assert.deepStrictEqual(after.get(uri), bytes, `${uri} is unchanged`);
  });
});
