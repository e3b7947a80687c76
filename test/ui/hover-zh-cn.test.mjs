// @ts-check
// A hover card with VS Code in Chinese (display language zh-cn, see test/harness/README.md): the labels,
// dates and sources line of He Lifeng's card are Chinese, his name, title and note as the knowledge file
// writes them. The screenshot is docs/hover-zh-cn.png (a CJK font, fonts-noto-cjk, renders it).
import assert from 'node:assert/strict';
import { workbenchWith } from './workbench.mjs';

const note = 'notes/london-talks-debrief.pnote';

describe('A hover card in Chinese (real workbench, zh-cn)', function () {
  this.timeout(180_000);
  const workbench = workbenchWith(note, { locale: 'zh-cn' });

  it("shows He Lifeng's card with Chinese labels and dates", async () => {
    const card = await workbench().hoverOver(note, 'He Lifeng');
    await workbench().fitHover();
    await workbench().screenshot('hover-zh-cn');
    assert.match(card, /He Lifeng/);
    assert.match(card, /Vice Premier of China/);
    assert.match(card, /又称：何立峰、/);
    assert.match(card, /参与的事件/);
    assert.match(card, /2025年6月9日至10日 · London talks/);
    assert.match(card, /来源：/);
    assert.doesNotMatch(card, /Also known as|Took part in|Sources:/);
  });
});
