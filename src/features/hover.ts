import * as vscode from 'vscode';
import { renderOfficialCard } from '../core/cards/officialCard';
import { renderTariffCard } from '../core/cards/tariffCard';
import type { Tariff } from '../core/knowledge/types';
import { findMentionAt } from '../core/matching/findMention';
import type { Mention } from '../core/matching/mention';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { POLICY_NOTE_SELECTOR } from './policyNote';
import { untrustedMarkdown } from './untrustedMarkdown';

/** Added to cards shown before the first search for workspace knowledge files has finished. */
export const STILL_SEARCHING =
  '_Still looking for knowledge files in this workspace: this card may change in a moment._';

/** Hover cards over officials' names and tariff figures in policy notes. */
export class MentionHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly cache: MentionCache,
    private readonly logger: Logger,
  ) {}

  static register(context: vscode.ExtensionContext, provider: MentionHoverProvider): void {
    context.subscriptions.push(vscode.languages.registerHoverProvider(POLICY_NOTE_SELECTOR, provider));
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    try {
      // A card is a passing answer: on a first start it need not wait for the search for workspace
      // knowledge files, and says so while that goes on.
      const generation = this.store.generation;
      let mentions = await this.cache.mentions(document, token, 'available');
      // The search may have ended meanwhile: the mentions must be of the knowledge the card is made of.
      if (this.store.generation !== generation) mentions = await this.cache.mentions(document, token, 'available');
      if (!mentions) return undefined;
      const mention = findMentionAt(mentions, document.offsetAt(position));
      const card = mention && this.render(mention);
      if (!card) return undefined;
      const range = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
      const parts = [untrustedMarkdown(card)];
      if (this.store.searching) parts.push(untrustedMarkdown(STILL_SEARCHING));
      return new vscode.Hover(parts, range);
    } catch (error) {
      this.logger.error(`Hover failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  private render(mention: Mention): string | undefined {
    const knowledge = this.store.knowledge;
    switch (mention.kind) {
      case 'official': {
        const official = knowledge.officials.get(mention.officialId);
        return official && renderOfficialCard(official, knowledge);
      }
      case 'figure': {
        const tariffs = mention.tariffIds
          .map((id) => knowledge.tariffs.get(id))
          .filter((t): t is Tariff => t !== undefined);
        return tariffs.length > 0 ? renderTariffCard(mention.rate, tariffs, knowledge) : undefined;
      }
      case 'country':
        return undefined;
    }
  }
}
