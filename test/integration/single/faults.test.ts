// An exception inside the extension never reaches VS Code: every provider catches it, logs it to the
// "Trade Notes" output channel, and gives no result; once the fault is gone, everything works again.
// The fault is injected into the real, running knowledge store (reading its knowledge, matcher or
// generation throws), as a bug would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TradeNotesApi } from '../../../src/extension';
import { activateExtension, hoverOn, positionOf, scratchNote } from '../support';

describe('Faults inside the extension', () => {
  let api: TradeNotesApi;
  before(async () => {
    api = await activateExtension();
  });

  /** Runs `work` while the store's knowledge, matcher and generation throw; returns what was logged as errors. */
  async function withBrokenStore(work: () => Promise<void>): Promise<string[]> {
    const logged: string[] = [];
    const { logger, store } = api;
    const error = logger.error;
    logger.error = (message, cause) => {
      logged.push(`${message}: ${cause instanceof Error ? cause.message : String(cause)}`);
      error.call(logger, message, cause);
    };
    const broken = (): never => {
      throw new Error('injected fault');
    };
    // Own properties shadow the class's getters and methods until they are deleted.
    const members = ['knowledge', 'mentionMatcher', 'generation'];
    for (const name of members) Object.defineProperty(store, name, { get: broken, configurable: true });
    try {
      await work();
    } finally {
      for (const name of members) delete (store as unknown as Record<string, unknown>)[name];
      logger.error = error;
    }
    return logged;
  }

  it('logs instead of throwing from hover, definition, references, outline, highlighting and completion, then recovers', async () => {
    const document = await scratchNote('Scott Bessent met He Lifeng in Geneva; tariffs fell from 145% to 30%.\n');
    const at = positionOf(document, 'He Lifeng', 1);
    const requests: [string, () => Thenable<unknown>][] = [
      ['hover', () => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at)],
      ['definition', () => vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, at)],
      ['references', () => vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, at)],
      ['outline', () => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri)],
      ['highlighting', () => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri)],
      // Right after "145%": the tariffs with that rate are offered.
      [
        'completion',
        () =>
          vscode.commands.executeCommand(
            'vscode.executeCompletionItemProvider',
            document.uri,
            positionOf(document, '145%', 4),
            '%',
          ),
      ],
    ];
    for (const [feature, request] of requests) {
      const logged = await withBrokenStore(async () => {
        await request();
      });
      assert.ok(
        logged.some((line) => line.includes('injected fault')),
        `${feature}: the fault was caught and logged (logged: ${JSON.stringify(logged)})`,
      );
    }
    const card = await hoverOn(document, 'He Lifeng', 1);
    assert.match(card?.markdown ?? '', /Vice Premier/, 'hovers work again once the fault is gone');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
