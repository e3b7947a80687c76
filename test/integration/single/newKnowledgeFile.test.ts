// Trade Notes: New Knowledge File, on test/fixtures/single: the skeleton is written next to the note and
// loads without a problem, an existing file is never overwritten, and without a note the name is asked.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFile } from '../support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('Command: New Knowledge File', () => {
  // A folder of its own, removed afterwards, so that the fixture stays as it is.
  const folder = workspaceFile(`new-knowledge-${Date.now()}`);
  const note = vscode.Uri.joinPath(folder, 'desk.pnote');

  before(async () => {
    await activateExtension();
    // It names no one: VS Code keeps the documents of the test open for a while after the folder is
    // deleted, and later tests (Find All References) would find what it names.
    await vscode.workspace.fs.writeFile(note, encoder.encode('# Desk note\n\nNothing to report yet.\n'));
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  after(async () => {
    // File by file, so that the watchers of `**/*.trade.yaml` hear of each one.
    // (The extension keeps a deleted file's knowledge while VS Code keeps its document open, which it
    // does for a while after its editor closed, so the test does not wait for them to be forgotten.)
    for (const [name] of await vscode.workspace.fs.readDirectory(folder))
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name));
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('writes the skeleton next to the note, opens it, and it loads without a problem', async () => {
    await vscode.window.showTextDocument(note);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tradeNotes.newKnowledgeFile');
    const created = vscode.Uri.joinPath(folder, 'knowledge.trade.yaml');
    assert.equal(editor?.document.uri.toString(), created.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
    const text = await readText(created);
    assert.equal(editor.document.getText(), text, 'the editor shows the file as written');
    assert.match(text, /^kind: trade-knowledge\b/m);
    assert.match(text, /^asOf: \d{4}-\d{2}-\d{2}\b/m);
    for (const section of ['countries', 'officials', 'tariffs', 'timeline'])
      assert.match(text, new RegExp(`^${section}:`, 'm'));

    const { store } = await activateExtension();
    await waitFor('the new file to be loaded', () => store.trackedUris.includes(created.toString()));
    assert.deepEqual(store.problemsByUri().get(created.toString()), []);
    assert.deepEqual(vscode.languages.getDiagnostics(created), []);
  });

  it('never overwrites a file: the next free name is chosen, and the existing file is unchanged', async () => {
    const existing = vscode.Uri.joinPath(folder, 'knowledge.trade.yaml');
    const mine = 'kind: trade-knowledge\nversion: 1\n# my own file\n';
    await vscode.workspace.fs.writeFile(existing, encoder.encode(mine));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'Knowledge-2.trade.yaml'), encoder.encode(mine));
    await vscode.window.showTextDocument(note);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tradeNotes.newKnowledgeFile');
    // knowledge-2 differs from Knowledge-2 only in case: taken on Windows and macOS, so not used.
    assert.equal(editor?.document.uri.toString(), vscode.Uri.joinPath(folder, 'knowledge-3.trade.yaml').toString());
    assert.equal(await readText(existing), mine);
    assert.match(await readText(editor.document.uri), /^kind: trade-knowledge\b/m);
  });

  it('without a note, offers a free name in the first workspace folder and writes it there', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const created = vscode.Uri.joinPath(root, 'knowledge.trade.yaml');
    assert.ok(!(await exists(created)), 'the fixture has no knowledge.trade.yaml at its root');
    let settled = false;
    const result = Promise.resolve(
      vscode.commands.executeCommand<vscode.TextEditor>('tradeNotes.newKnowledgeFile'),
    ).finally(() => (settled = true));
    try {
      // Accept the input box with the name it offers, once it is up.
      for (let attempt = 0; attempt < 50 && !settled; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const editor = await result;
      assert.equal(editor?.document.uri.toString(), created.toString());
      assert.match(await readText(created), /^version: 1\b/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (await exists(created)) await vscode.workspace.fs.delete(created);
    }
  });
});
