import * as vscode from 'vscode';
import { renderOfficialCard } from '../core/cards/officialCard';
import { renderTariffCard } from '../core/cards/tariffCard';
import type { Knowledge } from '../core/knowledge/knowledge';
import type { Tariff } from '../core/knowledge/types';
import { findMentionAt } from '../core/matching/findMention';
import type { Mention } from '../core/matching/mention';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { POLICY_NOTE_SELECTOR } from './documentSelectors';
import { noteDateOfDocument } from './noteDates';
import { tariffChartLink } from './tariffChart';
import { rangeOfOffsets } from './typeConverters';
import { untrustedMarkdown } from './untrustedMarkdown';

/** Added to cards shown before the first search for workspace knowledge files has finished. */
export function stillSearching(): string {
  return vscode.l10n.t('_Still looking for knowledge files in this workspace: this card may change in a moment._');
}

/** Hover cards over officials' names and tariff figures in policy notes. */
export function registerHover(services: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider(POLICY_NOTE_SELECTOR, {
    provideHover: (document, position, token) => provideMentionHover(services, document, position, token),
  });
}

/** The card of the mention at the position, if any; what the extension's hover provider answers. */
export function provideMentionHover(
  { store, mentions: cache, logger }: Pick<Services, 'store' | 'mentions' | 'logger'>,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.Hover | undefined> {
  return logFailure(logger, `Hover in ${document.uri.toString()}`, async () => {
    // A card is a passing answer: on a first start it need not wait for the search for workspace
    // knowledge files, and says so while that goes on.
    const generation = store.generation;
    let mentions = await cache.mentions(document, token, 'available');
    // The search may have ended meanwhile: the mentions must be of the knowledge the card is made of.
    if (store.generation !== generation) mentions = await cache.mentions(document, token, 'available');
    if (!mentions) return undefined;
    const mention = findMentionAt(mentions, document.offsetAt(position));
    const card = mention && renderCard(mention, store.knowledge, document);
    if (!card) return undefined;
    const parts = [untrustedMarkdown(card)];
    // The chart's link, in a part of its own; only in trusted workspaces, where cards may carry commands.
    if (mention.kind === 'figure' && vscode.workspace.isTrusted) parts.push(tariffChartLink(mention.tariffIds));
    if (store.searching) parts.push(untrustedMarkdown(stillSearching()));
    return new vscode.Hover(parts, rangeOfOffsets(document, mention.start, mention.end));
  });
}

function renderCard(mention: Mention, knowledge: Knowledge, document: vscode.TextDocument): string | undefined {
  switch (mention.kind) {
    case 'official': {
      const official = knowledge.officials.get(mention.officialId);
      return official && renderOfficialCard(official, knowledge);
    }
    case 'figure': {
      const tariffs = mention.tariffIds
        .map((id) => knowledge.tariffs.get(id))
        .filter((t): t is Tariff => t !== undefined);
      return tariffs.length > 0
        ? renderTariffCard(mention.rate, tariffs, knowledge, noteDateOfDocument(document)?.iso)
        : undefined;
    }
    case 'country':
      return undefined;
  }
}
