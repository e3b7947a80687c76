// Go to Definition / Peek through vscode.executeDefinitionProvider, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, oneOfficial, openNote, positionOf, waitFor, workspaceFile } from '../support';

async function definitionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.LocationLink[]> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider',
    document.uri,
    position,
  );
  return found.map((d) => ('targetUri' in d ? d : { targetUri: d.uri, targetRange: d.range }));
}

/** The first line of each target, as "file: line text". */
async function targetLines(links: readonly vscode.LocationLink[]): Promise<string[]> {
  return Promise.all(
    links.map(async (link) => {
      const document = await vscode.workspace.openTextDocument(link.targetUri);
      return `${link.targetUri.path.split('/').pop()}: ${document.lineAt(link.targetRange.start.line).text.trim()}`;
    }),
  );
}

describe('Go to Definition from a note', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await openNote('notes', 'navigation.pnote');
  });

  it('goes from an alias to the bundled entry, read-only', async () => {
    const links = await definitionsAt(note, positionOf(note, 'Bessent said', 2));
    assert.strictEqual(links.length, 1);
    assert.strictEqual(links[0]!.targetUri.scheme, 'trade-notes-bundled');
    assert.deepEqual(await targetLines(links), ['us-china-2025.trade.yaml: - id: scott-bessent']);
    assert.strictEqual(note.getText(links[0]!.originSelectionRange), 'Bessent', 'the whole mention is the link');
  });

  it('goes to the workspace entry that overrides a bundled one', async () => {
    const links = await definitionsAt(note, positionOf(note, 'Kevin Hassett', 3));
    assert.deepEqual(await targetLines(links), ['team.trade.yaml: - id: kevin-hassett']);
  });

  it('offers every tariff with a shared rate, for Peek to show them all', async () => {
    // VS Code orders the targets by position; the command "Open Knowledge Entry of Mention" offers the likeliest first.
    const links = await definitionsAt(note, positionOf(note, '10%', 1));
    assert.deepEqual((await targetLines(links)).sort(), [
      'us-china-2025.trade.yaml: - id: cn-on-us',
      'us-china-2025.trade.yaml: - id: us-on-cn',
    ]);
  });

  it('gives nothing on plain text', async () => {
    assert.deepEqual(await definitionsAt(note, positionOf(note, 'was also there', 2)), []);
  });

  it('follows the knowledge live: a new knowledge file is a definition at once, and is gone with it', async () => {
    const { store } = await activateExtension();
    const created = workspaceFile('knowledge', 'definitions-live.trade.yaml');
    const position = positionOf(note, 'Zhang Wei', 1);
    try {
      await vscode.workspace.fs.writeFile(created, oneOfficial('zhang-wei', 'Zhang Wei', 'Commerce Minister'));
      await waitFor('the new official', () => store.knowledge.officials.has('zhang-wei'));
      // Not opened here: an open document would keep serving its text after the file is deleted.
      const links = await definitionsAt(note, position);
      assert.deepEqual(
        links.map((link) => [link.targetUri.toString(), link.targetRange.start.line]),
        [[created.toString(), 3]],
      );
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitFor('the official to go', () => !store.knowledge.officials.has('zhang-wei'));
    assert.deepEqual(await definitionsAt(note, position), []);
  });
});

describe('Go to Definition in a knowledge file', () => {
  let team: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    team = await vscode.workspace.openTextDocument(workspaceFile('knowledge', 'team.trade.yaml'));
  });

  it('goes from a participant id to the official', async () => {
    const links = await definitionsAt(
      team,
      positionOf(team, 'participants: [maros-sefcovic]', 'participants: ['.length + 2),
    );
    assert.deepEqual(await targetLines(links), ['team.trade.yaml: - id: maros-sefcovic']);
  });

  it('answers a definition with itself, so that VS Code shows its references instead', async () => {
    const position = positionOf(team, 'id: kevin-hassett', 'id: '.length + 2);
    const links = await definitionsAt(team, position);
    assert.strictEqual(links.length, 1);
    assert.strictEqual(links[0]!.targetUri.toString(), team.uri.toString());
    assert.strictEqual(team.getText(links[0]!.targetRange), 'kevin-hassett');
  });

  it('goes from a country code to the bundled country', async () => {
    const links = await definitionsAt(team, positionOf(team, 'country: US', 'country: '.length));
    assert.deepEqual(await targetLines(links), ['us-china-2025.trade.yaml: US:']);
  });

  it('goes from an event id in the bundled knowledge to its event', async () => {
    const bundled = await vscode.workspace.openTextDocument(
      vscode.Uri.parse('trade-notes-bundled:/us-china-2025.trade.yaml'),
    );
    const links = await definitionsAt(
      bundled,
      positionOf(bundled, 'event: geneva-joint-statement-2025', 'event: '.length + 1),
    );
    assert.deepEqual(await targetLines(links), ['us-china-2025.trade.yaml: - id: geneva-joint-statement-2025']);
  });
});
