// A multi-root workspace (test/fixtures/multi-root.code-workspace): knowledge from every folder, with
// each folder's own `tradeNotes.knowledgeFiles` setting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverOn } from '../support';

function folderFile(folderName: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  assert.ok(folder, `workspace folder ${folderName} is open`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

describe('Multi-root workspace', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await vscode.workspace.openTextDocument(folderFile('multi-b', 'cross-folder.pnote'));
    await vscode.window.showTextDocument(note);
  });

  it('has both folders open', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['multi-a', 'multi-b'],
    );
  });

  it('hovers a name defined in another folder of the workspace', async () => {
    const hover = await hoverOn(note, 'Ana Fixturova', 2);
    assert.match(hover?.markdown ?? '', /Fixture Minister of Folder A/);
  });

  it("reads each folder's knowledge with that folder's own setting", async () => {
    assert.match((await hoverOn(note, 'Ben Fixturesson', 2))?.markdown ?? '', /Fixture Envoy of Folder B/);
    assert.strictEqual(await hoverOn(note, 'Carl Ignoredsen', 2), undefined, 'multi-b only loads kb/**/*.yaml');
  });

  it('reports an id defined in two folders on the later file, and the first one wins', async () => {
    const later = folderFile('multi-b', 'kb', 'more-people.yaml');
    const duplicates = vscode.languages.getDiagnostics(later).filter((d) => d.code === 'duplicate-id');
    assert.strictEqual(duplicates.length, 1);
    assert.strictEqual(duplicates[0]!.range.start.line, 7);
    assert.match(duplicates[0]!.message, /ana-fixture/);
  });

  it('still serves the bundled knowledge', async () => {
    const { store } = await activateExtension();
    assert.strictEqual(store.knowledge.officials.get('scott-bessent')?.title, 'Secretary of the Treasury');
  });
});
