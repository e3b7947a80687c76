import type { Knowledge } from '../knowledge/knowledge';
import type { EventKind, TimelineEvent } from '../knowledge/types';
import { formatList, t } from '../l10n/l10n';
import { describeEventDate } from '../timeline/timeline';
import { cardHeading, joinBlocks, noteBlock, sourcesLine } from './cardParts';
import { escapeMarkdown } from './markdown';
import { describeChange } from './tariffChanges';

/** The kind of an event as its card names it. */
export function eventKindLabel(kind: EventKind): string {
  switch (kind) {
    case 'talks':
      return t('Talks');
    case 'call':
      return t('Call');
    case 'statement':
      return t('Statement');
    case 'measure':
      return t('Measure');
    case 'deadline':
      return t('Deadline');
  }
}

/**
 * The card of a timeline event, used as the timeline item's tooltip: when, what kind, where, who,
 * the tariff changes linked to it, the summary and the sources.
 */
export function renderEventCard(event: TimelineEvent, knowledge: Knowledge): string {
  return joinBlocks([
    cardHeading(event.title),
    [describeEventDate(event), event.kind && eventKindLabel(event.kind), event.place]
      .filter((part): part is string => part !== undefined)
      .map(escapeMarkdown)
      .join(' · '),
    participantsLine(event, knowledge),
    tariffChangesList(event, knowledge),
    noteBlock(event.summary),
    sourcesLine(event.links),
  ]);
}

function participantsLine(event: TimelineEvent, knowledge: Knowledge): string | undefined {
  if (event.participants.length === 0) return undefined;
  const names = [...new Set(event.participants)].map((id) => {
    const official = knowledge.officials.get(id);
    // An unknown id is already reported on the knowledge file; the card still shows what was written.
    if (!official) return escapeMarkdown(id);
    const flag = official.country === undefined ? undefined : knowledge.countries.get(official.country)?.flag;
    return flag ? `${escapeMarkdown(flag)} ${escapeMarkdown(official.name)}` : escapeMarkdown(official.name);
  });
  return t('**Participants:** {0}', formatList(names));
}

function tariffChangesList(event: TimelineEvent, knowledge: Knowledge): string | undefined {
  const linked = knowledge.stepsLinkedTo(event.id);
  if (linked.length === 0) return undefined;
  const items = linked.map(
    ({ tariff, step }) =>
      `- ${t('**{0}**: {1}', escapeMarkdown(tariff.label), escapeMarkdown(describeChange(tariff.history, tariff.history.indexOf(step))))}`,
  );
  return [t('**Tariff changes**'), ...items].join('\n');
}
