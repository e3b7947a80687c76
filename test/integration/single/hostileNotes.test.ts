// Huge and unusual notes: CRLF and mixed line endings, a 10 MB note on one line, a line of 100,000
// figures, a note just under VS Code's 50 MB limit for extensions and one over it. Hovers stay exact,
// the first scan of a huge note runs in slices (the extension host keeps running other work), and a note
// VS Code does not hand to extensions changes nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import Mocha from 'mocha';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverOn, waitFor } from '../support';

function report(line: string): void {
  Mocha.reporters.Base.consoleLog(`      ${line}`);
}

describe('Hostile and huge notes', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-huge-'));
  before(activateExtension);
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Writes a note outside the workspace (nothing in the fixtures is touched) and opens it. */
  async function noteWith(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }

  /**
   * Runs `work` while a 1 ms timer counts its ticks and the longest gap between two: a host that a
   * scan blocked for all of its time would tick only before and after it.
   */
  async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; longestGapMs: number }> {
    let ticks = 0;
    let last = performance.now();
    let longestGapMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      ticks++;
    }, 1);
    try {
      const result = await work();
      return { result, ticks, longestGapMs };
    } finally {
      clearInterval(timer);
    }
  }

  it('hovers exactly in a note with CRLF line endings, names wrapped over a CRLF included', async () => {
    const lines = [
      '# Geneva\r\n',
      '\r\n',
      'Then Scott\r\nBessent met He\r\nLifeng.\r\n',
      '\r\n',
      'Tariffs fell from 145% to 30%.\r\n',
    ];
    const document = await noteWith('crlf.pnote', lines.join('').repeat(30));
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
    const document = await noteWith('mixed.pnote', text);
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
    const document = await noteWith('one-line.pnote', text);
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
    const document = await noteWith('figures.pnote', `${intro}${'145% '.repeat(100_000)}\n`);
    const card = await hoverAt(document, document.positionAt(intro.length + 5 * 50_000 + 1));
    assert.strictEqual(card?.text, '145%');
    assert.match(card?.markdown ?? '', /US tariffs on goods from China/);
  });

  it('gives unknown-official hints in ordinary notes only, not in a pasted 2 MB report', async () => {
    const hintsOf = (uri: vscode.Uri): vscode.Diagnostic[] =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes' && d.code === 'unknown-official');
    const line = 'Commerce Minister Zhang Wei spoke to reporters.\n';
    // Opened in this order, the large note's check is due first.
    const large = await noteWith('large-report.pnote', line.repeat(Math.ceil(2_000_000 / line.length)));
    const small = await noteWith('short.pnote', line);
    await waitFor('the hint on the short note', () => hintsOf(small.uri).length === 1);
    assert.deepStrictEqual(hintsOf(large.uri), []);
  });

  it('handles a note just under the 50 MB VS Code hands to extensions, and ignores one over it', async function () {
    this.timeout(300_000);
    const paragraph = 'Vice Premier He Lifeng met Scott Bessent in London.\n\nThe tariff stood at 145%.\n\n';
    const under = await noteWith('under-limit.pnote', paragraph.repeat(Math.floor(45_000_000 / paragraph.length)));
    const at = under.positionAt(paragraph.length * 400_000 + paragraph.indexOf('Scott Bessent') + 1);
    const { result: card, ticks, longestGapMs } = await whileTicking(() => hoverAt(under, at));
    assert.strictEqual(card?.text, 'Scott Bessent');
    report(
      `first hover in the 45 MB note: the host ran its timer ${ticks} times meanwhile, longest gap ${longestGapMs.toFixed(0)} ms`,
    );
    assert.ok(ticks >= 10, `the host kept running while the note was scanned (${ticks} timer ticks)`);

    const overPath = path.join(folder, 'over-limit.pnote');
    fs.writeFileSync(overPath, paragraph.repeat(Math.ceil(55_000_000 / paragraph.length)));
    await assert.rejects(
      Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.file(overPath))),
      'VS Code does not give extensions notes over 50 MB',
    );
    // Nothing broke: a small note still gets its cards.
    const small = await noteWith('small.pnote', 'Scott Bessent spoke.\n');
    assert.match((await hoverOn(small, 'Scott Bessent'))?.markdown ?? '', /Secretary of the Treasury/);
  });
});
