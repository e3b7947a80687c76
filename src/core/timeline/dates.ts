/**
 * The one place that turns ISO dates (`YYYY-MM-DD`) into text, shared by the hover cards and the
 * timeline view. English month names are spelled out here rather than taken from `Intl`, so English
 * output never depends on the machine's locale; in another display language (core/l10n) `Intl` formats
 * dates for it.
 */
import { displayLocale, intlFormatter, t } from '../l10n/l10n';

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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: the fact check parses dates in every sentence. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function shortMonth(month: number): string {
  return MONTH_NAMES[month - 1].slice(0, 3);
}

/** `2025-06-09` → "9 Jun 2025" (2025年6月9日). Text that is not a valid date is shown as it is, so a bad value stays visible. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  const locale = displayLocale();
  if (date)
    return locale === undefined ? `${date.day} ${shortMonth(date.month)} ${date.year}` : localDate(date, locale);
  return typeof iso === 'string' && iso.trim() !== '' ? iso : t('no date');
}

/** `2025-12-31` → "as of 31 Dec 2025": how cards and the timeline say up to when the knowledge was checked. */
export function describeAsOf(asOf: string): string {
  return t('as of {0}', formatDate(asOf));
}

/**
 * A date or a range, repeating only what differs:
 * "9 Jun 2025", "9–10 Jun 2025", "30 May – 2 Jun 2025", "30 Dec 2025 – 2 Jan 2026"
 * (2025年6月9日至10日, 2025年5月30日至6月2日).
 */
export function formatDateRange(start: string, end?: string): string {
  if (end === undefined || end === start) return formatDate(start);
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  const locale = displayLocale();
  if (from && to && locale !== undefined) return localDateRange(from, to, locale);
  if (!from || !to) return `${formatDate(start)} – ${formatDate(end)}`;
  if (from.year !== to.year) return `${formatDate(start)} – ${formatDate(end)}`;
  if (from.month !== to.month) return `${from.day} ${shortMonth(from.month)} – ${formatDate(end)}`;
  return `${from.day}–${formatDate(end)}`;
}

/** The fields of each date shape the core writes. */
const DATE_FIELDS = {
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  shortMonth: { year: 'numeric', month: 'short' },
  shortMonthOnly: { month: 'short' },
  year: { year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A date format of the locale (UTC, as calendar dates are kept); made once per locale and shape. */
function dateFormat(locale: string, shape: keyof typeof DATE_FIELDS): Intl.DateTimeFormat {
  return intlFormatter(
    `date|${locale}|${shape}`,
    () => new Intl.DateTimeFormat(locale, { ...DATE_FIELDS[shape], timeZone: 'UTC' }),
  );
}

function utc(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function localDate(date: CalendarDate, locale: string): string {
  return dateFormat(locale, 'date').format(utc(date));
}

/**
 * A range in the locale, each date written once with the fields it shares with the other left out on
 * the side the locale writes them on: fields before the day (the year and month of 2025年6月9日) are
 * not repeated in the end date, fields after it (the month and year of "9 June 2025") not in the start
 * date. `Intl.DateTimeFormat.formatRange` would do this, but ICU 78 (Node 20 and 24, Chromium here)
 * writes Chinese ranges as "2025/6/9 – 2025/6/10".
 */
function localDateRange(from: CalendarDate, to: CalendarDate, locale: string): string {
  const format = dateFormat(locale, 'date');
  const start = format.formatToParts(utc(from));
  const end = format.formatToParts(utc(to));
  const shared = (['year', 'month'] as const).filter(
    (field) => from.year === to.year && (field === 'year' || from.month === to.month),
  );
  let startParts = start;
  let endParts = end;
  for (const field of shared) {
    const dayAt = start.findIndex((part) => part.type === 'day');
    const fieldAt = start.findIndex((part) => part.type === field);
    if (fieldAt < 0 || dayAt < 0) continue;
    if (fieldAt < dayAt) endParts = withoutField(endParts, field, 'after');
    else startParts = withoutField(startParts, field, 'before');
  }
  const text = (parts: readonly Intl.DateTimeFormatPart[]) => parts.map((part) => part.value).join('');
  return t({
    message: '{0} – {1}',
    args: [text(startParts), text(endParts)],
    comment: 'a range of dates, from {0} to {1}',
  });
}

/** The parts without `field` and the literal that ties it to the day: the one after it, or the one before it. */
function withoutField(
  parts: readonly Intl.DateTimeFormatPart[],
  field: 'year' | 'month',
  literal: 'before' | 'after',
): Intl.DateTimeFormatPart[] {
  const at = parts.findIndex((part) => part.type === field);
  if (at < 0) return [...parts];
  const literalAt = literal === 'after' ? at + 1 : at - 1;
  const dropLiteral = parts[literalAt]?.type === 'literal';
  return parts.filter((_, index) => index !== at && !(dropLiteral && index === literalAt));
}

/** `2025-06-09` → "2025-06": a key that sorts like the dates it groups. */
export function monthKey(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** `2025-06-09` → "Jun 2025" (2025年6月), or "Jun" (6月) without the year: the months of a chart's time axis. */
export function shortMonthLabel(date: CalendarDate, withYear = true): string {
  const locale = displayLocale();
  if (locale !== undefined) return dateFormat(locale, withYear ? 'shortMonth' : 'shortMonthOnly').format(utc(date));
  return withYear ? `${shortMonth(date.month)} ${date.year}` : shortMonth(date.month);
}

/** `2025-06-09` → "June 2025" (2025年6月). */
export function monthLabel(date: CalendarDate): string {
  const locale = displayLocale();
  if (locale !== undefined) return dateFormat(locale, 'month').format(utc(date));
  return `${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/** 2025 → "2025" (2025年). */
export function formatYear(year: number): string {
  const locale = displayLocale();
  return locale === undefined ? String(year) : dateFormat(locale, 'year').format(Date.UTC(year, 0, 1));
}

/** The next calendar day: `2025-06-30` → `2025-07-01`. */
export function dayAfter(date: CalendarDate): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** `2025-06-09` → "20250609", ISO 8601's basic format (iCalendar's DATE). */
export function formatBasicDate(date: CalendarDate): string {
  return `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
}
