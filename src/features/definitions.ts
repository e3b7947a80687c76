import * as vscode from 'vscode';
import { findMentionAt } from '../core/matching/findMention';
import { entriesOf, idAt } from '../core/navigation/knowledgeIndex';
import { definitionOf, definitionsOfMention } from '../core/navigation/mentionTargets';
import { POLICY_NOTE_LANGUAGE } from '../services/configuration';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { KNOWLEDGE_SELECTOR, POLICY_NOTE_SELECTOR } from './documentSelectors';
import { rangeOfOffsets, toLocationLink } from './typeConverters';

/**
 * Go to Definition and Peek: from a mention in a note to its entry in the knowledge (bundled entries
 * open in the read-only bundled document), and in knowledge files from a used id to where it is defined.
 */
export function registerDefinitions(services: Services): vscode.Disposable {
  const provider = new MentionDefinitionProvider(services);
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(POLICY_NOTE_SELECTOR, provider),
    vscode.languages.registerDefinitionProvider(KNOWLEDGE_SELECTOR, provider),
  );
}

class MentionDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: Services) {}

  provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.LocationLink[] | undefined> {
    const { store, mentions, knowledgeDocuments, logger } = this.services;
    return logFailure(logger, `Go to Definition in ${document.uri.toString()}`, async () => {
      if (knowledgeDocuments.isKnowledgeDocument(document)) return this.inKnowledgeFile(document, position);
      if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
      const found = await mentions.mentions(document, token);
      const mention = found && findMentionAt(found, document.offsetAt(position));
      if (!mention || token.isCancellationRequested) return undefined;
      const origin = rangeOfOffsets(document, mention.start, mention.end);
      return definitionsOfMention(mention, store.knowledge).map((source) => toLocationLink(origin, source));
    });
  }

  /**
   * From an id used in the file to its definition; an id defined only in this file while it has errors
   * still resolves. On a definition the answer is the definition itself, so that VS Code offers its
   * references instead, as in code.
   */
  private inKnowledgeFile(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const index = this.services.knowledgeDocuments.indexOf(document);
    const at = idAt(index, document.offsetAt(position));
    if (!at) return undefined;
    const origin = rangeOfOffsets(document, at.start, at.end);
    const here = (range: vscode.Range): vscode.LocationLink[] => [
      { originSelectionRange: origin, targetUri: document.uri, targetRange: range, targetSelectionRange: range },
    ];
    if (at.isDefinition) return here(origin);
    const merged = definitionOf(at, this.services.store.knowledge);
    if (merged) return [toLocationLink(origin, merged)];
    const local = entriesOf(index).find((entry) => entry.kind === at.kind && entry.id === at.id);
    return local && here(rangeOfOffsets(document, local.start, local.end));
  }
}
