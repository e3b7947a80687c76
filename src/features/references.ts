import * as vscode from 'vscode';
import { findMentionAt } from '../core/matching/findMention';
import { entriesOf, idAt } from '../core/navigation/knowledgeIndex';
import { targetOfMention, type Target } from '../core/navigation/mentionTargets';
import type { Span } from '../core/text/span';
import { POLICY_NOTE_LANGUAGE } from '../services/configuration';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { KNOWLEDGE_SELECTOR, POLICY_NOTE_SELECTOR } from './documentSelectors';
import { toLocation } from './typeConverters';

/**
 * Find All References of an official, a tariff, a country or an event: every mention in the policy
 * notes of the workspace (scanned in the background, see WorkspaceMentions) and every use of its id in
 * knowledge files, from a mention in a note or from an id in a knowledge file.
 */
export function registerReferences(services: Services): vscode.Disposable {
  const provider = new MentionReferenceProvider(services);
  return vscode.Disposable.from(
    vscode.languages.registerReferenceProvider(POLICY_NOTE_SELECTOR, provider),
    vscode.languages.registerReferenceProvider(KNOWLEDGE_SELECTOR, provider),
  );
}

/** Where notes mention any of the targets, as locations; undefined when cancelled. */
export async function mentionsInNotes(
  { workspaceMentions }: Pick<Services, 'workspaceMentions'>,
  targets: readonly Target[],
  token: vscode.CancellationToken,
  progress: vscode.Progress<{ message?: string }>,
): Promise<vscode.Location[] | undefined> {
  const found = await workspaceMentions.find(targets, token, progress);
  return found?.map(({ note, start, end }) => toLocation(note.uri, note.lines.rangeAt(start, end)));
}

class MentionReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly services: Services) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    return logFailure(this.services.logger, `Find All References in ${document.uri.toString()}`, async () => {
      const target = await this.targetAt(document, position, token);
      if (!target || token.isCancellationRequested) return undefined;
      return await this.referencesOf(target, context.includeDeclaration, token);
    });
  }

  /** Uses in knowledge files (and, if asked, the definitions), then mentions in notes; undefined when cancelled. */
  private async referencesOf(
    target: Target,
    includeDeclaration: boolean,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    const locations: vscode.Location[] = [];
    for (const { uri, index } of await this.services.knowledgeDocuments.all(token)) {
      const at = (span: Span): vscode.Location => toLocation(uri.toString(), index.lines.rangeAt(span.start, span.end));
      for (const use of index.uses) if (use.target === target.kind && use.id === target.id) locations.push(at(use));
      if (!includeDeclaration) continue;
      for (const entry of entriesOf(index)) {
        if (entry.kind === target.kind && entry.id === target.id) locations.push(at(entry.idSpan));
      }
    }
    // Notes never name events by id: no note needs reading for them.
    if (target.kind === 'event') return token.isCancellationRequested ? undefined : locations;
    const inNotes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Trade Notes: finding mentions') },
      (progress) => mentionsInNotes(this.services, [target], token, progress),
    );
    return inNotes && [...locations, ...inNotes];
  }

  private async targetAt(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<Target | undefined> {
    const { knowledgeDocuments, mentions } = this.services;
    if (knowledgeDocuments.isKnowledgeDocument(document)) {
      return idAt(knowledgeDocuments.indexOf(document), document.offsetAt(position));
    }
    if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
    const found = await mentions.mentions(document, token);
    const mention = found && findMentionAt(found, document.offsetAt(position));
    return mention && targetOfMention(mention);
  }
}
