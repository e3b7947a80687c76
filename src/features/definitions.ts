import * as vscode from 'vscode';
import type { SourceLocation } from '../core/knowledge/types';
import { findMentionAt } from '../core/matching/findMention';
import { entriesOf, idAt } from '../core/navigation/knowledgeIndex';
import { definitionOf, definitionsOfMention } from '../core/navigation/mentionTargets';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { toRange } from './diagnostics';
import { KNOWLEDGE_SELECTOR, type KnowledgeDocuments } from './knowledgeDocuments';
import { POLICY_NOTE_LANGUAGE, POLICY_NOTE_SELECTOR } from './policyNote';

/**
 * Go to Definition and Peek: from a mention in a note to its entry in the knowledge (bundled entries
 * open in the read-only bundled document), and in knowledge files from a used id to where it is defined.
 */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly mentions: MentionCache,
    private readonly knowledgeDocuments: KnowledgeDocuments,
    private readonly logger: Logger,
  ) {}

  static register(context: vscode.ExtensionContext, provider: DefinitionProvider): void {
    context.subscriptions.push(
      vscode.languages.registerDefinitionProvider(POLICY_NOTE_SELECTOR, provider),
      vscode.languages.registerDefinitionProvider(KNOWLEDGE_SELECTOR, provider),
    );
  }

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.LocationLink[] | undefined> {
    try {
      if (this.knowledgeDocuments.isKnowledgeDocument(document)) return this.inKnowledgeFile(document, position);
      if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
      const mentions = await this.mentions.mentions(document, token);
      const mention = mentions && findMentionAt(mentions, document.offsetAt(position));
      if (!mention || token.isCancellationRequested) return undefined;
      const origin = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
      return definitionsOfMention(mention, this.store.knowledge).map((source) => link(origin, source));
    } catch (error) {
      this.logger.error(`Go to Definition failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  /**
   * From an id used in the file to its definition; an id defined only in this file while it has errors
   * still resolves. On a definition the answer is the definition itself, so that VS Code offers its
   * references instead, as in code.
   */
  private inKnowledgeFile(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const index = this.knowledgeDocuments.indexOf(document);
    const at = idAt(index, document.offsetAt(position));
    if (!at) return undefined;
    const origin = new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
    if (at.isDefinition)
      return [
        { originSelectionRange: origin, targetUri: document.uri, targetRange: origin, targetSelectionRange: origin },
      ];
    const merged = definitionOf(at, this.store.knowledge);
    if (merged) return [link(origin, merged)];
    const local = entriesOf(index).find((entry) => entry.kind === at.kind && entry.id === at.id);
    if (!local) return undefined;
    const target = new vscode.Range(document.positionAt(local.start), document.positionAt(local.end));
    return [
      { originSelectionRange: origin, targetUri: document.uri, targetRange: target, targetSelectionRange: target },
    ];
  }
}

function link(origin: vscode.Range, source: SourceLocation): vscode.LocationLink {
  const target = toRange(source.range);
  return {
    originSelectionRange: origin,
    targetUri: vscode.Uri.parse(source.uri),
    targetRange: target,
    targetSelectionRange: target,
  };
}
