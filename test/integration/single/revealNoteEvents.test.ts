// "Reveal Note's Events in Timeline", through its command, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote, scratchNote } from '../support';

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
      'stockholm-2025',
      'madrid-2025',
      'kuala-lumpur-2025',
      'video-call-2025-12',
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
