import * as vscode from 'vscode';
import { renderEventCard } from '../core/cards/eventCard';
import { renderOfficialCard } from '../core/cards/officialCard';
import { renderTariffCard } from '../core/cards/tariffCard';
import { formatRate } from '../core/cards/tariffChanges';
import type { LinkedStep } from '../core/knowledge/knowledge';
import type { EventKind, TimelineEvent } from '../core/knowledge/types';
import { formatNumber } from '../core/l10n/l10n';
import { describeAsOf } from '../core/timeline/dates';
import { buildTimeline, describeEventDate, type MonthGroup, type TimelineOrder } from '../core/timeline/timeline';
import { TIMELINE_VIEW_ID } from '../services/configuration';
import { Disposable, Emitter } from '../services/disposable';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Services } from '../services/services';
import { OPEN_ENTRY_COMMAND } from './knowledgeSource';
import { registerRevealNoteEvents } from './revealNoteEvents';
import { untrustedMarkdown } from './untrustedMarkdown';

const NEWEST_FIRST_CONTEXT = 'tradeNotes.timeline.newestFirst';
const ORDER_STATE_KEY = 'tradeNotes.timeline.order';

export type TimelineNode =
  | { readonly type: 'month'; readonly group: MonthGroup }
  | { readonly type: 'event'; readonly event: TimelineEvent; readonly monthKey: string }
  | {
      readonly type: 'participant';
      readonly officialId: string;
      readonly event: TimelineEvent;
      readonly monthKey: string;
    }
  | { readonly type: 'step'; readonly linked: LinkedStep; readonly event: TimelineEvent; readonly monthKey: string };

const KIND_ICONS: Record<EventKind, string> = {
  talks: 'comment-discussion',
  call: 'call-outgoing',
  statement: 'megaphone',
  measure: 'law',
  deadline: 'watch',
};

/** The Talks Timeline: events of the loaded knowledge by month, with participants and linked tariff changes. */
export class TimelineProvider extends Disposable implements vscode.TreeDataProvider<TimelineNode> {
  private readonly changeEmitter = this.register(new Emitter<TimelineNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private groups: MonthGroup[] | undefined;

  constructor(
    private readonly store: KnowledgeStore,
    private order: TimelineOrder,
  ) {
    super();
    this.register(store.onDidChange(() => this.refresh()));
  }

  get currentOrder(): TimelineOrder {
    return this.order;
  }

  setOrder(order: TimelineOrder): void {
    this.order = order;
    this.refresh();
  }

  refresh(): void {
    this.groups = undefined;
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: TimelineNode): Promise<TimelineNode[]> {
    await this.store.ready();
    if (!node) return this.monthGroups().map((group) => ({ type: 'month', group }));
    switch (node.type) {
      case 'month':
        return node.group.events.map((event) => ({ type: 'event', event, monthKey: node.group.key }));
      case 'event': {
        const { event, monthKey } = node;
        const participants = [...new Set(event.participants)].map((officialId): TimelineNode => ({
          type: 'participant',
          officialId,
          event,
          monthKey,
        }));
        const steps = this.store.knowledge
          .stepsLinkedTo(event.id)
          .map((linked): TimelineNode => ({ type: 'step', linked, event, monthKey }));
        return [...participants, ...steps];
      }
      default:
        return [];
    }
  }

  getParent(node: TimelineNode): TimelineNode | undefined {
    if (node.type === 'month') return undefined;
    const group = this.monthGroups().find((g) => g.key === node.monthKey);
    if (!group) return undefined;
    if (node.type === 'event') return { type: 'month', group };
    return { type: 'event', event: node.event, monthKey: node.monthKey };
  }

  getTreeItem(node: TimelineNode): vscode.TreeItem {
    switch (node.type) {
      case 'month':
        return this.monthItem(node.group);
      case 'event':
        return this.eventItem(node.event);
      case 'participant':
        return this.participantItem(node.officialId, node.event);
      case 'step':
        return this.stepItem(node.linked, node.event);
    }
  }

  private monthGroups(): MonthGroup[] {
    this.groups ??= buildTimeline(this.store.knowledge, this.order);
    return this.groups;
  }

  private monthItem(group: MonthGroup): vscode.TreeItem {
    const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `month:${group.key}`;
    item.description =
      group.events.length === 1
        ? vscode.l10n.t('1 event')
        : vscode.l10n.t('{0} events', formatNumber(group.events.length));
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'month';
    return item;
  }

  private eventItem(event: TimelineEvent): vscode.TreeItem {
    const hasChildren = event.participants.length > 0 || this.store.knowledge.stepsLinkedTo(event.id).length > 0;
    const item = new vscode.TreeItem(
      event.title,
      hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `event:${event.id}`;
    item.description = [describeEventDate(event), event.place].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(event.kind ? KIND_ICONS[event.kind] : 'circle-outline');
    item.tooltip = untrustedMarkdown(renderEventCard(event, this.store.knowledge));
    item.command = {
      command: OPEN_ENTRY_COMMAND,
      title: vscode.l10n.t('Open Knowledge Entry'),
      arguments: [event.source],
    };
    item.contextValue = 'event';
    item.accessibilityInformation = {
      label: vscode.l10n.t({
        message: '{0}, {1}',
        args: [event.title, item.description],
        comment: 'an event, then its date and place',
      }),
    };
    return item;
  }

  private participantItem(officialId: string, event: TimelineEvent): vscode.TreeItem {
    const knowledge = this.store.knowledge;
    const official = knowledge.officials.get(officialId);
    const item = new vscode.TreeItem(official?.name ?? officialId, vscode.TreeItemCollapsibleState.None);
    item.id = `event:${event.id}/participant:${officialId}`;
    item.iconPath = new vscode.ThemeIcon(official ? 'person' : 'warning');
    if (official) {
      item.description = official.title;
      item.tooltip = untrustedMarkdown(renderOfficialCard(official, knowledge));
      item.command = {
        command: OPEN_ENTRY_COMMAND,
        title: vscode.l10n.t('Open Knowledge Entry'),
        arguments: [official.source],
      };
    } else {
      item.description = vscode.l10n.t('unknown official id');
    }
    item.contextValue = 'participant';
    return item;
  }

  private stepItem({ tariff, step }: LinkedStep, event: TimelineEvent): vscode.TreeItem {
    const index = tariff.history.indexOf(step);
    const previous = index > 0 ? tariff.history[index - 1] : undefined;
    const label = previous ? `${formatRate(previous.rate)} → ${formatRate(step.rate)}` : formatRate(step.rate);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `event:${event.id}/step:${tariff.id}@${step.date}`;
    item.description = tariff.label;
    item.iconPath = new vscode.ThemeIcon(
      !previous ? 'graph-line' : step.rate > previous.rate ? 'arrow-up' : 'arrow-down',
    );
    item.tooltip = untrustedMarkdown(renderTariffCard(step.rate, [tariff], this.store.knowledge));
    item.command = {
      command: OPEN_ENTRY_COMMAND,
      title: vscode.l10n.t('Open Knowledge Entry'),
      arguments: [step.source],
    };
    item.contextValue = 'tariffChange';
    return item;
  }
}

/** The timeline feature: its view registered, and its data, which the extension's API hands to tests. */
export interface TimelineFeature extends vscode.Disposable {
  readonly provider: TimelineProvider;
}

/**
 * Registers the view, its title-bar commands and the command that reveals a note's events in it; the
 * chosen order is remembered per workspace.
 */
export function registerTimeline(services: Services): TimelineFeature {
  const { store, workspaceState } = services;
  const saved = workspaceState.get<TimelineOrder>(ORDER_STATE_KEY);
  const provider = new TimelineProvider(store, saved === 'newest-first' ? 'newest-first' : 'oldest-first');
  const view = vscode.window.createTreeView(TIMELINE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const setOrder = async (order: TimelineOrder): Promise<void> => {
    provider.setOrder(order);
    await workspaceState.update(ORDER_STATE_KEY, order);
    await vscode.commands.executeCommand('setContext', NEWEST_FIRST_CONTEXT, order === 'newest-first');
  };
  void vscode.commands.executeCommand('setContext', NEWEST_FIRST_CONTEXT, provider.currentOrder === 'newest-first');
  // The title bar says up to when the knowledge was checked; every (re)load of it ends with a change event.
  const showAsOf = (): void => {
    const asOf = store.knowledge.asOf;
    view.description = asOf === undefined ? undefined : vscode.l10n.t('knowledge {0}', describeAsOf(asOf));
  };
  const registrations = vscode.Disposable.from(
    store.onDidChange(showAsOf),
    provider,
    view,
    vscode.commands.registerCommand('tradeNotes.timeline.showNewestFirst', () => setOrder('newest-first')),
    vscode.commands.registerCommand('tradeNotes.timeline.showOldestFirst', () => setOrder('oldest-first')),
    vscode.commands.registerCommand('tradeNotes.timeline.refresh', async () => {
      await store.reload();
      provider.refresh();
    }),
    registerRevealNoteEvents(services, provider, view),
  );
  return { provider, dispose: () => registrations.dispose() };
}
