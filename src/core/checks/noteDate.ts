import { parseIsoDate, type CalendarDate } from '../timeline/dates';
import { findProseDates, isoOf, spanOf } from './proseDates';

/** The date a note speaks from, and where the note says it. */
export interface NoteDate {
  readonly date: CalendarDate;
  /** `2025-06-10`. */
  readonly iso: string;
  readonly source: 'front matter' | 'heading' | 'file name';
  /** Where in the text (front matter or heading); absent for the file name. */
  readonly start?: number;
  readonly end?: number;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_DATE = /^date:[ \t]*(["']?)(\d{4}-\d{2}-\d{2})\1[ \t]*(?:#.*)?$/m;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/m;
/**
 * How much of a note's start says its date (front matter, first heading): callers with a huge document
 * may pass just this much of its text.
 */
export const NOTE_HEAD_LENGTH = 20_000;
const FILE_NAME_DATE = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/g;

/**
 * The date of a note, in this order: `date:` in its YAML front matter (ISO); a date in its first heading
 * (`# London talks debrief (9–10 June 2025)`: the last day; it must say its year); a `YYYY-MM-DD` in its
 * file name (the last one). Otherwise the note has no date. Only the first {@link NOTE_HEAD_LENGTH}
 * characters are read.
 */
export function noteDateOf(note: string, uri: string): NoteDate | undefined {
  const text = note.slice(0, NOTE_HEAD_LENGTH);
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) {
    const line = FRONT_MATTER_DATE.exec(frontMatter[1]!);
    const date = line && parseIsoDate(line[2]!);
    if (line && date) {
      const start = frontMatter[0].indexOf(frontMatter[1]!) + line.index + line[0].indexOf(line[2]!);
      return { date, iso: line[2]!, source: 'front matter', start, end: start + line[2]!.length };
    }
  }
  const bodyStart = frontMatter ? frontMatter[0].length : 0;
  // The first heading of a note is near its top; looking no further keeps this cheap in a huge note.
  const heading = HEADING.exec(text.slice(bodyStart));
  if (heading) {
    const headingStart = bodyStart + heading.index + heading[0].length - heading[1]!.length;
    // A day or days, with a year: "2025 tariff tracker" or "June 2025" names no day the note speaks from.
    const dated = findProseDates(text, headingStart, headingStart + heading[1]!.length).filter(
      (found) => found.to.year !== undefined && spanOf(found) === 'days',
    );
    const last = dated.at(-1);
    if (last) {
      const date = {
        year: last.to.year!,
        month: last.to.month,
        day: Math.min(last.to.day, daysIn(last.to.year!, last.to.month)),
      };
      return { date, iso: isoOf(date), source: 'heading', start: last.start, end: last.end };
    }
  }
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const inName = [...name.matchAll(FILE_NAME_DATE)]
    .map((match) => parseIsoDate(match[1]!))
    .filter((d) => d !== undefined);
  const fromName = inName.at(-1);
  return fromName && { date: fromName, iso: isoOf(fromName), source: 'file name' };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
