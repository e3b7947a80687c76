// "Reveal Note's Events in Timeline", through its command, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote } from '../support';

/**
 * An unsaved note with `text`, shown in the active editor. Its name is unique: a reused `Untitled-1` could
 * still be reverted by the previous test's cleanup.
 */
async function scratchNote(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/scratch-${Date.now()}-${Math.random().toString(36).slice(2)}.pnote` }));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await vscode.window.showTextDocument(document);
  return document;
}

describe("Command: Reveal Note's Events in Timeline", () => {
  before(activateExtension);

  it("reveals the events of the note's officials and tariff changes, in the timeline's order", async () => {
    await openNote('notes', 'navigation.pnote');
    const revealed = await vscode.commands.executeCommand<string[] | undefined>('tradeNotes.revealNoteEvents');
    assert.deepEqual(revealed, [
      'geneva-2025',
      'geneva-joint-statement-2025',
      'hassett-chip-controls-2025',
      'london-2025',
      'fixture-brussels-briefing',
    ]);
  });

  it('reveals nothing for a note that names no one', async () => {
    await scratchNote('Nothing to see.');
    try {
      assert.deepEqual(await vscode.commands.executeCommand('tradeNotes.revealNoteEvents'), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
