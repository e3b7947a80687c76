// Find All References (vscode.executeReferenceProvider) and the timeline's Find Mentions, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TimelineNode } from '../../../src/features/timelineView';
import { activateExtension, openNote, positionOf, scratchNote, workspaceFile } from '../support';

async function referencesAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
  return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
}

/**
 * Each location as "file: text", sorted, to compare sets of references at a glance. Notes other tests
 * left open outside the workspace (in a temporary folder) are left out.
 */
async function summarise(locations: readonly vscode.Location[]): Promise<string[]> {
  const ours = locations.filter(
    (location) => location.uri.scheme !== 'file' || vscode.workspace.getWorkspaceFolder(location.uri),
  );
  const described = await Promise.all(
    ours.map(async (location) => {
      const document = await vscode.workspace.openTextDocument(location.uri);
      return `${location.uri.path.split('/').pop()}: ${document.getText(location.range).replace(/\s+/g, ' ')}`;
    }),
  );
  return described.sort();
}

describe('Find All References', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await openNote('notes', 'navigation.pnote');
  });

  it('finds every mention of an official in every note, and every use of its id in knowledge files', async () => {
    const found = await summarise(await referencesAt(note, positionOf(note, 'Bessent said', 1)));
    const inNotes = found.filter((f) => !f.includes('.trade.yaml'));
    assert.deepEqual(inNotes, [
      'navigation.pnote: Bessent',
      'navigation.pnote: Treasury Secretary Bessent',
      'second.policy.md: Scott Bessent',
      'talks.pnote: Scott Bessent',
      "talks.pnote: Treasury Secretary Bessent's",
    ]);
    const uses = found.filter((f) => f.startsWith('us-china-2025.trade.yaml'));
    assert.ok(
      uses.filter((f) => f === 'us-china-2025.trade.yaml: scott-bessent').length >= 3,
      `participants in bundled events:\n${found.join('\n')}`,
    );
  });

  it('counts a figure for the tariff it most likely refers to', async () => {
    const found = await summarise(await referencesAt(note, positionOf(note, '145%', 1)));
    const inNotes = found.filter((f) => !f.includes('.trade.yaml'));
    assert.deepEqual(inNotes, [
      'navigation.pnote: 145%',
      'navigation.pnote: 30 per cent',
      'second.policy.md: 145%',
      'talks.pnote: 145%',
      'talks.pnote: 145-percent',
      'talks.pnote: 30 per cent',
    ]);
    assert.ok(found.includes('us-china-2025.trade.yaml: us-on-cn'), 'the declaration');
    assert.ok(
      !found.some((f) => f.endsWith(': 10%')),
      '"China cut its tariffs … to 10%" is the Chinese tariff, not this one',
    );
  });

  it('starts from an id in a knowledge file, and includes the declaration', async () => {
    const team = await vscode.workspace.openTextDocument(workspaceFile('knowledge', 'team.trade.yaml'));
    const position = positionOf(team, 'participants: [maros-sefcovic]', 'participants: ['.length + 1);
    assert.deepEqual(await summarise(await referencesAt(team, position)), [
      'navigation.pnote: Šefčovič',
      'talks.pnote: MAROŠ ŠEFČOVIČ',
      'talks.pnote: Sefcovic',
      'team.trade.yaml: maros-sefcovic',
      'team.trade.yaml: maros-sefcovic',
    ]);
  });

  it('finds the uses and the declaration of an event id', async () => {
    const team = await vscode.workspace.openTextDocument(workspaceFile('knowledge', 'team.trade.yaml'));
    const found = await summarise(
      await referencesAt(team, positionOf(team, 'id: fixture-brussels-briefing', 'id: '.length)),
    );
    assert.deepEqual(found, ['team.trade.yaml: fixture-brussels-briefing']);
  });

  it('reads open notes from their editors, unsaved edits included', async () => {
    const scratch = await scratchNote('An unsaved note about Jamieson Greer.');
    const inScratch = async (): Promise<number> =>
      (await referencesAt(scratch, positionOf(scratch, 'Jamieson Greer', 1))).filter(
        (l) => l.uri.toString() === scratch.uri.toString(),
      ).length;
    try {
      assert.strictEqual(await inScratch(), 1);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(scratch.uri, new vscode.Position(0, 0), 'Jamieson Greer again. ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual(await inScratch(), 2);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('Find Mentions from the Talks Timeline', () => {
  async function eventNode(id: string): Promise<TimelineNode> {
    const { timeline } = await activateExtension();
    for (const month of await timeline.getChildren()) {
      const found = (await timeline.getChildren(month)).find((node) => node.type === 'event' && node.event.id === id);
      if (found) return found;
    }
    throw new Error(`event ${id} not in the timeline`);
  }

  afterEach(() => vscode.commands.executeCommand('closeReferenceSearch'));

  it("finds a participant's mentions in notes and shows them over the knowledge entry", async () => {
    const { timeline } = await activateExtension();
    const event = await eventNode('fixture-brussels-briefing');
    const [participant] = await timeline.getChildren(event);
    assert.strictEqual(participant?.type, 'participant');
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'tradeNotes.timeline.findMentions',
      participant,
    );
    assert.deepEqual(await summarise(found), [
      'navigation.pnote: Šefčovič',
      'talks.pnote: MAROŠ ŠEFČOVIČ',
      'talks.pnote: Sefcovic',
    ]);
    const editor = vscode.window.activeTextEditor;
    assert.match(
      editor?.document.lineAt(editor.selection.active.line).text ?? '',
      /id: maros-sefcovic/,
      'the peek opens on the entry',
    );
  });

  it("finds the mentions of all of an event's participants", async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'tradeNotes.timeline.findMentions',
      await eventNode('geneva-2025'),
    );
    const described = await summarise(found);
    for (const expected of [
      'navigation.pnote: Vice Premier He Lifeng',
      'second.policy.md: Scott Bessent',
      'talks.pnote: 何立峰',
    ]) {
      assert.ok(described.includes(expected), `${expected} in:\n${described.join('\n')}`);
    }
  });
});
