// Removing a folder from the multi-root workspace and adding it back. VS Code rewrites the
// .code-workspace file it opened for this; the harness opens a copy, so the fixture stays as it is.
// Folder B is the last folder: removing the first one would restart the extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverOn, waitFor } from '../support';

function folderNamed(name: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((folder) => folder.name === name);
}

function storeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes');
}

/** Applies a change of the workspace folders and waits until VS Code reports it. */
async function changeFolders(change: () => boolean): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  assert.ok(change(), 'VS Code accepted the change of workspace folders');
  await changed;
}

describe('Multi-root workspace: removing a folder and adding it back', () => {
  const folderBUri = folderNamed('multi-b')?.uri;

  before(() => {
    assert.ok(
      !vscode.workspace.workspaceFile?.path.includes('/test/fixtures/'),
      'the launcher opened a copy of the workspace file, which these changes rewrite',
    );
  });

  after(async () => {
    // Leave the workspace as the other multi-root tests expect it, even after a failure.
    if (folderBUri && !folderNamed('multi-b')) {
      await changeFolders(() => vscode.workspace.updateWorkspaceFolders(1, 0, { uri: folderBUri, name: 'multi-b' }));
    }
  });

  it("forgets a removed folder's knowledge and diagnostics, keeps the other folder's, and loads it again when it is back", async () => {
    const { store } = await activateExtension();
    const folderA = folderNamed('multi-a');
    assert.ok(folderA && folderBUri, 'both fixture folders are open');
    const note = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderA.uri, 'notes', 'a-side.pnote'));
    const folderBKnowledge = vscode.Uri.joinPath(folderBUri, 'kb', 'more-people.yaml');
    assert.match((await hoverOn(note, 'Ben Fixturesson', 2))?.markdown ?? '', /Fixture Envoy of Folder B/);
    await waitFor("the duplicate-id diagnostic on folder B's knowledge file", () =>
      storeDiagnostics(folderBKnowledge).some((d) => d.code === 'duplicate-id'),
    );

    await changeFolders(() => vscode.workspace.updateWorkspaceFolders(1, 1));
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      ['multi-a'],
    );
    await waitFor("folder B's official to be forgotten", () => !store.knowledge.officials.has('ben-fixture'));
    assert.strictEqual(
      await hoverOn(note, 'Ben Fixturesson', 2),
      undefined,
      "no card from the removed folder's knowledge",
    );
    assert.match(
      (await hoverOn(note, 'Ana Fixturova', 2))?.markdown ?? '',
      /Fixture Minister of Folder A/,
      "folder A's knowledge stays",
    );
    assert.deepEqual(storeDiagnostics(folderBKnowledge), [], "the removed folder's diagnostics are cleared");
    assert.deepEqual(
      store.trackedUris.filter((uri) => uri.toString().startsWith(`${folderBUri.toString()}/`)),
      [],
    );

    await changeFolders(() => vscode.workspace.updateWorkspaceFolders(1, 0, { uri: folderBUri, name: 'multi-b' }));
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      ['multi-a', 'multi-b'],
    );
    await waitFor("folder B's card back", async () =>
      /Fixture Envoy of Folder B/.test((await hoverOn(note, 'Ben Fixturesson', 2))?.markdown ?? ''),
    );
    await waitFor("folder B's diagnostic back", () =>
      storeDiagnostics(folderBKnowledge).some((d) => d.code === 'duplicate-id'),
    );
  });
});
