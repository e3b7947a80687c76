// The fast mention engine (name trie, first-word filter, optimised figure ranking, incremental index)
// must find exactly what a simple reference finds: every name tried at every word, every tariff scored.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Knowledge } from '../../src/core/knowledge/knowledge';
import { charFlags, DIGIT, LOWER, MARK, UNSPACED, WORD } from '../../src/core/matching/characters';
import type { FigureMention, Mention } from '../../src/core/matching/mention';
import { EditAccumulator, MentionIndex, type IndexSizes, type TextSource } from '../../src/core/matching/mentionIndex';
import { TimeSlices } from '../../src/core/scheduling/timeSlices';
import { MentionMatcher, type ScanEntry } from '../../src/core/matching/mentionMatcher';
import * as namePatterns from '../../src/core/matching/namePatterns';
import { compileName, patternLength, type NamePattern } from '../../src/core/matching/namePatterns';
import { matchPattern } from '../../src/core/matching/patternMatching';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

/** The talks knowledge plus names that share first words, hyphens, particles and words a figure uses. */
const KNOWLEDGE_YAML = `${TALKS_YAML}  - id: cn-steel
    by: CN
    on: EU
    label: Chinese duties on EU steel (test data)
    history:
      - { date: 2025-03-01, rate: 10% }
      - { date: 2025-04-01, rate: 145% }
`.replace(
  'tariffs:\n',
  `  - id: liu-he
    name: Vice Premier Liu He
    aliases: [Liu He]
    country: CN
    title: Former Vice Premier
  - id: jean-claude-juncker
    name: Jean-Claude Juncker
    aliases: [Juncker]
    country: EU
    title: Former President of the European Commission
  - id: ana-de-la-cruz
    name: Ana de la Cruz
    aliases: [Minister Cruz, Cent]
    title: Minister of Trade
tariffs:\n`,
);

const knowledge = knowledgeFrom(KNOWLEDGE_YAML);
const matcher = new MentionMatcher(knowledge);

// --- the reference -------------------------------------------------------------------------------

/** Every name and alias, in the order the rules try them: longest first, officials before countries, then as defined. */
function referencePatterns(k: Knowledge): NamePattern[] {
  const patterns: NamePattern[] = [];
  for (const o of k.officials.values()) {
    for (const text of [o.name, ...o.aliases]) {
      const p = compileName(text, { kind: 'official', id: o.id });
      if (p) patterns.push(p);
    }
  }
  for (const c of k.countries.values()) {
    for (const text of [c.name, ...c.aliases]) {
      const p = compileName(text, { kind: 'country', code: c.code });
      if (p) patterns.push(p);
    }
  }
  const rank = (p: NamePattern): number => (p.target.kind === 'official' ? 0 : 1);
  return patterns
    .map((p, order) => ({ p, order }))
    .sort((a, b) => patternLength(b.p) - patternLength(a.p) || rank(a.p) - rank(b.p) || a.order - b.order)
    .map(({ p }) => p);
}

const PERCENT_SIGN = /(?:[%％]|(?:-|[ \t\u00a0]{1,2})(?:percent|per[- \t\u00a0]cent)|[ \t\u00a0]{1,2}[%％])/iy;

function endsWordAt(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && /\p{M}/u.test(text[i]!)) i++;
  return i >= text.length || !/[\p{L}\p{N}]/u.test(text[i]!) || /\p{Script=Han}/u.test(text[i]!);
}

/** The rules, followed as literally as possible: at each word, every name in order; figures by regular expression. */
function referenceScan(text: string, k: Knowledge): Mention[] {
  const patterns = referencePatterns(k);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const flags = charFlags(text.charCodeAt(i));
    if (!(flags & WORD) || flags & MARK) {
      i++;
      continue;
    }
    const start = i;
    let wordEnd = i + 1;
    if (!(flags & UNSPACED))
      while (
        wordEnd < text.length &&
        charFlags(text.charCodeAt(wordEnd)) & WORD &&
        !(charFlags(text.charCodeAt(wordEnd)) & UNSPACED)
      )
        wordEnd++;
    i = wordEnd;
    if (flags & DIGIT) {
      const number = /^\d+(?:\.\d+)?/.exec(text.slice(start))![0];
      const partOfLarger = /[.,]$/.test(text.slice(0, start)) && /\d[.,]$/.test(text.slice(0, start));
      if (!/^\d+$/.test(text.slice(start, wordEnd)) || partOfLarger) continue;
      PERCENT_SIGN.lastIndex = start + number.length;
      const sign = PERCENT_SIGN.exec(text);
      if (!sign || (/[a-z]$/i.test(sign[0]) && !endsWordAt(text, PERCENT_SIGN.lastIndex))) continue;
      const tariffIds = [...k.tariffs.values()]
        .filter((t) => t.history.some((s) => s.rate === Number(number)))
        .map((t) => t.id);
      if (tariffIds.length > 0)
        mentions.push({ kind: 'figure', start, end: PERCENT_SIGN.lastIndex, rate: Number(number), tariffIds });
      i = PERCENT_SIGN.lastIndex;
      continue;
    }
    for (const pattern of patterns) {
      if (pattern.singleWord && flags & LOWER) continue;
      if (pattern.acronym && [...text.slice(start, wordEnd)].some((c) => charFlags(c.charCodeAt(0)) & LOWER)) continue;
      const end = matchPattern(text, pattern, start);
      if (end < 0) continue;
      const t = pattern.target;
      mentions.push(
        t.kind === 'official'
          ? { kind: 'official', start, end, officialId: t.id }
          : { kind: 'country', start, end, code: t.code },
      );
      i = end;
      break;
    }
  }
  referenceRanking(text, mentions, k);
  return mentions;
}

/** Figure ranking as first written: every candidate tariff scored against every mention of the sentence and paragraph. */
function referenceRanking(text: string, mentions: Mention[], k: Knowledge): void {
  const isBlankLineBefore = (at: number): boolean => /(^|\n)[ \t]*\r?\n$/.test(text.slice(Math.max(0, at - 10000), at));
  const isBlankLineAfter = (at: number): boolean => /^(\r\n|\n|\r)[ \t\r]*(\n|$)/.test(text.slice(at, at + 10000));
  const insideMention = (offset: number): boolean => mentions.some((m) => m.start <= offset && offset < m.end);
  const isSentenceEnd = (at: number): boolean => {
    if (text[at] === '。') return true;
    if (!/[.!?]/.test(text[at] ?? '')) return false;
    return /^(?:$|[ \u00a0\t]*(?:$|[\n\r\p{Lu}\p{N}"“'‘*#([-])|[\n\r])/u.test(text.slice(at + 1, at + 10000));
  };
  for (let index = 0; index < mentions.length; index++) {
    const figure = mentions[index]!;
    if (figure.kind !== 'figure' || figure.tariffIds.length < 2) continue;
    let pStart = figure.start;
    while (pStart > Math.max(0, figure.start - 5000) && !isBlankLineBefore(pStart)) pStart--;
    let pEnd = figure.end;
    while (pEnd < Math.min(text.length, figure.end + 5000) && !isBlankLineAfter(pEnd)) pEnd++;
    let sStart = figure.start;
    while (sStart > Math.max(pStart, figure.start - 1000) && !(isSentenceEnd(sStart - 1) && !insideMention(sStart - 1)))
      sStart--;
    let sEnd = figure.end;
    while (sEnd < Math.min(pEnd, figure.end + 1000) && !(isSentenceEnd(sEnd) && !insideMention(sEnd))) sEnd++;
    const score = (from: number, to: number, by: string, on: string): number => {
      const named = mentions
        .filter((m, k2) => k2 !== index && m.start >= from && m.start < to)
        .map((m) =>
          m.kind === 'country' ? m.code : m.kind === 'official' ? k.officials.get(m.officialId)?.country : undefined,
        )
        .filter((code) => code === by || code === on);
      return named.length === 0 ? 0 : new Set(named).size + (named[0] === by ? 0.5 : 0);
    };
    const scored = figure.tariffIds.map((id, order) => {
      const t = k.tariffs.get(id)!;
      return { id, order, sentence: score(sStart, sEnd, t.by, t.on), paragraph: score(pStart, pEnd, t.by, t.on) };
    });
    scored.sort((a, b) => b.sentence - a.sentence || b.paragraph - a.paragraph || a.order - b.order);
    mentions[index] = { ...(figure as FigureMention), tariffIds: scored.map((s) => s.id) };
  }
}

// --- generated notes -----------------------------------------------------------------------------

const WORDS = [
  'He Lifeng',
  'Vice Premier He Lifeng',
  'Vice Premier Liu He',
  'Vice Premier',
  'Liu He',
  'Scott Bessent',
  'Bessent',
  'bessent',
  'BESSENT',
  'Treasury Secretary Bessent',
  'Šefčovič',
  'S\u030Cefc\u030Covic\u030C',
  'Sefcovic',
  'MAROŠ ŠEFČOVIČ',
  'Maroš',
  'von der Leyen',
  'Von',
  'der',
  'Ursula',
  'Xi',
  'xi',
  'XI',
  'Xian',
  'Xi Jinping',
  '习近平',
  '何立峰',
  '贝森特',
  '会见了',
  'U.S.',
  'U.S',
  'US',
  'Us',
  'USA',
  'America',
  'China',
  'Chinese',
  'PRC',
  'Beijing',
  'EU',
  'European Union',
  'Jean-Claude Juncker',
  'Jean',
  'Claude',
  'Juncker',
  'Ana de la Cruz',
  'Minister Cruz',
  'Cent',
  '10',
  '145',
  '7.5',
  '7.50',
  '1,145',
  '99',
  '30',
  '84',
  'percent',
  'PERCENT',
  'per',
  'cent',
  'Per',
  "'s",
  '’s',
  "'",
  '’',
  'the',
  'tariffs',
  'said',
  'He',
  'he',
  '\u0301',
  '%',
  '％',
];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\u00a0',
  '\t',
  '',
  '',
  '. ',
  '.\n\n',
  '-',
  ', ',
  '。',
  ' \n \n',
];

const noteText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

/** Mentions as comparable strings, so a failure shows which text became what. */
function described(text: string, mentions: readonly Mention[]): string[] {
  return mentions.map((m) => {
    const target =
      m.kind === 'official' ? m.officialId : m.kind === 'country' ? m.code : `${m.rate}%[${m.tariffIds.join(',')}]`;
    return `${m.start}-${m.end} ${JSON.stringify(text.slice(m.start, m.end))}→${target}`;
  });
}

function sourceOf(text: string): TextSource {
  return { length: text.length, read: (start, end) => text.slice(start, end) };
}

describe('Mention engine equivalence', () => {
  it('the reference agrees with the hand-written rule tests', () => {
    const text = 'China cut its tariffs on US goods to 10%. Vice Premier He Lifeng met Bessent’s team; xi is not Xi.';
    assert.deepEqual(described(text, referenceScan(text, knowledge)), described(text, matcher.scan(text)));
    assert.ok(matcher.scan(text).some((m) => m.kind === 'figure' && m.tariffIds[0] === 'cn-on-us'));
  });

  it('finds exactly the mentions the reference finds, on generated notes', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        assert.deepEqual(described(text, matcher.scan(text)), described(text, referenceScan(text, knowledge)));
      }),
      { numRuns: 400, seed: 4 },
    );
  });

  it('ranks figures in long paragraphs as the reference does', () => {
    const filler = fc.array(
      fc.constantFrom(
        'the',
        'tariffs',
        'said',
        'China',
        'US',
        'EU',
        'Bessent',
        'He Lifeng',
        '10%',
        '145 per cent',
        '.',
        '\n',
      ),
      {
        minLength: 200,
        maxLength: 400,
      },
    );
    fc.assert(
      fc.property(filler, (words) => {
        const text = words.join(' ');
        assert.deepEqual(described(text, matcher.scan(text)), described(text, referenceScan(text, knowledge)));
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});

/** Notes built from the words of names one by one, so that edits join, split and complete names. */
const PIECES = [
  'Vice',
  'Premier',
  'He',
  'Lifeng',
  'Liu',
  'Scott',
  'Bessent',
  'Treasury',
  'Secretary',
  'Jean',
  'Claude',
  'Juncker',
  'Ana',
  'de',
  'la',
  'Cruz',
  'Minister',
  'von',
  'der',
  'Leyen',
  'per',
  'cent',
  '145',
  '10',
  '7.5',
  'U',
  'S',
  'China',
  'US',
  'the',
];
const PIECE_SEPARATORS = [' ', ' ', ' ', '   ', '-', '.', '. ', '\n', '\n\n', ' \n ', ''];
const pieceText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...PIECE_SEPARATORS)), { maxLength: 120 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

describe('MentionIndex: incremental updates', () => {
  const anyText = fc.oneof(noteText, pieceText);
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 12 }),
    insert: fc.oneof(
      noteText.map((t) => t.slice(0, 40)),
      fc.constantFrom(...PIECES, ...PIECE_SEPARATORS, 'g', 'Lifen', ' cent', '%'),
    ),
  });
  /** Tiny reads and blocks make small texts re-read and move blocks, as large notes do far from an edit. */
  const sizes = fc.record({
    firstRead: fc.constantFrom(4, 16, 512),
    blockSize: fc.constantFrom(1, 3, 256),
    scanStep: fc.constantFrom(1, 7, 1 << 16),
    rankStep: fc.constantFrom(1, 2, 1 << 12),
  });

  /** Applies random edits one by one, checking the index against a full scan after each. */
  function checkEdits(
    initial: string,
    edits: readonly { at: number; remove: number; insert: string }[],
    indexSizes: IndexSizes,
  ): void {
    let text = initial;
    let index = MentionIndex.build(matcher, text, undefined, indexSizes)!;
    for (const { at, remove, insert } of edits) {
      const start = at % (text.length + 1);
      const oldLength = Math.min(remove, text.length - start);
      text = text.slice(0, start) + insert + text.slice(start + oldLength);
      index = index.update({ start, oldLength, newLength: insert.length }, sourceOf(text));
      assert.deepEqual(described(text, index.mentions), described(text, matcher.scan(text)));
    }
  }

  it('after each edit, holds exactly what a full scan of the new text finds', () => {
    fc.assert(fc.property(anyText, fc.array(edit, { minLength: 1, maxLength: 6 }), sizes, checkEdits), {
      numRuns: 500,
      seed: 6,
    });
  });

  it('keeps the entries far from an edit in blocks it only moves, in notes longer than ranking reads', () => {
    // About 100,000 characters: an edit leaves blocks wholly before and after the stretch it rebuilds
    // (the re-ranked figures and what their ranking reads, some 36,000 characters).
    const longText = fc
      .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...PIECE_SEPARATORS)), {
        minLength: 20_000,
        maxLength: 20_100,
      })
      .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
    const farEdit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.constantFrom(...PIECES, ' ', '\n\n', 'He Lifeng ', '10% '),
    });
    fc.assert(fc.property(longText, fc.array(farEdit, { minLength: 1, maxLength: 4 }), sizes, checkEdits), {
      numRuns: 25,
      seed: 8,
    });
  });

  it('built in slices, holds exactly what building at once does, pausing between slices', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, sizes, async (text, indexSizes) => {
        let pauses = 0;
        // A zero-length slice: pause at every chance, so every cut is exercised.
        const slices = new TimeSlices(async () => void pauses++, -1);
        const index = (await MentionIndex.buildInSlices(matcher, text, slices, undefined, indexSizes))!;
        assert.deepEqual(
          described(text, index.mentions),
          described(text, MentionIndex.build(matcher, text, undefined, indexSizes)!.mentions),
        );
        if (indexSizes.scanStep === 1 && text.length > 1)
          assert.ok(pauses >= text.length / 40, `${pauses} pauses for ${text.length} characters`);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('stops building in slices when cancelled between two slices', async () => {
    const cancellation = { isCancellationRequested: false };
    const slices = new TimeSlices(async () => void (cancellation.isCancellationRequested = true), -1);
    const text = 'Vice Premier He Lifeng met Scott Bessent. '.repeat(100);
    assert.equal(
      await MentionIndex.buildInSlices(matcher, text, slices, cancellation, {
        firstRead: 512,
        blockSize: 256,
        scanStep: 64,
        rankStep: 64,
      }),
      undefined,
    );
  });

  it('can apply several edits at once, combined into one', () => {
    fc.assert(
      fc.property(anyText, fc.array(edit, { minLength: 1, maxLength: 5 }), sizes, (initial, edits, indexSizes) => {
        let text = initial;
        const pending = new EditAccumulator(text.length);
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          const oldLength = Math.min(remove, text.length - start);
          text = text.slice(0, start) + insert + text.slice(start + oldLength);
          pending.add({ start, oldLength, newLength: insert.length });
        }
        const index = MentionIndex.build(matcher, initial, undefined, indexSizes)!.update(
          pending.combined()!,
          sourceOf(text),
        );
        assert.deepEqual(described(text, index.mentions), described(text, matcher.scan(text)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('re-ranks a figure whose paragraph changed far from it, and reads only around the edit', () => {
    const paragraph = `The rate rose to 10% after talks. ${'Officials said little. '.repeat(40)}`;
    const text = `${paragraph}\n\n${'Filler words here. '.repeat(5000)}`;
    const reads: [number, number][] = [];
    let edited = text;
    const source: TextSource = {
      get length() {
        return edited.length;
      },
      read: (start, end) => {
        reads.push([start, end]);
        return edited.slice(start, end);
      },
    };
    const index = MentionIndex.build(matcher, text)!;
    assert.deepEqual((index.mentions[0] as FigureMention).tariffIds, ['us-on-cn', 'cn-on-us', 'cn-steel']);
    // "China" typed at the end of the paragraph, 900 characters after the figure, puts China's tariffs first.
    const at = paragraph.length - 1;
    edited = `${text.slice(0, at)} China${text.slice(at)}`;
    const updated = index.update({ start: at, oldLength: 0, newLength: 6 }, source);
    assert.deepEqual(described(edited, updated.mentions), described(edited, matcher.scan(edited)));
    assert.deepEqual((updated.mentions[0] as FigureMention).tariffIds, ['cn-on-us', 'cn-steel', 'us-on-cn']);
    const read = reads.reduce((sum, [start, end]) => sum + end - start, 0);
    assert.ok(read < 40000, `read ${read} of ${edited.length} characters`);
  });
});

/** Names whose words share a folded hash ("aþ" and "bß": 97 × 31 + 254 = 98 × 31 + 223), and a word longer than a trie slot holds. */
const COLLISIONS_YAML = `kind: trade-knowledge
version: 1
countries:
  US: { name: United States, aliases: [US] }
  CN: { name: China, aliases: [PRC] }
officials:
  - { id: a-lane, name: Aþ Lane, aliases: [Kim Aþ], country: US, title: T }
  - { id: b-lane, name: Bß Lane, aliases: [Kim Bß, Bß], country: CN, title: T }
  - { id: long, name: Wolfeschlegelsteinhausen Bergerdorff, aliases: [Wolfeschlegelsteinhausen], country: CN, title: T }
tariffs:
  - { id: us-on-cn, by: US, on: CN, label: L, history: [{ date: 2025-04-10, rate: 145% }] }
  - { id: cn-on-us, by: CN, on: US, label: L, history: [{ date: 2025-04-11, rate: 145% }] }
`;

/** deepEqual for long lists, reporting the first difference: node's diff of thousands of lines takes minutes. */
function assertSameList(actual: readonly string[], expected: readonly string[]): void {
  const at = actual.findIndex((line, k) => line !== expected[k]);
  const first = at >= 0 ? at : actual.length === expected.length ? -1 : Math.min(actual.length, expected.length);
  if (first >= 0)
    assert.fail(
      `lists differ at ${first} of ${actual.length} and ${expected.length}: ${JSON.stringify(actual.slice(first, first + 3))} vs ${JSON.stringify(expected.slice(first, first + 3))}`,
    );
}

describe('Mention engine: the scan loop, the name table and figures ranked during a scan', () => {
  it('finds, in stretches of any length, exactly what one scan finds', () => {
    fc.assert(
      fc.property(fc.oneof(noteText, pieceText), fc.constantFrom(1, 2, 7, 64, 1 << 16), (text, step) => {
        const entries: ScanEntry[] = [];
        for (let next = 0; next < text.length;) next = matcher.scanStretch(text, next, next + step, entries);
        assert.deepEqual(entries, matcher.scanEntries(text, 0));
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  it('gives two scans taken in turns, stretch by stretch, with whole scans in between, what each finds alone', () => {
    fc.assert(
      fc.property(noteText, noteText, pieceText, fc.constantFrom(1, 7, 64), (first, second, between, step) => {
        const betweenAlone = described(between, matcher.scan(between));
        const texts = [first, second];
        const entries: ScanEntry[][] = [[], []];
        const next = [0, 0];
        while (next[0]! < first.length || next[1]! < second.length) {
          for (const k of [0, 1]) {
            if (next[k]! < texts[k]!.length)
              next[k] = matcher.scanStretch(texts[k]!, next[k]!, next[k]! + step, entries[k]!);
            assertSameList(described(between, matcher.scan(between)), betweenAlone);
          }
        }
        assert.deepEqual(entries[0], matcher.scanEntries(first, 0));
        assert.deepEqual(entries[1], matcher.scanEntries(second, 0));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('gives a scan run from inside another (from its look at the cancellation token) and that scan what each finds alone', () => {
    // Figures ranked by the countries around them, over many stretches, and a name across the point
    // (65,536) where a long scan first looks at the token in the middle of its loop.
    const paragraph = 'The US said China would keep tariffs at 10% after the talks. The EU kept 10% too.\n\n';
    const filler = paragraph.repeat(Math.ceil(65_536 / paragraph.length));
    const text = `${filler.slice(0, 65_533)} Bessent ${filler}`;
    const inner = 'Bessent met He Lifeng; the EU kept 10%. China raised 10%.';
    const innerAlone = described(inner, matcher.scan(inner));
    let innerScans = 0;
    const runsAnotherScan = {
      get isCancellationRequested(): boolean {
        innerScans++;
        assertSameList(described(inner, matcher.scan(inner)), innerAlone);
        return false;
      },
    };
    assertSameList(described(text, matcher.scan(text, runsAnotherScan)), described(text, matcher.scan(text)));
    const entries = matcher.scanEntries(text, 0, runsAnotherScan)!;
    assert.deepEqual(entries, matcher.scanEntries(text, 0));
    assert.ok(entries.some((e) => e.kind === 'official' && e.start === 65_534 && e.end === 65_541));
    assert.ok(innerScans > 2, 'the token was looked at');
  });

  it('tells apart words that share a hash, and matches words too long to store inline, as the reference does', () => {
    const { hashWord } = namePatterns;
    assert.equal(hashWord('aþ'), hashWord('bß'), 'the test needs two words with one hash');
    const collisions = knowledgeFrom(COLLISIONS_YAML);
    const collisionMatcher = new MentionMatcher(collisions);
    const words = [
      'Aþ',
      'aþ',
      'Bß',
      'BSS',
      'Kim',
      'Lane',
      'Wolfeschlegelsteinhausen',
      'WOLFESCHLEGELSTEINHAUSEN',
      'Wolfeschlegelsteinhause',
      'Bergerdorff',
      'US',
      'China',
      '145%',
      'the',
    ];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '\n', '. ', '\n\n', '')), { maxLength: 40 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (note) => {
        assert.deepEqual(
          described(note, collisionMatcher.scan(note)),
          described(note, referenceScan(note, collisions)),
        );
      }),
      { numRuns: 300, seed: 11 },
    );
    assert.deepEqual(described('Kim Bß and Kim Aþ', collisionMatcher.scan('Kim Bß and Kim Aþ')), [
      '0-6 "Kim Bß"→b-lane',
      '11-17 "Kim Aþ"→a-lane',
    ]);
  });

  it('ranks the figures of notes longer than a stretch as ranking them after the scan does', () => {
    // Paragraphs short and long (past the paragraph reach), every kind of line break, names wrapped
    // across lines, countries named long after a figure; stretch ends fall anywhere.
    const sentence = fc
      .array(
        fc.oneof(
          { arbitrary: fc.constantFrom('China', 'US', 'EU', 'Bessent', 'He\nLifeng', 'U.S.'), weight: 1 },
          { arbitrary: fc.constantFrom('tariffs', 'rose', 'to', 'the', 'talks', 'said'), weight: 12 },
          { arbitrary: fc.constantFrom('10%', '145 per cent', '20%'), weight: 2 },
        ),
        {
          minLength: 3,
          maxLength: 12,
        },
      )
      .map((words) => `${words.join(' ')}.`);
    const paragraph = fc.tuple(
      fc.array(sentence, { minLength: 1, maxLength: 120 }),
      fc.constantFrom('\n\n', '\r\n\r\n', ' \n \n', '\n', '\r\r', ' '),
    );
    // Repeated past several stretches (of 8,192 characters) however short the paragraphs.
    const note = fc.array(paragraph, { minLength: 10, maxLength: 30 }).map((parts) =>
      parts
        .map(([sentences, end]) => sentences.join(' ') + end)
        .join('')
        .repeat(8),
    );
    fc.assert(
      fc.property(note, (text) => {
        assertSameList(
          described(text, matcher.scan(text)),
          described(text, MentionIndex.build(matcher, text)!.mentions),
        );
      }),
      // Shrinking notes this long takes longer than it helps.
      { numRuns: 20, seed: 12, endOnFailure: true },
    );
  });

  it('ranks the figures of a note longer than a stretch as the reference does', () => {
    const paragraph =
      'The US said China would keep tariffs at 10% after the talks. Bessent met He Lifeng; EU duties stay at 145 per cent.';
    const text = Array.from({ length: 300 }, (_, k) => `${paragraph} Round ${k}.${k % 3 === 0 ? '\n\n' : ' '}`).join(
      '',
    );
    assert.ok(text.length > 3 * 8192);
    assertSameList(described(text, matcher.scan(text)), described(text, referenceScan(text, knowledge)));
  });

  it("makes a figure's ranked list when first read, and shows the same keys and values as a ranked copy", () => {
    const text = 'China raised tariffs on US goods to 10%. The EU kept 10% too.';
    const scanned = matcher.scan(text).find((m) => m.kind === 'figure')! as FigureMention;
    const copied = MentionIndex.build(matcher, text)!.mentions.find((m) => m.kind === 'figure')! as FigureMention;
    assert.equal(typeof Object.getOwnPropertyDescriptor(scanned, 'tariffIds')!.get, 'function', 'not made by the scan');
    assert.deepEqual(Object.keys(scanned), ['kind', 'start', 'end', 'rate', 'tariffIds']);
    assert.equal(JSON.stringify(scanned), JSON.stringify(copied));
    assert.deepEqual({ ...scanned }, copied);
    assert.deepEqual(scanned.tariffIds, ['cn-on-us', 'us-on-cn', 'cn-steel']);
    assert.equal(scanned.tariffIds, scanned.tariffIds, 'made once');
    assert.ok('value' in Object.getOwnPropertyDescriptor(scanned, 'tariffIds')!, 'a plain value once read');
  });
});
