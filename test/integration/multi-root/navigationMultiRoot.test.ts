// Navigation and authoring across the folders of test/fixtures/multi-root.code-workspace, where
// folder B keeps its knowledge in kb/*.yaml (a folder setting) rather than *.trade.yaml.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, positionOf, waitFor } from '../support';

function folderFile(folderName: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  assert.ok(folder, `workspace folder ${folderName} is open`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** "folder/path: text" of each location, sorted. */
async function summarise(locations: readonly (vscode.Location | vscode.LocationLink)[]): Promise<string[]> {
  const described = await Promise.all(
    locations.map(async (location) => {
      const [uri, range] =
        'targetUri' in location ? [location.targetUri, location.targetRange] : [location.uri, location.range];
      const document = await vscode.workspace.openTextDocument(uri);
      return `${vscode.workspace.asRelativePath(uri)}: ${document.getText(range).split('\n')[0]}`;
    }),
  );
  return described.sort();
}

describe('Navigation in a multi-root workspace', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await vscode.workspace.openTextDocument(folderFile('multi-b', 'cross-folder.pnote'));
  });

  it('goes to definitions in the other folder and in a knowledge file found by a folder setting', async () => {
    const definitions = async (needle: string): Promise<string[]> =>
      summarise(
        await vscode.commands.executeCommand('vscode.executeDefinitionProvider', note.uri, positionOf(note, needle, 2)),
      );
    assert.deepEqual(await definitions('Ana Fixturova'), ['multi-a/people.trade.yaml: id: ana-fixture']);
    assert.deepEqual(await definitions('Ben Fixturesson'), ['multi-b/kb/more-people.yaml: id: ben-fixture']);
  });

  it('finds references in the notes of every folder, and the definitions in both knowledge files', async () => {
    const knowledge = await vscode.workspace.openTextDocument(folderFile('multi-b', 'kb', 'more-people.yaml'));
    const position = positionOf(knowledge, 'id: ben-fixture', 'id: '.length);
    assert.deepEqual(
      await summarise(await vscode.commands.executeCommand('vscode.executeReferenceProvider', knowledge.uri, position)),
      [
        'multi-a/notes/a-side.pnote: Ben Fixturesson',
        'multi-b/cross-folder.pnote: Ben Fixturesson',
        'multi-b/kb/more-people.yaml: ben-fixture',
        'multi-b/unknown-envoy.pnote: Ben Fixturesson',
      ],
    );
    const ana = positionOf(knowledge, 'id: ana-fixture', 'id: '.length);
    const anaReferences = await summarise(
      await vscode.commands.executeCommand('vscode.executeReferenceProvider', knowledge.uri, ana),
    );
    assert.ok(
      anaReferences.includes('multi-a/people.trade.yaml: ana-fixture') &&
        anaReferences.includes('multi-b/kb/more-people.yaml: ana-fixture'),
      anaReferences.join('\n'),
    );
  });

  it('outlines a knowledge file found by a folder setting', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      folderFile('multi-b', 'kb', 'more-people.yaml'),
    );
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children.map((c) => c.name)]),
      [['Officials', ['Ben Fixturesson', 'Ana Fixturova']]],
    );
  });

  it('finds officials of every folder with Go to Symbol in Workspace', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'Fixtur',
    );
    assert.deepEqual(
      found
        .filter((s) => s.kind === vscode.SymbolKind.Object)
        .map((s) => s.name)
        .sort(),
      ['Ana Fixturova', 'Ben Fixturesson'],
    );
  });

  it("offers to add an unknown official to the note's own folder first", async () => {
    const envoy = await vscode.workspace.openTextDocument(folderFile('multi-b', 'unknown-envoy.pnote'));
    await vscode.window.showTextDocument(envoy);
    const hint = await waitFor('a hint on "Dora Unknownova"', () =>
      vscode.languages.getDiagnostics(envoy.uri).find((d) => d.code === 'unknown-official'),
    );
    assert.strictEqual(envoy.getText(hint.range), 'Dora Unknownova');
    const actions = await codeActionsAt(envoy.uri, hint.range);
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith("Add 'Dora Unknownova'")).map((a) => a.title),
      ["Add 'Dora Unknownova' to multi-b/kb/more-people.yaml", "Add 'Dora Unknownova' to multi-a/people.trade.yaml"],
    );
  });
});
