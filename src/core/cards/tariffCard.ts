import type { Knowledge } from '../knowledge/knowledge';
import { stepInForce } from '../knowledge/tariffSteps';
import type { Tariff, TariffStep } from '../knowledge/types';
import { formatNumber, t } from '../l10n/l10n';
import { describeAsOf, formatDate } from '../timeline/dates';
import { describeEventDate } from '../timeline/timeline';
import { cardHeading, describeCountry, joinBlocks, noteBlock, sourcesLine } from './cardParts';
import { escapeMarkdown } from './markdown';
import { describeChange, describeNext, formatRate, sameRate } from './tariffChanges';

/** Marks the hovered rate, both in the change summary and in the history table. */
const MARKER = '▶';
/** Marks the rate in force on the note's date, in its line and in the history table. */
const NOTE_DATE_MARKER = '◆';

/**
 * The hover card of a tariff figure. `tariffs` are the candidates whose history has `rate`, most relevant
 * first; each gets its own section, so an ambiguous figure shows every reading and says why.
 */
export function renderTariffCard(
  rate: number,
  tariffs: readonly Tariff[],
  knowledge: Knowledge,
  /** The date of the note the figure is in (ISO), when it has one: the step in force then is marked. */
  noteDate?: string,
): string {
  const shownRate = escapeMarkdown(formatRate(rate));
  if (tariffs.length === 0) return t('No tariff in the knowledge has the rate {0}.', shownRate);
  const sections = tariffs.map((tariff) => tariffSection(rate, tariff, knowledge, noteDate));
  if (sections.length === 1) return sections[0];
  // A blank line before each `---` keeps it a rule rather than turning the line above into a heading.
  const heading = t('*{0} appears in {1} tariffs*', shownRate, formatNumber(sections.length));
  return [heading, ...sections].join('\n\n---\n\n');
}

function tariffSection(rate: number, tariff: Tariff, knowledge: Knowledge, noteDate: string | undefined): string {
  const hovered = tariff.history.flatMap((step, index) => (sameRate(step.rate, rate) ? [index] : []));
  const asOf = knowledge.asOfSourceOf(tariff);
  // After the knowledge was last checked, it does not know which rate was in force.
  const known = noteDate !== undefined && (asOf === undefined || noteDate <= asOf);
  const inForce = known ? stepInForce(tariff.history, noteDate) : undefined;
  return joinBlocks([
    cardHeading(tariff.label),
    t('Imposed by {0} on {1}', describeCountry(tariff.by, knowledge), describeCountry(tariff.on, knowledge)),
    ...hovered.flatMap((index) => [changeSummary(tariff, index, knowledge), noteBlock(tariff.history[index].note)]),
    noteDate === undefined ? undefined : noteDateLine(noteDate, inForce, known ? undefined : asOf),
    historyTable(tariff, new Set(hovered), inForce),
    sourcesLine(tariff.links),
  ]);
}

/** "◆ This note is dated 10 Jun 2025: the rate then was 30% (since 14 May 2025)." */
function noteDateLine(noteDate: string, inForce: TariffStep | undefined, checkedUpTo: string | undefined): string {
  const dated = escapeMarkdown(formatDate(noteDate));
  if (checkedUpTo !== undefined) {
    return t(
      'This note is dated {0}, after this knowledge was last checked ({1}).',
      dated,
      escapeMarkdown(describeAsOf(checkedUpTo)),
    );
  }
  if (!inForce) return t('This note is dated {0}, before the first recorded rate.', dated);
  const rate = escapeMarkdown(formatRate(inForce.rate));
  const since = escapeMarkdown(formatDate(inForce.date));
  return `${NOTE_DATE_MARKER} ${t('This note is dated {0}: the rate then was **{1}** (since {2}).', dated, rate, since)}`;
}

/** "▶ **Lowered from 145% to 30% on 14 May 2025**, still the latest recorded rate as of …. Linked event: …" */
function changeSummary(tariff: Tariff, index: number, knowledge: Knowledge): string {
  const change = escapeMarkdown(describeChange(tariff.history, index));
  const next = escapeMarkdown(describeNext(tariff.history, index, knowledge.asOfSourceOf(tariff)));
  const eventId = tariff.history[index].event;
  const event = eventId === undefined ? undefined : knowledge.events.get(eventId);
  const summary = event
    ? t(
        '**{0}**, {1}. Linked event: {2} ({3})',
        change,
        next,
        escapeMarkdown(event.title),
        escapeMarkdown(describeEventDate(event)),
      )
    : t('**{0}**, {1}.', change, next);
  return `${MARKER} ${summary}`;
}

/** Dates and rates only: notes of other steps would make the card taller than a hover shows at once. */
function historyTable(tariff: Tariff, hovered: ReadonlySet<number>, inForce: TariffStep | undefined): string {
  const rows = tariff.history.map((step, index) => {
    const date = escapeMarkdown(formatDate(step.date)) + (step === inForce ? ` ${NOTE_DATE_MARKER}` : '');
    const shownRate = escapeMarkdown(formatRate(step.rate));
    return tableRow(hovered.has(index) ? [`${MARKER} **${date}**`, `**${shownRate}**`] : [date, shownRate]);
  });
  return [tableRow([t('Date'), t('Rate')]), tableRow(['---', '---:']), ...rows].join('\n');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
