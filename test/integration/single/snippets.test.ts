// Snippets are offered by VS Code's completion in policy notes, through vscode.executeCompletionItemProvider.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from '../support';

describe('Snippets in policy notes', () => {
  before(activateExtension);

  it('offers the note, round, tariff, quote and delegation snippets, and expands the tariff sentence', async () => {
    // An empty line: no typed prefix filters the list.
    const document = await vscode.workspace.openTextDocument({ language: 'policy-note', content: '' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 0),
    );
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const labels = snippets.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of ['note', 'round', 'tariff', 'quote', 'delegation']) {
      assert.ok(labels.includes(prefix), `snippet "${prefix}" offered (got ${labels.join(', ')})`);
    }
    const tariff = snippets.find(
      (item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'tariff',
    )!;
    const body =
      tariff.insertText instanceof vscode.SnippetString ? tariff.insertText.value : String(tariff.insertText);
    assert.match(body, /\$\{\d+\|raised,lowered\|\}|raised|lowered/);
    assert.match(body, /from \$\{\d+:[^}]*\}% to \$\{\d+:[^}]*\}%/);
  });

  it('does not offer them in other languages', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 0),
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(
      !labels.includes('tariff') && !labels.includes('delegation'),
      `no policy-note snippets in plain text (got ${labels.join(', ')})`,
    );
  });
});
