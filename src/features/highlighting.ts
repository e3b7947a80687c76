import * as vscode from 'vscode';
import type { Mention } from '../core/matching/mention';
import { mentionTokens } from '../core/navigation/mentionTokens';
import { TextLines } from '../core/navigation/textLines';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { POLICY_NOTE_SELECTOR } from './policyNote';

/** Token types of their own (package.json `semanticTokenTypes`), so themes and users can style mentions. */
const TOKEN_TYPES: Readonly<Record<Mention['kind'], string>> = {
  official: 'tradeOfficial',
  figure: 'tradeFigure',
  country: 'tradeCountry',
};
const KINDS = Object.keys(TOKEN_TYPES) as Mention['kind'][];
const LEGEND = new vscode.SemanticTokensLegend(KINDS.map((kind) => TOKEN_TYPES[kind]));
const HIGHLIGHT_SETTING = 'tradeNotes.highlightMentions';

/**
 * Marks recognised mentions in notes with semantic tokens: officials and tariff figures that have a card,
 * and countries. Follows the knowledge and the `tradeNotes.highlightMentions` setting as they change.
 */
export class MentionHighlighter implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    store: KnowledgeStore,
    private readonly mentions: MentionCache,
    private readonly logger: Logger,
  ) {
    this.subscriptions = [
      store.onDidChange(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(HIGHLIGHT_SETTING)) this.changeEmitter.fire();
      }),
    ];
  }

  static register(context: vscode.ExtensionContext, provider: MentionHighlighter): void {
    context.subscriptions.push(
      provider,
      vscode.languages.registerDocumentSemanticTokensProvider(POLICY_NOTE_SELECTOR, provider, LEGEND),
    );
  }

  async provideDocumentSemanticTokens(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.SemanticTokens | undefined> {
    try {
      const builder = new vscode.SemanticTokensBuilder(LEGEND);
      if (!vscode.workspace.getConfiguration(undefined, document).get<boolean>(HIGHLIGHT_SETTING, true))
        return builder.build();
      const mentions = await this.mentions.mentions(document, token);
      if (!mentions || token.isCancellationRequested) return undefined;
      const text = document.getText();
      for (const { line, character, length, kind } of mentionTokens(text, new TextLines(text), mentions)) {
        builder.push(line, character, length, KINDS.indexOf(kind));
      }
      return builder.build();
    } catch (error) {
      this.logger.error(`Highlighting mentions failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}
