import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OnigScanner } from 'vscode-oniguruma';
import { IGrammar } from 'vscode-textmate';
import {
  Token,
  loadOniguruma,
  loadPolicyNoteGrammar,
  policyNoteGrammarPath,
  repoRoot,
  tokenizeDocument,
} from './grammar/textmate';

const PERCENTAGE = 'constant.numeric.percentage.tariff.policy-note';
const MONEY = 'constant.numeric.money.policy-note';
const DATE = 'constant.numeric.date.policy-note';
const TIME = 'constant.numeric.time.policy-note';
const DURATION = 'constant.numeric.duration.policy-note';
const STATEMENT = 'string.quoted.statement.policy-note';
const BARE_URL = 'meta.link.bare.policy-note';

type Piece = readonly [text: string, scope: string];

/** A scope the grammar adds for a trade piece (every one but the root scope of the document). */
function isPieceScope(scope: string): boolean {
  return scope.endsWith('.policy-note') && scope !== 'text.policy-note';
}

/**
 * The trade pieces of a line: runs of tokens that share their outermost .policy-note scope, so a quoted
 * statement is one piece even when figures or emphasis inside it split it into several tokens.
 */
function pieces(tokens: readonly Token[]): Piece[] {
  const result: [string, string][] = [];
  let previousScope: string | undefined;
  for (const token of tokens) {
    const scope = token.scopes.find(isPieceScope);
    const last = result[result.length - 1];
    if (scope !== undefined && scope === previousScope && last) {
      last[0] += token.text;
    } else if (scope !== undefined) {
      result.push([token.text, scope]);
    }
    previousScope = scope;
  }
  return result;
}

/** The scopes of the one token whose text is exactly `text`. */
function scopesOf(tokens: readonly Token[], text: string): readonly string[] {
  const matches = tokens.filter((token) => token.text === text);
  assert.equal(matches.length, 1, `expected one token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return matches[0].scopes;
}

function hasScope(scopes: readonly string[], prefix: string): boolean {
  return scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

function pieceScopes(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) => token.scopes.filter(isPieceScope));
}

describe('policy-note grammar', () => {
  let grammar: IGrammar;
  /** Tokenizes a single paragraph line (a blank line first keeps it out of front matter detection). */
  const line = (text: string): Token[] => tokenizeDocument(grammar, `\n${text}`)[1];
  const rawGrammar = JSON.parse(fs.readFileSync(policyNoteGrammarPath, 'utf8'));

  before(async () => {
    grammar = await loadPolicyNoteGrammar();
  });

  describe('definition', () => {
    it('is the grammar that package.json contributes for policy-note', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
      const contributed = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'policy-note');
      assert.equal(contributed.scopeName, rawGrammar.scopeName);
      assert.equal(path.resolve(repoRoot, contributed.path), policyNoteGrammarPath);
    });

    it('ends every scope it defines with .policy-note', () => {
      const names: string[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) {
          value.forEach(collect);
        } else if (value !== null && typeof value === 'object') {
          for (const [key, child] of Object.entries(value)) {
            if ((key === 'name' || key === 'contentName') && typeof child === 'string') {
              names.push(...child.split(' '));
            } else {
              collect(child);
            }
          }
        }
      };
      collect(rawGrammar.repository);
      assert.ok(names.length >= 8, `found only ${names.length} scope names`);
      assert.deepEqual(
        names.filter((name) => !name.endsWith('.policy-note')),
        [],
      );
    });

    it('compiles every regular expression with Oniguruma', async () => {
      await loadOniguruma();
      assert.throws(() => new OnigScanner(['(unclosed']), 'the check below must be able to fail');
      const regexes: string[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) {
          value.forEach(collect);
        } else if (value !== null && typeof value === 'object') {
          for (const [key, child] of Object.entries(value)) {
            if (['match', 'begin', 'end', 'while'].includes(key) && typeof child === 'string') {
              regexes.push(child);
            } else {
              collect(child);
            }
          }
        }
      };
      collect(rawGrammar.repository);
      assert.ok(regexes.length >= 9, `found only ${regexes.length} regexes`);
      for (const regex of regexes) {
        assert.doesNotThrow(() => new OnigScanner([regex]), regex);
      }
    });
  });

  describe('trade pieces in prose', () => {
    it('finds every piece of a real sentence, each whole', () => {
      assert.deepEqual(
        pieces(
          line(
            'On April 10, 2025 the US raised tariffs on Chinese goods to 145%, then cut them to 30 per cent on 2025-05-14 after the 90-day truce.',
          ),
        ),
        [
          ['April 10, 2025', DATE],
          ['145%', PERCENTAGE],
          ['30 per cent', PERCENTAGE],
          ['2025-05-14', DATE],
          ['90-day', DURATION],
        ],
      );
    });

    const cases: readonly (readonly [string, string])[] = [
      ['145%', PERCENTAGE],
      ['145 %', PERCENTAGE],
      ['7.5%', PERCENTAGE],
      ['30 per cent', PERCENTAGE],
      ['125 percent', PERCENTAGE],
      ['145-percent', PERCENTAGE],
      ['1,145.5%', PERCENTAGE],
      ['10 percentage points', PERCENTAGE],
      ['$300 billion', MONEY],
      ['USD 2.5bn', MONEY],
      ['US$50 million', MONEY],
      ['€1.2 trillion', MONEY],
      ['RMB 100bn', MONEY],
      ['$1.2tn', MONEY],
      ['HK$10', MONEY],
      ['100 billion yuan', MONEY],
      ['2025-06-09', DATE],
      ['June 9, 2025', DATE],
      ['9 June 2025', DATE],
      ['Jun 9', DATE],
      ['Sept. 9', DATE],
      ['May 10–11', DATE],
      ['9–10 June 2025', DATE],
      ['May 2025', DATE],
      ['Tuesday', DATE],
      ['Tuesday at 10 am', DATE],
      ['Tuesday, June 10, 2025 at 10:30 a.m.', DATE],
      ['10:30 a.m.', TIME],
      ['14:00 GMT', TIME],
      ['3 pm Beijing time', TIME],
      ['90-day', DURATION],
      ['90 days', DURATION],
      ['1.5 years', DURATION],
      ['three-month', DURATION],
      ['Three months', DURATION],
      ['two weeks', DURATION],
      ['twenty-four-hour', DURATION],
    ];
    for (const [text, scope] of cases) {
      it(`marks "${text}" as one ${scope.split('.').slice(0, -1).join('.')} piece`, () => {
        assert.deepEqual(pieces(line(`The note says ${text} here.`)), [[text, scope]]);
      });
    }

    it('marks curly and straight quotes as statements, keeping figures and emphasis inside them', () => {
      const tokens = line('He said “tariffs of *145%* are unsustainable” and "no deal" today.');
      assert.deepEqual(pieces(tokens), [
        ['“tariffs of *145%* are unsustainable”', STATEMENT],
        ['"no deal"', STATEMENT],
      ]);
      const figure = scopesOf(tokens, '145%');
      assert.ok(
        figure.includes(STATEMENT) && figure.includes(PERCENTAGE) && hasScope(figure, 'markup.italic'),
        figure.join(' '),
      );
      assert.ok(scopesOf(tokens, '“').includes('punctuation.definition.string.begin.policy-note'));
      assert.ok(scopesOf(tokens, '”').includes('punctuation.definition.string.end.policy-note'));
    });

    it('does not open a statement at an inch mark or a closing quote', () => {
      assert.deepEqual(pieces(line('He is 5\'10" tall and uses a 12" ruler.')), []);
      assert.deepEqual(pieces(line('The "145%" figure and the "30%" figure.')), [
        ['"145%"', STATEMENT],
        ['"30%"', STATEMENT],
      ]);
    });

    const plainLines: readonly string[] = [
      'Versions v1.45, v1.45% and 1.45.2 are not figures.',
      'A plain number such as 1,145.5 or 2025 is not marked.',
      'A European decimal such as 2,5% is left whole rather than cut to its last digit.',
      'Call +1 202-555-0143, (202) 555-0143 or +86 10 6512 3456.',
      'ISBN 978-0-306-40615-7 and ISBN 978-1-2025-0609-1.',
      'Files report-2025-06-09 and file_2025-06-09 and id 12025-06-091.',
      'Not dates: 2025-13-01, 2025-06-32, Mayor 12, in May we met.',
      'One day we will talk; 10 amendments; G20 and 5G; 500 pounds of steel.',
    ];
    for (const text of plainLines) {
      it(`marks nothing in "${text}"`, () => {
        assert.deepEqual(pieces(line(text)), []);
      });
    }

    it('keeps a number glued to its thousands separator whole', () => {
      assert.deepEqual(pieces(line('Up 1,145.5% on the year.')), [['1,145.5%', PERCENTAGE]]);
    });

    it('marks an ISO date as one date, with no number inside it', () => {
      const tokens = line('Effective 2025-06-09.');
      assert.deepEqual(scopesOf(tokens, '2025-06-09').filter(isPieceScope), [DATE]);
    });

    it('leaves bare URLs alone, dates and figures in them included', () => {
      assert.deepEqual(pieces(line('See https://example.com/2025-06-09/145%-tariffs, then 30%.')), [
        ['https://example.com/2025-06-09/145%-tariffs', BARE_URL],
        ['30%', PERCENTAGE],
      ]);
    });
  });

  describe('Markdown around the pieces', () => {
    it('highlights pieces inside a heading, which stays a heading', () => {
      const tokens = line('# Tariffs cut from 145% to 30% on 2025-05-14');
      assert.ok(hasScope(scopesOf(tokens, '#'), 'punctuation.definition.heading'));
      const figure = scopesOf(tokens, '145%');
      assert.ok(hasScope(figure, 'markup.heading') && figure.includes(PERCENTAGE), figure.join(' '));
      assert.deepEqual(pieces(tokens), [
        ['145%', PERCENTAGE],
        ['30%', PERCENTAGE],
        ['2025-05-14', DATE],
      ]);
    });

    it('highlights pieces inside emphasis, bold and strikethrough', () => {
      const tokens = line('Rates of *145%*, **30 per cent** and ~~$300 billion~~.');
      const italic = scopesOf(tokens, '145%');
      assert.ok(hasScope(italic, 'markup.italic') && italic.includes(PERCENTAGE), italic.join(' '));
      const bold = scopesOf(tokens, '30 per cent');
      assert.ok(hasScope(bold, 'markup.bold') && bold.includes(PERCENTAGE), bold.join(' '));
      assert.ok(scopesOf(tokens, '$300 billion').includes(MONEY));
    });

    it('highlights pieces in list items and block quotes', () => {
      const [bullet, numbered, quote] = tokenizeDocument(
        grammar,
        '- Cut to 30 per cent\n\n1. Raised to 145%\n\n> “We will fight to the end,” MOFCOM said on April 4.',
      ).filter((_, i) => i % 2 === 0);
      assert.ok(hasScope(scopesOf(bullet, '-'), 'punctuation.definition.list.begin'));
      assert.ok(hasScope(scopesOf(bullet, '30 per cent'), 'markup.list.unnumbered'));
      assert.ok(scopesOf(bullet, '30 per cent').includes(PERCENTAGE));
      assert.ok(hasScope(scopesOf(numbered, '145%'), 'markup.list.numbered'));
      assert.ok(scopesOf(numbered, '145%').includes(PERCENTAGE));
      assert.ok(hasScope(scopesOf(quote, '>'), 'punctuation.definition.quote.begin'));
      assert.deepEqual(pieces(quote), [
        ['“We will fight to the end,”', STATEMENT],
        ['April 4', DATE],
      ]);
      assert.ok(hasScope(scopesOf(quote, 'April 4'), 'markup.quote'));
    });

    it('keeps links as links, with no pieces in their text or URL', () => {
      const tokens = line('Read [the 145% statement](https://example.com/2025-05-12/145%) of May 12.');
      assert.ok(hasScope(scopesOf(tokens, 'https://example.com/2025-05-12/145%'), 'markup.underline.link'));
      assert.ok(hasScope(scopesOf(tokens, 'the 145% statement'), 'string.other.link.title'));
      assert.deepEqual(pieces(tokens), [['May 12', DATE]]);
    });

    it('marks nothing inside inline code, but still marks around it', () => {
      const tokens = line('The code `tariff = 145%` sets 30%.');
      assert.ok(hasScope(scopesOf(tokens, 'tariff = 145%'), 'markup.inline.raw'));
      assert.deepEqual(pieces(tokens), [['30%', PERCENTAGE]]);
    });

    it('marks nothing inside fenced or indented code', () => {
      const lines = tokenizeDocument(
        grammar,
        [
          'Before 10%.',
          '',
          '```',
          'rate = 145% # 2025-06-09',
          '```',
          '',
          '    indented 145% on 2025-06-09',
          '',
          'After 20%.',
        ].join('\n'),
      );
      assert.ok(hasScope(lines[3][0].scopes, 'markup.fenced_code'), lines[3][0].scopes.join(' '));
      assert.ok(hasScope(lines[6][lines[6].length - 1].scopes, 'markup.raw'), 'indented code is a raw block');
      assert.deepEqual(
        lines.map((tokens) => pieces(tokens)),
        [[['10%', PERCENTAGE]], [], [], [], [], [], [], [], [['20%', PERCENTAGE]]],
      );
    });

    it('tokenizes front matter as YAML, with no pieces in it', () => {
      const lines = tokenizeDocument(
        grammar,
        ['---', 'title: Tariffs at 145%', 'date: 2025-06-09', '---', '', 'Cut to 30% on 2025-05-14.'].join('\n'),
      );
      for (const tokens of [lines[1], lines[2]]) {
        assert.ok(
          tokens.some(
            (token) =>
              hasScope(token.scopes, 'meta.embedded.block.frontmatter') &&
              token.scopes.some((s) => s.endsWith('.yaml')),
          ),
          JSON.stringify(tokens),
        );
        assert.deepEqual(pieceScopes(tokens), []);
      }
      assert.deepEqual(pieces(lines[5]), [
        ['30%', PERCENTAGE],
        ['2025-05-14', DATE],
      ]);
    });

    it('marks nothing in HTML comments or tag attributes', () => {
      const tokens = line('Rate <!-- was 145% --> <abbr title="tariff of 145%">now</abbr> 30%.');
      assert.ok(hasScope(scopesOf(tokens, ' was 145% '), 'comment'));
      assert.deepEqual(pieces(tokens), [['30%', PERCENTAGE]]);
    });

    it('highlights pieces in table cells', () => {
      const lines = tokenizeDocument(grammar, '| Date | Rate |\n| --- | --- |\n| 2025-04-10 | 145% |');
      assert.deepEqual(pieces(lines[2]), [
        ['2025-04-10', DATE],
        ['145%', PERCENTAGE],
      ]);
    });
  });
});

describe('policy-note language configuration', () => {
  const configuration = JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8'));
  // VS Code builds the word definition as new RegExp(pattern, flags) and adds the global flag itself.
  const wordDefinition = new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags}g`);
  const words = (text: string): string[] => text.match(wordDefinition) ?? [];

  it('keeps figures, dates and hyphenated durations as single words', () => {
    assert.deepEqual(
      words(
        'On April 10, 2025 the US raised tariffs to 145%, then cut them to 7.5% on 2025-05-14 after the 90-day truce.',
      ),
      [
        'On',
        'April',
        '10',
        '2025',
        'the',
        'US',
        'raised',
        'tariffs',
        'to',
        '145%',
        'then',
        'cut',
        'them',
        'to',
        '7.5%',
        'on',
        '2025-05-14',
        'after',
        'the',
        '90-day',
        'truce',
      ],
    );
  });

  it('keeps hyphenated names, diacritics and apostrophes inside words together', () => {
    assert.deepEqual(words("Maroš Šefčovič met Jean-Claude Juncker, O'Neil and O’Neil; the U.S. side didn’t."), [
      'Maroš',
      'Šefčovič',
      'met',
      'Jean-Claude',
      'Juncker',
      "O'Neil",
      'and',
      'O’Neil',
      'the',
      'U.S.',
      'side',
      'didn’t',
    ]);
    // Decomposed letters (base letter plus combining mark) stay in the word too.
    assert.deepEqual(words('S\u030Cefc\u030Covic\u030C'), ['S\u030Cefc\u030Covic\u030C']);
  });

  it('splits Markdown punctuation and quotes off words', () => {
    assert.deepEqual(
      words('*Bessent* said “no” and ‘never’ to [He Lifeng](https://x.org) — $300 billion, 1,145.5 and 10:30.'),
      [
        'Bessent',
        'said',
        'no',
        'and',
        'never',
        'to',
        'He',
        'Lifeng',
        'https',
        'x',
        'org',
        '$300',
        'billion',
        '1,145.5',
        'and',
        '10:30',
      ],
    );
  });

  it('never matches an empty string, which VS Code rejects', () => {
    assert.equal(new RegExp(configuration.wordPattern.pattern, configuration.wordPattern.flags).exec(''), null);
  });

  it('auto-closes brackets and curly quotes but not emphasis markers, which still surround a selection', () => {
    const autoClosed = configuration.autoClosingPairs.map(
      (pair: { open: string; close: string }) => pair.open + pair.close,
    );
    assert.deepEqual(autoClosed, ['{}', '[]', '()', '“”', '‘’', '""']);
    const surrounding = configuration.surroundingPairs.map(([open, close]: [string, string]) => open + close);
    for (const pair of ['**', '__', '“”', '()', '``']) {
      assert.ok(surrounding.includes(pair), pair);
    }
  });

  it('comments out with an HTML comment that the grammar shows as a comment', async () => {
    const [open, close] = configuration.comments.blockComment;
    const grammar = await loadPolicyNoteGrammar();
    const [, commented] = tokenizeDocument(grammar, `\n${open} Tariffs at 145% ${close}`);
    assert.ok(
      commented.every((token) => hasScope(token.scopes, 'comment')),
      JSON.stringify(commented),
    );
    assert.deepEqual(pieceScopes(commented), []);
  });

  it('folds regions marked with HTML comments', () => {
    const start = new RegExp(configuration.folding.markers.start);
    const end = new RegExp(configuration.folding.markers.end);
    assert.ok(start.test('<!-- #region Geneva round -->') && start.test('  <!-- region -->'));
    assert.ok(end.test('<!-- #endregion -->'));
    assert.ok(!start.test('<!-- a note about the region -->') && !start.test('<!-- #endregion -->'));
  });

  it('continues a bullet list on Enter with the same bullet, but not after an empty bullet or a rule', () => {
    const bulletAfter = (text: string): string | undefined =>
      configuration.onEnterRules.find((rule: { beforeText: string }) => new RegExp(rule.beforeText).test(text))?.action
        .appendText;
    assert.equal(bulletAfter('- Cut to 30%'), '- ');
    assert.equal(bulletAfter('  * nested point'), '* ');
    assert.equal(bulletAfter('+ point'), '+ ');
    for (const text of ['- ', '-', '---', '- - -', '* * *', '**Place:** Geneva', 'Plain text']) {
      assert.equal(bulletAfter(text), undefined, text);
    }
  });
});
