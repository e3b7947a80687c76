import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { KnowledgeReference } from '../knowledge/types';
import type { Span } from '../text/span';
import { endWithoutTrailingSpace } from '../text/whiteSpace';
import { TextLines } from './textLines';

/** What a knowledge file defines: a country (by code) or an entry of one of the three lists. */
export type EntryKind = 'country' | 'official' | 'tariff' | 'event';

export type SectionKey = 'countries' | 'officials' | 'tariffs' | 'timeline';

export interface IndexedStep extends Span {
  readonly date?: string;
  readonly rate?: string;
}

export interface IndexedEntry extends Span {
  readonly kind: EntryKind;
  /** The id, or the code of a country; undefined while it is not written yet. */
  readonly id?: string;
  /** Where the id (or country code) is written; the entry's start when it is missing. */
  readonly idSpan: Span;
  /** The name of an official or country, the label of a tariff, the title of an event. */
  readonly name?: string;
  /** The title of an official, the date of an event. */
  readonly detail?: string;
  /** A tariff's history, in file order. */
  readonly steps: readonly IndexedStep[];
}

export interface IndexedSection extends Span {
  readonly key: SectionKey;
  readonly keySpan: Span;
  readonly entries: readonly IndexedEntry[];
}

/** A use of an id: `country:`, `by:`, `on:`, `event:` or an item of `participants:`. */
export interface IndexedUse extends Span {
  readonly target: KnowledgeReference['target'];
  readonly id: string;
}

export interface KnowledgeIndex {
  readonly sections: readonly IndexedSection[];
  readonly uses: readonly IndexedUse[];
  readonly lines: TextLines;
  /** YAML syntax errors: the index holds what could still be read. */
  readonly hasSyntaxErrors: boolean;
}

/** The id under the cursor: where it is defined or used. */
export interface IdAt extends Span {
  readonly kind: EntryKind;
  readonly id: string;
  readonly isDefinition: boolean;
}

const SECTION_KINDS: Readonly<Record<SectionKey, EntryKind>> = {
  countries: 'country',
  officials: 'official',
  tariffs: 'tariff',
  timeline: 'event',
};

/**
 * Where things are in a knowledge file: sections, entries with their ids, and every use of an id.
 * Unlike the loader it never rejects a file: half-typed and invalid files are indexed as far as they
 * can be read, because navigation and completion are needed most while a file is being written.
 * Spans end at their last non-blank character: YAML's node ranges include the line break and
 * indentation after them.
 */
export function indexKnowledge(text: string): KnowledgeIndex {
  const doc = parseDocument(text, { uniqueKeys: false });
  const uses: IndexedUse[] = [];
  const sections: IndexedSection[] = [];
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = scalarText(pair.key);
      if (key !== 'countries' && key !== 'officials' && key !== 'tariffs' && key !== 'timeline') continue;
      const keySpan = spanOf(pair.key);
      if (!keySpan) continue;
      const entries = key === 'countries' ? readCountries(pair, text) : readList(pair, SECTION_KINDS[key], text, uses);
      const valueEnd = spanOf(pair.value)?.end ?? keySpan.end;
      sections.push({
        key,
        keySpan,
        entries,
        start: keySpan.start,
        end: endWithoutTrailingSpace(text, keySpan.start, valueEnd),
      });
    }
  }
  return { sections, uses, lines: new TextLines(text), hasSyntaxErrors: doc.errors.length > 0 };
}

/** Every entry of every section, in file order. */
export function entriesOf(index: KnowledgeIndex): IndexedEntry[] {
  return index.sections.flatMap((section) => section.entries);
}

/** The id defined or used at `offset` (its end counts, so a cursor right after an id finds it). */
export function idAt(index: KnowledgeIndex, offset: number): IdAt | undefined {
  const within = (span: Span): boolean => span.start <= offset && offset <= span.end;
  const use = index.uses.find(within);
  if (use) return { kind: use.target, id: use.id, start: use.start, end: use.end, isDefinition: false };
  for (const entry of entriesOf(index)) {
    if (entry.id !== undefined && within(entry.idSpan)) {
      return { kind: entry.kind, id: entry.id, start: entry.idSpan.start, end: entry.idSpan.end, isDefinition: true };
    }
  }
  return undefined;
}

function readCountries(pair: Pair, text: string): IndexedEntry[] {
  if (!isMap(pair.value)) return [];
  const entries: IndexedEntry[] = [];
  for (const item of pair.value.items) {
    const code = scalarText(item.key);
    const keySpan = spanOf(item.key);
    if (code === undefined || !keySpan) continue;
    const end = spanOf(item.value)?.end ?? keySpan.end;
    const name = isMap(item.value) ? fieldText(item.value, 'name') : undefined;
    entries.push({
      kind: 'country',
      id: code,
      idSpan: keySpan,
      name,
      steps: [],
      start: keySpan.start,
      end: endWithoutTrailingSpace(text, keySpan.start, end),
    });
  }
  return entries;
}

function readList(pair: Pair, kind: EntryKind, text: string, uses: IndexedUse[]): IndexedEntry[] {
  if (!isSeq(pair.value)) return [];
  const entries: IndexedEntry[] = [];
  for (const item of pair.value.items) {
    if (!isMap(item)) continue;
    const span = spanOf(item);
    if (!span) continue;
    const entry = { start: span.start, end: endWithoutTrailingSpace(text, span.start, span.end) };
    const idPair = findPair(item, 'id');
    const idSpan = spanOf(idPair?.value) ?? { start: entry.start, end: entry.start };
    const common = { ...entry, kind, id: idPair ? scalarText(idPair.value) : undefined, idSpan };
    switch (kind) {
      case 'official':
        addUse(uses, item, 'country', 'country');
        entries.push({ ...common, name: fieldText(item, 'name'), detail: fieldText(item, 'title'), steps: [] });
        break;
      case 'tariff':
        addUse(uses, item, 'by', 'country');
        addUse(uses, item, 'on', 'country');
        entries.push({ ...common, name: fieldText(item, 'label'), steps: readSteps(item, text, uses) });
        break;
      case 'event':
        addParticipants(uses, item);
        entries.push({ ...common, name: fieldText(item, 'title'), detail: fieldText(item, 'date'), steps: [] });
        break;
      case 'country':
        break;
    }
  }
  return entries;
}

function readSteps(tariff: YAMLMap, text: string, uses: IndexedUse[]): IndexedStep[] {
  const history = findPair(tariff, 'history')?.value;
  if (!isSeq(history)) return [];
  const steps: IndexedStep[] = [];
  for (const item of history.items) {
    const span = spanOf(item);
    if (!isMap(item) || !span) continue;
    addUse(uses, item, 'event', 'event');
    steps.push({
      date: fieldText(item, 'date'),
      rate: fieldText(item, 'rate'),
      start: span.start,
      end: endWithoutTrailingSpace(text, span.start, span.end),
    });
  }
  return steps;
}

function addUse(uses: IndexedUse[], map: YAMLMap, key: string, target: IndexedUse['target']): void {
  const value = findPair(map, key)?.value;
  const id = scalarText(value);
  const span = spanOf(value);
  if (id !== undefined && span) uses.push({ target, id, ...span });
}

function addParticipants(uses: IndexedUse[], event: YAMLMap): void {
  const list = findPair(event, 'participants')?.value;
  if (!isSeq(list)) return;
  for (const item of list.items) {
    const id = scalarText(item);
    const span = spanOf(item);
    if (id !== undefined && span) uses.push({ target: 'official', id, ...span });
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item): item is Pair => isPair(item) && scalarText(item.key) === key);
}

function fieldText(map: YAMLMap, key: string): string | undefined {
  return scalarText(findPair(map, key)?.value);
}

/** A scalar's text (numbers too, as the loader reads them); undefined for anything else or blank. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}
