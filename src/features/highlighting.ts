import * as vscode from 'vscode';
import type { Mention } from '../core/matching/mention';
import { mentionTokens } from '../core/navigation/mentionTokens';
import { TextLines } from '../core/navigation/textLines';
import { readSetting, Settings } from '../services/configuration';
import { Disposable, Emitter } from '../services/disposable';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { POLICY_NOTE_SELECTOR } from './documentSelectors';

/** Token types of their own (package.json `semanticTokenTypes`), so themes and users can style mentions. */
const TOKEN_TYPES: Readonly<Record<Mention['kind'], string>> = {
  official: 'tradeOfficial',
  figure: 'tradeFigure',
  country: 'tradeCountry',
};
const KINDS = Object.keys(TOKEN_TYPES) as Mention['kind'][];
const LEGEND = new vscode.SemanticTokensLegend(KINDS.map((kind) => TOKEN_TYPES[kind]));

/**
 * Marks recognised mentions in notes with semantic tokens: officials and tariff figures that have a card,
 * and countries. Follows the knowledge and the `tradeNotes.highlightMentions` setting as they change.
 */
export function registerHighlighting(services: Services): vscode.Disposable {
  const provider = new MentionHighlighter(services);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerDocumentSemanticTokensProvider(POLICY_NOTE_SELECTOR, provider, LEGEND),
  );
}

class MentionHighlighter extends Disposable implements vscode.DocumentSemanticTokensProvider {
  private readonly changeEmitter = this.register(new Emitter<void>());
  readonly onDidChangeSemanticTokens = this.changeEmitter.event;

  constructor(private readonly services: Services) {
    super();
    this.register(services.store.onDidChange(() => this.changeEmitter.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.highlightMentions)) this.changeEmitter.fire();
      }),
    );
  }

  provideDocumentSemanticTokens(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.SemanticTokens | undefined> {
    return logFailure(this.services.logger, `Highlighting mentions in ${document.uri.toString()}`, async () => {
      const builder = new vscode.SemanticTokensBuilder(LEGEND);
      if (!readSetting(Settings.highlightMentions, true, document)) return builder.build();
      const mentions = await this.services.mentions.mentions(document, token);
      if (!mentions || token.isCancellationRequested) return undefined;
      const text = document.getText();
      for (const { line, character, length, kind } of mentionTokens(text, new TextLines(text), mentions)) {
        builder.push(line, character, length, KINDS.indexOf(kind));
      }
      return builder.build();
    });
  }
}
