import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SnippetNode, expandSnippet, parseSnippet, tabStopUses, variableNames } from './grammar/snippetSyntax';
import { loadPolicyNoteGrammar, repoRoot, tokenizeDocument } from './grammar/textmate';

interface Snippet {
  readonly prefix: string;
  readonly body: string | readonly string[];
  readonly description: string;
}

const snippetsPath = path.join(repoRoot, 'snippets', 'policy-note.code-snippets');

/** The variables VS Code resolves in snippets; any other $NAME silently turns into a tab stop. */
const knownVariables = new Set([
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_FILEPATH',
  'RELATIVE_FILEPATH',
  'CLIPBOARD',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
]);

const today = { CURRENT_YEAR: '2025', CURRENT_MONTH: '06', CURRENT_DATE: '09' };

function bodyText(snippet: Snippet): string {
  return typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
}

/** Problems with the tab stops of a parsed body; empty when VS Code will step through them as intended. */
function tabStopProblems(nodes: readonly SnippetNode[]): string[] {
  const uses = tabStopUses(nodes);
  const problems: string[] = [];
  const finals = uses.filter((use) => use.index === 0).length;
  if (finals > 1) {
    problems.push(`$0 appears ${finals} times`);
  }
  const numbered = [...new Set(uses.map((use) => use.index).filter((index) => index > 0))].sort((a, b) => a - b);
  const gap = numbered.findIndex((index, position) => index !== position + 1);
  if (gap !== -1) {
    problems.push(`tab stops ${numbered.join(', ')} are not numbered 1 to ${numbered.length}`);
  }
  for (const index of numbered) {
    const definitions = uses.filter((use) => use.index === index && use.definesText).length;
    if (definitions > 1) {
      problems.push(`tab stop ${index} gets its text from ${definitions} places`);
    }
  }
  return problems;
}

describe('snippet syntax reader', () => {
  it('reads tab stops, placeholders, choices, variables and escapes', () => {
    assert.deepEqual(
      parseSnippet('$1 ${2} ${3:a ${CURRENT_YEAR}} ${4|x,y\\,z|} $UUID ${TM_FILENAME:none} \\$5 \\} $0'),
      [
        { kind: 'tabstop', index: 1 },
        { kind: 'text', value: ' ' },
        { kind: 'tabstop', index: 2 },
        { kind: 'text', value: ' ' },
        {
          kind: 'placeholder',
          index: 3,
          children: [
            { kind: 'text', value: 'a ' },
            { kind: 'variable', name: 'CURRENT_YEAR' },
          ],
        },
        { kind: 'text', value: ' ' },
        { kind: 'choice', index: 4, options: ['x', 'y,z'] },
        { kind: 'text', value: ' ' },
        { kind: 'variable', name: 'UUID' },
        { kind: 'text', value: ' ' },
        { kind: 'variable', name: 'TM_FILENAME', fallback: [{ kind: 'text', value: 'none' }] },
        { kind: 'text', value: ' $5 } ' },
        { kind: 'tabstop', index: 0 },
      ],
    );
  });

  for (const malformed of ['${1:unclosed', '${2|a,b', 'costs $ 5', '${}', '${1/x/y/}', '${1!}']) {
    it(`rejects ${JSON.stringify(malformed)}`, () => {
      assert.throws(() => parseSnippet(malformed));
    });
  }

  it('reads an unescaped "$300" as tab stop 300, which the numbering check then flags', () => {
    assert.deepEqual(tabStopProblems(parseSnippet('${1:US} spent $300 billion')), [
      'tab stops 1, 300 are not numbered 1 to 2',
    ]);
  });

  it('flags a repeated $0 and a tab stop given text twice', () => {
    assert.deepEqual(tabStopProblems(parseSnippet('${1:a} ${1:b} $0 $0')), [
      '$0 appears 2 times',
      'tab stop 1 gets its text from 2 places',
    ]);
  });

  it('expands defaults: first choice, placeholder text, mirrors and variables', () => {
    assert.equal(
      expandSnippet(parseSnippet('# $1\n${1:Title} ${2|a,b|} ${3:${CURRENT_YEAR}} $2'), today),
      '# Title\nTitle a 2025 a',
    );
  });
});

describe('policy-note snippets', () => {
  const snippets: Record<string, Snippet> = JSON.parse(fs.readFileSync(snippetsPath, 'utf8'));
  const entries = Object.entries(snippets);
  const byPrefix = (prefix: string): Snippet => {
    const snippet = entries.find(([, s]) => s.prefix === prefix)?.[1];
    assert.ok(snippet, `no snippet with prefix ${prefix}`);
    return snippet;
  };

  it('offers the snippets analysts need, each with a prefix, body and description', () => {
    for (const prefix of ['note', 'round', 'tariff', 'quote', 'delegation']) {
      byPrefix(prefix);
    }
    for (const [name, snippet] of entries) {
      assert.ok(typeof snippet.prefix === 'string' && /^[a-z]+$/.test(snippet.prefix), `${name}: prefix`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length >= 20, `${name}: description`);
      assert.ok(bodyText(snippet).trim().length > 0, `${name}: body`);
    }
  });

  it('has unique prefixes', () => {
    const prefixes = entries.map(([, snippet]) => snippet.prefix);
    assert.deepEqual([...new Set(prefixes)], prefixes);
  });

  for (const [name, snippet] of entries) {
    it(`"${name}" has well-formed, contiguous tab stops and known variables`, () => {
      const nodes = parseSnippet(bodyText(snippet));
      assert.deepEqual(tabStopProblems(nodes), []);
      assert.ok(
        tabStopUses(nodes).some((use) => use.index === 1),
        'has tab stop 1',
      );
      assert.deepEqual(
        variableNames(nodes).filter((variable) => !knownVariables.has(variable)),
        [],
      );
      for (const node of nodes) {
        if (node.kind === 'choice') {
          assert.ok(
            node.options.length >= 2 && node.options.every((option) => option.trim() !== ''),
            JSON.stringify(node),
          );
        }
      }
    });
  }

  it('expands the tariff snippet to "X raised/lowered tariffs on Y from A% to B%, effective DATE" with its source', () => {
    const nodes = parseSnippet(bodyText(byPrefix('tariff')));
    assert.equal(
      expandSnippet(nodes, today),
      'The United States raised tariffs on China from A% to B%, effective 2025-06-09 ([source](https://)).',
    );
    const choices = nodes.filter((node) => node.kind === 'choice');
    assert.deepEqual(
      choices.map((choice) => choice.options).find((options) => options.includes('raised')),
      ['raised', 'lowered'],
    );
  });

  it('turns a filled-in tariff change into highlighted figures and a date', async () => {
    const sentence = expandSnippet(
      parseSnippet(bodyText(byPrefix('tariff')).replace('${4:A}', '145').replace('${5:B}', '30')),
      today,
    );
    const grammar = await loadPolicyNoteGrammar();
    const [, tokens] = tokenizeDocument(grammar, `\n${sentence}`);
    const scopeOf = (text: string) => tokens.find((token) => token.text === text)?.scopes.at(-1);
    assert.equal(scopeOf('145%'), 'constant.numeric.percentage.tariff.policy-note');
    assert.equal(scopeOf('30%'), 'constant.numeric.percentage.tariff.policy-note');
    assert.equal(scopeOf('2025-06-09'), 'constant.numeric.date.policy-note');
  });

  it('leaves the words of a quote to the analyst: the quoted text is a placeholder', () => {
    const expanded = expandSnippet(parseSnippet(bodyText(byPrefix('quote'))), today);
    assert.match(bodyText(byPrefix('quote')), /“\$\{1:[^}]*\}”/);
    assert.match(
      expanded,
      /^> “exact words as published”\n> — speaker, title, 2025-06-09 \(\[source\]\(https:\/\/\)\)\n$/,
    );
  });

  it('starts a new note with front matter, the title mirrored in the heading', () => {
    const expanded = expandSnippet(parseSnippet(bodyText(byPrefix('note'))), today);
    assert.ok(expanded.startsWith('---\ntitle: Title\ndate: 2025-06-09\n'), expanded);
    assert.match(expanded, /\n---\n\n# Title\n/);
    for (const section of ['place:', 'participants:', '## Key points', '## Sources']) {
      assert.ok(expanded.includes(section), section);
    }
  });

  it('lays out a talks round with dates, place, both delegations and outcomes', () => {
    const expanded = expandSnippet(parseSnippet(bodyText(byPrefix('round'))), today);
    assert.equal(
      expanded,
      [
        '## Round: 2025-06-09 to end date',
        '',
        '- **Place:** venue, city',
        '- **US delegation:** names',
        '- **Chinese delegation:** names',
        '- **Outcomes:**',
        '  - outcome',
        '- **Next steps:** next steps',
        '- **Source:** [title](https://)',
        '',
      ].join('\n'),
    );
  });
});
