// The fact check against its labelled corpus (test/fixtures/fact-check/corpus.yaml): every label holds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  FactChecker,
  factCheck,
  isTargetBefore,
  paragraphAround,
  type FactFinding,
} from '../../src/core/checks/factCheck';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { stepInForce } from '../../src/core/knowledge/tariffSteps';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { loadFile } from './support/knowledge';
import { checkCase, corpus, corpusKnowledge, matches } from './support/factCorpus';

describe('Fact check: the labelled corpus', () => {
  it('has at least 40 cases, right and wrong', () => {
    assert.ok(corpus.length >= 40, `${corpus.length} cases`);
    assert.ok(corpus.some((c) => c.truth === 'right') && corpus.some((c) => c.flag !== undefined));
  });

  for (const [index, item] of corpus.entries()) {
    const title = `#${index + 1} ${item.truth === 'right' ? 'must not flag' : item.flag ? 'must flag' : 'misses on purpose'}: ${item.note.trim().split('\n').at(-1)}`;
    it(title, () => {
      const findings = checkCase(item);
      const described = findings.map((f) => `${f.code} "${item.note.slice(f.start, f.end)}": ${f.message}`);
      const expected = item.flag ?? [];
      assert.equal(findings.length, expected.length, `findings: ${JSON.stringify(described, null, 2)}`);
      for (const flag of expected) {
        assert.ok(
          findings.some((finding) => matches(item, flag, finding)),
          `expected ${flag.rule} on "${flag.at}" saying ${JSON.stringify(flag.says ?? [])}${flag.fix ? ` fixed to "${flag.fix}"` : ''}; found ${JSON.stringify(described, null, 2)}`,
        );
      }
    });
  }
});

describe('Fact check: checking again after an edit', () => {
  /** A note of corpus cases, dated so that current claims are checked. */
  const note = [
    '---\ndate: 2025-06-10\n---\n# Weekly note\n',
    ...corpus.map((c) => c.note.replace(/^---[\s\S]*?---\n/, '')),
  ].join('\n\n');
  const matcher = new MentionMatcher(corpusKnowledge);
  const check = (text: string): FactFinding[] =>
    factCheck({
      uri: 'file:///corpus/notes/note.pnote',
      text,
      mentions: matcher.scan(text),
      knowledge: corpusKnowledge,
    });

  it('finds exactly what a full check finds, edit after edit', function () {
    this.timeout(60_000);
    const random = seeded(7);
    const pieces = [
      '145%',
      ' US tariffs on Chinese goods now stand at 30%.',
      '\n\n',
      '.',
      'Commerce Secretary ',
      ' on 10 April 2025',
      '',
      'x',
    ];
    const checker = new FactChecker();
    let text = note;
    checker.check({
      uri: 'file:///corpus/notes/note.pnote',
      text,
      mentions: matcher.scan(text),
      knowledge: corpusKnowledge,
    });
    for (let round = 0; round < 300; round++) {
      const start = Math.floor(random() * text.length);
      const oldLength = Math.min(text.length - start, Math.floor(random() * 40));
      const inserted = pieces[Math.floor(random() * pieces.length)]!;
      text = text.slice(0, start) + inserted + text.slice(start + oldLength);
      const incremental = checker.check({
        uri: 'file:///corpus/notes/note.pnote',
        text,
        mentions: matcher.scan(text),
        knowledge: corpusKnowledge,
      });
      assert.deepEqual(incremental, check(text), `after edit ${round + 1} at ${start}`);
    }
  });
});

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Fact check: the examples workspace', () => {
  const repoRoot = join(__dirname, '..', '..', '..');
  const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
  const { knowledge } = mergeKnowledge(
    loadFile(read('src/bundled/us-china-2025.trade.yaml'), 'trade-notes-bundled:/us-china-2025.trade.yaml'),
    [loadFile(read('examples/eu-watch.trade.yaml'), 'file:///examples/eu-watch.trade.yaml')],
  );
  const matcher = new MentionMatcher(knowledge);
  const notes = readdirSync(join(repoRoot, 'examples', 'notes')).map((name) => `examples/notes/${name}`);

  it('has no finding but the one deliberate finding of the desk draft, on the bundled knowledge', () => {
    const found = notes.flatMap((path) => {
      const text = read(path);
      return factCheck({ uri: `file:///${path}`, text, mentions: matcher.scan(text), knowledge }).map(
        (finding) => `${path} ${finding.code} ${text.slice(finding.start, finding.end)}`,
      );
    });
    assert.ok(notes.length >= 5, notes.join(', '));
    assert.deepEqual(found, ['examples/notes/2025-06-12-desk-draft.pnote rate-not-current 145%']);
  });

  it("cites the source of the rate in force, the link of its step's event, before the tariff's own", () => {
    const path = 'examples/notes/2025-06-12-desk-draft.pnote';
    const text = read(path);
    const [finding] = factCheck({ uri: `file:///${path}`, text, mentions: matcher.scan(text), knowledge });
    const tariff = knowledge.tariffs.get('us-on-cn')!;
    const step = stepInForce(tariff.history, '2025-06-12')!;
    const eventLink = knowledge.events.get(step.event!)!.links[0]!;
    assert.notEqual(eventLink, tariff.links[0]);
    assert.ok(finding!.message.endsWith(` Source: ${eventLink}`), finding!.message);
  });
});

describe('Fact check: paragraphs', () => {
  it('finds the paragraph of a line right after an empty first line (once an endless loop)', () => {
    const text = '\nUS tariffs on Chinese goods145%';
    const paragraph = paragraphAround(text, 4);
    assert.ok(paragraph.start <= 4 && paragraph.end === text.length, JSON.stringify(paragraph));
    assert.deepEqual(factCheck({ uri: 'untitled:Untitled-1', text, mentions: [], knowledge: corpusKnowledge }), []);
  });
});

describe('Fact check: the target of a tariff', () => {
  // The pattern the backwards reader replaced, as the oracle of what it must say.
  const pattern =
    /\b(?:on|against|targeting)\s+(?:[\p{L}-]+\s+){0,2}$|\b(?:goods|imports|products|exports|shipments)\s+from\s+$/iu;

  it('is named by the words before a country', () => {
    const target = (before: string) => isTargetBefore(before, 0, before.length);
    assert.equal(target('tariffs on '), true);
    assert.equal(target('duties on imports of '), true);
    assert.equal(target('levies on goods made in '), false);
    assert.equal(target('consumer-goods from '), true);
    assert.equal(target('关税on '), true);
    assert.equal(target('upon '), false);
    assert.equal(target('goods x-from '), false);
  });

  it('says what the pattern it replaced says, on any words', () => {
    const pieces = ['on', 'ON', 'against', 'targeting', 'goods', 'imports', 'from', ' ', '  ', '\n', '-', 'x'];
    const letters = ['é', '关税', '5', '_', 'up', 'Chinese', '𠀀', '.', '\u00a0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...letters), { maxLength: 8 }), fc.nat(3), (parts, cut) => {
        const text = parts.join('');
        const floor = Math.min(cut, text.length);
        return isTargetBefore(text, floor, text.length) === pattern.test(text.slice(floor));
      }),
      { numRuns: 20000 },
    );
  });
});
