import * as assert from 'node:assert/strict';
import { type Knowledge, mergeKnowledge } from '../../src/core/knowledge/knowledge';
import type { SourceLocation, TimelineEvent } from '../../src/core/knowledge/types';
import { formatDate, formatDateRange, monthKey, monthLabel, parseIsoDate } from '../../src/core/timeline/dates';
import { buildTimeline, describeEventDate, type MonthGroup, UNDATED_KEY } from '../../src/core/timeline/timeline';

const URI = 'file:///work/talks.trade.yaml';
const source: SourceLocation = {
  uri: URI,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

function event(id: string, date: string, title: string, end?: string): TimelineEvent {
  return { id, date, title, end, participants: [], links: [], source };
}

function knowledgeOf(timeline: readonly TimelineEvent[]): Knowledge {
  return mergeKnowledge(undefined, [{ uri: URI, countries: [], officials: [], tariffs: [], timeline, references: [] }])
    .knowledge;
}

/** Each group as "key label: id, id, …", to compare a whole timeline at a glance. */
function outline(groups: readonly MonthGroup[]): string[] {
  return groups.map((group) => `${group.key} ${group.label}: ${group.events.map((e) => e.id).join(', ')}`);
}

const events = [
  event('london-2025', '2025-06-09', 'London trade talks', '2025-06-10'),
  event('us-fentanyl-10', '2025-02-04', 'US 10% tariff on Chinese goods takes effect'),
  event('us-raises-to-145', '2025-04-10', 'US tariff on Chinese goods reaches 145%'),
  event('cn-raises-to-84', '2025-04-10', 'China raises its tariff on US goods to 84%'),
  event('geneva-2025', '2025-05-10', 'Geneva trade talks', '2025-05-11'),
  // Starts with the Geneva talks but ends first, so it sorts before them although its title sorts after.
  event('geneva-opening', '2025-05-10', 'Swiss hosts open the Geneva talks'),
  event('geneva-statement', '2025-05-12', 'Joint statement on the Geneva meeting'),
  // Identical but for the id, as when two files describe the same call.
  event('trump-xi-call-b', '2025-06-05', 'Trump–Xi phone call'),
  event('trump-xi-call-a', '2025-06-05', 'Trump–Xi phone call'),
  event('stockholm-2025', '2025-07-28', 'Stockholm trade talks', '2025-07-29'),
];

describe('buildTimeline', () => {
  it('groups events by month, oldest first, breaking ties by end date, title and id', () => {
    assert.deepEqual(outline(buildTimeline(knowledgeOf(events), 'oldest-first')), [
      '2025-02 February 2025: us-fentanyl-10',
      '2025-04 April 2025: cn-raises-to-84, us-raises-to-145',
      '2025-05 May 2025: geneva-opening, geneva-2025, geneva-statement',
      '2025-06 June 2025: trump-xi-call-a, trump-xi-call-b, london-2025',
      '2025-07 July 2025: stockholm-2025',
    ]);
  });

  it('puts the newest month and event first, later-ending events first on the same day, titles still A–Z', () => {
    assert.deepEqual(outline(buildTimeline(knowledgeOf(events), 'newest-first')), [
      '2025-07 July 2025: stockholm-2025',
      '2025-06 June 2025: london-2025, trump-xi-call-a, trump-xi-call-b',
      '2025-05 May 2025: geneva-statement, geneva-2025, geneva-opening',
      '2025-04 April 2025: cn-raises-to-84, us-raises-to-145',
      '2025-02 February 2025: us-fentanyl-10',
    ]);
  });

  it('does not depend on the order the events were defined in', () => {
    const shuffled = [...events].reverse();
    for (const order of ['oldest-first', 'newest-first'] as const) {
      assert.deepEqual(
        outline(buildTimeline(knowledgeOf(shuffled), order)),
        outline(buildTimeline(knowledgeOf(events), order)),
      );
    }
  });

  it('keeps events the loader should have rejected in a last "Undated" group instead of crashing', () => {
    const broken = [
      event('no-date', undefined as unknown as string, 'Missing date'),
      event('bad-month', '2025-13-01', 'Month thirteen'),
      event('prose-date', '9 June 2025', 'Date in prose'),
      event('bad-end', '2025-06-09', 'London trade talks', 'soon'),
    ];
    for (const order of ['oldest-first', 'newest-first'] as const) {
      const groups = buildTimeline(knowledgeOf(broken), order);
      assert.deepEqual(outline(groups), [
        '2025-06 June 2025: bad-end',
        `${UNDATED_KEY} Undated: prose-date, no-date, bad-month`,
      ]);
    }
  });

  it('gives no groups for an empty timeline', () => {
    assert.deepEqual(buildTimeline(knowledgeOf([]), 'oldest-first'), []);
  });
});

describe('dates', () => {
  it('formats a date with a short English month and no leading zero', () => {
    assert.equal(formatDate('2025-06-09'), '9 Jun 2025');
    assert.equal(formatDate('2025-12-31'), '31 Dec 2025');
  });

  it('shows a bad date as written and a missing one as "no date"', () => {
    assert.equal(formatDate('2025-02-30'), '2025-02-30');
    assert.equal(formatDate(''), 'no date');
    assert.equal(formatDate(undefined as unknown as string), 'no date');
  });

  it('accepts only real calendar dates in ISO form', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.equal(parseIsoDate('2025-02-29'), undefined);
    assert.equal(parseIsoDate('2025-00-10'), undefined);
    assert.equal(parseIsoDate('2025-6-9'), undefined);
    assert.equal(parseIsoDate('2025-06-09T10:00'), undefined);
  });

  it('formats ranges, repeating only what differs', () => {
    assert.equal(formatDateRange('2025-06-09'), '9 Jun 2025');
    assert.equal(formatDateRange('2025-06-09', '2025-06-09'), '9 Jun 2025');
    assert.equal(formatDateRange('2025-06-09', '2025-06-10'), '9–10 Jun 2025');
    assert.equal(formatDateRange('2025-05-30', '2025-06-02'), '30 May – 2 Jun 2025');
    assert.equal(formatDateRange('2025-12-30', '2026-01-02'), '30 Dec 2025 – 2 Jan 2026');
    assert.equal(formatDateRange('2025-06-09', '2025-06-31'), '9 Jun 2025 – 2025-06-31');
  });

  it('describes an event by its start and end', () => {
    assert.equal(describeEventDate(events[0]), '9–10 Jun 2025');
    assert.equal(describeEventDate(events[1]), '4 Feb 2025');
  });

  it('gives month keys that sort like dates and English month labels', () => {
    assert.equal(monthKey({ year: 2025, month: 6, day: 9 }), '2025-06');
    assert.equal(monthKey({ year: 2025, month: 11, day: 1 }), '2025-11');
    assert.deepEqual(
      [1, 5, 9, 12].map((month) => monthLabel({ year: 2025, month, day: 1 })),
      ['January 2025', 'May 2025', 'September 2025', 'December 2025'],
    );
  });
});
