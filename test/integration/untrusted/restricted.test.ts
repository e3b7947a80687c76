// Workspace Trust on and the fixture workspace untrusted (restricted mode): the extension still works,
// and nothing from the workspace can run a command, a script or load a remote image through a card.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openNote, positionOf } from '../support';

describe('Untrusted workspace', () => {
  before(activateExtension);

  it('runs in restricted mode', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('shows cards, untrusted, with only http(s) links and no HTML, commands or images', async () => {
    const note = await openNote('note.pnote');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      note.uri,
      positionOf(note, 'Mallory', 2),
    );
    const contents = hovers
      .flatMap((hover) => hover.contents)
      .filter((c): c is vscode.MarkdownString => typeof c !== 'string' && c.value.includes('Mallory'));
    assert.strictEqual(contents.length, 1, 'one card for Mallory Fixture');
    const card = contents[0]!;
    assert.ok(!card.isTrusted, 'the card is not trusted');
    assert.ok(!card.supportHtml, 'the card renders no HTML');
    const targets = [...card.value.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]);
    assert.deepEqual(targets, ['https://example.org/mallory'], `link targets: ${targets.join(', ')}`);
    assert.doesNotMatch(card.value, /(?<!\\)<(img|script)/, 'HTML shows as text');
    assert.doesNotMatch(card.value, /!\[/, 'no image is loaded');
  });

  it('still serves the bundled knowledge', async () => {
    const { store } = await activateExtension();
    assert.ok(store.knowledge.officials.has('scott-bessent'));
    assert.ok(
      store.knowledge.officials.has('mallory-fixture'),
      'workspace knowledge is read (reading is safe) in restricted mode',
    );
  });
});
