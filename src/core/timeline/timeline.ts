import type { Knowledge } from '../knowledge/knowledge';
import type { TimelineEvent } from '../knowledge/types';
import { t } from '../l10n/l10n';
import { compareText } from '../text/compare';
import { type CalendarDate, formatDateRange, monthKey, monthLabel, parseIsoDate } from './dates';

export type TimelineOrder = 'oldest-first' | 'newest-first';

export interface MonthGroup {
  /** `2025-06`, stable across reloads so the view can keep groups expanded; {@link UNDATED_KEY} for the rest. */
  readonly key: string;
  /** "June 2025". */
  readonly label: string;
  readonly events: readonly TimelineEvent[];
}

/** The group for events without a valid date, which the loader should have rejected; shown last rather than lost. */
export const UNDATED_KEY = 'undated';

/** "9 Jun 2025", "9–10 Jun 2025" or "30 May – 2 Jun 2025". */
export function describeEventDate(event: TimelineEvent): string {
  return formatDateRange(event.date, event.end);
}

/**
 * Events grouped by the month they start in, groups and events in the chosen order.
 * Events on the same day are ordered by end date (in the chosen direction), then by title and id
 * (always A–Z, as those are not chronological), so the view never reshuffles between reloads.
 */
export function buildTimeline(knowledge: Knowledge, order: TimelineOrder): MonthGroup[] {
  const direction = order === 'oldest-first' ? 1 : -1;
  const dated: { event: TimelineEvent; date: CalendarDate }[] = [];
  const undated: TimelineEvent[] = [];
  for (const event of knowledge.events.values()) {
    const date = parseIsoDate(event.date);
    if (date) dated.push({ event, date });
    else undated.push(event);
  }
  dated.sort((a, b) => direction * compareChronologically(a.event, b.event) || compareByName(a.event, b.event));
  undated.sort(compareByName);

  const groups: MonthGroup[] = [];
  let current: { key: string; label: string; events: TimelineEvent[] } | undefined;
  for (const { event, date } of dated) {
    const key = monthKey(date);
    if (current?.key !== key) {
      current = { key, label: monthLabel(date), events: [] };
      groups.push(current);
    }
    current.events.push(event);
  }
  if (undated.length > 0) groups.push({ key: UNDATED_KEY, label: t('Undated'), events: undated });
  return groups;
}

/** Oldest first, the shared order of cards and the timeline: by date, then end date, then title, then id. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return compareChronologically(a, b) || compareByName(a, b);
}

function compareChronologically(a: TimelineEvent, b: TimelineEvent): number {
  return compareText(a.date, b.date) || compareText(endOf(a), endOf(b));
}

function compareByName(a: TimelineEvent, b: TimelineEvent): number {
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** A one-day event ends on its start date; an unusable end date is ignored the same way. */
function endOf(event: TimelineEvent): string {
  return event.end !== undefined && parseIsoDate(event.end) ? event.end : event.date;
}
