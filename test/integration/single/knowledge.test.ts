// Knowledge files in a real workspace: diagnostics, last good content, live edits, creation and deletion.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverOn, oneOfficial, openNote, waitFor, workspaceFile } from '../support';

const encoder = new TextEncoder();

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes');
}

describe('Knowledge files: diagnostics', () => {
  before(activateExtension);

  it('puts each problem of a malformed file at its line and column', async () => {
    const uri = workspaceFile('knowledge', 'broken.trade.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitFor('diagnostics on broken.trade.yaml', () =>
      diagnosticsOf(uri).length >= 2 ? diagnosticsOf(uri) : undefined,
    );
    const missingTitle = diagnostics.find((d) => d.code === 'missing-field');
    assert.ok(missingTitle, 'missing title is reported');
    assert.strictEqual(missingTitle.range.start.line, 6, 'on the entry "- id: second" (line 7)');
    assert.strictEqual(missingTitle.severity, vscode.DiagnosticSeverity.Error);
    const badDate = diagnostics.find((d) => d.code === 'date');
    assert.ok(badDate, 'the impossible date is reported');
    const dateLine = document.lineAt(badDate.range.start.line).text;
    assert.strictEqual(document.getText(badDate.range), '2025-13-01', `range covers the value (line: ${dateLine})`);
  });

  it('keeps hovers working with a malformed file in the workspace', async () => {
    const note = await openNote('notes', 'talks.pnote');
    assert.match((await hoverOn(note, 'Kevin Hassett', 2))?.markdown ?? '', /Fixture override title/);
    // Nothing from the broken file is served.
    const { store } = await activateExtension();
    assert.strictEqual(store.knowledge.officials.has('fixture-broken'), false);
  });
});

describe('Knowledge files: live updates', () => {
  const teamUri = workspaceFile('knowledge', 'team.trade.yaml');
  let original: string;

  before(async () => {
    await activateExtension();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri));
  });

  afterEach(async () => {
    // Put the fixture back exactly as it was, on disk and in any open editor.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === teamUri.toString());
    if (document && document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(teamUri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    await vscode.workspace.fs.writeFile(teamUri, encoder.encode(original));
    const note = await openNote('notes', 'talks.pnote');
    await waitFor('the original title back', async () =>
      /Fixture override title/.test((await hoverOn(note, 'Kevin Hassett', 2))?.markdown ?? ''),
    );
  });

  async function editTitle(newTitle: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(teamUri);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('Fixture override title'));
    const start = document.lineAt(line).text.indexOf('Fixture override title');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(teamUri, new vscode.Range(line, start, line, start + 'Fixture override title'.length), newTitle);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return document;
  }

  it('follows unsaved edits of a knowledge file, without a reload', async () => {
    const document = await editTitle('Edited but unsaved title');
    assert.ok(document.isDirty);
    const note = await openNote('notes', 'talks.pnote');
    await waitFor('the unsaved title in the hover', async () =>
      /Edited but unsaved title/.test((await hoverOn(note, 'Kevin Hassett', 2))?.markdown ?? ''),
    );
  });

  it('follows saved edits of a knowledge file', async () => {
    const document = await editTitle('Edited and saved title');
    assert.ok(await document.save());
    const note = await openNote('notes', 'talks.pnote');
    await waitFor('the saved title in the hover', async () =>
      /Edited and saved title/.test((await hoverOn(note, 'Kevin Hassett', 2))?.markdown ?? ''),
    );
  });

  it('keeps serving the last good content while an edit breaks the file, with a diagnostic', async () => {
    const document = await vscode.workspace.openTextDocument(teamUri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(teamUri, new vscode.Position(document.lineCount, 0), 'officials: [ this is not closed\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('a YAML diagnostic on the edited file', () =>
      diagnosticsOf(teamUri).some((d) => d.code === 'yaml-syntax'),
    );
    const note = await openNote('notes', 'talks.pnote');
    assert.match(
      (await hoverOn(note, 'Kevin Hassett', 2))?.markdown ?? '',
      /Fixture override title/,
      'last good content still served',
    );
  });

  it('loads a new knowledge file and forgets it when it is deleted', async () => {
    const created = workspaceFile('knowledge', 'created-by-test.trade.yaml');
    const note = await openNote('notes', 'talks.pnote');
    try {
      await vscode.workspace.fs.writeFile(
        created,
        encoder.encode(
          'kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: chance-figure, name: Ninety Nine, aliases: [Chance], title: Created by a test }\n',
        ),
      );
      const { store } = await activateExtension();
      await waitFor('the new official', () => store.knowledge.officials.has('chance-figure'));
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    const { store } = await activateExtension();
    await waitFor('the official to disappear', () => !store.knowledge.officials.has('chance-figure'));
    assert.strictEqual(diagnosticsOf(created).length, 0);
    assert.ok(note);
  });

  it('forgets a knowledge file deleted while an editor has it open, and loads it again when that editor saves it', async () => {
    const created = workspaceFile('knowledge', 'open-then-deleted.trade.yaml');
    const { store } = await activateExtension();
    await vscode.workspace.fs.writeFile(created, oneOfficial('open-deleted', 'Opal Deleted', 'Open in an editor'));
    try {
      await waitFor('the new official', () => store.knowledge.officials.has('open-deleted'));
      const document = await vscode.workspace.openTextDocument(created);
      await vscode.window.showTextDocument(document);
      await vscode.workspace.fs.delete(created);
      await waitFor(
        'the official to disappear though the editor is open',
        () => !store.knowledge.officials.has('open-deleted'),
      );
      assert.ok(!document.isClosed, 'the editor keeps the text: nothing the user wrote is lost');
      // An edit alone does not bring it back; saving the editor writes the file again.
      const edit = new vscode.WorkspaceEdit();
      const title = document.getText().indexOf('Open in an editor');
      edit.replace(created, new vscode.Range(document.positionAt(title), document.positionAt(title + 4)), 'Saved');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(!store.knowledge.officials.has('open-deleted'), 'an unsaved edit of a deleted file is not loaded');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(
        'the official back after the save',
        () => store.knowledge.officials.get('open-deleted')?.title === 'Saved in an editor',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    }
    await waitFor('the official gone at the end', () => !store.knowledge.officials.has('open-deleted'));
  });

  it('follows a rename of a knowledge file', async () => {
    const first = workspaceFile('knowledge', 'rename-me.trade.yaml');
    const second = workspaceFile('knowledge', 'renamed.trade.yaml');
    const { store } = await activateExtension();
    await vscode.workspace.fs.writeFile(first, oneOfficial('renamed-person', 'Rena Meyer', 'Renamed'));
    try {
      await waitFor('the file before rename', () => store.trackedUris.some((u) => u.toString() === first.toString()));
      await vscode.workspace.fs.rename(first, second);
      await waitFor('the file after rename', () => {
        const tracked = store.trackedUris.map((u) => u.toString());
        return tracked.includes(second.toString()) && !tracked.includes(first.toString());
      });
      assert.strictEqual(store.knowledge.officials.get('renamed-person')?.source.uri, second.toString());
    } finally {
      for (const uri of [first, second]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
