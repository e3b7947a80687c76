import * as vscode from 'vscode';
import { findMentionAt } from '../core/matching/findMention';
import { entriesOf, idAt, type Span } from '../core/navigation/knowledgeIndex';
import { targetOfMention, type Target } from '../core/navigation/mentionTargets';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { toRange } from './diagnostics';
import { KNOWLEDGE_SELECTOR, type KnowledgeDocuments } from './knowledgeDocuments';
import { POLICY_NOTE_LANGUAGE, POLICY_NOTE_SELECTOR } from './policyNote';
import type { WorkspaceMentions } from './workspaceMentions';

/**
 * Find All References of an official, a tariff, a country or an event: every mention in the policy
 * notes of the workspace (scanned in the background, see {@link WorkspaceMentions}) and every use of
 * its id in knowledge files, from a mention in a note or from an id in a knowledge file.
 */
export class ReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly mentions: MentionCache,
    private readonly knowledgeDocuments: KnowledgeDocuments,
    private readonly workspaceMentions: WorkspaceMentions,
    private readonly logger: Logger,
  ) {}

  static register(context: vscode.ExtensionContext, provider: ReferenceProvider): void {
    context.subscriptions.push(
      vscode.languages.registerReferenceProvider(POLICY_NOTE_SELECTOR, provider),
      vscode.languages.registerReferenceProvider(KNOWLEDGE_SELECTOR, provider),
    );
  }

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    try {
      const target = await this.targetAt(document, position, token);
      if (!target || token.isCancellationRequested) return undefined;
      return await this.referencesOf(target, context.includeDeclaration, token);
    } catch (error) {
      this.logger.error(`Find All References failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  /** Uses in knowledge files (and, if asked, the definitions), then mentions in notes; undefined when cancelled. */
  async referencesOf(
    target: Target,
    includeDeclaration: boolean,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    const locations: vscode.Location[] = [];
    for (const { uri, index } of await this.knowledgeDocuments.all(token)) {
      const at = (span: Span): vscode.Location =>
        new vscode.Location(uri, toRange(index.lines.rangeAt(span.start, span.end)));
      for (const use of index.uses) if (use.target === target.kind && use.id === target.id) locations.push(at(use));
      if (!includeDeclaration) continue;
      for (const entry of entriesOf(index))
        if (entry.kind === target.kind && entry.id === target.id) locations.push(at(entry.idSpan));
    }
    // Notes never name events by id: no note needs reading for them.
    if (target.kind === 'event') return token.isCancellationRequested ? undefined : locations;
    const inNotes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Trade Notes: finding mentions' },
      (progress) => this.workspaceMentions.find([target], token, progress),
    );
    return inNotes && [...locations, ...inNotes];
  }

  private async targetAt(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<Target | undefined> {
    if (this.knowledgeDocuments.isKnowledgeDocument(document))
      return idAt(this.knowledgeDocuments.indexOf(document), document.offsetAt(position));
    if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
    const mentions = await this.mentions.mentions(document, token);
    const mention = mentions && findMentionAt(mentions, document.offsetAt(position));
    return mention && targetOfMention(mention);
  }
}
