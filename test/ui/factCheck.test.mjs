// @ts-check
// The fact check in a real workbench: the deliberate mistake of examples/notes/2025-06-12-desk-draft.pnote
// ("now stand at 145%" in a note dated 12 June 2025) is underlined, its hover gives the evidence, and the
// quick fix writes the rate then in force.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { examplesWorkspace } from '../harness/paths.mjs';
import { delay } from '../harness/processes.mjs';
import { workbenchWith } from './workbench.mjs';

const note = 'notes/2025-06-12-desk-draft.pnote';
const claim = 'now stand at 145%';

describe('Fact check in a note (real workbench)', function () {
  this.timeout(180_000);
  const workbench = workbenchWith(note);

  it('underlines the stale figure, with the evidence in its hover', async () => {
    const squiggle = workbench().page.locator('.part.editor .squiggly-warning').first();
    await squiggle.waitFor({ timeout: 60_000 });
    // The hover may show the card alone until the check has run; hover again until it has the finding.
    let hover = '';
    for (let attempt = 0; attempt < 10 && !hover.includes('not 145%'); attempt++) {
      hover = await workbench().hoverOver(note, '145%');
    }
    // For the screenshot, the same hover shown from the keyboard (Ctrl+K Ctrl+I), which stays put.
    const point = await workbench().centerOf('145%');
    if (!point) throw new Error('"145%" is not visible');
    await workbench().page.mouse.click(point.x, point.y);
    await workbench().moveMouseAway();
    await workbench().page.keyboard.press('Control+K');
    await workbench().page.keyboard.press('Control+I');
    await workbench().page.locator('.monaco-hover:not(.hidden)', { hasText: 'not 145' }).first().waitFor();
    // The finding comes first; the card under it may scroll. (Growing the hover drags its edge: when it
    // opens above the line, the drag went past the window's top and closed it.) Wait for its fade-in.
    await delay(500);
    await workbench().screenshot('fact-check-finding');
    assert.match(hover, /stood at 30\s?%/);
    assert.match(hover, /14 May 2025/);
    assert.match(hover, /not 145\s?%/);
  });

  it('offers the quick fix, and applying it writes 30%', async () => {
    await workbench().page.keyboard.press('Escape');
    const point = await workbench().centerOf('145%');
    if (!point) throw new Error('"145%" is not visible');
    await workbench().page.mouse.click(point.x, point.y);
    await workbench().page.keyboard.press('Control+.');
    const fix = workbench().page.locator('.action-widget .monaco-list-row', { hasText: "Change to '30%'" }).first();
    await fix.waitFor({ timeout: 30_000 });
    await workbench().moveMouseAway();
    await workbench().screenshot('fact-check-quick-fix');
    await fix.click();
    await workbench().page.locator('.part.editor .view-line', { hasText: 'now stand at 30%' }).first().waitFor();
    assert.equal(await workbench().centerOf(claim), undefined);
    // One undoable edit, in the editor only: undo brings the claim back, and the file on disk is untouched.
    await workbench().page.keyboard.press('Control+Z');
    await workbench().page.locator('.part.editor .view-line', { hasText: claim }).first().waitFor();
    assert.match(readFileSync(path.join(examplesWorkspace, note), 'utf8'), /now stand at 145%/);
  });
});
