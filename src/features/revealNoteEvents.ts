import * as vscode from 'vscode';
import { eventsOfNote } from '../core/navigation/mentionTargets';
import { TIMELINE_VIEW_ID } from '../services/configuration';
import { NOT_CANCELLED } from '../services/mentionCache';
import type { Services } from '../services/services';
import { registerNoteCommand } from './noteCommands';
import type { TimelineNode, TimelineProvider } from './timelineView';

const REVEAL_NOTE_EVENTS_COMMAND = 'tradeNotes.revealNoteEvents';

type EventNode = Extract<TimelineNode, { type: 'event' }>;

/**
 * "Reveal Note's Events in Timeline": the events the note's officials took part in and those linked to
 * the tariff changes it names, shown in the Talks Timeline with their months expanded, the oldest
 * selected. The command resolves to the ids of the revealed events. Part of the timeline feature.
 */
export function registerRevealNoteEvents(
  services: Services,
  provider: TimelineProvider,
  view: vscode.TreeView<TimelineNode>,
): vscode.Disposable {
  return registerNoteCommand(services, REVEAL_NOTE_EVENTS_COMMAND, "Revealing the note's events", async (editor) => {
    const found = await services.mentions.mentions(editor.document, NOT_CANCELLED);
    const wanted = new Set(eventsOfNote(found ?? [], services.store.knowledge).map((event) => event.id));
    const nodes: EventNode[] = [];
    for (const month of await provider.getChildren()) {
      for (const node of await provider.getChildren(month)) {
        if (node.type === 'event' && wanted.has(node.event.id)) nodes.push(node);
      }
    }
    if (nodes.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No timeline event involves the officials or tariff changes this note names.'),
      );
      return [];
    }
    await vscode.commands.executeCommand(`${TIMELINE_VIEW_ID}.focus`);
    // Every event in view (its month expanded), then the first one selected, in the view's own order.
    for (const node of nodes.slice(1)) await view.reveal(node, { select: false, focus: false });
    await view.reveal(nodes[0]!, { select: true, focus: true });
    return nodes.map((node) => node.event.id);
  });
}
