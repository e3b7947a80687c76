import type { Knowledge } from '../knowledge/knowledge';
import type { TimelineEvent } from '../knowledge/types';
import { dayAfter, formatBasicDate, parseIsoDate } from './dates';

/** Lines longer than this many octets are folded (RFC 5545, section 3.1). */
const MAX_LINE_OCTETS = 75;

/**
 * The events as an iCalendar file (RFC 5545) that calendar applications can import or subscribe to:
 * one all-day VEVENT per dated event, ending the day after its `end` (DTEND is exclusive), with a UID
 * made from the event's id so that a calendar updates an event rather than adding it again. `now` is the
 * time stamp (DTSTAMP) of every event. Lines end in CRLF and are folded at 75 octets.
 */
export function timelineCalendar(events: readonly TimelineEvent[], knowledge: Knowledge, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Trade Notes//Talks Timeline//EN', 'CALSCALE:GREGORIAN'];
  for (const event of events) {
    const start = parseIsoDate(event.date);
    if (!start) continue;
    const end = (event.end !== undefined && parseIsoDate(event.end)) || start;
    const participants = event.participants.map((id) => knowledge.officials.get(id)?.name ?? id);
    const links = event.links.filter(isWebLink);
    const description = [
      event.summary,
      participants.length > 0 ? `Participants: ${participants.join(', ')}` : undefined,
      links.length > 0 ? links.join('\n') : undefined,
    ].filter((part) => part !== undefined);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@trade-notes`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${formatBasicDate(start)}`,
      `DTEND;VALUE=DATE:${formatBasicDate(dayAfter(end))}`,
      `SUMMARY:${escapeText(event.title)}`,
      ...(event.place ? [`LOCATION:${escapeText(event.place)}`] : []),
      ...(description.length > 0 ? [`DESCRIPTION:${escapeText(description.join('\n\n'))}`] : []),
      ...(event.kind ? [`CATEGORIES:${escapeText(event.kind)}`] : []),
      ...(links.length > 0 ? [`URL:${new URL(links[0]!).href}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** http(s) URLs only: a calendar turns URL into a link. */
function isWebLink(link: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(link).protocol);
  } catch {
    return false;
  }
}

/** A TEXT value (RFC 5545, section 3.3.11): `\`, `;`, `,` and line breaks escaped, other control characters dropped. */
function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/[\\;,]/g, '\\$&')
      .replace(/\n/g, '\\n')
  );
}

/** Splits a content line into lines of at most 75 octets, each continuation starting with a space, never inside a character. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(part);
      part = ' ';
      octets = 1;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
