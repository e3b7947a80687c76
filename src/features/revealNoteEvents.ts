import * as vscode from 'vscode';
import { eventsOfNote } from '../core/navigation/mentionTargets';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { POLICY_NOTE_LANGUAGE } from './policyNote';
import { TIMELINE_VIEW_ID, type TimelineNode, type TimelineProvider } from './timelineView';

export const REVEAL_NOTE_EVENTS_COMMAND = 'tradeNotes.revealNoteEvents';

type EventNode = Extract<TimelineNode, { type: 'event' }>;

/**
 * "Reveal This Note's Events in the Timeline": the events the note's officials took part in and those
 * linked to the tariff changes it names, shown in the Talks Timeline with their months expanded, the
 * oldest selected. Resolves to the ids of the revealed events.
 */
export function registerRevealNoteEvents(
  context: vscode.ExtensionContext,
  store: KnowledgeStore,
  mentions: MentionCache,
  provider: TimelineProvider,
  view: vscode.TreeView<TimelineNode>,
  logger: Logger,
): void {
  const reveal = async (): Promise<string[] | undefined> => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== POLICY_NOTE_LANGUAGE) {
      void vscode.window.showInformationMessage('Open a policy note (.pnote or .policy.md) first.');
      return undefined;
    }
    const cancellation = new vscode.CancellationTokenSource();
    const found = await mentions.mentions(document, cancellation.token);
    cancellation.dispose();
    const wanted = new Set(eventsOfNote(found ?? [], store.knowledge).map((event) => event.id));
    const nodes: EventNode[] = [];
    for (const month of await provider.getChildren()) {
      for (const node of await provider.getChildren(month))
        if (node.type === 'event' && wanted.has(node.event.id)) nodes.push(node);
    }
    if (nodes.length === 0) {
      void vscode.window.showInformationMessage(
        'No timeline event involves the officials or tariff changes this note names.',
      );
      return [];
    }
    await vscode.commands.executeCommand(`${TIMELINE_VIEW_ID}.focus`);
    // Every event in view (its month expanded), then the first one selected, in the view's own order.
    for (const node of nodes.slice(1)) await view.reveal(node, { select: false, focus: false });
    await view.reveal(nodes[0]!, { select: true, focus: true });
    return nodes.map((node) => node.event.id);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(REVEAL_NOTE_EVENTS_COMMAND, async () => {
      try {
        return await reveal();
      } catch (error) {
        logger.error("Revealing the note's events failed", error);
        return undefined;
      }
    }),
  );
}
