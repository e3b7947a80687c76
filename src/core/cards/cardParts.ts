/** Pieces shared by the three cards, so every card shows countries, notes and sources the same way. */
import type { Knowledge } from '../knowledge/knowledge';
import { t } from '../l10n/l10n';
import { escapeMarkdown, formatLink, quoteBlock, sanitizeMarkdown } from './markdown';

/** "🇺🇸 United States"; the escaped code when the country is not in the knowledge. */
export function describeCountry(code: string, knowledge: Knowledge): string {
  const country = knowledge.countries.get(code);
  if (!country) return escapeMarkdown(code);
  const name = escapeMarkdown(country.name);
  return country.flag ? `${escapeMarkdown(country.flag)} ${name}` : name;
}

/**
 * A "Markdown text" field as a block quote. Quoting sets the author's prose apart from the card's own
 * fields in any theme, and keeps every line of the note inside one block even if sanitising missed something.
 */
export function noteBlock(note: string | undefined): string | undefined {
  const markdown = note === undefined ? '' : sanitizeMarkdown(note);
  return markdown === '' ? undefined : quoteBlock(markdown);
}

/** "Sources: [ustr.gov/…](…) · […](…)", only http(s) links; `undefined` when none is usable. */
export function sourcesLine(links: readonly string[]): string | undefined {
  const formatted = links.map((link) => formatLink(link)).filter((link): link is string => link !== undefined);
  return formatted.length === 0 ? undefined : t('Sources: {0}', formatted.join(' · '));
}

/** A card title; level 4 keeps it clearly above the body without dominating a small hover. */
export function cardHeading(text: string): string {
  return `#### ${escapeMarkdown(text)}`;
}

/** Joins a card's blocks as separate paragraphs, dropping the ones that had nothing to show. */
export function joinBlocks(blocks: readonly (string | undefined)[]): string {
  return blocks.filter((block): block is string => block !== undefined && block !== '').join('\n\n');
}
