import * as vscode from 'vscode';
import type { Target } from '../core/navigation/mentionTargets';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import { toRange } from './diagnostics';
import { openEntry } from './knowledgeSource';
import type { TimelineNode } from './timelineView';
import type { WorkspaceMentions } from './workspaceMentions';

const FIND_MENTIONS_COMMAND = 'tradeNotes.timeline.findMentions';

/**
 * "Find Mentions" on a participant or an event of the Talks Timeline: where the policy notes name the
 * participant (or any of the event's participants), shown as a Peek over the knowledge entry.
 * Resolves to the locations found, or undefined when cancelled.
 */
export function registerFindMentions(
  context: vscode.ExtensionContext,
  store: KnowledgeStore,
  workspaceMentions: WorkspaceMentions,
  logger: Logger,
): void {
  const findMentions = async (node: TimelineNode | undefined): Promise<vscode.Location[] | undefined> => {
    if (node?.type !== 'participant' && node?.type !== 'event') return undefined;
    const knowledge = store.knowledge;
    const officialIds = node.type === 'participant' ? [node.officialId] : [...new Set(node.event.participants)];
    const names = officialIds.map((id) => knowledge.officials.get(id)?.name ?? id);
    const who = node.type === 'participant' ? names[0]! : `the participants of ${node.event.title}`;
    if (officialIds.length === 0) {
      void vscode.window.showInformationMessage(`${node.event.title} has no participants to find.`);
      return [];
    }
    const targets = officialIds.map((id): Target => ({ kind: 'official', id }));
    const locations = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Finding mentions of ${who}`, cancellable: true },
      (progress, token) => workspaceMentions.find(targets, token, progress),
    );
    if (!locations) return undefined;
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(`No policy note mentions ${names.join(', ')}.`);
      return locations;
    }
    const anchor =
      (node.type === 'participant' && knowledge.officials.get(node.officialId)?.source) || node.event.source;
    const editor = await openEntry(anchor);
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      editor.document.uri,
      toRange(anchor.range).start,
      locations,
    );
    return locations;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(FIND_MENTIONS_COMMAND, async (node?: TimelineNode) => {
      try {
        return await findMentions(node);
      } catch (error) {
        logger.error('Find Mentions failed', error);
        return undefined;
      }
    }),
  );
}
