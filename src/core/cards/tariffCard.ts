import type { Knowledge } from '../knowledge/knowledge';
import type { Tariff } from '../knowledge/types';
import { formatDate } from '../timeline/dates';
import { describeEventDate } from '../timeline/timeline';
import { cardHeading, describeCountry, joinBlocks, noteBlock, sourcesLine } from './cardParts';
import { escapeMarkdown } from './markdown';
import { describeChange, describeNext, formatRate, sameRate } from './tariffChanges';

/** Marks the hovered rate, both in the change summary and in the history table. */
const MARKER = '▶';

/**
 * The hover card of a tariff figure. `tariffs` are the candidates whose history has `rate`, most relevant
 * first; each gets its own section, so an ambiguous figure shows every reading and says why.
 */
export function renderTariffCard(rate: number, tariffs: readonly Tariff[], knowledge: Knowledge): string {
  const shownRate = escapeMarkdown(formatRate(rate));
  if (tariffs.length === 0) return `No tariff in the knowledge has the rate ${shownRate}.`;
  const sections = tariffs.map((tariff) => tariffSection(rate, tariff, knowledge));
  if (sections.length === 1) return sections[0];
  // A blank line before each `---` keeps it a rule rather than turning the line above into a heading.
  return [`*${shownRate} appears in ${sections.length} tariffs*`, ...sections].join('\n\n---\n\n');
}

function tariffSection(rate: number, tariff: Tariff, knowledge: Knowledge): string {
  const hovered = tariff.history.flatMap((step, index) => (sameRate(step.rate, rate) ? [index] : []));
  return joinBlocks([
    cardHeading(tariff.label),
    `Imposed by ${describeCountry(tariff.by, knowledge)} on ${describeCountry(tariff.on, knowledge)}`,
    ...hovered.flatMap((index) => [changeSummary(tariff, index, knowledge), noteBlock(tariff.history[index].note)]),
    historyTable(tariff, new Set(hovered)),
    sourcesLine(tariff.links),
  ]);
}

/** "▶ **Lowered from 145% to 30% on 14 May 2025**, still the latest recorded rate as of …. Linked event: …" */
function changeSummary(tariff: Tariff, index: number, knowledge: Knowledge): string {
  const change = escapeMarkdown(describeChange(tariff.history, index));
  const next = escapeMarkdown(describeNext(tariff.history, index, knowledge.asOfSourceOf(tariff)));
  const eventId = tariff.history[index].event;
  const event = eventId === undefined ? undefined : knowledge.events.get(eventId);
  const linked = event
    ? ` Linked event: ${escapeMarkdown(event.title)} (${escapeMarkdown(describeEventDate(event))})`
    : '';
  return `${MARKER} **${change}**, ${next}.${linked}`;
}

/** Dates and rates only: notes of other steps would make the card taller than a hover shows at once. */
function historyTable(tariff: Tariff, hovered: ReadonlySet<number>): string {
  const rows = tariff.history.map((step, index) => {
    const date = escapeMarkdown(formatDate(step.date));
    const shownRate = escapeMarkdown(formatRate(step.rate));
    return tableRow(hovered.has(index) ? [`${MARKER} **${date}**`, `**${shownRate}**`] : [date, shownRate]);
  });
  return [tableRow(['Date', 'Rate']), tableRow(['---', '---:']), ...rows].join('\n');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
