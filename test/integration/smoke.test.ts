// Proves the wiring of the extension-host tests: the extension under test is loaded, activates,
// and its language contribution applies. Shared by every suite (see index.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('Smoke: the extension under test', () => {
  it('is present as trade-notes.trade-notes and activates', async () => {
    const extension = vscode.extensions.getExtension('trade-notes.trade-notes');
    assert.ok(extension, 'trade-notes.trade-notes is not among the loaded extensions');
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  for (const fileName of ['smoke.pnote', 'smoke.policy.md']) {
    it(`gives ${fileName} the language policy-note`, async () => {
      // An untitled document takes its language from its name; nothing is written to the workspace.
      const document = await vscode.workspace.openTextDocument(
        vscode.Uri.from({ scheme: 'untitled', path: `/${fileName}` }),
      );
      assert.strictEqual(document.languageId, 'policy-note');
    });
  }
});
