// Notes near the 50 MB that VS Code hands to extensions: one just under it is scanned in slices (the
// extension host keeps running other work) and hovers stay exact; one over it changes nothing. They are
// files in the temporary folder (written with Node fs, so this file runs in the Node host only).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverOn, whileTicking } from '../support';
import { report } from '../testRun';

describe('Notes near the size limit', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-huge-'));
  before(activateExtension);
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Writes a note outside the workspace (nothing in the fixtures is touched) and opens it. */
  async function noteWith(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }

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
