// Building the matcher in time slices (issue #4) must give exactly the matcher built at once: the same
// name table and figure ranker, so the same mentions, while letting the host run between short steps.
import assert from 'node:assert/strict';
import { Knowledge } from '../../src/core/knowledge/knowledge';
import type { SourceLocation } from '../../src/core/knowledge/types';
import type { Mention } from '../../src/core/matching/mention';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { TimeSlices } from '../../src/core/scheduling/timeSlices';
import { Random } from '../../bench/random';

// --- generated knowledge and notes, in the style of bench/data.ts ----------------------------------

const GIVEN = ['Anna', 'Boris', 'Chen', 'Émile', 'Greta', 'Hiro', 'Kofi', 'Marek', 'Priya', 'Tomás', 'Wen', 'Zofia'];
const SYLLABLES = ['ba', 'ce', 'ši', 'čo', 'lu', 'ra', 'vé', 'mo', 'ng', 'ze', 'tor', 'han', 'dö', 'ová', 'que', 'nø'];
const PARTICLES = ['von der ', 'de la ', 'van ', ''];
const TITLES = ['Minister', 'Secretary', 'Ambassador', 'Commissioner', 'Vice Premier'];
const HAN = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const RATES = [10, 20, 25, 30, 84, 125, 145, 7.5];
const FILLER = ['the', 'talks', 'tariff', 'said', 'after', 'goods', 'he', 'He', 'us', 'per', 'cent'];
const SOURCE: SourceLocation = {
  uri: 'file:///generated.trade.yaml',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

function surname(random: Random): string {
  let word = '';
  for (let i = 2 + random.int(2); i > 0; i--) word += random.pick(SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Officials with a name and two aliases (some in Han characters), countries with acronyms and `U.S.`-style aliases, tariffs sharing rates. */
function generatedKnowledge(officialCount: number, seed: number): { knowledge: Knowledge; names: string[] } {
  const random = new Random(seed);
  const knowledge = new Knowledge();
  const names: string[] = [];
  const codes: string[] = [];
  for (let c = 0; c < Math.max(4, officialCount / 50); c++) {
    const code = `C${c.toString(36).toUpperCase()}`;
    const name = `${surname(random)}land`;
    const aliases = [`${name.slice(0, -4)}ian`, code, `${code[0]}.${code.slice(1)}.`];
    codes.push(code);
    names.push(name, ...aliases);
    knowledge.countries.set(code, { code, name, aliases, source: SOURCE });
  }
  for (let o = 0; o < officialCount; o++) {
    const id = `official-${o}`;
    const han = random.int(20) === 0;
    const family = han ? `${random.pick([...HAN])}${random.pick([...HAN])}${random.pick([...HAN])}` : surname(random);
    const particle = random.pick(PARTICLES);
    const name = han ? family : `${random.pick(GIVEN)} ${particle}${family}`;
    const aliases = han ? [] : [`${particle}${family}`, `${random.pick(TITLES)} ${family}`];
    names.push(name, ...aliases);
    knowledge.officials.set(id, {
      id,
      name,
      aliases,
      country: random.pick(codes),
      title: 'Minister',
      titles: [],
      links: [],
      source: SOURCE,
    });
  }
  for (let t = 0; t < officialCount / 10; t++) {
    const id = `tariff-${t}`;
    const history = [0, 1].map((month) => ({
      date: `2025-0${month + 1}-01`,
      rate: random.pick(RATES),
      links: [],
      source: SOURCE,
    }));
    knowledge.tariffs.set(id, {
      id,
      by: random.pick(codes),
      on: random.pick(codes),
      label: 'Duties',
      links: [],
      history,
      source: SOURCE,
    });
  }
  return { knowledge, names };
}

/** A note mentioning the names as analysts write them: as defined, in capitals, without diacritics, wrapped, possessive; with figures. */
function generatedNote(names: readonly string[], length: number, seed: number): string {
  const random = new Random(seed);
  const parts: string[] = [];
  for (let size = 0; size < length;) {
    const roll = random.int(10);
    let token: string;
    if (roll < 3) {
      token = random.pick(names);
      const variant = random.int(6);
      if (variant === 0) token = token.toUpperCase();
      else if (variant === 1) token = token.normalize('NFD').replace(/\p{M}/gu, '');
      else if (variant === 2) token = token.replace(' ', '\n');
      else if (variant === 3) token += '’s';
    } else if (roll < 4) {
      token = `${random.pick(RATES)}${random.pick(['%', ' per cent', '-percent'])}`;
    } else {
      token = random.pick(FILLER);
    }
    const separator = random.pick([' ', ' ', ' ', '. ', '\n\n', ', ']);
    parts.push(token, separator);
    size += token.length + separator.length;
  }
  return parts.join('');
}

function described(text: string, mentions: readonly Mention[]): string[] {
  return mentions.map((m) => {
    const target =
      m.kind === 'official' ? m.officialId : m.kind === 'country' ? m.code : `${m.rate}%[${m.tariffIds.join(',')}]`;
    return `${m.start}-${m.end} ${JSON.stringify(text.slice(m.start, m.end))}→${target}`;
  });
}

/** Slices that pause at every chance, with a zero-delay timer that really lets other work run, counting the pauses. */
function pausingSlices(): { slices: TimeSlices; pauses: () => number } {
  let pauses = 0;
  const slices = new TimeSlices(() => {
    pauses++;
    return TimeSlices.yieldToHost();
  }, -1);
  return { slices, pauses: () => pauses };
}

describe('MentionMatcher built in time slices', function () {
  // About 18,000 names: enough for several steps of every part of the build.
  const { knowledge, names } = generatedKnowledge(6000, 11);
  const note = generatedNote(names, 300_000, 12);
  const atOnce = new MentionMatcher(knowledge);

  it('is the matcher built at once: the same name table and figure ranker', async () => {
    const { slices, pauses } = pausingSlices();
    const sliced = await MentionMatcher.buildInSlices(knowledge, slices);
    // A fresh one: scans leave scratch lists behind.
    assert.deepStrictEqual(sliced, new MentionMatcher(knowledge));
    assert.ok(pauses() > 1, `${pauses()} pauses`);
  });

  it('finds exactly the mentions the matcher built at once finds, in a generated note', async () => {
    const { slices, pauses } = pausingSlices();
    const sliced = (await MentionMatcher.buildInSlices(knowledge, slices))!;
    const expected = described(note, atOnce.scan(note));
    assert.deepEqual(described(note, sliced.scan(note)), expected);
    // Not a comparison of two empty lists: every kind of mention is there, and ambiguous figures ranked.
    for (const kind of ['official', 'country', 'figure'] as const)
      assert.ok(
        atOnce.scan(note).some((m) => m.kind === kind),
        `no ${kind} found`,
      );
    assert.ok(expected.length > 10_000, `${expected.length} mentions`);
    // At least one pause per few thousand names: no step compiles or places them all at once.
    assert.ok(pauses() > names.length / 4096, `${pauses()} pauses for ${names.length} names`);
  });

  it('loses no name or rate at the cuts between steps: each is found where it is written', async () => {
    const sliced = (await MentionMatcher.buildInSlices(knowledge, pausingSlices().slices))!;
    const written = [...names, ...RATES.map((rate) => `${rate}%`)];
    // Paragraphs of their own, so that no name runs into the next.
    const text = written.join('\n\n');
    const spans: string[] = [];
    for (let at = 0, k = 0; k < written.length; at += written[k]!.length + 2, k++)
      spans.push(`${at}-${at + written[k]!.length}`);
    assert.deepEqual(
      sliced.scan(text).map((m) => `${m.start}-${m.end}`),
      spans,
    );
  });

  it('stops at the next pause once cancelled, with no matcher', async () => {
    const { slices, pauses } = pausingSlices();
    const cancellation = { isCancellationRequested: false };
    const build = MentionMatcher.buildInSlices(knowledge, slices, cancellation);
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancellation.isCancellationRequested = true;
    const pausesWhenCancelled = pauses();
    assert.equal(await build, undefined);
    assert.ok(pauses() <= pausesWhenCancelled + 1, `${pauses() - pausesWhenCancelled} pauses after the cancellation`);
  });

  it('builds two matchers in slices at the same time, each as if alone', async () => {
    const other = generatedKnowledge(3000, 5).knowledge;
    const [first, second] = await Promise.all([
      MentionMatcher.buildInSlices(knowledge, pausingSlices().slices),
      MentionMatcher.buildInSlices(other, pausingSlices().slices),
    ]);
    assert.deepStrictEqual(first, new MentionMatcher(knowledge));
    assert.deepStrictEqual(second, new MentionMatcher(other));
  });

  it('lets other work run between its steps', async () => {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    try {
      await MentionMatcher.buildInSlices(knowledge, pausingSlices().slices);
    } finally {
      clearInterval(ticking);
    }
    assert.ok(ticks > 1, `the timer ran ${ticks} times during the build`);
  });

  it('builds the bundled-size knowledge with the same result, in slices that are never used up', async () => {
    const small = generatedKnowledge(10, 3).knowledge;
    let pauses = 0;
    const sliced = await MentionMatcher.buildInSlices(small, new TimeSlices(async () => void pauses++, 60_000));
    assert.deepStrictEqual(sliced, new MentionMatcher(small));
    assert.equal(pauses, 0);
  });
});
