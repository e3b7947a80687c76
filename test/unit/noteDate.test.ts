import assert from 'node:assert/strict';
import { noteDateOf } from '../../src/core/checks/noteDate';
import { findProseDates } from '../../src/core/checks/proseDates';

describe('The date of a note', () => {
  const dateOf = (text: string, uri = 'file:///notes/note.pnote'): string | undefined => {
    const found = noteDateOf(text, uri);
    return found && `${found.iso} (${found.source})`;
  };

  it('is the front matter date first, then a date in the first heading, then one in the file name', () => {
    assert.equal(
      dateOf('---\ntitle: x\ndate: 2025-06-10\n---\n# Debrief (1 May 2025)\n', 'file:///2025-01-01.pnote'),
      '2025-06-10 (front matter)',
    );
    assert.equal(dateOf('---\ndate: "2025-06-10"\n---\n'), '2025-06-10 (front matter)');
    assert.equal(dateOf('# London talks debrief (9–10 June 2025)\n\nText.'), '2025-06-10 (heading)');
    assert.equal(dateOf('# Week of 30 May – 2 June 2025\n'), '2025-06-02 (heading)');
    assert.equal(dateOf('## Notes, June 9, 2025\n'), '2025-06-09 (heading)');
    assert.equal(dateOf('# 会谈纪要（2025年6月10日）\n'), '2025-06-10 (heading)');
    assert.equal(dateOf('Intro.\n', 'file:///notes/2025-07-01-weekly.policy.md'), '2025-07-01 (file name)');
    assert.equal(
      dateOf('---\ndate: 2025-02-30\n---\nIntro.', 'file:///notes/2025-07-01-weekly.policy.md'),
      '2025-07-01 (file name)',
    );
  });

  it('is none without one, and a heading date must say its year', () => {
    assert.equal(dateOf('# London talks debrief (9–10 June)\n\nOn 14 May 2025 tariffs fell.'), undefined);
    assert.equal(dateOf('No heading, 14 May 2025 in the text.'), undefined);
    assert.equal(dateOf('# Notes\n\n# Debrief (10 June 2025)\n'), undefined, 'only the first heading counts');
  });

  it('gives where the date stands, for the outline', () => {
    const text = '---\ndate: 2025-06-10\n---\n';
    const found = noteDateOf(text, 'file:///n.pnote')!;
    assert.equal(text.slice(found.start, found.end), '2025-06-10');
  });
});

describe('Dates in prose', () => {
  const periods = (text: string): string[] =>
    findProseDates(text).map(
      (d) =>
        `${text.slice(d.start, d.end)} → ${d.from.year ?? '?'}-${d.from.month}-${d.from.day}..${d.to.month}-${d.to.day}${d.preposition ? ` (${d.preposition})` : ''}`,
    );

  it('reads days, ranges, months and years, with the word before them', () => {
    assert.deepEqual(periods('On 10 April 2025, and since 14 May.'), [
      '10 April 2025 → 2025-4-10..4-10 (on)',
      '14 May → ?-5-14..5-14 (since)',
    ]);
    assert.deepEqual(periods('In May 2025 prices rose.'), ['May 2025 → 2025-5-1..5-31 (in)']);
    assert.deepEqual(periods('in April the rate'), ['April → ?-4-1..4-31 (in)']);
    assert.deepEqual(periods('In 2019, tariffs rose.'), ['2019 → 2019-1-1..12-31 (in)']);
    assert.deepEqual(periods('June 9–10, 2025'), ['June 9–10, 2025 → 2025-6-9..6-10']);
    assert.deepEqual(periods('截至2025年6月10日，'), ['2025年6月10日 → 2025-6-10..6-10']);
  });

  it('does not read "may" or "march" as months on their own, nor parts of larger numbers', () => {
    assert.deepEqual(periods('They may march on.'), []);
    assert.deepEqual(periods('Costs of 12025 and 2025-13-40.'), []);
    assert.deepEqual(periods('31 February 2025'), []);
  });
});
