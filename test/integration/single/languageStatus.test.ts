// The language status items of policy notes, on test/fixtures/single (team.trade.yaml loads, broken.trade.yaml
// has errors). VS Code has no API to read language status items back, so the tests read the extension's own
// items through its API; test/ui/languageStatus.test.mjs shows them in the workbench.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TradeNotesApi } from '../../../src/extension';
import { activateExtension, oneOfficial, openNote, scratchNote, waitFor, workspaceFile } from '../support';

function statusOf(api: TradeNotesApi, id: string): vscode.LanguageStatusItem | undefined {
  return api.languageStatus.items().find((item) => item.id === id);
}

/** The knowledge item's text for the store's knowledge now. */
function expectedKnowledgeText({ store }: TradeNotesApi): string {
  const files = store.trackedUris.length;
  return `bundled + ${files} ${files === 1 ? 'file' : 'files'}, ${store.knowledge.officials.size} officials, ${store.knowledge.tariffs.size} tariffs`;
}

describe('Language status of policy notes', () => {
  let api: TradeNotesApi;
  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the knowledge in use, with a link to the log', async () => {
    await openNote('notes', 'talks.pnote');
    const knowledge = statusOf(api, 'tradeNotes.knowledge')!;
    // Files deleted by earlier tests stay tracked while VS Code keeps their documents open, so count them.
    assert.equal(knowledge.text, expectedKnowledgeText(api), api.store.trackedUris.join(', '));
    assert.match(knowledge.text, /^bundled \+ \d+ files, \d+ officials, \d+ tariffs$/);
    assert.equal(knowledge.detail, 'as of 31 Dec 2025');
    assert.equal(knowledge.severity, vscode.LanguageStatusSeverity.Information);
    assert.equal(knowledge.busy, false);
    assert.equal(knowledge.command?.command, 'tradeNotes.showLog');
    assert.deepEqual(knowledge.selector, [{ language: 'policy-note' }]);
    await vscode.commands.executeCommand(knowledge.command!.command);
  });

  it('is an error while a knowledge file has errors, with a link to the files with problems', async () => {
    await openNote('notes', 'talks.pnote');
    const problems = statusOf(api, 'tradeNotes.knowledgeProblems');
    assert.ok(problems, 'an item for the problems');
    assert.equal(problems.severity, vscode.LanguageStatusSeverity.Error);
    assert.equal(problems.text, 'Errors in 1 knowledge file');
    assert.equal(problems.detail, 'knowledge/broken.trade.yaml');
    assert.equal(problems.command?.command, 'tradeNotes.showKnowledgeProblems');

    // The link: a quick pick of the files, the chosen one opened at its first error.
    let settled = false;
    const opened = Promise.resolve(
      vscode.commands.executeCommand<vscode.TextEditor | undefined>(problems.command!.command),
    ).finally(() => (settled = true));
    for (let attempt = 0; attempt < 50 && !settled; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const editor = await opened;
    assert.match(editor?.document.uri.path ?? '', /knowledge\/broken\.trade\.yaml$/);
    const firstError = vscode.languages
      .getDiagnostics(editor!.document.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    assert.ok(firstError);
    assert.equal(editor!.selection.active.line, firstError.range.start.line);
  });

  it('follows knowledge changes live', async () => {
    await openNote('notes', 'talks.pnote');
    const created = workspaceFile('knowledge', 'status-test.trade.yaml');
    const { store } = api;
    // The item says what the store has, file and official included; the counts come from the store, as
    // files of earlier tests may still be tracked (see above) and go meanwhile.
    const shows = (present: boolean): boolean =>
      store.trackedUris.includes(created.toString()) === present &&
      store.knowledge.officials.has('status-person') === present &&
      statusOf(api, 'tradeNotes.knowledge')!.text === expectedKnowledgeText(api);
    try {
      await vscode.workspace.fs.writeFile(created, oneOfficial('status-person', 'Stat Tuss', 'Counted'));
      await waitFor('the new file and its official', () => shows(true), 10_000);
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitFor('the file and its official gone', () => shows(false), 10_000);
  });

  it("shows the note's date, following the active editor and edits", async () => {
    await openNote('notes', 'talks.pnote');
    await waitFor('no date for a note without one', () => statusOf(api, 'tradeNotes.noteDate')!.text === 'No date');
    const note = await scratchNote('---\ndate: 2025-06-12\n---\n# Desk note\n\nHe Lifeng met Bessent.\n');
    const date = statusOf(api, 'tradeNotes.noteDate')!;
    await waitFor('the date of the scratch note', () => date.text === 'Dated 12 Jun 2025');
    assert.equal(date.detail, 'from its front matter');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(note.uri, new vscode.Range(1, 6, 1, 16), '2025-05-14');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the edited date', () => date.text === 'Dated 14 May 2025');
  });
});
