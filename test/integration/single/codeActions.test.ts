// The hint on unknown titled names and its "Add to knowledge file" quick fix, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, openNote, waitFor, workspaceFile } from '../support';

function hintsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Trade Notes' && d.code === 'unknown-official');
}

describe('Unknown officials: hint and quick fix', () => {
  const teamUri = workspaceFile('knowledge', 'team.trade.yaml');
  let note: vscode.TextDocument;
  let original: string;
  /** The user setting before the suite, put back after it (undefined would turn on the web workbench's default auto-save for later suites). */
  let autoSave: unknown;

  before(async () => {
    await activateExtension();
    // The web workbench saves files a second after each edit by default; this test checks that the fix itself never does.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri));
    note = await openNote('notes', 'navigation.pnote');
  });

  after(async () => {
    // Leave the fixture as it was, whatever happened; then check nothing was ever written to it.
    const team = vscode.workspace.textDocuments.find((d) => d.uri.toString() === teamUri.toString());
    if (team?.isDirty) {
      await vscode.window.showTextDocument(team);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('hintUnknownOfficials', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri));
    if (onDisk !== original) await vscode.workspace.fs.writeFile(teamUri, new TextEncoder().encode(original));
    assert.strictEqual(onDisk, original, 'the quick fix never writes the knowledge file');
  });

  it('hints at a capitalised name after a known title, and at nothing the knowledge has', async () => {
    const hints = await waitFor('a hint on navigation.pnote', () =>
      hintsOf(note.uri).length > 0 ? hintsOf(note.uri) : undefined,
    );
    assert.deepEqual(
      hints.map((h) => note.getText(h.range)),
      ['Zhang Wei'],
    );
    assert.strictEqual(hints[0]!.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(hints[0]!.message, /Commerce Minister/);
  });

  it('offers to add the name to each knowledge file, a file without errors first, without writing anything yet', async () => {
    const [hint] = hintsOf(note.uri);
    const actions = await codeActionsAt(note.uri, hint!.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => a.title.startsWith("Add 'Zhang Wei'"));
    assert.deepEqual(
      ours.map((a) => a.title),
      ["Add 'Zhang Wei' to knowledge/team.trade.yaml", "Add 'Zhang Wei' to knowledge/broken.trade.yaml"],
    );
    assert.strictEqual(ours[0]!.isPreferred, true);
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri)),
      original,
      'offering writes nothing',
    );
  });

  it('inserts a well-formed entry in the open knowledge file, unsaved and undoable, and the knowledge follows', async () => {
    const { store } = await activateExtension();
    const [hint] = hintsOf(note.uri);
    const [fix] = (await codeActionsAt(note.uri, hint!.range)).filter((a) =>
      a.title.startsWith("Add 'Zhang Wei' to knowledge/team"),
    );
    assert.ok(
      fix?.command && !fix.edit,
      'a command that edits in an editor, not a workspace edit that could be saved for the user',
    );
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      fix.command.command,
      ...(fix.command.arguments ?? []),
    );

    assert.strictEqual(editor?.document.uri.toString(), teamUri.toString(), 'the knowledge file is shown');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), teamUri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), '- id: zhang-wei', 'the new entry is selected');
    assert.ok(editor.document.isDirty, 'nothing is saved');
    assert.match(
      editor.document.getText(),
      /- id: zhang-wei\n {4}name: Zhang Wei\n {4}aliases: \[Commerce Minister Zhang Wei\]\n {4}title: Commerce Minister\n {4}country:\n/,
    );

    await waitFor(
      'the new official in the knowledge',
      () => store.knowledge.officials.get('zhang-wei')?.title === 'Commerce Minister',
    );
    await waitFor('the hint to go', () => hintsOf(note.uri).length === 0);
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri)),
      original,
      'the file on disk is untouched',
    );

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo takes the entry out');
    assert.ok(!editor.document.isDirty);
    await waitFor('the official to go', () => !store.knowledge.officials.has('zhang-wei'));
    await waitFor('the hint to come back', () => hintsOf(note.uri).length === 1);
  });

  it('hints at nothing when tradeNotes.hintUnknownOfficials is off', async () => {
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('hintUnknownOfficials', false, vscode.ConfigurationTarget.Global);
    await waitFor('the hints to go', () => hintsOf(note.uri).length === 0);
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('hintUnknownOfficials', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the hints to come back', () => hintsOf(note.uri).length === 1);
  });

  it('opens a complete new knowledge file, unsaved, when the user picks "a new knowledge file"', async () => {
    const official = {
      id: 'zhang-wei',
      name: 'Zhang Wei',
      title: 'Commerce Minister',
      alias: 'Commerce Minister Zhang Wei',
    };
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'tradeNotes.addOfficialToNewFile',
      official,
    );
    try {
      assert.strictEqual(editor?.document.isUntitled, true);
      assert.strictEqual(editor.document.languageId, 'yaml');
      assert.match(editor.document.getText(), /^kind: trade-knowledge\nversion: 1\nofficials:\n {2}- id: zhang-wei\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
