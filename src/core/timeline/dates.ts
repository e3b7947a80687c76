/**
 * The one place that turns ISO dates (`YYYY-MM-DD`) into text, shared by the hover cards and the
 * timeline view. English month names are spelled out here rather than taken from `Intl`, so the
 * output never depends on the machine's locale.
 */

export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a real calendar date, or gives `undefined` for anything else (`2025-02-30`, `9 June`, a missing value). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  // The type says string, but entries that slipped past the loader must still not crash the view.
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shortMonth(month: number): string {
  return MONTH_NAMES[month - 1].slice(0, 3);
}

/** `2025-06-09` → "9 Jun 2025". Text that is not a valid date is shown as it is, so a bad value stays visible. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (date) return `${date.day} ${shortMonth(date.month)} ${date.year}`;
  return typeof iso === 'string' && iso.trim() !== '' ? iso : 'no date';
}

/** `2025-12-31` → "as of 31 Dec 2025": how cards and the timeline say up to when the knowledge was checked. */
export function describeAsOf(asOf: string): string {
  return `as of ${formatDate(asOf)}`;
}

/**
 * A date or a range, repeating only what differs:
 * "9 Jun 2025", "9–10 Jun 2025", "30 May – 2 Jun 2025", "30 Dec 2025 – 2 Jan 2026".
 */
export function formatDateRange(start: string, end?: string): string {
  if (end === undefined || end === start) return formatDate(start);
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (!from || !to) return `${formatDate(start)} – ${formatDate(end)}`;
  if (from.year !== to.year) return `${formatDate(start)} – ${formatDate(end)}`;
  if (from.month !== to.month) return `${from.day} ${shortMonth(from.month)} – ${formatDate(end)}`;
  return `${from.day}–${formatDate(end)}`;
}

/** `2025-06-09` → "2025-06": a key that sorts like the dates it groups. */
export function monthKey(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** `2025-06-09` → "Jun 2025", or "Jun" without the year: the months of a chart's time axis. */
export function shortMonthLabel(date: CalendarDate, withYear = true): string {
  return withYear ? `${shortMonth(date.month)} ${date.year}` : shortMonth(date.month);
}

/** `2025-06-09` → "June 2025". */
export function monthLabel(date: CalendarDate): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.year}`;
}
