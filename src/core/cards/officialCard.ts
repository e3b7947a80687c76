import type { Knowledge } from '../knowledge/knowledge';
import type { DatedTitle, Official } from '../knowledge/types';
import { formatDate } from '../timeline/dates';
import { compareEvents, describeEventDate } from '../timeline/timeline';
import { cardHeading, describeCountry, joinBlocks, noteBlock, sourcesLine } from './cardParts';
import { escapeMarkdown } from './markdown';

/**
 * The hover card of an official: who they are, where they are from, the events they took part in
 * (oldest first), the note and the sources.
 */
export function renderOfficialCard(official: Official, knowledge: Knowledge): string {
  return joinBlocks([
    cardHeading(official.name),
    [official.title, official.organization]
      .filter((part): part is string => part !== undefined)
      .map(escapeMarkdown)
      .join(' · '),
    identityLine(official, knowledge),
    titlesList(official),
    eventsList(official, knowledge),
    noteBlock(official.note),
    sourcesLine(official.links),
  ]);
}

function identityLine(official: Official, knowledge: Knowledge): string | undefined {
  const parts: string[] = [];
  if (official.country !== undefined) parts.push(describeCountry(official.country, knowledge));
  if (official.aliases.length > 0) parts.push(`Also known as: ${official.aliases.map(escapeMarkdown).join(', ')}`);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

function titlesList(official: Official): string | undefined {
  if (official.titles.length === 0) return undefined;
  const items = official.titles.map(
    (held) =>
      `- ${escapeMarkdown([held.title, held.organization].filter((part) => part !== undefined).join(', '))}` +
      ` · ${escapeMarkdown(describeTenure(held))}`,
  );
  return ['**Titles**', ...items].join('\n');
}

/** "from 16 Apr 2025", "until 15 Apr 2025", "from … to …". */
export function describeTenure(title: DatedTitle): string {
  if (title.from && title.to) return `from ${formatDate(title.from)} to ${formatDate(title.to)}`;
  if (title.from) return `from ${formatDate(title.from)}`;
  return title.to ? `until ${formatDate(title.to)}` : 'dates not recorded';
}

function eventsList(official: Official, knowledge: Knowledge): string | undefined {
  const events = [...knowledge.eventsOf(official.id)].sort(compareEvents);
  if (events.length === 0) return undefined;
  const items = events.map((event) => `- ${escapeMarkdown(describeEventDate(event))} · ${escapeMarkdown(event.title)}`);
  return ['**Took part in**', ...items].join('\n');
}
