// The Outline (vscode.executeDocumentSymbolProvider) and Go to Symbol in Workspace
// (vscode.executeWorkspaceSymbolProvider), on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote, workspaceFile } from '../support';

async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
}

/** The tree as "name (detail)" lines, indented by depth. */
function render(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`,
    ...render(s.children, depth + 1),
  ]);
}

describe('Outline of a note', () => {
  before(activateExtension);

  it('lists headings, each with the officials and figures it mentions', async () => {
    const note = await openNote('notes', 'navigation.pnote');
    assert.deepEqual(render(await documentSymbols(note.uri)), [
      'Geneva follow-up',
      '  Scott Bessent (Secretary of the Treasury · 2×)',
      '  He Lifeng (Vice Premier of China)',
      '  145% (Additional US tariffs on goods from China (2025))',
      '  People to watch',
      '    Kevin Hassett (Fixture override title)',
      '    Maroš Šefčovič (European Commissioner for Trade and Economic Security)',
      '  Figures',
      '    30% (Additional US tariffs on goods from China (2025))',
      '    10% (Additional Chinese tariffs on all goods from the United States (2025))',
    ]);
  });
});

describe('Outline of a knowledge file', () => {
  before(activateExtension);

  it('lists entries by section, with ids and details', async () => {
    assert.deepEqual(render(await documentSymbols(workspaceFile('knowledge', 'team.trade.yaml'))), [
      'Countries (1 entry)',
      '  European Union (EU)',
      'Officials (2 entries)',
      '  Maroš Šefčovič (maros-sefcovic · European Commissioner for Trade and Economic Security)',
      '  Kevin Hassett (kevin-hassett · Fixture override title)',
      'Timeline (1 entry)',
      '  Fixture briefing in Brussels (fixture-brussels-briefing · 2025-06-12)',
    ]);
  });

  it('shows tariffs with their history, even in a file with errors', async () => {
    const symbols = await documentSymbols(workspaceFile('knowledge', 'broken.trade.yaml'));
    assert.deepEqual(render(symbols).slice(-2), ['  Fixture tariff (fixture-tariff)', '    2025-13-01 · 12%']);
  });
});

describe('Go to Symbol in Workspace', () => {
  before(activateExtension);

  async function search(query: string): Promise<vscode.SymbolInformation[]> {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      query,
    );
    return found.filter(
      (s) => s.location.uri.scheme === 'trade-notes-bundled' || s.location.uri.path.endsWith('.trade.yaml'),
    );
  }

  it('finds an official by part of a name ("#Bessent"), with the entry as location', async () => {
    // Events whose titles hold the letters in order are found too; one official is.
    const officials = (await search('Bessent')).filter((s) => s.kind === vscode.SymbolKind.Object);
    assert.strictEqual(officials.length, 1);
    const bessent = officials[0];
    assert.strictEqual(bessent?.name, 'Scott Bessent');
    assert.strictEqual(bessent.containerName, 'Secretary of the Treasury');
    const document = await vscode.workspace.openTextDocument(bessent.location.uri);
    assert.match(document.lineAt(bessent.location.range.start.line).text, /id: scott-bessent/);
  });

  it('finds events by title, workspace ones included', async () => {
    const found = await search('briefing');
    assert.deepEqual(
      found.map((s) => [s.name, s.kind, s.containerName]),
      [['Fixture briefing in Brussels', vscode.SymbolKind.Event, '12 Jun 2025']],
    );
  });
});
