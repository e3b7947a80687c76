import type { Knowledge } from '../knowledge/knowledge';
import type { DatedTitle, Official } from '../knowledge/types';
import { formatList, t } from '../l10n/l10n';
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
  if (official.aliases.length > 0)
    parts.push(t('Also known as: {0}', formatList(official.aliases.map(escapeMarkdown))));
  return parts.length === 0 ? undefined : parts.join(' · ');
}

function titlesList(official: Official): string | undefined {
  if (official.titles.length === 0) return undefined;
  const items = official.titles.map(
    (held) =>
      `- ${escapeMarkdown([held.title, held.organization].filter((part) => part !== undefined).join(', '))}` +
      ` · ${escapeMarkdown(describeTenure(held))}`,
  );
  return [t('**Titles**'), ...items].join('\n');
}

/** "from 16 Apr 2025", "until 15 Apr 2025", "from … to …". */
export function describeTenure(title: DatedTitle): string {
  if (title.from && title.to) return t('from {0} to {1}', formatDate(title.from), formatDate(title.to));
  if (title.from) return t('from {0}', formatDate(title.from));
  return title.to ? t('until {0}', formatDate(title.to)) : t('dates not recorded');
}

function eventsList(official: Official, knowledge: Knowledge): string | undefined {
  const events = [...knowledge.eventsOf(official.id)].sort(compareEvents);
  if (events.length === 0) return undefined;
  const items = events.map((event) => `- ${escapeMarkdown(describeEventDate(event))} · ${escapeMarkdown(event.title)}`);
  return [t('**Took part in**'), ...items].join('\n');
}
