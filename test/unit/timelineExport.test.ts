// `trade-notes timeline`: the filters, Markdown by month (the Talks Timeline's grouping), JSON, and an
// iCalendar file that a strict parser (ical.js) reads back exactly.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { mergeKnowledge, type Knowledge } from '../../src/core/knowledge/knowledge';
import { dayAfter, formatBasicDate, parseIsoDate } from '../../src/core/timeline/dates';
import { timelineCalendar } from '../../src/core/timeline/icalendar';
import { buildTimeline } from '../../src/core/timeline/timeline';
import { timelineJson, timelineMarkdown } from '../../src/core/timeline/timelineExport';
import { filterTimeline } from '../../src/core/timeline/timelineFilter';
import { loadFile } from './support/knowledge';

const LONG_SUMMARY =
  'Negotiators met for two days; the statement said tariffs would fall, pending review — 双方同意继续磋商 🤝 ' +
  'and a joint mechanism would follow, with a further round "within weeks", after which both sides\n' +
  'would report back to their leaders.';

const knowledge: Knowledge = mergeKnowledge(undefined, [
  loadFile(`kind: trade-knowledge
version: 1
officials:
  - { id: he-lifeng, name: He Lifeng, title: Vice Premier }
  - { id: scott-bessent, name: Scott Bessent, title: Secretary of the Treasury }
timeline:
  - id: geneva-talks
    date: 2025-05-10
    end: 2025-05-11
    title: Geneva talks
    place: Geneva
    kind: talks
    participants: [he-lifeng, scott-bessent, someone-unknown]
    summary: ${JSON.stringify(LONG_SUMMARY)}
    links: ["https://example.org/geneva?a=1,2", "javascript:alert(1)"]
  - id: month-end
    date: 2025-05-30
    end: 2025-06-02
    title: "Talks | over; a month\\\\end, \\"quoted\\""
    kind: talks
  - id: tariff-deadline
    date: 2025-06-09
    title: Deadline
    kind: deadline
  - id: january-call
    date: 2025-01-20
    title: A call
    kind: call
    participants: [scott-bessent]
`),
]).knowledge;

const groups = buildTimeline(knowledge, 'oldest-first');

describe('Timeline export: filters', () => {
  const ids = (filter: Parameters<typeof filterTimeline>[1]): string[] =>
    filterTimeline(groups, filter).flatMap((group) => group.events.map((event) => event.id));

  it('keeps events that overlap the dates, of the kinds, with the participants; drops empty months', () => {
    assert.deepEqual(ids({}), ['january-call', 'geneva-talks', 'month-end', 'tariff-deadline']);
    assert.deepEqual(
      ids({ from: '2025-06-01' }),
      ['month-end', 'tariff-deadline'],
      'an event running into June counts',
    );
    assert.deepEqual(ids({ to: '2025-05-10' }), ['january-call', 'geneva-talks']);
    assert.deepEqual(ids({ from: '2025-05-11', to: '2025-05-30' }), ['geneva-talks', 'month-end']);
    assert.deepEqual(ids({ kinds: ['call', 'deadline'] }), ['january-call', 'tariff-deadline']);
    assert.deepEqual(ids({ participants: ['scott-bessent'] }), ['january-call', 'geneva-talks']);
    assert.deepEqual(
      filterTimeline(groups, { kinds: ['deadline'] }).map((group) => group.key),
      ['2025-06'],
    );
  });
});

describe('Timeline export: Markdown and JSON', () => {
  it('has a heading and a table per month, in the timeline order, with text escaped and only web links', () => {
    const markdown = timelineMarkdown(groups, knowledge);
    assert.deepEqual(
      markdown.split('\n').filter((line) => line.startsWith('## ')),
      ['## January 2025', '## May 2025', '## June 2025'],
    );
    const geneva = markdown.split('\n').find((line) => line.includes('Geneva talks'))!;
    assert.match(geneva, /^\| 10–11 May 2025 \| \*\*Geneva talks\*\* — Negotiators/);
    assert.match(geneva, /\| He Lifeng, Scott Bessent, someone-unknown \|/);
    assert.match(geneva, /\[example\.org\/geneva\]\(https:\/\/example\.org\/geneva\?a=1,2\) \|$/);
    assert.match(geneva, /Negotiators met for two days; the statement said tariffs would fall, pending review/);
    assert.doesNotMatch(markdown, /javascript/);
    const monthEnd = markdown.split('\n').find((line) => line.includes('month'))!;
    assert.match(monthEnd, /Talks \\\| over/, 'a pipe in a title cannot end the cell');
    assert.equal(monthEnd.split(/(?<!\\)\|/).length, 8, 'six cells');
  });

  it('shows any text literally when rendered (CommonMark with tables and raw HTML on), and escapes only syntax', () => {
    const hostile =
      'A *b* _c_ `d` [e](https://x.example) <b>f</b> &amp; ~~g~~ $h$ | i \\ j ![k](https://y.example) # l, m. (n): o-p';
    const { knowledge: written } = mergeKnowledge(undefined, [
      loadFile(`kind: trade-knowledge
version: 1
timeline:
  - { id: hostile, date: 2025-05-10, title: ${JSON.stringify(hostile)}, place: ${JSON.stringify(hostile)}, kind: talks }
`),
    ]);
    const markdown = timelineMarkdown(buildTimeline(written, 'oldest-first'), written);
    const html = new MarkdownIt({ html: true }).render(markdown);
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map(([, cell]) => cell!);
    assert.equal(cells.length, 6, html);
    const text = (cell: string) =>
      cell
        .replace(/<\/?strong>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    assert.doesNotMatch(cells[1]!.replace(/<\/?strong>/g, ''), /</, "no element but the title's emphasis");
    assert.equal(text(cells[1]!), hostile);
    assert.equal(text(cells[3]!), hostile);
    // Punctuation that starts no syntax inside a line stays unescaped: the file reads well as text.
    assert.ok(markdown.includes(' # l, m. (n): o-p |'), markdown);
  });

  it('JSON has the months and events with the participants named', () => {
    const json = JSON.parse(timelineJson(groups, knowledge));
    assert.deepEqual(
      json.months.map((month: { month: string; events: unknown[] }) => [month.month, month.events.length]),
      [
        ['2025-01', 1],
        ['2025-05', 2],
        ['2025-06', 1],
      ],
    );
    assert.deepEqual(json.months[1].events[0].participants[0], { id: 'he-lifeng', name: 'He Lifeng' });
    assert.equal(json.months[1].events[1].end, '2025-06-02');
  });
});

describe('Timeline export: iCalendar', () => {
  const now = new Date('2025-07-01T08:09:10.123Z');
  const events = groups.flatMap((group) => group.events);
  const ics = timelineCalendar(events, knowledge, now);
  // ical.js is an ES module: loaded the way a CommonJS test can.
  let ICAL: typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
  before(async () => {
    ICAL = (await import('ical.js')).default;
  });

  it('parses with ical.js into one all-day VEVENT per event, DTEND the day after the end, UIDs from ids', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(calendar.getFirstPropertyValue('prodid'));
    const vevents = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    assert.deepEqual(
      vevents.map((event) => [
        event.uid,
        event.startDate.toString(),
        event.endDate.toString(),
        event.startDate.isDate,
        event.endDate.isDate,
      ]),
      [
        ['january-call@trade-notes', '2025-01-20', '2025-01-21', true, true],
        ['geneva-talks@trade-notes', '2025-05-10', '2025-05-12', true, true],
        ['month-end@trade-notes', '2025-05-30', '2025-06-03', true, true],
        ['tariff-deadline@trade-notes', '2025-06-09', '2025-06-10', true, true],
      ],
    );
    const geneva = vevents[1]!;
    assert.equal(geneva.location, 'Geneva');
    assert.equal(
      geneva.description,
      `${LONG_SUMMARY}\n\nParticipants: He Lifeng, Scott Bessent, someone-unknown\n\nhttps://example.org/geneva?a=1,2`,
      'escaping and folding undone exactly, multi-byte characters whole',
    );
    assert.equal(vevents[2]!.summary, 'Talks | over; a month\\end, "quoted"');
    assert.equal(geneva.component.getFirstPropertyValue('url'), 'https://example.org/geneva?a=1,2');
    assert.equal(geneva.component.getFirstPropertyValue('dtstamp')!.toString(), '2025-07-01T08:09:10Z');
    assert.deepEqual(geneva.component.getFirstProperty('categories')!.getValues(), ['talks']);
  });

  it('ends lines in CRLF, folds them at 75 octets, and never splits a character', () => {
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line breaks');
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${line} is too long`);
    assert.ok(
      lines.some((line) => line.startsWith(' ')),
      'the long description is folded',
    );
    assert.doesNotMatch(ics, /\uFFFD/);
  });

  it('the next day crosses months, years and leap days', () => {
    const next = (iso: string): string => formatBasicDate(dayAfter(parseIsoDate(iso)!));
    assert.equal(next('2025-05-31'), '20250601');
    assert.equal(next('2025-12-31'), '20260101');
    assert.equal(next('2024-02-28'), '20240229');
    assert.equal(next('2025-02-28'), '20250301');
  });
});
