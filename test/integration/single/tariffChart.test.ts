// The tariff chart in the real extension host: the command opens one webview panel (from an id, a Talks
// Timeline item or a card's link), under a strict security policy, and follows knowledge edits.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TariffChartShown } from '../../../src/features/tariffChart';
import { activateExtension, hoversAt, openNote, positionOf, waitFor, workspaceFile } from '../support';

const COMMAND = 'tradeNotes.showTariffChart';

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('tradeNotes.tariffChart'),
    );
}

async function showChart(argument: unknown): Promise<TariffChartShown> {
  const shown = await vscode.commands.executeCommand<TariffChartShown | undefined>(COMMAND, argument);
  assert.ok(shown, 'the command shows a chart');
  return shown;
}

describe('Tariff chart', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.window.tabGroups.close(chartTabs());
  });

  it('opens a webview panel with the tariff and its counterpart', async () => {
    const shown = await showChart('us-on-cn');
    assert.deepStrictEqual(shown.tariffIds, ['us-on-cn', 'cn-on-us']);
    // The tab takes the panel's title a moment later.
    await waitFor('the chart tab titled after the tariff', () =>
      chartTabs().find((tab) => /^Tariff Chart: Additional US tariffs on goods from China/.test(tab.label)),
    );
    assert.strictEqual(chartTabs().length, 1);
  });

  it('loads its page under a strict policy: a nonce for its one script, no inline code or styles', async () => {
    const { html } = await showChart(['us-on-cn']);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(policy, 'the page has a Content-Security-Policy');
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.doesNotMatch(policy, /unsafe-eval/);
    assert.match(policy, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]{32})'/.exec(policy)?.[1];
    assert.ok(nonce, `a nonce in ${policy}`);
    assert.doesNotMatch(policy, /script-src[^;]*(https?:|\*)/, 'scripts only by nonce');
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepStrictEqual(
      scripts.map((tag) => tag.includes(`nonce="${nonce}"`) && / src="[^"]+tariffChart\.js"/.test(tag)),
      [true],
    );
    assert.doesNotMatch(html, /<style|style="/, 'no inline styles');
    assert.match(html, /<link rel="stylesheet" href="[^"]+tariffChart\.css">/);
  });

  it('keeps one panel and shows what it was asked last', async () => {
    await showChart('us-on-cn');
    const shown = await showChart(['cn-on-us-farm']);
    assert.deepStrictEqual(shown.tariffIds, ['cn-on-us-farm', 'us-on-cn']);
    await waitFor('one chart tab, relabelled', () =>
      chartTabs().length === 1 && /Chinese tariffs on some/.test(chartTabs()[0]!.label) ? true : undefined,
    );
  });

  it('charts a tariff change picked in the Talks Timeline', async () => {
    const { timeline } = await activateExtension();
    let stepNode: unknown;
    for (const month of await timeline.getChildren()) {
      for (const event of await timeline.getChildren(month)) {
        stepNode ??= (await timeline.getChildren(event)).find((node) => node.type === 'step');
      }
    }
    assert.ok(stepNode, 'a tariff change in the timeline');
    const item = timeline.getTreeItem(stepNode as Parameters<typeof timeline.getTreeItem>[0]);
    assert.strictEqual(item.contextValue, 'tariffChange', 'the item the context menu entry is for');
    const shown = await showChart(stepNode);
    assert.strictEqual(shown.tariffIds.length, 2);
  });

  it('links tariff cards to the chart, trusting that one command only', async () => {
    const note = await openNote('notes', 'talks.pnote');
    const parts = (await hoversAt(note, positionOf(note, '145%', 1)))
      .flatMap((hover) => hover.contents)
      .filter((c): c is vscode.MarkdownString => typeof c !== 'string');
    const links = parts.filter((part) => part.value.includes(`command:${COMMAND}`));
    assert.strictEqual(links.length, 1, 'one chart link');
    assert.deepStrictEqual(links[0]!.isTrusted, { enabledCommands: [COMMAND] });
    const argument = decodeURIComponent(/command:[\w.]+\?([^)]+)\)/.exec(links[0]!.value)![1]!);
    assert.deepStrictEqual(JSON.parse(argument), [['us-on-cn']]);
    for (const part of parts.filter((p) => p !== links[0])) {
      assert.ok(!part.isTrusted, 'the card itself stays untrusted');
      assert.doesNotMatch(part.value, /command:/);
    }
  });

  it('follows edits of the knowledge (unsaved ones too)', async () => {
    const { store } = await activateExtension();
    const teamUri = workspaceFile('knowledge', 'team.trade.yaml');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri));
    // The web workbench saves edited files after a second unless told not to (an earlier test may have reset it).
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const document = await vscode.workspace.openTextDocument(teamUri);
    await vscode.window.showTextDocument(document);
    const append = async (text: string): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(teamUri, document.lineAt(document.lineCount - 1).range.end, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    try {
      await append(
        [
          '',
          'tariffs:',
          '  - id: fixture-chart',
          '    by: EU',
          '    on: US',
          '    label: Fixture chart tariff',
          '    history:',
          '      - { date: 2025-03-01, rate: 25% }',
          '',
        ].join('\n'),
      );
      await waitFor('the new tariff', () => store.knowledge.tariffs.has('fixture-chart'));
      const shown = await showChart('fixture-chart');
      assert.deepStrictEqual(shown.tariffIds, ['fixture-chart']);
      await waitFor('the chart titled after the tariff', () =>
        chartTabs()[0]?.label === 'Tariff Chart: Fixture chart tariff' ? true : undefined,
      );
      const label = positionOf(document, 'Fixture chart tariff');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        teamUri,
        new vscode.Range(label, label.translate(0, 'Fixture chart tariff'.length)),
        'Renamed tariff',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the chart to follow the edit', () =>
        chartTabs()[0]?.label === 'Tariff Chart: Renamed tariff' ? true : undefined,
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamUri));
      if (onDisk !== original) await vscode.workspace.fs.writeFile(teamUri, new TextEncoder().encode(original));
      assert.strictEqual(onDisk, original, 'the fixture was never written');
    }
  });
});
