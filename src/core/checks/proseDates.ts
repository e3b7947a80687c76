/**
 * Dates as notes write them: `2025-06-10`, `10 June 2025`, `June 10, 2025`, `9–10 June 2025`,
 * `30 May – 2 June 2025`, `June 2025`, `10 April` (no year), `in April`, `2025年6月10日`. Each is read as
 * a period of days; a date without a year gets its year from the context (see {@link withYear}).
 */
import { PatternBefore } from '../text/patternBefore';
import { parseIsoDate, type CalendarDate } from '../timeline/dates';

/** A day or a run of days; `year` is undefined when the text did not say it. */
export interface ProseDate {
  readonly start: number;
  readonly end: number;
  /** The first and last day; a month alone covers the whole month. */
  readonly from: PartialDate;
  readonly to: PartialDate;
  /** The word before it that says how the sentence uses it (`on`, `in`, `since`, `before`…), lower-case. */
  readonly preposition?: string;
}

export interface PartialDate {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const DAY = String.raw`(?:3[01]|[0-2]?\d)(?!\d)(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const DASH = String.raw`\s*[-–—]\s*`;
const PREPOSITION = String.raw`(on|in|since|from|as of|by|before|after|until|till|through|during|effective|starting|at the end of|early|late|mid)\s+`;

/**
 * One alternative per shape, longest first; named groups say what each part is. Every shape starts with
 * a digit or a month's first letter: the lookahead lets the engine skip other places at once.
 */
const DATE_PATTERN = new RegExp(
  '(?=[\\dJFMASONDjfmasond])(?:' +
    [
      // 2025-06-10
      String.raw`(?<iso>\d{4}-\d{2}-\d{2})`,
      // 2025年6月10日, 2025年6月9日至10日, 2025年6月
      String.raw`(?<cy>\d{4})年(?<cm>1[0-2]|0?[1-9])月(?:(?<cd>[0-3]?\d)日(?:[至到\-–](?<cd2>[0-3]?\d)日)?)?`,
      // 30 May – 2 June 2025
      String.raw`(?<d1>${DAY})\s+(?<m1>${MONTH})${DASH}(?<d2>${DAY})\s+(?<m2>${MONTH})(?:,?\s+(?<y1>${YEAR}))?`,
      // 9–10 June 2025, 10 June 2025, 10 June
      String.raw`(?<d3>${DAY})(?:${DASH}(?<d4>${DAY}))?\s+(?<m3>${MONTH})(?:,?\s+(?<y2>${YEAR}))?`,
      // June 9–10, 2025, June 10, 2025, June 10
      String.raw`(?<m4>${MONTH})\s+(?<d5>${DAY})(?:${DASH}(?<d6>${DAY}))?(?:,?\s+(?<y3>${YEAR}))?`,
      // June 2025
      String.raw`(?<m5>${MONTH})\s+(?<y4>${YEAR})`,
      // 2025 (a year alone: "in 2019")
      String.raw`(?<y5>${YEAR})(?![-/.\d]|\s*年)`,
    ]
      .map((shape) => `(?:${shape})`)
      .join('|') +
    ')',
  'gi',
);

/** Month names alone (`in April`) are dates only after these words: "may" and "march" are also verbs. */
const MONTH_ALONE = new RegExp(
  String.raw`\b(in|during|since|from|by|until|early|late|mid)[\s-]+(${MONTH})\b(?!\s*\d)`,
  'gi',
);

const PREPOSITION_BEFORE = new PatternBefore(PREPOSITION, 'i');

/** Every date in `text` from `from` to `to`, in order, not overlapping. */
export function findProseDates(text: string, from = 0, to = text.length): ProseDate[] {
  const found: ProseDate[] = [];
  const slice = text.slice(from, to);
  // exec loops rather than matchAll: matchAll copies the pattern on each call, which costs this long
  // pattern several times what matching a sentence does.
  DATE_PATTERN.lastIndex = 0;
  for (let match = DATE_PATTERN.exec(slice); match; match = DATE_PATTERN.exec(slice)) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (!isWordBoundary(text, start - 1) || !isWordBoundary(text, end)) continue;
    const period = periodOf(match.groups!);
    if (period) found.push({ start, end, ...period, preposition: prepositionBefore(text, start) });
  }
  MONTH_ALONE.lastIndex = 0;
  for (let match = MONTH_ALONE.exec(slice); match; match = MONTH_ALONE.exec(slice)) {
    const start = from + match.index + match[0].length - match[2]!.length;
    const end = from + match.index + match[0].length;
    if (found.some((date) => date.start <= start && start < date.end)) continue;
    const month = monthNumber(match[2]!);
    found.push({
      start,
      end,
      from: { month, day: 1 },
      to: { month, day: 31 },
      preposition: match[1]!.toLowerCase(),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The date with a year: its own, else the latest year that does not put it after `reference`; undefined
 * without either. Day 31 of a shorter month (the end of "in April") becomes its last day.
 */
export function withYear(date: PartialDate, reference: CalendarDate | undefined): CalendarDate | undefined {
  const year =
    date.year ??
    (reference &&
      (date.month * 100 + date.day > reference.month * 100 + reference.day ? reference.year - 1 : reference.year));
  return year === undefined ? undefined : clampDay({ year, month: date.month, day: date.day });
}

/** What a date names: a whole year ("in 2019"), a whole month ("June 2025", "in April"), or days. */
export function spanOf(date: Pick<ProseDate, 'from' | 'to'>): 'year' | 'month' | 'days' {
  if (date.from.day !== 1 || date.to.day !== 31) return 'days';
  if (date.from.month === 1 && date.to.month === 12) return 'year';
  return date.from.month === date.to.month ? 'month' : 'days';
}

/** `2025-06-10` for a calendar date. */
export function isoOf(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** A day past the end of its month (a month's period ends on day 31) becomes the month's last day. */
function clampDay(date: CalendarDate): CalendarDate {
  const last = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  return date.day > last ? { ...date, day: last } : date;
}

function periodOf(groups: Record<string, string | undefined>): { from: PartialDate; to: PartialDate } | undefined {
  const g = groups;
  if (g.iso) {
    const date = parseIsoDate(g.iso);
    return date && { from: date, to: date };
  }
  if (g.cy) {
    const year = Number(g.cy);
    const month = Number(g.cm);
    if (!g.cd) return { from: { year, month, day: 1 }, to: { year, month, day: 31 } };
    return day(year, month, g.cd, g.cd2 ?? g.cd);
  }
  if (g.m1) {
    const year = g.y1 ? Number(g.y1) : undefined;
    const from = day(year, monthNumber(g.m1), g.d1!, g.d1!);
    const to = day(year, monthNumber(g.m2!), g.d2!, g.d2!);
    return from && to && { from: from.from, to: to.to };
  }
  if (g.m3) return day(g.y2 ? Number(g.y2) : undefined, monthNumber(g.m3), g.d3!, g.d4 ?? g.d3!);
  if (g.m4) return day(g.y3 ? Number(g.y3) : undefined, monthNumber(g.m4), g.d5!, g.d6 ?? g.d5!);
  if (g.m5) {
    const year = Number(g.y4);
    const month = monthNumber(g.m5);
    return { from: { year, month, day: 1 }, to: { year, month, day: 31 } };
  }
  if (g.y5) {
    const year = Number(g.y5);
    return { from: { year, month: 1, day: 1 }, to: { year, month: 12, day: 31 } };
  }
  return undefined;
}

/** Days `first` to `last` of a month; undefined when a day cannot be in it. */
function day(
  year: number | undefined,
  month: number,
  first: string,
  last: string,
): { from: PartialDate; to: PartialDate } | undefined {
  const [a, b] = [parseInt(first, 10), parseInt(last, 10)];
  const limit = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  if (a < 1 || b < a || b > limit) return undefined;
  return { from: { year, month, day: a }, to: { year, month, day: b } };
}

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

function prepositionBefore(text: string, start: number): string | undefined {
  return PREPOSITION_BEFORE.exec(text, Math.max(0, start - 24), start)?.[1]?.toLowerCase();
}

/** Scripts without spaces need no boundary: `2025年6月10日的关税` holds a date. */
function isWordBoundary(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return true;
  const char = text[at]!;
  return !/[\p{L}\p{N}]/u.test(char) || /\p{Script=Han}/u.test(char);
}
