// The piece-by-piece knowledge loader must give exactly what loading the file whole gives on every file
// without YAML errors: the same entries with the same positions, the same problems in the same order,
// whether the file is valid or not. A file with YAML errors serves nothing either way; the piece loader
// reports each entry's own YAML errors there (see KnowledgeLoader), checked by the last group of tests.
// Likewise, merging in time slices must give exactly what merging at once gives.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { mergeKnowledge, mergeKnowledgeInSlices } from '../../src/core/knowledge/knowledge';
import { KnowledgeLoader, splitInSteps } from '../../src/core/knowledge/knowledgeLoader';
import {
  duplicateProblemsInSteps,
  FileLoader,
  loadKnowledgeFile,
  type LoadResult,
} from '../../src/core/knowledge/loadKnowledgeFile';
import type { KnowledgeProblem } from '../../src/core/knowledge/types';
import { runSteps } from '../../src/core/scheduling/steps';
import { TimeSlices } from '../../src/core/scheduling/timeSlices';
import { loadFile } from './support/knowledge';

const URI = 'file:///w/generated.trade.yaml';
const pauseNow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Pauses without waiting for a timer, so that properties with thousands of pauses stay fast. */
const pauseBriefly = (): Promise<void> => Promise.resolve();
/** How the piece-by-piece loader cuts `text`; undefined when it loads the file whole. */
const layoutOf = (text: string) => runSteps(splitInSteps(text));

// --- generated knowledge files -------------------------------------------------------------------

/** Valid values most of the time, so that many files load and their entries are compared too. */
function mostly<T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 20 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );
}

const id = mostly(['a', 'b', 'scott-bessent', 'he-lifeng', 'x-1'], ['Bad_Id']);
const text = mostly(['Scott Bessent', 'He Lifeng', '"Quoted: text"', "'It''s'", 'Šefčovič', '何立峰', '145%'], ['']);
const date = mostly(['2025-04-10', '2025-06-09'], ['2025-02-30', '2025-13-01', 'soon']);
const rate = mostly(['145%', '30%', '7.5', '10 %', '84%'], ['lots']);
const country = mostly(['US', 'CN', 'EU'], ['XX']);

/** A field line or two, as people write them (with a few mistakes). */
function field(name: string, value: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.oneof(
    { arbitrary: value.map((v) => [`${name}: ${v}`]), weight: 6 },
    { arbitrary: fc.constant([] as string[]), weight: 1 },
    { arbitrary: value.map((v) => [`${name}: |`, `  ${v || 'text'}`, `  more ${v}`]), weight: 2 },
  );
}

const official = fc
  .tuple(
    id.map((v) => [`id: ${v}`]),
    field('name', text),
    field('title', text),
    field('country', country),
    mostly(
      [[], ['aliases: [Bessent, Treasury Secretary Bessent]'], ['aliases:', '  - Xi', '  - 习近平']],
      [['aliases: nope']],
    ),
    mostly(
      [[], ['# a comment inside', 'note: Some *Markdown* note'], ['links: [https://example.org]']],
      [['colour: red']],
    ),
  )
  .map((parts) => parts.flat());

const tariff = fc
  .tuple(
    id.map((v) => [`id: ${v}`]),
    country.map((v) => [`by: ${v}`]),
    field('on', country),
    field('label', text),
    fc
      .array(fc.tuple(date, rate), { maxLength: 3 })
      .map((steps) =>
        steps.length === 0 ? ['history: []'] : ['history:', ...steps.map(([d, r]) => `  - { date: ${d}, rate: ${r} }`)],
      ),
  )
  .map((parts) => parts.flat());

const event = fc
  .tuple(
    id.map((v) => [`id: ${v}`]),
    field('date', date),
    field('title', text),
    mostly(
      [[], ['kind: talks'], ['kind: deadline'], ['participants: [a, scott-bessent, nobody]']],
      [['kind: party'], ['end: 2025-01-01'], ['kind: deadline', 'participants: [a]']],
    ),
  )
  .map((parts) => parts.flat());

/** A list of entries at an indentation of 0 or 2, in block or flow style, with comments and blank lines between. */
function list(key: string, entry: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.constantFrom(0, 2),
      fc.array(fc.tuple(entry, fc.constantFrom('block', 'flow', 'block', 'spaced')), { maxLength: 5 }),
    )
    .map(([indent, entries]) => {
      const pad = ' '.repeat(indent);
      const lines = [`${key}:`];
      for (const [index, [fields, style]] of entries.entries()) {
        // Mostly distinct ids; now and then a duplicate.
        if (index % 4 !== 3) fields[0] = `${fields[0]}-${index}`;
        if (
          style === 'flow' &&
          fields.every((f) => !f.endsWith('|') && !f.startsWith(' ') && !f.startsWith('#') && !f.endsWith(':'))
        ) {
          lines.push(`${pad}- { ${fields.join(', ')} }`);
          continue;
        }
        if (style === 'spaced') lines.push('', `${pad}# next entry`);
        const [first = 'id: empty', ...rest] = fields;
        lines.push(`${pad}- ${first}`, ...rest.map((f) => `${pad}  ${f}`));
      }
      if (entries.length === 0) lines[0] = `${key}: []`;
      return lines;
    });
}

const sections = fc.tuple(
  // Mostly valid headers: a file with a bad one is loaded whole, so it would exercise little.
  fc.oneof(
    { arbitrary: fc.constantFrom(['kind: trade-knowledge'], ['kind: trade-knowledge # marker']), weight: 8 },
    { arbitrary: fc.constantFrom(['kind: notes'], []), weight: 1 },
  ),
  fc.oneof(
    { arbitrary: fc.constant(['version: 1']), weight: 8 },
    { arbitrary: fc.constantFrom(['version: 2'], []), weight: 1 },
  ),
  fc.constantFrom(
    [],
    ['countries:', '  US: { name: United States, aliases: [U.S., USA] }', '  CN: { name: China }'],
    ['countries:', '  us: { name: Lower }'],
    ['countries: nope'],
  ),
  list('officials', official),
  list('tariffs', tariff),
  list('timeline', event),
  fc.constantFrom(
    [],
    ['extra: field'],
    ['# trailing comment'],
    ['asOf: 2025-12-31'],
    ['asOf: 2025-02-30'],
    ['asOf:'],
    ['asOf: [2025-12-31]'],
  ),
);

/** Lines that break a file in the ways typing does. */
const damage = fc.constantFrom(
  '  - ',
  'foo: [',
  '\tbar: 1',
  '    name: "unterminated',
  '  - &anchor { id: anchored, name: A, title: T }',
  '  - *anchor',
  '---',
  ' stray: indentation',
  'officials:',
  '    - nested: wrong',
  '%YAML 1.2',
  '  -',
  '  - just text',
  '\t# a comment after a tab',
  '    aliases: [Open, bracket',
  '   title: three spaces',
  '    \tname: after a tab',
  'typing',
);

/** Generated files, with the edits given: at a line (modulo their number), a line removed or inserted. */
const knowledgeFileWith = (
  edits: fc.Arbitrary<readonly (readonly [number, string | undefined])[]>,
): fc.Arbitrary<string> =>
  fc
    .tuple(sections, edits, fc.constantFrom('as written', 'lists first', 'version last'), fc.boolean())
    .map(([parts, edits, order, crlf]) => {
      const [kind, version, countries, officials, tariffs, timeline, extra] = parts;
      const ordered =
        order === 'as written'
          ? [kind, version, countries, officials, tariffs, timeline, extra]
          : order === 'lists first'
            ? [kind, version, timeline, extra, officials, countries, tariffs]
            : [countries, kind, officials, tariffs, timeline, extra, version];
      const lines = ordered.flat();
      for (const [at, line] of edits) {
        const index = at % (lines.length + 1);
        if (line === undefined) lines.splice(index, 1);
        else lines.splice(index, 0, line);
      }
      return lines.join(crlf ? '\r\n' : '\n') + '\n';
    });

const knowledgeFile = knowledgeFileWith(
  fc.oneof(
    { arbitrary: fc.constant([]), weight: 2 },
    { arbitrary: fc.array(fc.tuple(fc.nat(), fc.option(damage, { nil: undefined })), { maxLength: 2 }), weight: 1 },
  ),
);
/** Files with one or two damaged lines each, most of them with YAML errors. */
const damagedFile = knowledgeFileWith(fc.array(fc.tuple(fc.nat(), damage), { minLength: 1, maxLength: 2 }));

// --- properties ----------------------------------------------------------------------------------

const hasYamlErrors = (result: LoadResult): boolean => result.problems.some((p) => p.code === 'yaml-syntax');

/**
 * The piece loader's result against the whole-file loader's: exactly equal when the file has no YAML
 * errors or cannot be cut; else no content either, and YAML errors of its own. True when they differ.
 */
function assertAsWhole(yaml: string, pieces: LoadResult, whole: LoadResult): boolean {
  if (!hasYamlErrors(whole) || !layoutOf(yaml)) {
    assert.deepEqual(pieces, whole);
    return false;
  }
  assert.equal(pieces.file, undefined);
  assert.ok(hasYamlErrors(pieces), 'the YAML errors are reported');
  return !isDeepStrictEqual(pieces, whole);
}

/** Counts YAML parses while `run` runs. */
async function countParses(run: () => Promise<unknown>): Promise<number> {
  const parse = FileLoader.prototype.parse;
  let count = 0;
  FileLoader.prototype.parse = function (this: FileLoader) {
    count++;
    return parse.call(this);
  };
  try {
    await run();
  } finally {
    FileLoader.prototype.parse = parse;
  }
  return count;
}

describe('KnowledgeLoader equivalence', () => {
  it('loads every generated file without YAML errors exactly as the whole-file loader does, and serves none with them', async () => {
    let inPieces = 0;
    let brokenInPieces = 0;
    await fc.assert(
      fc.asyncProperty(knowledgeFile, async (yaml) => {
        if (layoutOf(yaml)) inPieces++;
        const loader = new KnowledgeLoader(pauseBriefly, 0);
        if (assertAsWhole(yaml, await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml))) brokenInPieces++;
      }),
      { numRuns: 250, seed: 11 },
    );
    assert.ok(inPieces > 100, `only ${inPieces} of 250 files were cut into pieces: the test would prove little`);
    assert.ok(brokenInPieces >= 10, `only ${brokenInPieces} files with YAML errors were read in pieces`);
  });

  it('loads damaged files as the whole-file loader does when they have no YAML errors, and serves none when they have', async () => {
    let brokenInPieces = 0;
    await fc.assert(
      fc.asyncProperty(damagedFile, async (yaml) => {
        const loader = new KnowledgeLoader(pauseBriefly, 0);
        if (assertAsWhole(yaml, await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml))) brokenInPieces++;
      }),
      { numRuns: 250, seed: 13 },
    );
    assert.ok(brokenInPieces > 50, `only ${brokenInPieces} of 250 damaged files were read in pieces with YAML errors`);
  });

  it('gives the whole-file result after any edit, reusing the pieces of the previous text', async () => {
    await fc.assert(
      fc.asyncProperty(knowledgeFile, knowledgeFile, async (before, after) => {
        const loader = new KnowledgeLoader(pauseBriefly, 0);
        await loader.load(URI, before);
        assertAsWhole(after, await loader.load(URI, after), loadKnowledgeFile(URI, after));
      }),
      { numRuns: 120, seed: 12 },
    );
  });
});

describe('KnowledgeLoader', () => {
  const header = 'kind: trade-knowledge\nversion: 1\nofficials:\n';
  const entries = Array.from(
    { length: 300 },
    (_, i) => `  - id: official-${i}\n    name: Official Number${i}\n    title: Minister\n`,
  );

  it('re-parses only the entry that changed, and shifts the positions of those after it', async () => {
    const loader = new KnowledgeLoader(pauseNow);
    const original = header + entries.join('');
    assert.ok((await countParses(() => loader.load(URI, original))) > 300);
    const changed =
      header +
      entries.map((e, i) => (i === 150 ? e.replace('Minister', 'Deputy\n    organization: Trade Office') : e)).join('');
    let result = await loader.load(URI, changed);
    const parses = await countParses(async () => (result = await loader.load(URI, `${changed}# edited\n`)));
    assert.ok(parses <= 3, `${parses} parses for a one-line change`);
    assert.deepEqual(result, loadKnowledgeFile(URI, `${changed}# edited\n`));
    assert.equal(
      result.file!.officials[151]!.source.range.start.line,
      3 + 151 * 3 + 1,
      'entries after the edit moved down a line',
    );
  });

  it('reads asOf in pieces as the whole-file loader does, before or after the header, valid or not', async () => {
    const official = 'officials:\n  - { id: a, name: A, title: T }\n  - { id: b, name: B, title: T }\n';
    for (const asOf of ['asOf: 2025-12-31\n', 'asOf: 2025-02-30\n', 'asOf:\n']) {
      for (const yaml of [
        `kind: trade-knowledge\nversion: 1\n${asOf}${official}`,
        `${asOf}kind: trade-knowledge\nversion: 1\ncolour: red\n${official}`,
        `kind: trade-knowledge\n${asOf}version: 1\n${official}colour: red\n`,
      ]) {
        assert.ok(
          layoutOf(yaml)?.sections.some((s) => s.key === 'asOf'),
          `cut into pieces:\n${yaml}`,
        );
        const pieces = await new KnowledgeLoader(pauseBriefly, 0).load(URI, yaml);
        assert.deepEqual(pieces, loadKnowledgeFile(URI, yaml), yaml);
      }
    }
    const valid = await new KnowledgeLoader(pauseBriefly, 0).load(
      URI,
      `kind: trade-knowledge\nversion: 1\nasOf: 2025-12-31\n`,
    );
    assert.equal(valid.file?.asOf, '2025-12-31');
  });

  it('returns the previous result for unchanged text without parsing', async () => {
    const loader = new KnowledgeLoader(pauseNow);
    const yaml = header + entries.join('');
    const first = await loader.load(URI, yaml);
    assert.equal(await countParses(async () => assert.equal(await loader.load(URI, yaml), first)), 0);
  });

  it('pauses between pieces when a stretch of work takes too long', async () => {
    let pauses = 0;
    const loader = new KnowledgeLoader(() => {
      pauses++;
      return pauseNow();
    }, 0);
    const yaml = header + entries.join('');
    assert.deepEqual(await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml));
    assert.ok(pauses >= 300, `paused ${pauses} times`);
  });

  it('keeps positions right when the same pieces move down, up and repeat across edits', async () => {
    const loader = new KnowledgeLoader(pauseBriefly, 0);
    const twin = '  - id: twin\n    name: Twin Entry\n    title: Minister\n';
    const versions = [
      header + entries.slice(0, 20).join(''),
      // Lines added at the top move every piece down; the same entry twice gives one text at two lines.
      `# new\n# lines\n${header}${twin}${entries.slice(0, 20).join('')}${twin}`,
      // Back up, past where they were first.
      header.replace('officials:\n', '') + `officials:\n${entries.slice(5, 20).join('')}${twin}`,
      header + entries.slice(0, 20).join(''),
    ];
    for (const yaml of versions) assert.deepEqual(await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml));
  });

  it('cuts files with CRLF line ends, and loads files with a lone CR whole, as YAML breaks lines there', async () => {
    const loader = new KnowledgeLoader(pauseNow);
    const crlf = (header + entries.slice(0, 3).join('')).replaceAll('\n', '\r\n');
    assert.equal(layoutOf(crlf)?.sections.find((s) => s.key === 'officials')?.items?.length, 3);
    assert.deepEqual(await loader.load(URI, crlf), loadKnowledgeFile(URI, crlf));
    for (const yaml of [
      `${header}  - id: a\r    name: A\n    title: T\n`,
      `${header}  - { id: a, name: A, title: T }\r`,
      `${header}  - { id: a, name: A, title: T }\n\r\r\n`,
    ]) {
      assert.equal(layoutOf(yaml), undefined, JSON.stringify(yaml));
      assert.deepEqual(await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml));
    }
  });

  it('finds duplicate ids in lists longer than one step of the check, as the whole-file loader does', async () => {
    const many = Array.from(
      { length: 4_500 },
      (_, i) => `  - { id: o-${i % 4_200}, name: Official Number${i}, title: Minister }\n`,
    );
    const yaml = header + many.join('');
    const result = await new KnowledgeLoader(pauseBriefly, 0).load(URI, yaml);
    assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
    assert.deepEqual(
      result.problems.filter((p) => p.code === 'duplicate-id').map((p) => p.range.start.line),
      Array.from({ length: 300 }, (_, i) => 3 + 4_200 + i),
    );
  });

  it('checks duplicate ids in steps of a few thousand entries, remembering ids across steps', () => {
    const file = loadFile(
      header + Array.from({ length: 4_100 }, (_, i) => `  - { id: o-${i}, name: N, title: T }\n`).join(''),
      URI,
    );
    const steps = duplicateProblemsInSteps(URI, { ...file, officials: [...file.officials, file.officials[0]!] });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.equal(yields, 1, '4,101 entries in steps of 4,096');
    assert.deepEqual(
      step.value.map((p) => p.message),
      ["Duplicate official id 'o-0' (first defined on line 4)."],
    );
  });

  it('refuses hostile text as the whole-file loader does, checking it in steps', async () => {
    const yaml = `${header}${entries.join('')}# ${'long comment '.repeat(10_000)}\n  - id: a\u0000b\n`;
    let pauses = 0;
    const result = await new KnowledgeLoader(async () => void pauses++, -1).load(URI, yaml);
    assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
    assert.equal(result.problems[0]!.code, 'not-text');
    // Nothing else runs before the check refuses the text: one pause per step of 65,536 characters.
    assert.equal(pauses, Math.floor(yaml.indexOf('\u0000') / 65_536));
    assert.ok(pauses > 0, 'the text spans several steps');
  });

  it('loads files it cannot cut safely whole, with the same problems', async () => {
    const loader = new KnowledgeLoader(pauseNow);
    const headerError = `kind: "trade-knowledge\nversion: 1\nofficials:\n${entries[0]}`;
    const repeatedKey = `${header}${entries[0]}officials: [ not closed\n`;
    for (const yaml of [
      `${header}\t- id: tab\n`,
      `%YAML 1.2\n---\n${header}`,
      `${header}  - id: a\u0000\n`,
      headerError,
      repeatedKey,
    ]) {
      assert.deepEqual(await loader.load(URI, yaml), loadKnowledgeFile(URI, yaml));
    }
    assert.equal(layoutOf(`${header}\t- id: tab\n`), undefined);
    assert.equal(layoutOf(repeatedKey), undefined);
    // Cut, but a YAML error in the header: the file is parsed whole, so that the header's errors come as there.
    assert.ok(layoutOf(headerError));
  });

  it('cuts lines of blanks and tabs, and comments after a tab, as blank lines', async () => {
    const yaml = `${header}${entries[0]}\t\n  \t# a comment after a tab\n${entries[1]}`;
    assert.equal(layoutOf(yaml)?.sections.find((s) => s.key === 'officials')?.items?.length, 2);
    const result = await new KnowledgeLoader(pauseNow).load(URI, yaml);
    assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
    assert.equal(result.file?.officials.length, 2);
  });
});

describe('KnowledgeLoader: an entry with a YAML error', () => {
  /** Four officials: the second is the one broken below, the third has an unknown field, the fourth repeats the first's id. */
  const lines = [
    'kind: trade-knowledge',
    'version: 1',
    'officials:',
    '  - id: o-1',
    '    name: Official One',
    '    title: Minister',
    '  - id: o-2', // line 7
    '    name: Official Two',
    '    title: Minister',
    '  - id: o-3',
    '    name: Official Three',
    '    colour: red',
    '    title: Minister',
    '  - id: o-1',
    '    name: Official Four',
    '    title: Minister',
  ];
  /** The file with the second official's three lines replaced. */
  const withSecond = (second: string[]): string =>
    [...lines.slice(0, 6), ...second, ...lines.slice(9)].join('\n') + '\n';
  /** "line:column code message" (1-based, as editors show them) of each problem. */
  const described = (problems: readonly KnowledgeProblem[]): string[] =>
    problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);
  /** The problems of the other entries, which a whole parse of a file with YAML errors never gets to. */
  const others = [
    "12:5 unknown-field Unknown field 'colour' in an official (expected one of: id, name, aliases, country, title, organization, note, links).",
    "14:5 duplicate-id Duplicate official id 'o-1' (first defined on line 4).",
  ];

  /**
   * Each entry is read as the first one under its section's key, so its YAML errors are mostly the ones a
   * whole parse gives first; the whole parse then runs on into the entries after it (`wholeLines`).
   */
  const cases: { name: string; second: string[]; inEntry: string[]; wholeLines: number[] }[] = [
    {
      // A whole parse reads the quote on to the end of the file and reports it there.
      name: 'an unclosed double quote',
      second: ['  - id: o-2', '    name: "Official Two', '    title: Minister'],
      inEntry: ['9:20 yaml-syntax YAML: Missing closing "quote'],
      wholeLines: [17],
    },
    {
      name: 'an unclosed [',
      second: ['  - id: o-2', '    aliases: [Two, Official Two', '    title: Minister'],
      inEntry: [
        '9:5 yaml-syntax YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
      wholeLines: [9, 10, 11, 12, 13, 14, 15],
    },
    {
      name: 'a field indented by three spaces',
      second: ['  - id: o-2', '    name: Official Two', '   title: Minister'],
      inEntry: ['9:1 yaml-syntax YAML: Sequence item without - indicator'],
      wholeLines: [9],
    },
    {
      name: 'a field indented as little as its entry',
      second: ['  - id: o-2', '    name: Official Two', '  title: Minister'],
      inEntry: ['9:1 yaml-syntax YAML: All mapping items must start at the same column'],
      wholeLines: [9, 10],
    },
    {
      name: 'a tab after the indentation',
      second: ['  - id: o-2', '    \tname: Official Two', '    title: Minister'],
      inEntry: ['8:5 yaml-syntax YAML: Tabs are not allowed as indentation'],
      wholeLines: [8],
    },
    {
      name: 'a tab at the start of a line',
      second: ['  - id: o-2', '\tname: Official Two', '    title: Minister'],
      inEntry: [
        '8:1 yaml-syntax YAML: Tabs are not allowed as indentation',
        '8:8 yaml-syntax YAML: Nested mappings are not allowed in compact mappings',
        '8:8 yaml-syntax YAML: Implicit keys need to be on a single line',
      ],
      wholeLines: [8, 9, 10, 11, 12, 13, 14, 15],
    },
    {
      name: 'a key given twice in the entry',
      second: ['  - id: o-2', '    name: Official Two', '    name: Minister'],
      inEntry: ['9:5 yaml-syntax YAML: Map keys must be unique'],
      wholeLines: [9],
    },
  ];

  for (const { name, second, inEntry, wholeLines } of cases) {
    it(`reports ${name} inside its entry, serves nothing, and still reports the other entries' problems`, async () => {
      const yaml = withSecond(second);
      const result = await new KnowledgeLoader(pauseBriefly, 0).load(URI, yaml);
      assert.equal(result.file, undefined);
      assert.deepEqual(described(result.problems), [...inEntry, ...others]);
      const whole = loadKnowledgeFile(URI, yaml);
      assert.ok(whole.problems.every((p) => p.code === 'yaml-syntax'));
      assert.deepEqual([...new Set(whole.problems.map((p) => p.range.start.line + 1))], wholeLines);
    });
  }

  it('reads a line at the left edge under its section as a whole parse does: a valid key there loads the file whole', async () => {
    const yaml = `${lines.join('\n')}\n"quoted key": at the top level\n`;
    const result = await new KnowledgeLoader(pauseBriefly, 0).load(URI, yaml);
    assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
    assert.ok(!hasYamlErrors(result));
  });

  it('reports YAML warnings as the whole-file loader does, in file order, and the file still loads', async () => {
    // Unknown tags are warnings; the timeline comes first in the file, but is read after the officials.
    const yaml = [
      ...lines.slice(0, 2),
      'timeline:',
      '  - { id: e, date: 2025-06-09, title: !later T }',
      'officials:',
      '  - id: o-1',
      '    name: !custom Official One',
      '    colour: red',
      '    title: Minister',
    ].join('\n');
    const loader = new KnowledgeLoader(pauseBriefly, 0);
    await loader.load(URI, yaml.replace('Minister', 'Deputy'));
    // Read in pieces: after an edit, only the header and the edited entry are parsed, not the whole file.
    let result: LoadResult = { problems: [] };
    assert.equal(await countParses(async () => (result = await loader.load(URI, yaml))), 2);
    assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
    assert.ok(result.file);
    assert.deepEqual(described(result.problems), [
      '4:39 yaml-warning YAML: Unresolved tag: !later',
      '7:11 yaml-warning YAML: Unresolved tag: !custom',
      "8:5 unknown-field Unknown field 'colour' in an official (expected one of: id, name, aliases, country, title, organization, note, links).",
    ]);
  });

  it('keeps the broken entry while other entries are edited, and reads the fixed entry alone', async () => {
    const entries = Array.from(
      { length: 300 },
      (_, i) => `  - id: official-${i}\n    name: Official Number${i}\n    title: Minister\n`,
    );
    const file = (edit: (entry: string, index: number) => string): string =>
      `kind: trade-knowledge\nversion: 1\nofficials:\n${entries.map(edit).join('')}`;
    const broken = (entry: string, index: number): string =>
      index === 150 ? entry.replace('name: ', 'name: "') : entry;
    const loader = new KnowledgeLoader(pauseBriefly, 0);
    const first = await loader.load(URI, file(broken));
    const missingQuote = '456:20 yaml-syntax YAML: Missing closing "quote';
    assert.deepEqual(described(first.problems), [missingQuote]);

    // Typing in another entry parses the header and that entry only, not the broken one again.
    let edited: LoadResult | undefined;
    const yaml = file((entry, index) => (index === 10 ? entry.replace('Minister', 'Deputy') : broken(entry, index)));
    assert.equal(await countParses(async () => (edited = await loader.load(URI, yaml))), 2);
    assert.deepEqual(described(edited!.problems), [missingQuote]);
    assert.equal(edited!.file, undefined);

    const fixed = file((entry, index) =>
      index === 10
        ? entry.replace('Minister', 'Deputy')
        : index === 150
          ? entry.replace('name: ', 'name: "').replace('\n    title', '"\n    title')
          : entry,
    );
    let result: LoadResult | undefined;
    assert.equal(await countParses(async () => (result = await loader.load(URI, fixed))), 2);
    assert.deepEqual(result, loadKnowledgeFile(URI, fixed));
    assert.equal(result!.file?.officials[150]!.name, 'Official Number150');
  });
  it('reads an entry being started (`- ` alone, `- id`) in pieces, with the problem the whole-file loader gives', async () => {
    const entries = Array.from(
      { length: 300 },
      (_, i) => `  - id: official-${i}\n    name: Official Number${i}\n    title: Minister\n`,
    );
    const loader = new KnowledgeLoader(pauseBriefly, 0);
    const base = `kind: trade-knowledge\nversion: 1\nofficials:\n${entries.join('')}`;
    await loader.load(URI, base);
    for (const typed of ['  - \n', '  - id\n']) {
      const yaml = `${base}${typed}`;
      let result: LoadResult | undefined;
      // The header and the new entry: the whole file is not parsed again.
      assert.equal(await countParses(async () => (result = await loader.load(URI, yaml))), 2, JSON.stringify(typed));
      assert.deepEqual(result, loadKnowledgeFile(URI, yaml));
      assert.deepEqual(
        described(result!.problems).map((p) => p.replace(/^\d+:\d+ /, '')),
        ["type Each entry of 'officials' must be a mapping."],
      );
    }
  });
});

describe('mergeKnowledgeInSlices', () => {
  const HEADER = 'kind: trade-knowledge\nversion: 1\n';
  /** Officials `from` to `to` (exclusive), and events naming some of them and some unknown ones. */
  function workspaceFile(name: string, from: number, to: number): string {
    const officials = Array.from(
      { length: to - from },
      (_, i) =>
        `  - { id: o-${from + i}, name: Official Number${from + i}, title: T, country: ${i % 7 === 0 ? 'XX' : 'US'} }`,
    );
    const events = Array.from(
      { length: 50 },
      (_, i) => `  - { id: ${name}-e-${i}, date: 2025-05-12, title: T, participants: [o-${from + i}, nobody-${i}] }`,
    );
    return `${HEADER}countries:\n  US: { name: United States }\nofficials:\n${officials.join('\n')}\ntimeline:\n${events.join('\n')}\n`;
  }

  it('gives what mergeKnowledge gives, across thousands of entries, duplicates and unknown references, pausing between steps', async () => {
    const bundled = loadFile(
      `${HEADER}officials:\n  - { id: o-1, name: Bundled One, title: T }\n  - { id: b, name: Bundled Two, title: T }\n`,
      'bundled:/k.yaml',
    );
    // The second file redefines 1,000 ids of the first: an error on each, and the first file wins.
    const files = [
      loadFile(workspaceFile('a', 0, 5_000), 'file:///w/a.trade.yaml'),
      loadFile(workspaceFile('b', 4_000, 7_000), 'file:///w/b.trade.yaml'),
    ];
    let pauses = 0;
    const sliced = await mergeKnowledgeInSlices(bundled, files, new TimeSlices(async () => void pauses++, -1));
    const whole = mergeKnowledge(bundled, files);
    assert.deepEqual(sliced, whole);
    assert.equal(
      whole.problems.filter((p) => p.code === 'duplicate-id').length,
      1_001,
      'US in both files, and 1,000 officials',
    );
    assert.equal(whole.problems.filter((p) => p.code === 'unknown-country').length, 1_144);
    assert.equal(whole.problems.filter((p) => p.code === 'unknown-official').length, 100);
    // 8,102 entries and 8,200 references (one per official, two per event), in steps of 4,096.
    assert.equal(pauses, Math.floor((8_102 + 8_200) / 4_096));
  });
});
