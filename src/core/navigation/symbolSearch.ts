import type { Knowledge } from '../knowledge/knowledge';
import type { SourceLocation } from '../knowledge/types';
import { foldText } from '../matching/characters';
import { describeEventDate } from '../timeline/timeline';

export interface KnowledgeSymbol {
  readonly kind: 'official' | 'event';
  readonly id: string;
  /** An official's name, an event's title. */
  readonly name: string;
  /** An official's title, an event's date. */
  readonly container: string;
  readonly source: SourceLocation;
}

/**
 * Officials and events whose name, alias, title or id contains the query's characters in order,
 * ignoring case, diacritics and spaces (`bessent`, `sbessent` and `Šefčovič` all find what you expect).
 */
export function searchKnowledgeSymbols(knowledge: Knowledge, query: string): KnowledgeSymbol[] {
  const wanted = squeeze(query);
  const matches = (texts: readonly string[]): boolean => texts.some((text) => isSubsequence(wanted, squeeze(text)));
  const symbols: KnowledgeSymbol[] = [];
  for (const official of knowledge.officials.values()) {
    if (matches([official.name, ...official.aliases, official.id])) {
      symbols.push({
        kind: 'official',
        id: official.id,
        name: official.name,
        container: official.title,
        source: official.source,
      });
    }
  }
  for (const event of knowledge.events.values()) {
    if (matches([event.title, event.id])) {
      symbols.push({
        kind: 'event',
        id: event.id,
        name: event.title,
        container: describeEventDate(event),
        source: event.source,
      });
    }
  }
  return symbols;
}

function squeeze(text: string): string {
  return foldText(text).replace(/\s+/g, '');
}

function isSubsequence(wanted: string, text: string): boolean {
  let i = 0;
  for (let j = 0; i < wanted.length && j < text.length; j++) {
    if (wanted[i] === text[j]) i++;
  }
  return i === wanted.length;
}
