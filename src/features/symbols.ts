import * as vscode from 'vscode';
import { formatRate } from '../core/cards/tariffChanges';
import { formatNumber } from '../core/l10n/l10n';
import type { Knowledge } from '../core/knowledge/knowledge';
import {
  type EntryKind,
  type IndexedEntry,
  type KnowledgeIndex,
  type SectionKey,
} from '../core/navigation/knowledgeIndex';
import { outlineNote, type OutlineHeading, type OutlineMention } from '../core/navigation/noteOutline';
import type { NoteDate } from '../core/checks/noteDate';
import { searchKnowledgeSymbols } from '../core/navigation/symbolSearch';
import type { Span } from '../core/text/span';
import { formatDate } from '../core/timeline/dates';
import { POLICY_NOTE_LANGUAGE, PRODUCT_NAME } from '../services/configuration';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { KNOWLEDGE_SELECTOR, POLICY_NOTE_SELECTOR } from './documentSelectors';
import { noteDateOfDocument } from './noteDates';
import { rangeOfOffsets, toLocation } from './typeConverters';

/** A section of a knowledge file, as the outline names it. */
function sectionLabel(key: SectionKey): string {
  switch (key) {
    case 'countries':
      return vscode.l10n.t('Countries');
    case 'officials':
      return vscode.l10n.t('Officials');
    case 'tariffs':
      return vscode.l10n.t('Tariffs');
    case 'timeline':
      return vscode.l10n.t('Timeline');
  }
}

const ENTRY_SYMBOL_KINDS: Readonly<Record<EntryKind, vscode.SymbolKind>> = {
  country: vscode.SymbolKind.Constant,
  official: vscode.SymbolKind.Object,
  tariff: vscode.SymbolKind.Struct,
  event: vscode.SymbolKind.Event,
};

/**
 * The Outline, breadcrumbs and Go to Symbol: for notes, their headings with the officials and figures
 * each section mentions; for knowledge files, their entries by section (tariffs with their history).
 * Go to Symbol in Workspace (`#`): officials by name, alias or id, and events by title or id.
 */
export function registerSymbols(services: Services): vscode.Disposable {
  const outline = new OutlineProvider(services);
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(POLICY_NOTE_SELECTOR, outline, { label: PRODUCT_NAME }),
    vscode.languages.registerDocumentSymbolProvider(KNOWLEDGE_SELECTOR, outline, { label: PRODUCT_NAME }),
    vscode.languages.registerWorkspaceSymbolProvider(new KnowledgeSymbolProvider(services)),
  );
}

class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly services: Services) {}

  provideDocumentSymbols(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentSymbol[] | undefined> {
    const { store, mentions, knowledgeDocuments, logger } = this.services;
    return logFailure(logger, `Outline of ${document.uri.toString()}`, async () => {
      if (knowledgeDocuments.isKnowledgeDocument(document)) {
        return knowledgeSymbols(document, knowledgeDocuments.indexOf(document));
      }
      if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
      const found = await mentions.mentions(document, token);
      if (!found || token.isCancellationRequested) return undefined;
      const outline = outlineNote(document.getText(), found);
      const knowledge = store.knowledge;
      const noteDate = noteDateOfDocument(document);
      return [
        ...(noteDate ? [noteDateSymbol(document, noteDate)] : []),
        ...outline.mentions.map((m) => mentionSymbol(document, m, knowledge)),
        ...outline.headings.map((h) => headingSymbol(document, h, knowledge)),
      ];
    });
  }
}

class KnowledgeSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly services: Services) {}

  provideWorkspaceSymbols(
    query: string,
    token: vscode.CancellationToken,
  ): Promise<vscode.SymbolInformation[] | undefined> {
    const { store, logger } = this.services;
    return logFailure(logger, `Workspace symbol search for "${query}"`, async () => {
      await store.ready();
      if (token.isCancellationRequested) return undefined;
      return searchKnowledgeSymbols(store.knowledge, query).map(
        (symbol) =>
          new vscode.SymbolInformation(
            symbol.name,
            ENTRY_SYMBOL_KINDS[symbol.kind],
            symbol.container,
            toLocation(symbol.source.uri, symbol.source.range),
          ),
      );
    });
  }
}

/** "Dated 10 Jun 2025 · front matter": the date the fact check reads the note's claims at. */
function noteDateSymbol(document: vscode.TextDocument, noteDate: NoteDate): vscode.DocumentSymbol {
  const span = { start: noteDate.start ?? 0, end: noteDate.end ?? 0 };
  const name = vscode.l10n.t('Dated {0}', formatDate(noteDate.iso));
  return symbol(document, name, noteDateSource(noteDate.source), vscode.SymbolKind.Event, span, span);
}

/** Where the note says its date, as the outline names it. */
function noteDateSource(source: NoteDate['source']): string {
  switch (source) {
    case 'front matter':
      return vscode.l10n.t('front matter');
    case 'heading':
      return vscode.l10n.t('heading');
    case 'file name':
      return vscode.l10n.t('file name');
  }
}

function headingSymbol(
  document: vscode.TextDocument,
  heading: OutlineHeading,
  knowledge: Knowledge,
): vscode.DocumentSymbol {
  const result = symbol(
    document,
    heading.text || vscode.l10n.t('(empty heading)'),
    '',
    vscode.SymbolKind.String,
    { start: heading.lineStart, end: heading.end },
    {
      start: heading.lineStart,
      end: heading.lineEnd,
    },
  );
  result.children = [
    ...heading.mentions.map((m) => mentionSymbol(document, m, knowledge)),
    ...heading.children.map((h) => headingSymbol(document, h, knowledge)),
  ];
  return result;
}

function mentionSymbol(
  document: vscode.TextDocument,
  { mention, count }: OutlineMention,
  knowledge: Knowledge,
): vscode.DocumentSymbol {
  const times = count > 1 ? ` · ${formatNumber(count)}×` : '';
  if (mention.kind === 'official') {
    const official = knowledge.officials.get(mention.officialId);
    return symbol(
      document,
      official?.name ?? mention.officialId,
      `${official?.title ?? ''}${times}`,
      vscode.SymbolKind.Object,
      mention,
      mention,
    );
  }
  const label = mention.tariffIds.length > 0 ? knowledge.tariffs.get(mention.tariffIds[0]!)?.label : undefined;
  return symbol(
    document,
    formatRate(mention.rate),
    `${label ?? ''}${times}`,
    vscode.SymbolKind.Number,
    mention,
    mention,
  );
}

function knowledgeSymbols(document: vscode.TextDocument, index: KnowledgeIndex): vscode.DocumentSymbol[] {
  return index.sections.map((section) => {
    const result = symbol(
      document,
      sectionLabel(section.key),
      count(section.entries.length),
      vscode.SymbolKind.Namespace,
      section,
      section.keySpan,
    );
    result.children = section.entries.map((entry) => entrySymbol(document, entry));
    return result;
  });
}

function entrySymbol(document: vscode.TextDocument, entry: IndexedEntry): vscode.DocumentSymbol {
  const name = entry.name ?? entry.id ?? vscode.l10n.t('(no id)');
  const detail = [entry.id !== name ? entry.id : undefined, entry.detail]
    .filter((part) => part !== undefined)
    .join(' · ');
  const result = symbol(document, name, detail, ENTRY_SYMBOL_KINDS[entry.kind], entry, entry.idSpan);
  result.children = entry.steps.map((step) =>
    symbol(
      document,
      [step.date, step.rate].filter((part) => part !== undefined).join(' · ') || vscode.l10n.t('(step)'),
      '',
      vscode.SymbolKind.Number,
      step,
      step,
    ),
  );
  return result;
}

/** A symbol whose range always contains its selection, which VS Code requires. */
function symbol(
  document: vscode.TextDocument,
  name: string,
  detail: string,
  kind: vscode.SymbolKind,
  range: Span,
  selection: Span,
): vscode.DocumentSymbol {
  const selectionRange = rangeOfOffsets(document, selection.start, selection.end);
  const fullRange = rangeOfOffsets(document, range.start, range.end).union(selectionRange);
  return new vscode.DocumentSymbol(name, detail, kind, fullRange, selectionRange);
}

function count(entries: number): string {
  return entries === 1 ? vscode.l10n.t('1 entry') : vscode.l10n.t('{0} entries', formatNumber(entries));
}
