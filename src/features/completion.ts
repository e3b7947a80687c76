import * as vscode from 'vscode';
import { renderEventCard } from '../core/cards/eventCard';
import { renderOfficialCard } from '../core/cards/officialCard';
import { renderTariffCard } from '../core/cards/tariffCard';
import { describeChange, writtenRate } from '../core/cards/tariffChanges';
import { completionSlotAt, type CompletionSlot } from '../core/authoring/knowledgeCompletion';
import {
  figureChoices,
  nameChoices,
  nameReplacementStart,
  offersNames,
  typedFigure,
  typedWord,
} from '../core/authoring/noteCompletion';
import { EVENT_KINDS, type EventKind } from '../core/knowledge/types';
import { entriesOf, type EntryKind } from '../core/navigation/knowledgeIndex';
import { describeEventDate } from '../core/timeline/timeline';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { KNOWLEDGE_SELECTOR, POLICY_NOTE_SELECTOR } from './documentSelectors';
import { untrustedMarkdown } from './untrustedMarkdown';

/** What each `kind` of event is, shown beside it in completion. */
function eventKindDescription(kind: EventKind): string {
  switch (kind) {
    case 'talks':
      return vscode.l10n.t('A round of negotiations');
    case 'call':
      return vscode.l10n.t('A phone or video call');
    case 'statement':
      return vscode.l10n.t('A joint or official statement');
    case 'measure':
      return vscode.l10n.t('A tariff, export control or other measure taking effect');
    case 'deadline':
      return vscode.l10n.t('A deadline or expiry');
  }
}

/** A completion item whose card is rendered only when VS Code shows its details. */
class CardItem extends vscode.CompletionItem {
  constructor(
    label: vscode.CompletionItemLabel,
    kind: vscode.CompletionItemKind,
    readonly card: () => string | undefined,
  ) {
    super(label, kind);
  }
}

/**
 * Completion in notes (officials' names and figures) and in knowledge files (ids, country codes, kinds).
 */
export function registerCompletion(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(POLICY_NOTE_SELECTOR, new NoteCompletionProvider(services), '%'),
    vscode.languages.registerCompletionItemProvider(
      KNOWLEDGE_SELECTOR,
      new KnowledgeCompletionProvider(services),
      ' ',
      '[',
      ',',
    ),
  );
}

type CompletionRequest = Parameters<vscode.CompletionItemProvider['provideCompletionItems']>;

/** What both providers share: failures logged, and cards rendered only when VS Code shows an item's details. */
abstract class CardCompletionProvider implements vscode.CompletionItemProvider {
  constructor(protected readonly services: Services) {}

  provideCompletionItems(...request: CompletionRequest): Promise<vscode.CompletionItem[] | undefined> {
    return logFailure(this.services.logger, `Completion in ${request[0].uri.toString()}`, () =>
      this.complete(...request),
    );
  }

  resolveCompletionItem(item: vscode.CompletionItem): Promise<vscode.CompletionItem> {
    return logFailure(this.services.logger, 'Rendering a completion card', () => {
      const card = item instanceof CardItem ? item.card() : undefined;
      if (card) item.documentation = untrustedMarkdown(card);
    }).then(() => item);
  }

  protected abstract complete(...request: CompletionRequest): Promise<vscode.CompletionItem[] | undefined>;
}

/**
 * Completion in notes: officials' names and aliases after a capital letter or on request (Ctrl+Space
 * after a space), and known tariff figures after a number followed by `%`.
 */
class NoteCompletionProvider extends CardCompletionProvider {
  protected async complete(
    ...[document, position, token, context]: CompletionRequest
  ): Promise<vscode.CompletionItem[] | undefined> {
    const { store } = this.services;
    await store.ready();
    if (token.isCancellationRequested) return undefined;
    const lineBefore = document.lineAt(position.line).text.slice(0, position.character);
    const figure = typedFigure(lineBefore);
    if (figure)
      return this.figureItems(
        figure.digits,
        new vscode.Range(position.line, figure.start, position.line, position.character),
      );
    // A % that follows no number (or only part of one) asks for nothing.
    if (context.triggerCharacter === '%') return undefined;
    const word = typedWord(lineBefore);
    if (!word || !offersNames(word)) return undefined;
    return nameChoices(store.knowledge).map(({ text, official, isAlias }) => {
      const item = new CardItem(
        { label: text, description: isAlias ? official.name : undefined },
        vscode.CompletionItemKind.User,
        () => renderOfficialCard(official, store.knowledge),
      );
      item.detail = official.title;
      item.range = new vscode.Range(
        position.line,
        nameReplacementStart(lineBefore, text, word),
        position.line,
        position.character,
      );
      return item;
    });
  }

  private figureItems(digits: string, range: vscode.Range): vscode.CompletionItem[] {
    const { store } = this.services;
    return figureChoices(store.knowledge, digits).map(({ rate, tariff, step }) => {
      const item = new CardItem(
        // The label is what completion writes into the note: as notes write rates, in any display language.
        { label: writtenRate(rate), description: tariff.label },
        vscode.CompletionItemKind.Value,
        () => renderTariffCard(rate, [tariff], store.knowledge),
      );
      item.detail = describeChange(tariff.history, tariff.history.indexOf(step));
      item.range = range;
      return item;
    });
  }
}

/**
 * Completion in knowledge files: official ids in `participants`, event ids in `event`, country codes in
 * `country`, `by` and `on`, and the values of `kind`. Ids defined in the file itself count even while
 * it has errors.
 */
class KnowledgeCompletionProvider extends CardCompletionProvider {
  protected async complete(
    ...[document, position, token]: CompletionRequest
  ): Promise<vscode.CompletionItem[] | undefined> {
    const { store, knowledgeDocuments } = this.services;
    if (!knowledgeDocuments.isKnowledgeDocument(document)) return undefined;
    const slot = completionSlotAt(document.getText(), document.offsetAt(position));
    if (!slot) return undefined;
    await store.ready();
    if (token.isCancellationRequested) return undefined;
    // Replace the whole value under the cursor, also the part after it.
    const after = /^[\w.-]*/.exec(document.lineAt(position.line).text.slice(position.character))![0];
    const range = new vscode.Range(document.positionAt(slot.start), position.translate(0, after.length));
    const items = this.items(document, slot);
    for (const item of items) item.range = range;
    return items;
  }

  private items(document: vscode.TextDocument, slot: CompletionSlot): vscode.CompletionItem[] {
    const { store } = this.services;
    const knowledge = store.knowledge;
    switch (slot.kind) {
      case 'official':
        return this.ids(document, 'official', [...knowledge.officials.values()], slot.listed).map(
          ({ id, entry, name }) => {
            const item = new CardItem(
              { label: id, description: entry?.name ?? name },
              vscode.CompletionItemKind.User,
              () => entry && renderOfficialCard(entry, store.knowledge),
            );
            item.detail = entry?.title;
            return item;
          },
        );
      case 'event':
        return this.ids(document, 'event', [...knowledge.events.values()], []).map(({ id, entry, name }) => {
          const item = new CardItem(
            { label: id, description: entry?.title ?? name },
            vscode.CompletionItemKind.Event,
            () => entry && renderEventCard(entry, store.knowledge),
          );
          item.detail = entry && describeEventDate(entry);
          return item;
        });
      case 'country':
        return this.ids(
          document,
          'country',
          [...knowledge.countries.values()].map((c) => ({ ...c, id: c.code })),
          [],
        ).map(({ id, entry, name }) => {
          const description = entry ? [entry.flag, entry.name].filter(Boolean).join(' ') : name;
          const item = new vscode.CompletionItem({ label: id, description }, vscode.CompletionItemKind.EnumMember);
          item.detail = entry?.name;
          return item;
        });
      case 'event-kind':
        return EVENT_KINDS.map((kind) => {
          const item = new vscode.CompletionItem(
            { label: kind, description: eventKindDescription(kind) },
            vscode.CompletionItemKind.EnumMember,
          );
          item.sortText = String(EVENT_KINDS.indexOf(kind));
          return item;
        });
      case 'file-kind':
        return [
          new vscode.CompletionItem(
            { label: 'trade-knowledge', description: vscode.l10n.t('The marker of a knowledge file') },
            vscode.CompletionItemKind.Constant,
          ),
        ];
    }
  }

  /**
   * Known ids with their entries, plus ids only this document defines so far (with the name written
   * there), less those already listed.
   */
  private ids<T extends { readonly id: string }>(
    document: vscode.TextDocument,
    kind: EntryKind,
    known: readonly T[],
    listed: readonly string[],
  ): { id: string; entry?: T; name?: string }[] {
    const byId = new Map<string, { id: string; entry?: T; name?: string }>(
      known.map((entry) => [entry.id, { id: entry.id, entry }]),
    );
    for (const local of entriesOf(this.services.knowledgeDocuments.indexOf(document))) {
      if (local.kind === kind && local.id !== undefined && !byId.has(local.id))
        byId.set(local.id, { id: local.id, name: local.name });
    }
    return [...byId.values()].filter(({ id }) => !listed.includes(id));
  }
}
