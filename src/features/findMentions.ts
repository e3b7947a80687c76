import * as vscode from 'vscode';
import { formatList } from '../core/l10n/l10n';
import type { Target } from '../core/navigation/mentionTargets';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { openEntry } from './knowledgeSource';
import { mentionsInNotes } from './references';
import type { TimelineNode } from './timelineView';
import { toRange } from './typeConverters';

const FIND_MENTIONS_COMMAND = 'tradeNotes.timeline.findMentions';

/**
 * "Find Mentions" on a participant or an event of the Talks Timeline: where the policy notes name the
 * participant (or any of the event's participants), shown as a Peek over the knowledge entry.
 * The command resolves to the locations found, or undefined when cancelled.
 */
export function registerFindMentions(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(FIND_MENTIONS_COMMAND, (node?: TimelineNode) =>
    logFailure(services.logger, 'Find Mentions', () => findMentions(services, node)),
  );
}

async function findMentions(
  services: Services,
  node: TimelineNode | undefined,
): Promise<vscode.Location[] | undefined> {
  if (node?.type !== 'participant' && node?.type !== 'event') return undefined;
  const knowledge = services.store.knowledge;
  const officialIds = node.type === 'participant' ? [node.officialId] : [...new Set(node.event.participants)];
  const names = officialIds.map((id) => knowledge.officials.get(id)?.name ?? id);
  if (officialIds.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no participants to find.', node.event.title));
    return [];
  }
  const title =
    node.type === 'participant'
      ? vscode.l10n.t('Finding mentions of {0}', names[0]!)
      : vscode.l10n.t('Finding mentions of the participants of {0}', node.event.title);
  const targets = officialIds.map((id): Target => ({ kind: 'official', id }));
  const locations = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => mentionsInNotes(services, targets, token, progress),
  );
  if (!locations) return undefined;
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No policy note mentions {0}.', formatList(names)));
    return locations;
  }
  const anchor = (node.type === 'participant' && knowledge.officials.get(node.officialId)?.source) || node.event.source;
  const editor = await openEntry(anchor);
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    editor.document.uri,
    toRange(anchor.range).start,
    locations,
  );
  return locations;
}
