// A first start in a workspace whose knowledge files are slow to read (the in-memory file system delays
// them): hover cards must not wait for them. A card shown meanwhile comes from the knowledge already
// there (here a stand-in for the bundled knowledge that has the same official) and says it may change;
// once the files are loaded, the card is the workspace's, without that line.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadKnowledgeFile } from '../../../src/core/knowledge/loadKnowledgeFile';
import { provideMentionHover, stillSearching } from '../../../src/features/hover';
import { KnowledgeDiscovery } from '../../../src/services/knowledgeDiscovery';
import { KnowledgeStore } from '../../../src/services/knowledgeStore';
import type { Logger } from '../../../src/services/logger';
import { MentionCache } from '../../../src/services/mentionCache';
import { editorDocuments } from '../../../src/services/editorDocuments';
import { activateExtension, openNote, positionOf } from '../support';
import { virtualFs, type VirtualFsApi } from './virtualFs';

const BUNDLED_URI = vscode.Uri.from({ scheme: 'trade-notes-bundled', path: '/first-start.trade.yaml' });
const BUNDLED_TEXT =
  'kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: vera-virtualova, name: Vera Virtualova, title: Envoy as the bundled knowledge has it }\n';

function markdownOf(hover: vscode.Hover | undefined): string[] {
  return (hover?.contents ?? []).map((part) => (part as vscode.MarkdownString).value);
}

describe('First start with slow knowledge files', () => {
  const logged: string[] = [];
  const logger: Logger = { error: (message) => logged.push(message), info: () => undefined };
  const disposables: vscode.Disposable[] = [];
  let fileSystem: VirtualFsApi;

  before(async () => {
    fileSystem = await virtualFs();
    await activateExtension();
  });
  after(() => {
    fileSystem.reset();
    for (const disposable of disposables.splice(0)) disposable.dispose();
  });

  it('shows a card at once, marked as possibly changing, then the workspace card once the files are read', async () => {
    const note = await openNote('notes', 'virtual-round.pnote');
    const { file } = loadKnowledgeFile(BUNDLED_URI.toString(), BUNDLED_TEXT);
    assert.ok(file);
    fileSystem.delayReads('virtual.trade.yaml', 4000);
    // A new store with nothing remembered: what activate() makes on a first start in a workspace.
    const discovery = new KnowledgeDiscovery(logger);
    const store = new KnowledgeStore(file, discovery, logger);
    const cache = new MentionCache(store, editorDocuments);
    const cancellation = new vscode.CancellationTokenSource();
    disposables.push(discovery, store, cache, cancellation);
    const hover = { store, mentions: cache, logger };
    const position = positionOf(note, 'Vera Virtualova', 2);

    const early = await provideMentionHover(hover, note, position, cancellation.token);
    assert.ok(store.searching, 'the knowledge file is still being read: the card did not wait for it');
    const [card, caveat] = markdownOf(early);
    assert.match(card ?? '', /Envoy as the bundled knowledge has it/);
    assert.strictEqual(caveat, stillSearching());

    await store.ready();
    assert.strictEqual(store.searching, false);
    const final = markdownOf(await provideMentionHover(hover, note, position, cancellation.token));
    assert.strictEqual(final.length, 1, 'no caveat once the search is done');
    assert.match(final[0]!, /Envoy of the Virtual Folder/);
    assert.deepStrictEqual(logged, []);
  });
});
