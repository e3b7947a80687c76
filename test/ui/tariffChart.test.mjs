// @ts-check
// The tariff chart in a real workbench: hover "145%" in examples/notes/london-talks-debrief.pnote, click the
// card's chart link, and read the webview (an iframe in an iframe): one table row per history entry of the
// tariff and of its counterpart, the linked events as markers, the keyboard cursor; screenshots in the
// light theme and, after switching with "Preferences: Color Theme", in the dark one and a high contrast one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../harness/paths.mjs';
import { delay } from '../harness/processes.mjs';
import { workbenchWith } from './workbench.mjs';

const note = 'notes/london-talks-debrief.pnote';

/** @typedef {{ id: string, label: string, by: string, on: string, history: { event?: string }[] }} Tariff */
const bundled = parse(readFileSync(path.join(repoRoot, 'src/bundled/us-china-2025.trade.yaml'), 'utf8'));
/** @type {Tariff[]} */
const tariffs = bundled.tariffs;
const usOnCn = /** @type {Tariff} */ (tariffs.find((t) => t.id === 'us-on-cn'));
// The counterpart: the first tariff the other way round.
const cnOnUs = /** @type {Tariff} */ (tariffs.find((t) => t.by === usOnCn.on && t.on === usOnCn.by));
const linkedEvents = new Set([usOnCn, cnOnUs].flatMap((t) => t.history.flatMap((step) => step.event ?? [])));

describe('Tariff chart (real workbench)', function () {
  this.timeout(180_000);
  const workbench = workbenchWith(note);
  /** The chart's page inside the webview's two frames. */
  const chart = () => workbench().page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

  it('opens from the link in the tariff card, one step per history entry, with the event markers', async () => {
    const card = await workbench().hoverOver(note, '145%');
    assert.match(card, /Show tariff chart/);
    await workbench().fitHover();
    await workbench().page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show tariff chart' }).first().click();
    await workbench().page.locator('.tabs-container .tab.active[aria-label^="Tariff Chart"]').waitFor();
    // A hover that took a click stays open while the focus is elsewhere: a click on the note's tab closes it.
    await workbench().page.locator('.tabs-container .tab[aria-label^="london-talks-debrief"]').click();
    await workbench().dismissHover();
    await workbench().page.locator('.tabs-container .tab[aria-label^="Tariff Chart"]').click();

    const rows = chart().locator('table.rows tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.equal(cells.length, usOnCn.history.length + cnOnUs.history.length);
    assert.equal(cells.filter((row) => row[2] === usOnCn.label).length, usOnCn.history.length);
    assert.equal(cells.filter((row) => row[2] === cnOnUs.label).length, cnOnUs.history.length);
    assert.equal(await chart().locator('.events .event-marker').count(), linkedEvents.size);
    assert.equal(await chart().locator('h1').textContent(), `${usOnCn.label} and ${cnOnUs.label}`);
    // uPlot's canvas and legend: the dates plus one entry per tariff.
    await chart().locator('.plot canvas').first().waitFor();
    assert.equal(await chart().locator('.plot .u-legend .u-series').count(), 3);

    // The chart's editor group alone, as wide as the window, for the screenshot.
    await workbench().runCommand('View: Toggle Primary Side Bar Visibility');
    await workbench().moveMouseAway();
    await delay(800);
    await workbench().screenshot('tariff-chart');
  });

  /** Picks a colour theme with "Preferences: Color Theme", as a user does. */
  async function switchTheme(/** @type {string} */ theme) {
    await workbench().runCommand('Preferences: Color Theme');
    await workbench().pick(theme);
  }

  it('redraws in the dark theme', async () => {
    await switchTheme('Dark Modern');
    await chart().locator('body.vscode-dark').waitFor({ timeout: 30_000 });
    await chart().locator('table.rows tbody tr').first().waitFor();
    await workbench().moveMouseAway();
    await delay(800);
    await workbench().screenshot('tariff-chart-dark');
  });

  it('redraws in a high contrast theme: bordered buttons, text at 7:1 or more', async () => {
    await switchTheme('Dark High Contrast');
    await chart().locator('body.vscode-high-contrast').waitFor({ timeout: 30_000 });
    await chart().locator('table.rows tbody tr').first().waitFor();
    const looks = await chart()
      .locator('body')
      .evaluate((body) => {
        const style = getComputedStyle(body);
        const button = getComputedStyle(/** @type {Element} */ (body.querySelector('button')));
        return {
          text: style.color,
          background: style.backgroundColor,
          buttonBorder: `${button.borderTopStyle} ${button.borderTopWidth} ${button.borderTopColor}`,
        };
      });
    // A solid border of a colour of its own (with no border, the colour would be the text's).
    assert.match(looks.buttonBorder, /^solid [1-9][\d.]*px rgb\(/, 'buttons have a visible border');
    assert.ok(!looks.buttonBorder.endsWith(looks.text), `the border is not the text colour: ${looks.buttonBorder}`);
    const ratio = contrastRatio(looks.text, looks.background);
    assert.ok(ratio >= 7, `text contrast ${ratio.toFixed(1)}:1 (${looks.text} on ${looks.background})`);
    await workbench().moveMouseAway();
    await delay(800);
    await workbench().screenshot('tariff-chart-high-contrast');
  });

  it('moves between changes and events from the keyboard', async () => {
    const plot = chart().locator('.plot');
    await plot.focus();
    await plot.press('Home');
    assert.match((await chart().locator('.status').textContent()) ?? '', /^4 Feb 2025\. .*: 10% \(new\)/);
    await plot.press('ArrowRight');
    assert.match((await chart().locator('.status').textContent()) ?? '', /^4 Mar 2025\./);
    await plot.press('End');
    assert.match((await chart().locator('.status').textContent()) ?? '', /^10 Nov 2025\./);
  });

  it('copies the chart as SVG through the extension', async () => {
    const page = workbench().page;
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await chart().locator('button', { hasText: 'Copy as SVG' }).click();
    // The extension says so (VS Code announces the message to screen readers), and the clipboard has the SVG.
    await page.locator('.monaco-alert', { hasText: 'Copied the chart as SVG' }).waitFor({ state: 'attached' });
    const svg = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<circle /g) ?? []).length, usOnCn.history.length + cnOnUs.history.length);
    assert.match(svg, /Note dated 10 Jun 2025/);
  });

  it('copies the chart as PNG, or offers to save it where the webview may not use the clipboard', async () => {
    const page = workbench().page;
    await chart().locator('button', { hasText: 'Copy as PNG' }).click();
    const copied = chart().locator('.status', { hasText: 'Copied the chart as PNG' });
    const offered = page.locator('.monaco-alert', { hasText: 'could not be copied as an image here' });
    const outcome = await Promise.race([
      copied.waitFor().then(() => 'copied in the webview'),
      offered.waitFor({ state: 'attached' }).then(() => 'offered a PNG file'),
    ]);
    console.log(`      Copy as PNG: ${outcome}`);
    if (outcome === 'copied in the webview') {
      const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
      assert.deepEqual(types, ['image/png']);
    }
  });
  it("saves the chart as a PNG file where the user picks, through VS Code's save dialog", async () => {
    const page = workbench().page;
    const target = path.join(workbench().runFolder, 'chart.png');
    await chart().locator('button', { hasText: 'Save as PNG' }).click();
    // code-server's save dialog is VS Code's own, a path box in the quick input; it offers the workspace.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    // The dialog fills the box in steps (the folder, then the file name).
    let offered = '';
    for (let tries = 0; tries < 50 && !offered.endsWith('.png'); tries++, await delay(100)) {
      offered = await input.inputValue();
    }
    assert.match(offered, /examples\/tariff-chart\.png$/);
    await input.fill(target);
    // It lists the typed path's folder (the run folder, with code-server's user-data) once it has read it,
    // and takes Enter only then.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'user-data' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-alert', { hasText: 'Saved the chart as' }).waitFor({ state: 'attached' });
    const png = readFileSync(target);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: the chart with its title and legend, not an empty canvas.
    assert.ok(
      png.readUInt32BE(16) >= 400 && png.readUInt32BE(20) >= 200,
      `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`,
    );
  });
});

/** WCAG's contrast ratio of two computed `rgb(…)` colours. */
function contrastRatio(/** @type {string} */ a, /** @type {string} */ b) {
  const luminance = (/** @type {string} */ colour) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
