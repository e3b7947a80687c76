// @ts-check
// Hover cards in a real workbench: open a note from the Explorer, move the mouse over an official's
// name and over a tariff figure, and read the card. Expected texts come from the bundled knowledge
// (src/bundled/us-china-2025.trade.yaml); the note is examples/notes/london-talks-debrief.pnote.
import assert from 'node:assert/strict';
import { inWebWorker, workbenchWith } from './workbench.mjs';

const note = 'notes/london-talks-debrief.pnote';
// Before each screenshot the hover is enlarged to its whole card (see Workbench.fitHover): the
// assertions read the card's full text either way.

describe('Hover cards in a note (real workbench)', function () {
  this.timeout(180_000);
  const workbench = workbenchWith(note);

  it('shows the card of Scott Bessent, with his title', async () => {
    const card = await workbench().hoverOver(note, 'Scott Bessent');
    await workbench().fitHover();
    await workbench().screenshot('hover-official');
    assert.match(card, /Scott Bessent/);
    assert.match(card, /Secretary of the Treasury/);
  });

  it('shows the tariff card over "145%", with the tariff label', async () => {
    const card = await workbench().hoverOver(note, '145%');
    await workbench().fitHover();
    await workbench().screenshot('hover-tariff');
    assert.match(card, /US tariffs on goods from China/);
    assert.match(card, /145\s?%/);
  });

  it(`gave the cards from ${inWebWorker ? 'the web worker' : "code-server's Node"} extension host`, async () => {
    const where = await workbench().extensionHostOf('trade-notes');
    if (inWebWorker) assert.equal(where, 'web worker');
    else assert.match(where, /^127\.0\.0\.1:\d+$/);
  });
});
