// The Talks Timeline's data, read through the view's own tree data provider and commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TimelineNode } from '../../../src/features/timelineView';
import { activateExtension } from '../support';

async function rows(): Promise<
  { month: string; events: { label: string; description: string; node: TimelineNode }[] }[]
> {
  const { timeline } = await activateExtension();
  const months = await timeline.getChildren();
  return Promise.all(
    months.map(async (month) => ({
      month: String(timeline.getTreeItem(month).label),
      events: (await timeline.getChildren(month)).map((node) => {
        const item = timeline.getTreeItem(node);
        return { label: String(item.label), description: String(item.description), node };
      }),
    })),
  );
}

describe('Talks Timeline', () => {
  afterEach(() => vscode.commands.executeCommand('tradeNotes.timeline.showOldestFirst'));

  it('lists bundled and workspace events by month, oldest first', async () => {
    const months = await rows();
    // The bundled knowledge has events in every month from February to December 2025.
    const labels = months.map((m) => m.month);
    assert.deepEqual([labels.length, labels[0], labels.at(-1)], [11, 'February 2025', 'December 2025'], labels.join());
    const june = months.find((m) => m.month === 'June 2025')!.events.map((e) => e.label);
    assert.ok(june.includes('Fixture briefing in Brussels'), 'workspace event is listed');
    assert.strictEqual(june.at(-1), 'Fixture briefing in Brussels', 'the 12 June event comes last');
    const { timeline } = await activateExtension();
    const dates = months.flatMap((m) => m.events.map((e) => (e.node.type === 'event' ? e.node.event.date : '')));
    assert.deepEqual(dates, [...dates].sort(), 'events are in date order');
    assert.ok(timeline);
  });

  it('shows date and place in the description', async () => {
    const june = (await rows()).find((m) => m.month === 'June 2025')!;
    const london = june.events.find((e) => e.node.type === 'event' && e.node.event.id === 'london-2025');
    assert.ok(london, 'London talks listed');
    assert.match(london.description, /9–10 Jun 2025/);
    assert.match(london.description, /Lancaster House/);
  });

  it('reverses the order with "Show Newest First"', async () => {
    const oldestFirst = (await rows()).map((m) => m.month);
    await vscode.commands.executeCommand('tradeNotes.timeline.showNewestFirst');
    const months = await rows();
    assert.deepEqual(
      months.map((m) => m.month),
      [...oldestFirst].reverse(),
    );
    assert.strictEqual(months.find((m) => m.month === 'June 2025')!.events[0]!.label, 'Fixture briefing in Brussels');
  });

  it('lists participants and linked tariff changes under an event', async () => {
    const { timeline } = await activateExtension();
    const may = (await rows()).find((m) => m.month === 'May 2025')!;
    const statement = may.events.find(
      (e) => e.node.type === 'event' && e.node.event.id === 'geneva-joint-statement-2025',
    )!;
    const children = (await timeline.getChildren(statement.node)).map((node) => timeline.getTreeItem(node));
    const labels = children.map((c) => `${c.label} | ${c.description}`);
    assert.ok(
      labels.some((l) => l.startsWith('He Lifeng | Vice Premier of China')),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => l.startsWith('145% → 30% | Additional US tariffs')),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => l.startsWith('125% → 10% | Additional Chinese tariffs')),
      labels.join('\n'),
    );
    const november = (await rows()).find((m) => m.month === 'November 2025')!;
    const busan = november.events.find((e) => e.node.type === 'event' && e.node.event.id === 'busan-measures-2025')!;
    const changes = (await timeline.getChildren(busan.node)).map((node) => {
      const item = timeline.getTreeItem(node);
      return `${item.label} | ${item.description}`;
    });
    assert.deepEqual(changes, [
      '30% → 20% | Additional US tariffs on goods from China (2025)',
      '15% → 0% | Additional Chinese tariffs on some US farm goods (2025)',
    ]);
  });

  it('opens the YAML entry of an event when it is selected', async () => {
    const { timeline } = await activateExtension();
    const june = (await rows()).find((m) => m.month === 'June 2025')!;
    const workspaceEvent = june.events.find((e) => e.label === 'Fixture briefing in Brussels')!;
    const command = timeline.getTreeItem(workspaceEvent.node).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.uri.path, /team\.trade\.yaml$/);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /fixture-brussels-briefing/);

    const london = june.events.find((e) => e.node.type === 'event' && e.node.event.id === 'london-2025')!;
    const bundledCommand = timeline.getTreeItem(london.node).command!;
    await vscode.commands.executeCommand(bundledCommand.command, ...(bundledCommand.arguments ?? []));
    const bundled = vscode.window.activeTextEditor!;
    assert.strictEqual(bundled.document.uri.scheme, 'trade-notes-bundled', 'bundled entries open from the bundle');
    assert.match(bundled.document.lineAt(bundled.selection.active.line).text, /london-2025/);
  });
});
