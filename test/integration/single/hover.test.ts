// Hover cards in a real editor, through vscode.executeHoverProvider, on test/fixtures/single.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverOn, openNote, scratchNote } from '../support';

describe('Hover cards on officials', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await openNote('notes', 'talks.pnote');
    assert.strictEqual(note.languageId, 'policy-note');
  });

  it('shows the card of an official named in full, with title and country', async () => {
    const hover = await hoverOn(note, 'Scott\nBessent', 2);
    assert.ok(hover, 'no hover on a name wrapped over a line break');
    assert.strictEqual(hover.text, 'Scott\nBessent');
    assert.match(hover.markdown, /Secretary of the Treasury/);
    assert.match(hover.markdown, /United States/);
  });

  it('takes the longest name: "Vice Premier He Lifeng" is one mention', async () => {
    const hover = await hoverOn(note, 'Vice Premier He Lifeng', 3);
    assert.strictEqual(hover?.text, 'Vice Premier He Lifeng');
    assert.match(hover.markdown, /Vice Premier of China/);
  });

  it('includes a possessive in the mention', async () => {
    const hover = await hoverOn(note, "Bessent's team", 2);
    assert.strictEqual(hover?.text, "Treasury Secretary Bessent's");
  });

  it('matches Chinese script as written, case-insensitive multi-word names and names without diacritics', async () => {
    assert.match((await hoverOn(note, '何立峰', 1))?.markdown ?? '', /Vice Premier of China/);
    const caps = await hoverOn(note, 'MAROŠ ŠEFČOVIČ', 2);
    assert.strictEqual(caps?.text, 'MAROŠ ŠEFČOVIČ');
    assert.match(caps.markdown, /European Commissioner for Trade/);
    assert.match((await hoverOn(note, 'Sefcovic said', 1))?.markdown ?? '', /European Commissioner for Trade/);
  });

  it('shows nothing for the pronoun He, lower-case single words, or plain text', async () => {
    assert.strictEqual(await hoverOn(note, 'He said', 0), undefined);
    assert.strictEqual(await hoverOn(note, 'bessent in lower', 1), undefined);
    assert.strictEqual(await hoverOn(note, 'neither is xi', 12), undefined);
    assert.strictEqual(await hoverOn(note, 'working notes', 2), undefined);
  });

  it('uses a workspace entry in place of the bundled one with the same id', async () => {
    const hover = await hoverOn(note, 'Kevin Hassett', 2);
    assert.match(hover?.markdown ?? '', /Fixture override title/);
    assert.doesNotMatch(hover!.markdown, /National Economic Council/);
  });
});

describe('Hover cards on tariff figures', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await openNote('notes', 'talks.pnote');
  });

  it('shows the tariff, its history and the hovered step for 145%', async () => {
    const hover = await hoverOn(note, '145%', 1);
    assert.strictEqual(hover?.text, '145%');
    assert.match(hover.markdown, /Additional US tariffs on goods from China/);
    for (const rate of ['10%', '20%', '30%']) assert.ok(hover.markdown.includes(rate), `history row ${rate}`);
    assert.match(hover.markdown, /2025-04-10|10 Apr 2025/);
  });

  it('recognises "145-percent", "30 per cent" and "125 percent"', async () => {
    assert.strictEqual((await hoverOn(note, '145-percent', 1))?.text, '145-percent');
    const perCent = await hoverOn(note, '30 per cent', 1);
    assert.strictEqual(perCent?.text, '30 per cent');
    assert.match(perCent.markdown, /Additional US tariffs on goods from China/);
    const percent = await hoverOn(note, '125 percent', 1);
    assert.match(percent?.markdown ?? '', /Additional Chinese tariffs on all goods from the United States/);
  });

  it('offers every tariff with a shared rate, the one the sentence is about first', async () => {
    const hover = await hoverOn(note, '10%.', 1);
    assert.ok(hover, 'no hover on 10%');
    const chinese = hover.markdown.indexOf('Additional Chinese tariffs');
    const american = hover.markdown.indexOf('Additional US tariffs');
    assert.ok(chinese >= 0 && american >= 0, 'both tariffs with a 10% step are offered');
    assert.ok(chinese < american, '"China cut its tariffs on US goods to 10%" puts China\'s tariff first');
  });

  it('shows nothing for a percentage no tariff has', async () => {
    assert.strictEqual(await hoverOn(note, '99%', 1), undefined);
  });
});

describe('Hover cards in a Chinese-language note', () => {
  let note: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    note = await scratchNote(
      '2025年11月，美国财政部长贝森特和贸易代表格里尔表示，美方对中国商品加征的关税降至20%的水平。\n',
    );
  });

  after(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('shows Bessent’s and Greer’s cards for 贝森特 and 格里尔 inside a Chinese sentence', async () => {
    const bessent = await hoverOn(note, '贝森特', 1);
    assert.strictEqual(bessent?.text, '贝森特');
    assert.match(bessent.markdown, /#### Scott Bessent/);
    assert.match(bessent.markdown, /Secretary of the Treasury/);
    const greer = await hoverOn(note, '格里尔', 1);
    assert.strictEqual(greer?.text, '格里尔');
    assert.match(greer.markdown, /#### Jamieson Greer/);
    assert.match(greer.markdown, /United States Trade Representative/);
  });

  it('shows the US tariff on Chinese goods with its 10 November 2025 step for 20% followed by Chinese text', async () => {
    const figure = await hoverOn(note, '20%', 1);
    assert.strictEqual(figure?.text, '20%');
    assert.match(figure.markdown, /Additional US tariffs on goods from China/);
    assert.match(
      figure.markdown,
      /Lowered from 30% to 20% on 10 Nov 2025\*\*, still the latest recorded rate as of 31 Dec 2025/,
    );
  });
});
