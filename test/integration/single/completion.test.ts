// Completion through vscode.executeCompletionItemProvider, in notes and knowledge files of test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, positionOf, workspaceFile } from '../support';

async function completionsAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  trigger?: string,
  resolve = 0,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
    resolve,
  );
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function documentationOf(item: vscode.CompletionItem): string {
  const doc = item.documentation;
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}

/**
 * An unsaved note with `text`, shown in the active editor. Its name is unique: a reused `Untitled-1` could
 * still be reverted by the previous test's cleanup.
 */
async function scratchNote(text: string): Promise<{ document: vscode.TextDocument; end: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.from({
      scheme: 'untitled',
      path: `/scratch-${Date.now()}-${Math.random().toString(36).slice(2)}.pnote`,
    }),
  );
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await vscode.window.showTextDocument(document);
  return { document, end: document.positionAt(text.length) };
}

describe('Completion in notes', () => {
  before(activateExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('offers officials after a capital letter, with title and card, replacing the typed words', async () => {
    const { document, end } = await scratchNote('Talks with Scott Be');
    const items = await completionsAt(document, end, undefined, 200);
    const bessent = items.find((item) => labelOf(item) === 'Scott Bessent');
    assert.ok(bessent, `Scott Bessent offered among ${items.map(labelOf).join(', ')}`);
    assert.strictEqual(bessent.detail, 'Secretary of the Treasury');
    const range = bessent.range instanceof vscode.Range ? bessent.range : bessent.range?.replacing;
    assert.strictEqual(range && document.getText(range), 'Scott Be');
    assert.match(documentationOf(bessent), /Geneva/, 'the card lists the events he took part in');
    assert.ok(
      items.some((item) => labelOf(item) === 'Treasury Secretary Bessent'),
      'aliases are offered too',
    );
  });

  it('offers no officials inside a lower-case word', async () => {
    const { document, end } = await scratchNote('the talks were bes');
    const items = await completionsAt(document, end);
    assert.ok(!items.some((item) => item.kind === vscode.CompletionItemKind.User), items.map(labelOf).join(', '));
  });

  it('offers nothing when % follows no number', async () => {
    const { document, end } = await scratchNote('A rate of %');
    const items = await completionsAt(document, end, '%');
    assert.ok(
      !items.some(
        (item) => item.kind === vscode.CompletionItemKind.User || item.kind === vscode.CompletionItemKind.Value,
      ),
      items.map(labelOf).join(', '),
    );
  });

  it('offers known tariff figures after a number and %', async () => {
    const { document, end } = await scratchNote('The rate rose to 14%');
    const items = (await completionsAt(document, end, '%', 10)).filter(
      (item) => item.kind === vscode.CompletionItemKind.Value,
    );
    assert.deepEqual(items.map(labelOf), ['145%']);
    assert.match(items[0]!.detail ?? '', /Raised from 104% to 145%/);
    assert.match(documentationOf(items[0]!), /Additional US tariffs on goods from China/);
  });
});

describe('Completion in knowledge files', () => {
  let team: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    team = await vscode.workspace.openTextDocument(workspaceFile('knowledge', 'team.trade.yaml'));
  });

  it('offers official ids, bundled and workspace, in participants', async () => {
    const items = await completionsAt(
      team,
      positionOf(team, 'participants: [', 'participants: ['.length),
      undefined,
      300,
    );
    const labels = items.map(labelOf);
    for (const id of ['scott-bessent', 'he-lifeng', 'kevin-hassett', 'maros-sefcovic'])
      assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
    const hassett = items.find((item) => labelOf(item) === 'kevin-hassett')!;
    assert.strictEqual(hassett.detail, 'Fixture override title', 'the merged knowledge, with the workspace override');
  });

  it('offers event kinds after kind:, and country codes after country:', async () => {
    const kinds = (await completionsAt(team, positionOf(team, 'kind: statement', 'kind: '.length))).filter(
      (i) => i.kind === vscode.CompletionItemKind.EnumMember,
    );
    assert.deepEqual(kinds.map(labelOf), ['talks', 'call', 'statement', 'measure', 'deadline']);
    const countries = (await completionsAt(team, positionOf(team, 'country: EU', 'country: '.length))).map(labelOf);
    for (const code of ['US', 'CN', 'EU']) assert.ok(countries.includes(code), `${code} in ${countries.join(', ')}`);
  });
});
