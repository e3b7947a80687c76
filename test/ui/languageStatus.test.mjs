// @ts-check
// The language status of a policy note in a real workbench: a click on `{}` in the status bar shows the
// knowledge in use (the bundled file plus examples/eu-watch.trade.yaml), with a link to the log, and the
// note's date (examples/notes/2025-06-12-desk-draft.pnote is dated by its file name).
import assert from 'node:assert/strict';
import { delay } from '../harness/processes.mjs';
import { workbenchWith } from './workbench.mjs';

describe('Language status of a note (real workbench)', function () {
  this.timeout(180_000);
  const workbench = workbenchWith('notes/2025-06-12-desk-draft.pnote');

  it('shows the knowledge in use and the date of the note', async () => {
    const { page } = workbench();
    const status = page.locator('.part.statusbar [id="status.languageStatus"]');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Dated 12 Jun 2025' }).first();
    // The items fill in once the extension has activated and searched the workspace.
    let text = '';
    for (let attempt = 0; attempt < 20 && !/officials/.test(text); attempt++) {
      await workbench().moveMouseAway();
      await page.keyboard.press('Escape');
      await status.click();
      text = await hover.innerText({ timeout: 10_000 }).catch(() => '');
      if (!/officials/.test(text)) await delay(1000);
    }
    await delay(500);
    await workbench().screenshot('language-status');
    assert.match(text, /bundled \+ 1 file, \d+ officials, \d+ tariffs/);
    assert.match(text, /as of 31 Dec 2025/);
    assert.match(text, /Show Log/);
    assert.match(text, /Dated 12 Jun 2025/);
    assert.match(text, /from its file name/);
  });
});
