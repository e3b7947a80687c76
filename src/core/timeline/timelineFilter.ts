import type { EventKind, TimelineEvent } from '../knowledge/types';
import { parseIsoDate } from './dates';
import type { MonthGroup } from './timeline';

/** Which events to keep; each part left out keeps every event. */
export interface TimelineFilter {
  /** ISO dates: events that end on or after `from` and start on or before `to` (undated events then go). */
  readonly from?: string;
  readonly to?: string;
  /** Events of any of these kinds. */
  readonly kinds?: readonly EventKind[];
  /** Events with any of these officials (ids) among the participants. */
  readonly participants?: readonly string[];
}

/** The timeline's month groups with only the events the filter keeps; groups left empty go. */
export function filterTimeline(groups: readonly MonthGroup[], filter: TimelineFilter): MonthGroup[] {
  return groups
    .map((group) => ({ ...group, events: group.events.filter((event) => keeps(filter, event)) }))
    .filter((group) => group.events.length > 0);
}

function keeps({ from, to, kinds, participants }: TimelineFilter, event: TimelineEvent): boolean {
  if (kinds && !(event.kind !== undefined && kinds.includes(event.kind))) return false;
  if (participants && !event.participants.some((id) => participants.includes(id))) return false;
  if (from === undefined && to === undefined) return true;
  if (!parseIsoDate(event.date)) return false;
  // An end that is not a date is ignored, as the timeline's order ignores it.
  const end = event.end !== undefined && parseIsoDate(event.end) ? event.end : event.date;
  return (from === undefined || end >= from) && (to === undefined || event.date <= to);
}
