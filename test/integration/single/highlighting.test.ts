// Semantic tokens on mentions (vscode.provideDocumentSemanticTokens) and the setting that turns them off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote, waitFor } from '../support';

interface Token {
  readonly text: string;
  readonly type: string;
}

/** The decoded tokens of a document: each with its text and token type. */
async function tokensOf(document: vscode.TextDocument): Promise<Token[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
    'vscode.provideDocumentSemanticTokensLegend',
    document.uri,
  );
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
    'vscode.provideDocumentSemanticTokens',
    document.uri,
  );
  const data = tokens?.data ?? new Uint32Array(0);
  const result: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    const range = new vscode.Range(line, character, line, character + data[i + 2]!);
    result.push({ text: document.getText(range), type: legend.tokenTypes[data[i + 3]!]! });
  }
  return result;
}

describe('Highlighting of mentions', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await openNote('notes', 'talks.pnote');
  });

  afterEach(() =>
    vscode.workspace
      .getConfiguration('tradeNotes')
      .update('highlightMentions', undefined, vscode.ConfigurationTarget.Global),
  );

  it('marks officials, tariff figures and countries with token types of their own', async () => {
    const tokens = await tokensOf(note);
    const of = (type: string): string[] => tokens.filter((t) => t.type === type).map((t) => t.text);
    assert.deepEqual(
      of('tradeOfficial').slice(0, 5),
      ['Vice Premier He Lifeng', "Treasury Secretary Bessent's", 'Scott', 'Bessent', '何立峰'],
      'a wrapped name is one token per line',
    );
    assert.deepEqual(of('tradeFigure'), ['145%', '145-percent', '30 per cent', '125 percent', '10%']);
    assert.ok(of('tradeCountry').includes('China'));
    assert.ok(!tokens.some((t) => t.text === '99%' || t.text === 'He'), 'unknown rates and the pronoun are not marked');
  });

  it('marks nothing when tradeNotes.highlightMentions is off, and again when it is back on', async () => {
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('highlightMentions', false, vscode.ConfigurationTarget.Global);
    await waitFor('no tokens', async () => (await tokensOf(note)).length === 0);
    await vscode.workspace
      .getConfiguration('tradeNotes')
      .update('highlightMentions', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('tokens again', async () => (await tokensOf(note)).length > 0);
  });
});
