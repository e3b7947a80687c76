// Property-based fuzzing of the parsers of untrusted input: the knowledge loader (random YAML and random
// bytes), the mention matcher (random text), the fact check (random notes) and card rendering (random
// knowledge text).
// `npm test` runs a short budget; `npm run fuzz` sets TRADE_NOTES_FUZZ_RUNS for a longer one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderEventCard } from '../../src/core/cards/eventCard';
import { renderOfficialCard } from '../../src/core/cards/officialCard';
import { renderTariffCard } from '../../src/core/cards/tariffCard';
import { factCheck } from '../../src/core/checks/factCheck';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { corpusKnowledge } from './support/factCorpus';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const RUNS = Number(process.env.TRADE_NOTES_FUZZ_RUNS ?? 200);
/**
 * A hang detector, not a performance check: mocha fails a property that runs past this, far above what
 * the runs need (performance is measured by `npm run bench`).
 */
const TIME_BUDGET_MS = Math.max(30_000, RUNS * 20);

/** Pieces that YAML and our format give meaning to, so random documents reach deep into the loader. */
const yamlPiece = fc.constantFrom(
  'kind: trade-knowledge\n',
  'version: 1\n',
  'officials:\n',
  'tariffs:\n',
  'timeline:\n',
  'countries:\n',
  '  - id: a\n',
  '  - id: Bad Id\n',
  '    name: A\n',
  '    title: T\n',
  '    aliases: [x, "y", 何立峰]\n',
  '    history:\n',
  '      - { date: 2025-04-10, rate: 145% }\n',
  '      - { date: 2025-02-30, rate: lots }\n',
  '    participants: [a, b]\n',
  '    event: e\n',
  '  US: { name: United States }\n',
  '&anchor ',
  '*anchor\n',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '- ',
  '"',
  "'",
  '#',
  '\n',
  '  ',
  '\t',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '!!binary ',
  '? ',
  '|\n',
  '>-\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'ß',
  '🇺🇸',
  '<script>',
  '[x](command:y)',
);

describe('Fuzz: knowledge loader', function () {
  this.timeout(TIME_BUDGET_MS);
  it('never throws and always positions its problems inside the file, for random YAML-like text', () => {
    fc.assert(
      fc.property(
        fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join('')),
        (text) => {
          const { file, problems } = loadKnowledgeFile('file:///fuzz.trade.yaml', text);
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const problem of problems) {
            assert.ok(
              problem.range.start.line >= 0 && problem.range.start.line < lines + 1,
              `problem line ${problem.range.start.line} of ${lines}`,
            );
            assert.ok(problem.message.length > 0);
          }
          if (file) assert.ok(!problems.some((p) => p.severity === 'error'), 'a file with errors is never served');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws on random strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        loadKnowledgeFile('file:///fuzz.trade.yaml', text);
      }),
      { numRuns: RUNS },
    );
  });

  it('merges any loadable files without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(yamlPiece, { maxLength: 40 }).map((p) => p.join('')),
          { maxLength: 4 },
        ),
        (texts) => {
          const files = texts.flatMap((text, i) => loadKnowledgeFile(`file:///f${i}.trade.yaml`, text).file ?? []);
          const { problems } = mergeKnowledge(undefined, files);
          for (const problem of problems) assert.ok(files.some((f) => f.uri === problem.uri));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Fuzz: mention matcher', function () {
  this.timeout(TIME_BUDGET_MS);
  const matcher = new MentionMatcher(knowledgeFrom(TALKS_YAML));
  const textPiece = fc.constantFrom(
    'Scott',
    'Bessent',
    "'s",
    '’',
    ' ',
    '\n',
    '\r\n',
    '\u00a0',
    'He',
    'he',
    'Lifeng',
    '何立峰',
    '习近平',
    'Xi',
    'XI',
    '145',
    '10',
    '7.5',
    '%',
    ' per cent',
    '-percent',
    ' percent',
    '.',
    ',',
    'U.S.',
    'China',
    'S\u030C',
    'ef',
    'c\u030C',
    'ovic',
    'MAROŠ',
    'ŠEFČOVIČ',
    'Von',
    'der',
    'Leyen',
    '\uD800',
    '\uDC00',
    '🇺🇸',
    '\u0000',
    '\t',
  );

  it('returns sorted, non-overlapping mentions inside the text, for random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(textPiece, { maxLength: 80 }).map((p) => p.join('')),
          fc.string({ unit: 'binary', maxLength: 500 }),
        ),
        (text) => {
          const mentions = matcher.scan(text);
          let previousEnd = 0;
          for (const m of mentions) {
            assert.ok(
              m.start >= previousEnd && m.end > m.start && m.end <= text.length,
              `bad span ${m.start}-${m.end} after ${previousEnd}`,
            );
            previousEnd = m.end;
            if (m.kind === 'figure') assert.ok(m.tariffIds.length > 0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Fuzz: fact check', function () {
  this.timeout(TIME_BUDGET_MS);
  const matcher = new MentionMatcher(corpusKnowledge);
  /** Pieces of the sentences the check reads, so random notes reach its rules. */
  const notePiece = fc.constantFrom(
    '---\ndate: 2025-06-10\n---\n',
    '---\n',
    '# Debrief (9–10 June 2025)\n',
    'US tariffs on Chinese goods',
    " China's levies on American imports",
    ' now stand at ',
    ' rose to ',
    ' from ',
    ' to ',
    '145%',
    '30 per cent',
    '15%',
    '1,145%',
    ' on 10 April 2025',
    ' in May',
    ' since 14 May',
    ' after the Geneva talks',
    ' before',
    ' Commerce Secretary Bessent',
    ' Vice Premier He Lifeng',
    "| 1 June 2025 | China's tariffs on US goods | 125% |\n",
    '> ',
    '“',
    '”',
    '（',
    '美国对中国商品的关税目前为30%。',
    '<!-- trade-notes-ignore -->\n',
    '. ',
    ', ',
    '\n',
    '\n\n',
    '\r\n',
    '- ',
    ' ',
    '\uD800',
    '2025-13-45',
    '31 February 2025',
  );

  it('never throws, and every finding lies inside the note with its fix inside the finding', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(notePiece, { maxLength: 60 }).map((p) => p.join('')),
          fc.string({ unit: 'binary', maxLength: 400 }),
        ),
        fc.constantFrom('file:///n.pnote', 'file:///2025-07-01-weekly.policy.md', 'untitled:Untitled-1'),
        (text, uri) => {
          for (const finding of factCheck({ uri, text, mentions: matcher.scan(text), knowledge: corpusKnowledge })) {
            assert.ok(finding.start >= 0 && finding.end > finding.start && finding.end <= text.length);
            if (finding.fix) assert.ok(finding.fix.start >= finding.start && finding.fix.end <= finding.end);
            assert.ok(finding.message.length > 0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Fuzz: cards', function () {
  this.timeout(TIME_BUDGET_MS);
  const talks = knowledgeFrom(TALKS_YAML);
  const hostile = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          '<img src=x onerror=alert(1)>',
          '[x](command:workbench.action.quit)',
          '[x](javascript:alert(1))',
          '![i](file:///etc/passwd)',
          '| a |',
          '---',
          '# h',
          '`',
          '\\',
          '<',
          '&amp;',
          '\n',
          'text',
          '](',
          'https://example.org/a',
          '$(icon)',
        ),
        { maxLength: 20 },
      )
      .map((p) => p.join('')),
  );

  /** What must never appear in a rendered card, whatever the knowledge says. */
  function assertInert(card: string): void {
    // Code spans show their content literally, so HTML inside them is text. A character is escaped by an
    // odd number of backslashes before it: `\\` is a backslash shown, and the backtick after it opens a span.
    const outsideCode = card.replace(/(?<!\\)((?:\\\\)*)`[^`]*`/g, '$1');
    assert.ok(!/(?<!\\)(?:\\\\)*<[a-zA-Z!/]/.test(outsideCode), `raw HTML in ${JSON.stringify(card)}`);
    for (const [, target] of outsideCode.matchAll(/\]\(([^)\s]*)/g)) {
      assert.match(target!, /^https?:\/\//, `a link that is not http(s): ${target}`);
    }
  }

  it('keeps every card inert for any text in any field', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, note, url) => {
        const official = {
          ...talks.officials.get('scott-bessent')!,
          name,
          title: name,
          organization: note,
          note,
          links: [url, `https://ok.example/${url}`],
        };
        assertInert(renderOfficialCard(official, talks));
        const tariff = talks.tariffs.get('us-on-cn')!;
        const withNote = {
          ...tariff,
          label: name,
          links: [url],
          history: tariff.history.map((step) => ({ ...step, note })),
        };
        assertInert(renderTariffCard(145, [withNote], talks));
        const event = {
          id: 'e',
          date: '2025-06-09',
          title: name,
          place: note,
          participants: ['scott-bessent', name],
          summary: note,
          links: [url],
          source: official.source,
        };
        assertInert(renderEventCard(event, talks));
      }),
      { numRuns: RUNS },
    );
  });
});
