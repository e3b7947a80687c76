// The fact check in the benchmark (issue 12): precision and recall on the labelled corpus, the time to
// check a 1 MB note once its mentions are known, and to check it again after an edit.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FactChecker, factCheck } from '../src/core/checks/factCheck';
import { configureL10n } from '../src/core/l10n/l10n';
import { MentionIndex } from '../src/core/matching/mentionIndex';
import { MentionMatcher } from '../src/core/matching/mentionMatcher';
import { checkCase, corpus, corpusKnowledge, matches } from '../test/unit/support/factCorpus';
import { summarize, time, type BenchRow } from './measure';
import { Random } from './random';

const NOTE_LENGTH = 1_000_000;

export function factCheckSection(row: (entry: BenchRow) => void, fmtMs: (ms: number) => string): void {
  console.log('\nFact check');
  corpusScores(row);
  const matcher = new MentionMatcher(corpusKnowledge);
  const examples = readdirSync('examples/notes').map((name) =>
    readFileSync(path.join('examples/notes', name), 'utf8').replace(/^---[\s\S]*?---\n/, ''),
  );
  const corpusNotes = corpus.map((item) => item.note.replace(/^---[\s\S]*?---\n/, ''));
  // The example notes, as analysts write them; and the corpus alone, where every paragraph is a claim.
  for (const [kind, pieces] of [
    ['a note of the example notes repeated', examples],
    ['a note of nothing but corpus claims (worst case)', corpusNotes],
  ] as const) {
    const note = noteOf(pieces);
    const mentions = matcher.scan(note);
    const check = () => factCheck({ uri: 'bench:///note.pnote', text: note, mentions, knowledge: corpusKnowledge });
    const findings = check().length;
    const timing = time(check, 9, 2);
    const tariffSentences = note.match(/\b(?:tariffs?|dut(?:y|ies)|lev(?:y|ies))\b/gi)?.length ?? 0;
    row({
      section: 'fact check',
      name: `check of 1 MB, ${kind}, mentions known`,
      timing,
      value: `${tariffSentences} tariff words, ${findings} findings`,
      target: '≤ 50 ms',
      met: timing.medianMs <= 50,
    });
    if (kind.startsWith('a note of the example')) editSection(row, fmtMs, matcher, note);
    else displayLanguageSection(row, check);
  }
}

/** The worst case again with the display language in Chinese: every finding's dates, rates and lists through Intl. */
function displayLanguageSection(row: (entry: BenchRow) => void, check: () => unknown): void {
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
  configureL10n({ bundle, language: 'zh-cn' });
  try {
    row({
      section: 'fact check',
      name: 'the same, with the display language in Chinese (zh-cn)',
      timing: time(check, 9, 2),
    });
  } finally {
    configureL10n(undefined);
  }
}

/** Precision and recall of the check on the corpus, from its labels. */
function corpusScores(row: (entry: BenchRow) => void): void {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const item of corpus) {
    const findings = checkCase(item);
    const expected = item.flag ?? [];
    const found = expected.filter((flag) => findings.some((finding) => matches(item, flag, finding)));
    truePositives += found.length;
    falseNegatives += expected.length - found.length + (item.truth === 'wrong' && !item.flag ? 1 : 0);
    falsePositives += findings.filter((finding) => !expected.some((flag) => matches(item, flag, finding))).length;
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  row({
    section: 'fact check',
    name: `corpus of ${corpus.length} labelled notes: precision`,
    value: `${(100 * precision).toFixed(1)}% (${truePositives} right findings, ${falsePositives} false alarms)`,
    target: '100%',
    met: falsePositives === 0,
  });
  row({
    section: 'fact check',
    name: 'the same: recall',
    value: `${(100 * recall).toFixed(1)}% (${falseNegatives} wrong claims not flagged, on purpose)`,
  });
}

/** Edits at random places, each followed by a check that reuses the last one; the result must equal a full check. */
function editSection(
  row: (entry: BenchRow) => void,
  fmtMs: (ms: number) => string,
  matcher: MentionMatcher,
  note: string,
): void {
  const random = new Random(12);
  const checker = new FactChecker();
  let text = note;
  let index = MentionIndex.build(matcher, text)!;
  checker.check({ uri: 'bench:///note.pnote', text, mentions: index.mentions, knowledge: corpusKnowledge });
  const samples: number[] = [];
  let last: ReturnType<FactChecker['check']> = [];
  for (let e = 0; e < 220; e++) {
    const start = random.int(text.length);
    const insert = random.pick(['a', ' ', '\n', '145% ', 'Commerce Secretary ', '']);
    const oldLength = insert === '' ? 1 + random.int(3) : 0;
    text = text.slice(0, start) + insert + text.slice(start + oldLength);
    const current = text;
    index = index.update(
      { start, oldLength, newLength: insert.length },
      {
        length: current.length,
        read: (from, to) => current.slice(from, to),
      },
    );
    const mentions = index.mentions;
    const began = performance.now();
    last = checker.check({ uri: 'bench:///note.pnote', text, mentions, knowledge: corpusKnowledge });
    samples.push(performance.now() - began);
  }
  const measured = samples.slice(20).sort((a, b) => a - b);
  const p95 = measured[Math.floor(measured.length * 0.95)]!;
  const exact =
    JSON.stringify(last) ===
    JSON.stringify(
      factCheck({ uri: 'bench:///note.pnote', text, mentions: matcher.scan(text), knowledge: corpusKnowledge }),
    );
  const timing = summarize(measured);
  row({
    section: 'fact check',
    name: 'check again after an edit, the 1 MB note of examples',
    timing,
    value: `p95 ${fmtMs(p95)}; result ${exact ? 'identical to' : 'DIFFERENT from'} a full check`,
    target: '≤ 5 ms',
    met: timing.medianMs <= 5 && exact,
  });
}

function noteOf(pieces: readonly string[]): string {
  let note = '---\ndate: 2025-06-10\n---\n# Weekly note\n\n';
  for (let i = 0; note.length < NOTE_LENGTH; i++) note += `${pieces[i % pieces.length]}\n\n`;
  return note;
}
