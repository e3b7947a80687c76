// The mention cache's edit folding, in plain Node: its real code over a real knowledge store, with
// documents and their edit events in memory. After any edits, the mentions must be exactly those of a
// fresh scan of the new text, found by reading only around the edits.
import assert from 'node:assert/strict';
import { RANKING_REACH } from '../../src/core/matching/figureRanking';
import type { Mention } from '../../src/core/matching/mention';
import { KnowledgeStore } from '../../src/services/knowledgeStore';
import type { Logger } from '../../src/services/logger';
import { MentionCache } from '../../src/services/mentionCache';
import { TALKS_YAML } from './support/knowledge';
import {
  BUNDLED,
  ManualSlicing,
  MemoryDocument,
  MemoryDocuments,
  MemoryKnowledgeSources,
  requestToken,
} from './support/memoryWorkspace';

const FILLER = 'Markets waited for news from the talks.\n\n'.repeat(1000);

describe('MentionCache', () => {
  const logger: Logger = { error: (message) => assert.fail(message), info: () => undefined };
  let sources: MemoryKnowledgeSources;
  let store: KnowledgeStore;
  let documents: MemoryDocuments;
  let cache: MentionCache<MemoryDocument>;

  beforeEach(async () => {
    sources = new MemoryKnowledgeSources();
    sources.texts.set('memory:/talks.trade.yaml', TALKS_YAML);
    store = new KnowledgeStore(BUNDLED, sources, logger, undefined, new ManualSlicing());
    documents = new MemoryDocuments();
    cache = new MentionCache(store, documents, () => Promise.resolve());
    await store.ready();
  });
  afterEach(() => {
    cache.dispose();
    store.dispose();
  });

  /** What a full scan of the document's text finds now. */
  async function fresh(document: MemoryDocument): Promise<Mention[]> {
    return (await store.mentionMatcher()).scan(document.getText());
  }

  async function mentionsOf(document: MemoryDocument): Promise<Mention[] | undefined> {
    return cache.mentions(document, requestToken());
  }

  it('folds several edits into one update that reads only around them', async () => {
    const document = new MemoryDocument('memory:/note.pnote', `${FILLER}\nScott Bessent met He Lifeng.\n${FILLER}`);
    assert.deepEqual(await mentionsOf(document), await fresh(document));
    const at = document.getText().indexOf('Scott Bessent');
    documents.edit(document, { rangeOffset: at, rangeLength: 0, text: 'Xi Jinping spoke. ' });
    documents.edit(document, {
      rangeOffset: at + 18,
      rangeLength: 'Scott Bessent'.length,
      text: 'Ursula von der Leyen',
    });
    documents.edit(document, { rangeOffset: at + 38, rangeLength: 0, text: ', with tariffs at 30%,' });
    documents.charactersRead = 0;
    const updated = await mentionsOf(document);
    assert.deepEqual(updated, await fresh(document));
    assert.deepEqual(
      updated?.map((m) => document.getText().slice(m.start, m.end)),
      ['Xi Jinping', 'Ursula von der Leyen', '30%', 'He Lifeng'],
    );
    // A figure's ranking reads up to its paragraph's reach on both sides (a few times over); nothing farther.
    assert.ok(
      documents.charactersRead < 3 * RANKING_REACH,
      `read ${documents.charactersRead} of ${document.getText().length} characters`,
    );
  });

  it('folds edits far apart into one update that equals a full scan', async () => {
    const document = new MemoryDocument('memory:/note.pnote', `${FILLER}\nScott Bessent met He Lifeng.\n${FILLER}`);
    await mentionsOf(document);
    documents.edit(document, { rangeOffset: 0, rangeLength: 0, text: 'Xi Jinping spoke. ' });
    documents.edit(document, { rangeOffset: document.getText().length, rangeLength: 0, text: ' Tariffs fell to 30%.' });
    assert.deepEqual(await mentionsOf(document), await fresh(document));
  });

  it('applies the changes of one event one after the other', async () => {
    const document = new MemoryDocument('memory:/note.pnote', 'He Lifeng met Scott Bessent in Geneva.');
    await mentionsOf(document);
    // Two changes in one event, as a multi-cursor edit reports them: the second offset is in the text the first left.
    documents.edit(
      document,
      { rangeOffset: 0, rangeLength: 9, text: 'Xi Jinping' },
      { rangeOffset: 15, rangeLength: 13, text: 'Maroš Šefčovič' },
    );
    assert.equal(document.getText(), 'Xi Jinping met Maroš Šefčovič in Geneva.');
    assert.deepEqual(await mentionsOf(document), await fresh(document));
  });

  it('scans again when the recorded edits do not add up to the text', async () => {
    const document = new MemoryDocument('memory:/note.pnote', 'He Lifeng met Scott Bessent.');
    await mentionsOf(document);
    // An edit the cache never heard of, then one it did: the lengths no longer match.
    document.apply([{ rangeOffset: 0, rangeLength: 0, text: 'Xi Jinping and ' }]);
    documents.edit(document, { rangeOffset: document.getText().length, rangeLength: 0, text: ' Prices rose 145%.' });
    assert.deepEqual(await mentionsOf(document), await fresh(document));
  });

  it('scans again after the knowledge changed, and forgets closed documents', async () => {
    const document = new MemoryDocument('memory:/note.pnote', 'Vice Premier He Lifeng and Nadia Newname met.');
    const before = await mentionsOf(document);
    assert.equal(before?.filter((m) => m.kind === 'official').length, 1);
    sources.write(
      'memory:/more.trade.yaml',
      'kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: nadia-newname, name: Nadia Newname, title: Envoy }\n',
    );
    await new Promise<void>((resolve) => store.onDidChange(() => resolve()));
    const after = await mentionsOf(document);
    assert.equal(after?.filter((m) => m.kind === 'official').length, 2);
    documents.close(document);
    documents.charactersRead = 0;
    const reopened = new MemoryDocument('memory:/note.pnote', 'Nadia Newname alone.');
    assert.deepEqual(await mentionsOf(reopened), await fresh(reopened));
  });

  it('answers undefined to a cancelled request, and the scan still serves the next one', async () => {
    const document = new MemoryDocument('memory:/note.pnote', `${FILLER}He Lifeng.`);
    const token = requestToken();
    const pending = cache.mentions(document, token);
    token.cancel();
    assert.equal(await pending, undefined);
    assert.deepEqual(await mentionsOf(document), await fresh(document));
  });
});
