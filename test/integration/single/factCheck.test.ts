// The fact check in the real extension host: findings on a dated note, their evidence, and their fixes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, scratchNote, waitFor } from '../support';

function findingsOf(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'Trade Notes' && d.code !== 'unknown-official');
}

async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

describe('Fact check', () => {
  before(activateExtension);
  afterEach(async () => {
    const factCheck = vscode.workspace.getConfiguration('tradeNotes.factCheck');
    await factCheck.update('severity', undefined, vscode.ConfigurationTarget.Global);
    await factCheck.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('useBundledKnowledge', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  const DATED_NOTE = [
    '---',
    'date: 2025-06-10',
    '---',
    '# London debrief',
    '',
    'US tariffs on Chinese goods now stand at 145%. Commerce Secretary Bessent met He Lifeng.',
    '',
  ].join('\n');

  it('flags a stale current figure with the rate in force on the note’s date, and fixes it', async () => {
    const note = await scratchNote(DATED_NOTE);
    const found = await waitFor('two findings', () => (findingsOf(note).length === 2 ? findingsOf(note) : undefined));
    const figure = found.find((d) => note.getText(d.range) === '145%');
    assert.ok(figure, `a finding on 145%: ${JSON.stringify(found.map((d) => note.getText(d.range)))}`);
    assert.strictEqual(figure.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(figure.code, 'rate-not-current');
    assert.match(figure.message, /30%/);
    assert.match(figure.message, /14 May 2025/);

    const fixes = await quickFixes(note, figure);
    assert.deepStrictEqual(
      fixes.map((fix) => fix.title),
      ["Change to '30%'", 'Ignore here (<!-- trade-notes-ignore -->)', 'Open the knowledge entry'],
    );
    assert.ok(fixes[0]!.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fixes[0]!.edit!));
    assert.match(note.getText(), /now stand at 30%\./);
    await waitFor('the finding on the figure to go', () =>
      findingsOf(note).every((d) => d.code !== 'rate-not-current') ? true : undefined,
    );
  });

  it('flags a title the knowledge contradicts, naming the official’s title', async () => {
    const note = await scratchNote(DATED_NOTE);
    const title = await waitFor('a title finding', () => findingsOf(note).find((d) => d.code === 'wrong-title'));
    assert.strictEqual(note.getText(title.range), 'Commerce Secretary');
    assert.match(title.message, /Secretary of the Treasury/);
    const [change] = await quickFixes(note, title);
    assert.strictEqual(change!.title, "Change to 'Treasury Secretary'");
    assert.ok(await vscode.workspace.applyEdit(change!.edit!));
    assert.match(note.getText(), /Treasury Secretary Bessent met He Lifeng/);
  });

  it('finds nothing in a note of correct sentences', async () => {
    const note = await scratchNote(
      [
        '---',
        'date: 2025-06-10',
        '---',
        '# London debrief',
        '',
        'Washington lifted its duties on Chinese imports to 145% on 10 April 2025.',
        'On 14 May 2025 China cut its levies on American imports from 125% to 10%.',
        'US tariffs on Chinese goods now stand at 30%, and Treasury Secretary Scott Bessent met Vice Premier He Lifeng.',
        'Imports of soybeans fell 12%, and orders showed a 20% rise.',
        '',
        // A deliberate finding, so that the wait below knows the note has been checked.
        'US tariffs on Chinese goods currently stand at 104%.',
      ].join('\n'),
    );
    const found = await waitFor('the note to be checked', () =>
      findingsOf(note).length > 0 ? findingsOf(note) : undefined,
    );
    assert.deepStrictEqual(
      found.map((d) => note.getText(d.range)),
      ['104%'],
      'only the deliberate finding, on the last line',
    );
  });

  it('silences a finding with the ignore comment, and follows the severity setting', async () => {
    const note = await scratchNote(DATED_NOTE);
    const figure = await waitFor('a finding on 145%', () =>
      findingsOf(note).find((d) => d.code === 'rate-not-current'),
    );
    await vscode.workspace
      .getConfiguration('tradeNotes.factCheck')
      .update('severity', 'error', vscode.ConfigurationTarget.Global);
    await waitFor('the finding to become an error', () =>
      findingsOf(note).some((d) => d.code === 'rate-not-current' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    const ignore = (await quickFixes(note, figure)).find((fix) => fix.title.startsWith('Ignore here'));
    assert.ok(await vscode.workspace.applyEdit(ignore!.edit!));
    assert.match(note.getText(), /<!-- trade-notes-ignore -->\nUS tariffs on Chinese goods now stand at 145%/);
    await waitFor('the figure finding to go', () =>
      findingsOf(note).every((d) => d.code !== 'rate-not-current') ? true : undefined,
    );
  });

  it('follows its setting and the knowledge, and clears its findings when the note closes', async () => {
    const note = await scratchNote(DATED_NOTE);
    const hasFigureFinding = (): boolean => findingsOf(note).some((d) => d.code === 'rate-not-current');
    await waitFor('a finding on 145%', () => hasFigureFinding() || undefined);
    const factCheck = vscode.workspace.getConfiguration('tradeNotes.factCheck');
    await factCheck.update('enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('no finding with the check off', () => findingsOf(note).length === 0 || undefined);
    await factCheck.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the finding back with the check on', () => hasFigureFinding() || undefined);
    // This workspace's own knowledge has no tariff between the US and China: the bundled one goes, and
    // with it the finding, which the knowledge's change re-checked.
    const settings = vscode.workspace.getConfiguration('tradeNotes');
    await settings.update('useBundledKnowledge', false, vscode.ConfigurationTarget.Global);
    await waitFor('the finding to go with the tariff', () => !hasFigureFinding() || undefined);
    await settings.update('useBundledKnowledge', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the finding back with the bundled knowledge', () => hasFigureFinding() || undefined);
    const uri = note.uri;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      'the findings cleared when the note closed',
      () => vscode.languages.getDiagnostics(uri).every((d) => d.source !== 'Trade Notes') || undefined,
    );
  });

  it('opens the knowledge entry of a finding', async () => {
    const note = await scratchNote(DATED_NOTE);
    const figure = await waitFor('a finding on 145%', () =>
      findingsOf(note).find((d) => d.code === 'rate-not-current'),
    );
    const open = (await quickFixes(note, figure)).find((fix) => fix.title === 'Open the knowledge entry');
    await vscode.commands.executeCommand(open!.command!.command, ...(open!.command!.arguments ?? []));
    const editor = await waitFor('the bundled knowledge to open', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'trade-notes-bundled'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: us-on-cn/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
