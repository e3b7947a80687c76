// The note commands of the palette: Open Knowledge Entry of Mention and Insert Official…
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote, positionOf, scratchNote } from '../support';

/** Runs a command that shows a quick pick, and accepts the pick's first item once it is up. */
async function runAcceptingFirstPick<T>(command: string): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (settled = true));
  for (let attempt = 0; attempt < 50 && !settled; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

async function placeCursor(document: vscode.TextDocument, needle: string, offset: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  const position = positionOf(document, needle, offset);
  editor.selection = new vscode.Selection(position, position);
}

describe('Command: Open Knowledge Entry of Mention', () => {
  before(activateExtension);

  it('opens the entry of the official at the cursor', async () => {
    const note = await openNote('notes', 'navigation.pnote');
    await placeCursor(note, 'Kevin Hassett', 2);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('tradeNotes.openMentionEntry');
    assert.ok(editor);
    assert.match(editor.document.uri.path, /team\.trade\.yaml$/);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: kevin-hassett/);
  });

  it('lets the user choose between the tariffs of a shared rate, the likeliest first', async () => {
    const note = await openNote('notes', 'navigation.pnote');
    await placeCursor(note, '10%', 1);
    const editor = await runAcceptingFirstPick<vscode.TextEditor | undefined>('tradeNotes.openMentionEntry');
    assert.strictEqual(editor?.document.uri.scheme, 'trade-notes-bundled');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: cn-on-us/);
  });

  it('opens nothing away from a mention', async () => {
    const note = await openNote('notes', 'navigation.pnote');
    await placeCursor(note, 'was also there', 2);
    assert.strictEqual(await vscode.commands.executeCommand('tradeNotes.openMentionEntry'), undefined);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), note.uri.toString());
  });
});

describe('Command: Insert Official…', () => {
  before(activateExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('inserts the picked name at every cursor, as one undoable edit', async () => {
    const document = await scratchNote('Met  and .');
    const editor = vscode.window.activeTextEditor!;
    editor.selections = [new vscode.Selection(0, 4, 0, 4), new vscode.Selection(0, 9, 0, 9)];
    // The first official by name is Donald Trump, in the bundled knowledge.
    const inserted = await runAcceptingFirstPick<string | undefined>('tradeNotes.insertOfficial');
    assert.strictEqual(inserted, 'Donald Trump');
    assert.strictEqual(document.getText(), 'Met Donald Trump and Donald Trump.');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), 'Met  and .');
  });
});
