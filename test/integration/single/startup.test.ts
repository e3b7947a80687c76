// Start-up cost, measured inside the extension host: from activation to the first hover card with the
// bundled knowledge. The extension is already active when tests run (it activates with the workspace),
// so the test builds what activate() builds for hovers (knowledge store with the bundled knowledge,
// mention cache, hover provider), from freshly loaded modules, and times that up to the first card on a
// note nothing has scanned yet. It reports the figure; it does not hold it to a number (timings on a
// shared machine vary too much for an assertion).
import * as assert from 'assert';
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as HoverModule from '../../../src/features/hover';
import type * as StoreModule from '../../../src/services/knowledgeStore';
import type { Logger } from '../../../src/services/logger';
import type * as CacheModule from '../../../src/services/mentionCache';
import { activateExtension, hoverOn, positionOf, workspaceFile } from '../support';

/** The repository root, from out/test/integration/single. */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** Loads a compiled module at this moment, so that loading it is timed (a static import loads it with this file). */
function loadNow<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading it now is the point
  return require(relative) as T;
}

function report(line: string): void {
  // The test index keeps every line the reporter prints, and shows them with the results.
  Mocha.reporters.Base.consoleLog(`      ${line}`);
}

describe('Start-up', () => {
  before(activateExtension);

  it('reports the time from activation to the first hover with the bundled knowledge', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('notes', 'talks.pnote'));
    const problems: string[] = [];
    const logger: Logger = { error: (message) => problems.push(message), info: () => undefined };
    const disposables: vscode.Disposable[] = [];

    const started = performance.now();
    // The same modules as the extension's bundle, loaded now (no other test loads them) and timed.
    const { KnowledgeStore } = loadNow<typeof StoreModule>('../../../src/services/knowledgeStore');
    const { MentionCache } = loadNow<typeof CacheModule>('../../../src/services/mentionCache');
    const { MentionHoverProvider } = loadNow<typeof HoverModule>('../../../src/features/hover');
    const loaded = performance.now();
    const bundled = {
      uri: vscode.Uri.from({ scheme: 'trade-notes-bundled', path: '/us-china-2025.trade.yaml' }),
      text: fs.readFileSync(path.join(repoRoot, 'src', 'bundled', 'us-china-2025.trade.yaml'), 'utf8'),
    };
    const store = new KnowledgeStore(bundled, logger);
    const cache = new MentionCache(store);
    disposables.push(store, cache);
    const provider = new MentionHoverProvider(store, cache, logger);
    const activated = performance.now();
    const cancellation = new vscode.CancellationTokenSource();
    disposables.push(cancellation);
    try {
      const hover = await provider.provideHover(document, positionOf(document, 'Vice Premier He Lifeng', 3), cancellation.token);
      const hovered = performance.now();
      assert.ok(hover, 'a card came back');
      assert.ok(hovered > started, 'the time was measured');
      assert.deepStrictEqual(problems, []);
      report(
        `activation → first hover: ${(hovered - started).toFixed(1)} ms ` +
          `(loading the modules ${(loaded - started).toFixed(1)} ms, creating store, cache and provider ${(activated - loaded).toFixed(1)} ms, ` +
          `knowledge found and loaded, matcher built, note scanned, card rendered ${(hovered - activated).toFixed(1)} ms)`,
      );

      // The next hover on the same note reuses everything: only the lookup and the card are left.
      const again = performance.now();
      assert.ok(await provider.provideHover(document, positionOf(document, '145%', 1), cancellation.token));
      report(`second hover on the same note: ${(performance.now() - again).toFixed(2)} ms`);
    } finally {
      for (const disposable of disposables) disposable.dispose();
    }
  });
});

describe('Mentions while typing', () => {
  before(activateExtension);

  it('follows each edit of an indexed note, re-indexing only around it', async () => {
    // An unsaved note with a unique name, so that no other test's clean-up reverts it.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `/typing-${Date.now()}.pnote` });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    try {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), `Intro.\n\n${'Filler words. '.repeat(200)}\nScott Bessent met He Lifeng.\n`)));
      assert.match((await hoverOn(document, 'He Lifeng', 1))?.markdown ?? '', /Vice Premier/, 'the note is indexed');
      // Typing before the mentions moves them; replacing a name changes it; the hovers follow.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Xi Jinping spoke. ')));
      const bessent = document.getText().indexOf('Scott Bessent');
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(bessent), document.positionAt(bessent + 13)), 'Jamieson Greer')));
      assert.strictEqual((await hoverOn(document, 'He Lifeng', 1))?.text, 'He Lifeng');
      assert.strictEqual((await hoverOn(document, 'Jamieson Greer', 1))?.text, 'Jamieson Greer');
      assert.strictEqual((await hoverOn(document, 'Xi Jinping', 1))?.text, 'Xi Jinping');
      assert.strictEqual(await hoverOn(document, 'met', 1), undefined);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
