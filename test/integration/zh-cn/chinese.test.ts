// The extension with VS Code in Chinese (suite zh-cn: the single-folder fixture, display language zh-cn):
// VS Code loads the zh-cn bundles, and cards, diagnostics, quick fixes, the Talks Timeline and the
// contributions speak Chinese, while names and text from knowledge files stay as written.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverOn, openNote, scratchNote, waitFor, workspaceFile } from '../support';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes');
}

describe('VS Code in Chinese (zh-cn)', () => {
  before(activateExtension);

  it('runs in the display language zh-cn, with the extension’s zh-cn bundle loaded', () => {
    assert.strictEqual(vscode.env.language, 'zh-cn');
    assert.ok(vscode.l10n.bundle, 'no bundle loaded');
    assert.match(vscode.l10n.uri?.path ?? '', /\/l10n\/bundle\.l10n\.zh-cn\.json$/);
    assert.strictEqual(vscode.l10n.t('Open Knowledge Entry'), '打开知识条目');
  });

  it('gives the contributions of package.json their zh-cn names (package.nls.zh-cn.json)', () => {
    const manifest = vscode.extensions.getExtension('trade-notes.trade-notes')!.packageJSON;
    assert.strictEqual(manifest.contributes.views['trade-notes'][0].name, '谈判时间线');
    const refresh = manifest.contributes.commands.find(
      (command: { command: string }) => command.command === 'tradeNotes.timeline.refresh',
    );
    // VS Code keeps the English title of a command beside the translation: { value, original }.
    assert.deepStrictEqual(refresh.title, { value: '刷新', original: 'Refresh' });
  });

  it("shows He Lifeng's card with Chinese labels and dates, his entry as the knowledge file writes it", async () => {
    const note = await openNote('notes', 'talks.pnote');
    const card = (await hoverOn(note, 'Vice Premier He Lifeng', 14))?.markdown ?? '';
    assert.match(card, /^#### He Lifeng\n\nVice Premier of China · State Council of the People's Republic of China/);
    assert.match(card, /又称：何立峰、Vice Premier He Lifeng/);
    assert.match(card, /\*\*参与的事件\*\*\n- 2025年5月10日至11日 · Geneva talks\n/);
    assert.match(card, /- 2025年6月9日至10日 · London talks/);
    assert.match(card, /\n来源：\[/);
    assert.doesNotMatch(card, /Also known as|Took part in|Sources:/);
  });

  it('reports the problems of a broken knowledge file in Chinese', async () => {
    const uri = workspaceFile('knowledge', 'broken.trade.yaml');
    const diagnostics = await waitFor('diagnostics on broken.trade.yaml', () =>
      ours(uri).length >= 2 ? ours(uri) : undefined,
    );
    const messages = diagnostics.map((d) => d.message);
    assert.ok(messages.includes('缺少必填字段“title”。'), messages.join('\n'));
    assert.ok(messages.includes('日期“2025-13-01”无效：请写成 ISO 日期，例如 2025-06-09。'), messages.join('\n'));
  });

  it('writes fact-check findings, hints and their quick fixes in Chinese', async () => {
    const note = await scratchNote(
      '---\ndate: 2025-06-10\n---\nUS tariffs on Chinese goods now stand at 145%.\n\nCommerce Minister Zhang Wei spoke.\n',
    );
    try {
      const found = await waitFor('a finding and a hint', () =>
        ours(note.uri).length === 2 ? ours(note.uri) : undefined,
      );
      const finding = found.find((d) => d.code === 'rate-not-current');
      assert.ok(finding);
      assert.match(finding.message, /^2025年6月10日（笔记日期），.+ 为 30%（自2025年5月14日起生效），而非 145%。/);
      const hint = found.find((d) => d.code === 'unknown-official');
      assert.strictEqual(hint?.message, '“Commerce Minister”后面的“Zhang Wei”似乎是一位知识库尚未收录的官员。');
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        note.uri,
        finding.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      assert.deepStrictEqual(
        fixes.filter((fix) => fix.diagnostics?.includes(finding) ?? true).map((fix) => fix.title),
        ['改为“30%”', '在此处忽略（<!-- trade-notes-ignore -->）', '打开知识条目'],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('labels the Talks Timeline in Chinese: months, counts, dates', async () => {
    const { timeline } = await activateExtension();
    const months = await timeline.getChildren();
    const june = months.find((month) => timeline.getTreeItem(month).label === '2025年6月');
    assert.ok(june, months.map((month) => String(timeline.getTreeItem(month).label)).join());
    assert.match(String(timeline.getTreeItem(june).description), /^\d+ 个事件$/);
    const london = (await timeline.getChildren(june)).find(
      (node) => node.type === 'event' && node.event.id === 'london-2025',
    )!;
    const item = timeline.getTreeItem(london);
    assert.strictEqual(
      item.label,
      'London talks (first meeting of the China–US economic and trade consultation mechanism)',
    );
    assert.match(String(item.description), /^2025年6月9日至10日 · Lancaster House/);
  });
});
