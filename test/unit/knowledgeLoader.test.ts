import assert from 'node:assert/strict';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import type { KnowledgeProblem } from '../../src/core/knowledge/types';
import { isIsoDate, parseRate } from '../../src/core/knowledge/values';
import { loadFile, TALKS_YAML } from './support/knowledge';

const HEADER = 'kind: trade-knowledge\nversion: 1\n';

/** "line:column" (1-based, as editors show them) and code of each problem. */
function where(problems: readonly KnowledgeProblem[]): string[] {
  return problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code}`);
}

describe('loadKnowledgeFile', () => {
  it('reads every section of a valid file with source positions', () => {
    const file = loadFile(TALKS_YAML, 'file:///w/talks.trade.yaml');
    assert.deepEqual(
      file.countries.map((c) => c.code),
      ['US', 'CN', 'EU'],
    );
    const bessent = file.officials.find((o) => o.id === 'scott-bessent')!;
    assert.equal(bessent.name, 'Scott Bessent');
    assert.deepEqual(bessent.aliases, ['Bessent', 'Treasury Secretary Bessent']);
    assert.equal(bessent.country, 'US');
    assert.equal(bessent.source.uri, 'file:///w/talks.trade.yaml');
    // The entry starts at its `id:` (line 13, 1-based) and ends with its last field.
    assert.deepEqual(bessent.source.range, { start: { line: 12, character: 4 }, end: { line: 16, character: 36 } });
    const usOnCn = file.tariffs.find((t) => t.id === 'us-on-cn')!;
    assert.deepEqual(
      usOnCn.history.map((s) => [s.date, s.rate]),
      [
        ['2025-02-04', 10],
        ['2025-03-04', 20],
        ['2025-04-10', 145],
        ['2025-05-14', 30],
      ],
    );
    assert.equal(file.tariffs.find((t) => t.id === 'eu-steel')!.history[0]!.rate, 7.5, 'a bare number is a rate');
  });

  it('sorts a tariff history by date and records references with their positions', () => {
    const file = loadFile(`${HEADER}tariffs:
  - id: t
    by: US
    on: CN
    label: L
    history:
      - { date: 2025-05-14, rate: 30%, event: geneva }
      - { date: 2025-04-10, rate: 145% }
timeline:
  - { id: e, date: 2025-06-09, title: T, participants: [a, b] }
`);
    assert.deepEqual(
      file.tariffs[0]!.history.map((s) => s.date),
      ['2025-04-10', '2025-05-14'],
    );
    assert.deepEqual(
      file.references.map((r) => `${r.target}:${r.id}@${r.range.start.line + 1}:${r.range.start.character + 1}`),
      ['country:US@5:9', 'country:CN@6:9', 'event:geneva@9:47', 'official:a@12:57', 'official:b@12:60'],
    );
  });

  it('reports a YAML syntax error at its position and serves nothing', () => {
    const result = loadKnowledgeFile('u', `${HEADER}officials:\n  - id: a\n    name: "unterminated\n`);
    assert.equal(result.file, undefined);
    assert.ok(result.problems.length > 0);
    assert.ok(result.problems.every((p) => p.code === 'yaml-syntax' && p.severity === 'error'));
    // The parser notices a missing quote at the end of the file.
    assert.equal(result.problems[0]!.range.start.line, 5);
  });

  it('reads the optional asOf date, and reports a bad one at its value', () => {
    assert.equal(loadFile(`${HEADER}asOf: 2025-12-31\n`).asOf, '2025-12-31');
    assert.equal(loadFile(HEADER).asOf, undefined, 'files without asOf still load (format v1 as before)');
    const bad = { '2025-02-30': 'date', 'end of 2025': 'date', '': 'type', '[2025-12-31]': 'type' };
    for (const [value, code] of Object.entries(bad)) {
      const result = loadKnowledgeFile('u', `${HEADER}asOf: ${value}\n`);
      assert.equal(result.file, undefined, `asOf: ${value}`);
      assert.deepEqual(where(result.problems), [`3:7 ${code}`], `asOf: ${value}`);
    }
  });

  it('warns on participants of a deadline at the list, and still loads the file', () => {
    const result = loadKnowledgeFile(
      'u',
      `${HEADER}timeline:
  - id: pause-ends
    date: 2025-08-12
    title: Tariff pause due to end
    kind: deadline
    participants: [scott-bessent]
  - { id: empty-list, date: 2025-08-12, title: T, kind: deadline, participants: [] }
  - { id: talks, date: 2025-08-11, title: T, kind: talks, participants: [scott-bessent] }
`,
    );
    assert.ok(result.file, 'a warning does not stop the file');
    assert.deepEqual(where(result.problems), ['8:19 deadline-participants']);
    assert.equal(result.problems[0]!.severity, 'warning');
    assert.match(result.problems[0]!.message, /deadline has no participants/);
  });

  it('reports missing and ill-typed required fields where they belong', () => {
    const result = loadKnowledgeFile(
      'u',
      `${HEADER}officials:
  - id: a
    name: [not, text]
  - id: Bad_Id
    name: X
    title: T
tariffs:
  - id: t
    by: US
    label: L
    history: []
timeline:
  - id: e
    date: 2025-02-30
    title: T
    kind: party
    end: 2025-01-01
`,
    );
    assert.equal(result.file, undefined);
    assert.deepEqual(where(result.problems), [
      '5:11 type',
      '4:5 missing-field', // title
      '6:9 id',
      '10:5 missing-field', // on
      '13:14 type', // empty history
      '16:11 date',
      '18:11 unknown-event-kind',
    ]);
    assert.match(result.problems.find((p) => p.code === 'date')!.message, /Invalid date '2025-02-30'/);
  });

  it('rejects bad rates and unknown kind or version', () => {
    assert.deepEqual(where(loadKnowledgeFile('u', 'kind: notes\nversion: 1\n').problems), ['1:7 unknown-kind']);
    assert.deepEqual(where(loadKnowledgeFile('u', 'kind: trade-knowledge\nversion: 2\n').problems), [
      '2:10 unknown-version',
    ]);
    assert.deepEqual(where(loadKnowledgeFile('u', 'officials: []\n').problems), [
      '1:1 missing-kind',
      '1:1 missing-version',
    ]);
    assert.deepEqual(where(loadKnowledgeFile('u', '- just a list\n').problems), ['1:1 not-a-map']);
    const rate = loadKnowledgeFile(
      'u',
      `${HEADER}tariffs:\n  - id: t\n    by: US\n    on: CN\n    label: L\n    history:\n      - { date: 2025-01-01, rate: lots }\n`,
    );
    assert.deepEqual(where(rate.problems), ['9:35 rate']);
  });

  it("reads a history entry's own links, and none where it has none", () => {
    const { file, problems } = loadKnowledgeFile(
      'file:///w/steps.trade.yaml',
      `${HEADER}tariffs:
  - id: t
    by: US
    on: CN
    label: Duties
    history:
      - { date: 2025-04-10, rate: 145%, links: [https://example.org/145] }
      - { date: 2025-05-14, rate: 30% }
`,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      file!.tariffs[0]!.history.map((step) => step.links),
      [['https://example.org/145'], []],
    );
  });

  it('warns about unknown fields without rejecting the file', () => {
    const result = loadKnowledgeFile('u', `${HEADER}officials:\n  - { id: a, name: A, title: T, colour: red }\n`);
    assert.ok(result.file, 'the file still loads');
    assert.deepEqual(where(result.problems), ['4:33 unknown-field']);
    assert.equal(result.problems[0]!.severity, 'warning');
  });

  it('reads a key with nothing after it as empty: a section, a list field, an optional text', () => {
    const result = loadKnowledgeFile(
      'u',
      `${HEADER}countries:\ntariffs:\ntimeline:\nofficials:\n  - id: a\n    name: A\n    title: T\n    aliases:\n    note:\n`,
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.file!.countries, []);
    assert.deepEqual(result.file!.tariffs, []);
    assert.deepEqual(result.file!.timeline, []);
    assert.deepEqual(result.file!.officials[0]!.aliases, []);
    assert.equal(result.file!.officials[0]!.note, undefined);
  });

  it('reports duplicate ids inside one file', () => {
    const result = loadKnowledgeFile(
      'u',
      `${HEADER}officials:\n  - { id: a, name: A, title: T }\n  - { id: a, name: B, title: T }\n`,
    );
    assert.equal(result.file, undefined);
    assert.deepEqual(where(result.problems), ['5:5 duplicate-id']);
    assert.match(result.problems[0]!.message, /first defined on line 4/);
  });

  it('refuses files with more YAML aliases than the limit (billion laughs)', () => {
    const lines = ['kind: trade-knowledge', 'version: 1', 'x: &a [lol, lol]'];
    for (let i = 0; i < 150; i++) lines.push(`y${i}: *a`);
    const result = loadKnowledgeFile('u', lines.join('\n'));
    assert.equal(result.file, undefined);
    assert.ok(result.problems.some((p) => p.code === 'too-many-aliases'));
  });
});

describe('values', () => {
  it('accepts real ISO dates only', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2025-02-29'));
    assert.ok(!isIsoDate('2025-6-9'));
    assert.ok(!isIsoDate('June 9, 2025'));
  });

  it('parses rates written as percentages or numbers', () => {
    assert.equal(parseRate('145%'), 145);
    assert.equal(parseRate('7.5 %'), 7.5);
    assert.equal(parseRate(30), 30);
    assert.equal(parseRate('30'), 30);
    assert.equal(parseRate('-5%'), undefined);
    assert.equal(parseRate('high'), undefined);
    assert.equal(parseRate(null), undefined);
  });
});

describe('mergeKnowledge', () => {
  const bundled = loadFile(
    `${HEADER}officials:\n  - { id: a, name: Alice Example, title: Old title }\n  - { id: b, name: Bob Example, title: T }\n`,
    'bundled:/k.yaml',
  );

  it('lets a workspace entry override a bundled one with the same id', () => {
    const workspace = loadFile(
      `${HEADER}officials:\n  - { id: a, name: Alice Example, title: New title }\n`,
      'file:///w/a.trade.yaml',
    );
    const { knowledge, problems } = mergeKnowledge(bundled, [workspace]);
    assert.equal(knowledge.officials.get('a')!.title, 'New title');
    assert.equal(knowledge.officials.get('b')!.title, 'T');
    assert.deepEqual(problems, []);
  });

  it('reports an id defined in two workspace files on the later one; the first wins', () => {
    const first = loadFile(
      `${HEADER}officials:\n  - { id: c, name: Carol Example, title: First }\n`,
      'file:///w/1.trade.yaml',
    );
    const second = loadFile(
      `${HEADER}officials:\n  - { id: c, name: Carol Example, title: Second }\n`,
      'file:///w/2.trade.yaml',
    );
    const { knowledge, problems } = mergeKnowledge(bundled, [first, second]);
    assert.equal(knowledge.officials.get('c')!.title, 'First');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.uri, 'file:///w/2.trade.yaml');
    assert.equal(problems[0]!.code, 'duplicate-id');
    assert.equal(problems[0]!.range.start.line, 3);
  });

  it('resolves references across files and warns about unknown ones at their position', () => {
    const workspace = loadFile(
      `${HEADER}timeline:\n  - { id: e, date: 2025-06-09, title: T, participants: [a, nobody] }\n`,
      'file:///w/t.trade.yaml',
    );
    const { problems } = mergeKnowledge(bundled, [workspace]);
    assert.deepEqual(
      problems.map(
        (p) => `${p.severity} ${p.code} ${p.message} @${p.range.start.line + 1}:${p.range.start.character + 1}`,
      ),
      ["warning unknown-official Unknown official id 'nobody'. @4:60"],
    );
  });

  it('finds the events an official took part in (once each) and the tariff steps linked to an event', () => {
    const file = loadFile(`${HEADER}officials:\n  - { id: a, name: Alice Example, title: T }
tariffs:
  - { id: t, by: US, on: CN, label: L, history: [{ date: 2025-05-14, rate: 30, event: e2 }] }
timeline:
  - { id: e2, date: 2025-05-12, title: Later, participants: [a] }
  - { id: e1, date: 2025-05-10, title: Earlier, participants: [a, a] }
`);
    const { knowledge } = mergeKnowledge(undefined, [file]);
    assert.deepEqual(
      knowledge.eventsOf('a').map((e) => e.id),
      ['e2', 'e1'],
    );
    assert.deepEqual(
      knowledge.stepsLinkedTo('e2').map((l) => `${l.tariff.id} ${l.step.rate}`),
      ['t 30'],
    );
  });
});

describe('loadKnowledgeFile: hostile input', () => {
  it('refuses binary content with a positioned error', () => {
    const { file, problems } = loadKnowledgeFile('u', `${HEADER}officials:\n  - id: a\u0000b\n`);
    assert.equal(file, undefined);
    assert.deepEqual(where(problems), ['4:10 not-text']);
  });

  it('refuses nesting far beyond the format, flow or block, quickly and without a stack overflow', () => {
    const flow = loadKnowledgeFile('u', `${HEADER}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    assert.deepEqual(where(flow.problems), ['3:68 too-deep']);
    const block = loadKnowledgeFile(
      'u',
      `${HEADER}x:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 1)}- a`).join('\n')}\n`,
    );
    assert.equal(block.problems[0]!.code, 'too-deep');
  });

  it('names a look-alike character in an id', () => {
    const { problems } = loadKnowledgeFile(
      'u',
      `${HEADER}officials:\n  - { id: scott\u2010bessent, name: S, title: T }\n`,
    );
    assert.match(problems[0]!.message, /U\+2010/);
  });

  it('rejects duplicate keys in a mapping', () => {
    const { file, problems } = loadKnowledgeFile(
      'u',
      `${HEADER}officials:\n  - { id: a, name: A, name: B, title: T }\n`,
    );
    assert.equal(file, undefined);
    assert.equal(problems[0]!.code, 'yaml-syntax');
    assert.match(problems[0]!.message, /unique/i);
  });
});
