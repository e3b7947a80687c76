import * as vscode from 'vscode';
import { formatRate } from '../core/cards/tariffChanges';
import type { Knowledge } from '../core/knowledge/knowledge';
import {
  type EntryKind,
  type IndexedEntry,
  type KnowledgeIndex,
  type SectionKey,
  type Span,
} from '../core/navigation/knowledgeIndex';
import { outlineNote, type OutlineHeading, type OutlineMention } from '../core/navigation/noteOutline';
import { searchKnowledgeSymbols } from '../core/navigation/symbolSearch';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { toRange } from './diagnostics';
import { KNOWLEDGE_SELECTOR, type KnowledgeDocuments } from './knowledgeDocuments';
import { POLICY_NOTE_LANGUAGE, POLICY_NOTE_SELECTOR } from './policyNote';

const SECTION_LABELS: Readonly<Record<SectionKey, string>> = {
  countries: 'Countries',
  officials: 'Officials',
  tariffs: 'Tariffs',
  timeline: 'Timeline',
};

const ENTRY_SYMBOL_KINDS: Readonly<Record<EntryKind, vscode.SymbolKind>> = {
  country: vscode.SymbolKind.Constant,
  official: vscode.SymbolKind.Object,
  tariff: vscode.SymbolKind.Struct,
  event: vscode.SymbolKind.Event,
};

/**
 * The Outline, breadcrumbs and Go to Symbol: for notes, their headings with the officials and figures
 * each section mentions; for knowledge files, their entries by section (tariffs with their history).
 */
export class DocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly mentions: MentionCache,
    private readonly knowledgeDocuments: KnowledgeDocuments,
    private readonly logger: Logger,
  ) {}

  static register(context: vscode.ExtensionContext, provider: DocumentSymbolProvider): void {
    context.subscriptions.push(
      vscode.languages.registerDocumentSymbolProvider(POLICY_NOTE_SELECTOR, provider, { label: 'Trade Notes' }),
      vscode.languages.registerDocumentSymbolProvider(KNOWLEDGE_SELECTOR, provider, { label: 'Trade Notes' }),
    );
  }

  async provideDocumentSymbols(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentSymbol[] | undefined> {
    try {
      if (this.knowledgeDocuments.isKnowledgeDocument(document))
        return knowledgeSymbols(document, this.knowledgeDocuments.indexOf(document));
      if (document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
      const mentions = await this.mentions.mentions(document, token);
      if (!mentions || token.isCancellationRequested) return undefined;
      const outline = outlineNote(document.getText(), mentions);
      const knowledge = this.store.knowledge;
      return [
        ...outline.mentions.map((m) => mentionSymbol(document, m, knowledge)),
        ...outline.headings.map((h) => headingSymbol(document, h, knowledge)),
      ];
    } catch (error) {
      this.logger.error(`Outline failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }
}

/** Go to Symbol in Workspace (`#`): officials by name, alias or id, and events by title or id. */
export class WorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly logger: Logger,
  ) {}

  static register(context: vscode.ExtensionContext, provider: WorkspaceSymbolProvider): void {
    context.subscriptions.push(vscode.languages.registerWorkspaceSymbolProvider(provider));
  }

  async provideWorkspaceSymbols(
    query: string,
    token: vscode.CancellationToken,
  ): Promise<vscode.SymbolInformation[] | undefined> {
    try {
      await this.store.ready();
      if (token.isCancellationRequested) return undefined;
      return searchKnowledgeSymbols(this.store.knowledge, query).map(
        (symbol) =>
          new vscode.SymbolInformation(
            symbol.name,
            symbol.kind === 'official' ? ENTRY_SYMBOL_KINDS.official : ENTRY_SYMBOL_KINDS.event,
            symbol.container,
            new vscode.Location(vscode.Uri.parse(symbol.source.uri), toRange(symbol.source.range)),
          ),
      );
    } catch (error) {
      this.logger.error(`Workspace symbol search for "${query}" failed`, error);
      return undefined;
    }
  }
}

function headingSymbol(
  document: vscode.TextDocument,
  heading: OutlineHeading,
  knowledge: Knowledge,
): vscode.DocumentSymbol {
  const result = symbol(
    document,
    heading.text || '(empty heading)',
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
  const times = count > 1 ? ` · ${count}×` : '';
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
      SECTION_LABELS[section.key],
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
  const name = entry.name ?? entry.id ?? '(no id)';
  const detail = [entry.id !== name ? entry.id : undefined, entry.detail]
    .filter((part) => part !== undefined)
    .join(' · ');
  const result = symbol(document, name, detail, ENTRY_SYMBOL_KINDS[entry.kind], entry, entry.idSpan);
  result.children = entry.steps.map((step) =>
    symbol(
      document,
      [step.date, step.rate].filter((part) => part !== undefined).join(' · ') || '(step)',
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
  const selectionRange = new vscode.Range(document.positionAt(selection.start), document.positionAt(selection.end));
  const fullRange = new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)).union(
    selectionRange,
  );
  return new vscode.DocumentSymbol(name, detail, kind, fullRange, selectionRange);
}

function count(entries: number): string {
  return entries === 1 ? '1 entry' : `${entries} entries`;
}
