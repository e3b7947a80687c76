// Hostile notes: CRLF and mixed line endings, a 10 MB note on one line, a line of 100,000 figures, a
// pasted 2 MB report. Hovers stay exact, and the first scan of a huge note runs in slices (the extension
// host keeps running other work). The notes are unsaved documents: nothing is written anywhere.
// Notes near VS Code's 50 MB limit are in noteSizeLimit.test.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverOn, waitFor, whileTicking } from '../support';
import { report } from '../testRun';

/** An unsaved note with `text`, not shown in an editor. */
function noteWith(text: string): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'policy-note', content: text });
}

describe('Hostile notes', () => {
  before(activateExtension);

  it('hovers exactly in a note with CRLF line endings, names wrapped over a CRLF included', async () => {
    const lines = [
      '# Geneva\r\n',
      '\r\n',
      'Then Scott\r\nBessent met He\r\nLifeng.\r\n',
      '\r\n',
      'Tariffs fell from 145% to 30%.\r\n',
    ];
    const document = await noteWith(lines.join('').repeat(30));
    assert.strictEqual(document.eol, vscode.EndOfLine.CRLF);
    for (const occurrence of [0, 29]) {
      const bessent = await hoverOn(document, 'Scott', 1, occurrence);
      assert.strictEqual(bessent?.text, 'Scott\r\nBessent', 'the wrapped name is one mention');
      assert.match(bessent?.markdown ?? '', /Secretary of the Treasury/);
      const he = await hoverOn(document, 'Lifeng', 1, occurrence);
      assert.strictEqual(he?.text, 'He\r\nLifeng');
      const figure = await hoverOn(document, '145%', 1, occurrence);
      assert.strictEqual(figure?.text, '145%');
    }
  });

  it('hovers exactly in a note with mixed line endings', async () => {
    const text = 'Intro\n\r\nScott Bessent spoke.\rThen He Lifeng.\r\n\nRates: 145%.\n'.repeat(20);
    const document = await noteWith(text);
    for (const [needle, expected] of [
      ['Scott Bessent', 'Scott Bessent'],
      ['He Lifeng', 'He Lifeng'],
      ['145%', '145%'],
    ] as const) {
      for (const occurrence of [0, 19]) {
        assert.strictEqual(
          (await hoverOn(document, needle, 1, occurrence))?.text,
          expected,
          `${needle} #${occurrence}`,
        );
      }
    }
  });

  it('hovers exactly at the start, middle and end of a 10 MB note on one line, scanning it in slices', async function () {
    this.timeout(180_000);
    const sentence = 'Scott Bessent and He Lifeng agreed to cut the 145% tariff to 30% in Geneva; ';
    const text = sentence.repeat(Math.ceil(10_000_000 / sentence.length));
    const document = await noteWith(text);
    assert.strictEqual(document.lineCount, 1);
    const middle = Math.floor(text.length / 2 / sentence.length) * sentence.length;
    const {
      result: first,
      ticks,
      longestGapMs,
    } = await whileTicking(() => hoverAt(document, document.positionAt(middle + sentence.indexOf('He Lifeng') + 1)));
    assert.strictEqual(first?.text, 'He Lifeng');
    assert.match(first?.markdown ?? '', /Vice Premier/);
    report(
      `first hover on the 10 MB line: the host ran its timer ${ticks} times meanwhile, longest gap ${longestGapMs.toFixed(0)} ms`,
    );
    assert.ok(ticks >= 10, `the host kept running while the note was scanned (${ticks} timer ticks)`);
    const end = text.length - sentence.length;
    assert.strictEqual(
      (await hoverAt(document, document.positionAt(end + sentence.indexOf('145%') + 1)))?.text,
      '145%',
    );
    assert.strictEqual((await hoverAt(document, document.positionAt(1)))?.text, 'Scott Bessent');
  });

  it('hovers on a line of 100,000 figures', async function () {
    this.timeout(60_000);
    const intro = 'US tariffs on China: ';
    const document = await noteWith(`${intro}${'145% '.repeat(100_000)}\n`);
    const card = await hoverAt(document, document.positionAt(intro.length + 5 * 50_000 + 1));
    assert.strictEqual(card?.text, '145%');
    assert.match(card?.markdown ?? '', /US tariffs on goods from China/);
  });

  it('gives unknown-official hints in ordinary notes only, not in a pasted 2 MB report', async () => {
    const hintsOf = (uri: vscode.Uri): vscode.Diagnostic[] =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes' && d.code === 'unknown-official');
    const line = 'Commerce Minister Zhang Wei spoke to reporters.\n';
    // Opened in this order, the large note's check is due first.
    const large = await noteWith(line.repeat(Math.ceil(2_000_000 / line.length)));
    const small = await noteWith(line);
    await waitFor('the hint on the short note', () => hintsOf(small.uri).length === 1);
    assert.deepStrictEqual(hintsOf(large.uri), []);
  });
});
