// The knowledge store's guards, in plain Node: its real code over in-memory workspace files, with loads
// and merges finished in the order each test chooses.
import assert from 'node:assert/strict';
import type { Logger } from '../../src/services/logger';
import { KnowledgeStore } from '../../src/services/knowledgeStore';
import { BUNDLED, ManualSlicing, MemoryKnowledgeSources } from './support/memoryWorkspace';

const TEAM = 'memory:/team.trade.yaml';

function official(id: string, title: string): string {
  return `kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: ${id}, name: ${id}, title: ${title} }\n`;
}

/** Lets every pending timer and promise settle. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

describe('KnowledgeStore', () => {
  let sources: MemoryKnowledgeSources;
  let slicing: ManualSlicing;
  let store: KnowledgeStore;
  const logged: string[] = [];
  const logger: Logger = { error: (message) => logged.push(message), info: () => undefined };
  /** The title of an official each time the store said it changed. */
  let changes: string[];

  beforeEach(() => {
    sources = new MemoryKnowledgeSources();
    slicing = new ManualSlicing();
    store = new KnowledgeStore(BUNDLED, sources, logger, undefined, slicing);
    changes = [];
    store.onDidChange(() => changes.push(store.knowledge.officials.get('he-lifeng')?.title ?? '(none)'));
  });
  afterEach(() => {
    store.dispose();
    assert.deepEqual(logged.splice(0), [], 'nothing was logged');
  });

  it('serves workspace entries over bundled ones, and keeps the last good content of a broken file', async () => {
    sources.texts.set(TEAM, official('he-lifeng', 'Vice Premier as the workspace says'));
    await store.ready();
    assert.equal(store.knowledge.officials.get('he-lifeng')?.title, 'Vice Premier as the workspace says');
    sources.write(TEAM, 'kind: trade-knowledge\nversion: 1\nofficials: [ {');
    await settle();
    assert.equal(store.knowledge.officials.get('he-lifeng')?.title, 'Vice Premier as the workspace says');
    const problems = store.problemsByUri().get(TEAM) ?? [];
    assert.ok(
      problems.some((p) => p.severity === 'error'),
      'the YAML error is reported on the file',
    );
  });

  it('drops a load that a newer load of the same file overtook', async () => {
    sources.texts.set(TEAM, official('he-lifeng', 'First'));
    await store.ready();
    const release = sources.holdReads();
    sources.write(TEAM, official('he-lifeng', 'Older edit'));
    await settle();
    sources.write(TEAM, official('he-lifeng', 'Newer edit'));
    await settle();
    // The newer read finishes first, then the older one.
    release(1);
    await settle();
    release(0);
    await settle();
    sources.releaseAll();
    assert.equal(store.knowledge.officials.get('he-lifeng')?.title, 'Newer edit');
    assert.equal(changes.at(-1), 'Newer edit');
    assert.ok(!changes.includes('Older edit'), `the older text was never served (${changes.join(', ')})`);
  });

  it('does not bring back a file that was forgotten while it was being read', async () => {
    sources.texts.set(TEAM, official('he-lifeng', 'First'));
    await store.ready();
    const release = sources.holdReads();
    sources.write(TEAM, official('he-lifeng', 'Read before the folder went away'));
    await settle();
    // The file leaves the workspace (its folder was removed): a new search no longer finds it.
    sources.texts.delete(TEAM);
    sources.changeScope();
    await settle();
    release(0);
    await settle();
    sources.releaseAll();
    await store.ready();
    assert.deepEqual(store.trackedUris, []);
    assert.equal(store.knowledge.officials.get('he-lifeng')?.title, 'Vice Premier as bundled');
  });

  it('drops a merge that a newer merge overtook', async () => {
    // An event with enough participants that merging it takes several steps (and so several pauses).
    const participants = Array.from({ length: 5000 }, (_, i) => `p${i}`).join(', ');
    sources.texts.set(
      TEAM,
      `kind: trade-knowledge\nversion: 1\ntimeline:\n  - { id: big, date: 2025-01-01, title: Big, participants: [${participants}] }\n`,
    );
    await store.ready();
    changes.length = 0;
    const pauses = slicing.hold();
    sources.toggleBundled(false);
    await settle();
    const firstMergePauses = pauses.count();
    assert.ok(firstMergePauses > 0, 'the first merge is paused');
    sources.toggleBundled(true);
    await settle();
    assert.ok(pauses.count() > firstMergePauses, 'the second merge is paused too');
    // The newer merge finishes first; the older one, finishing later, must not replace it.
    for (let n = firstMergePauses; n < pauses.count(); n++) pauses.release(n);
    while (changes.length === 0) {
      for (let n = firstMergePauses; n < pauses.count(); n++) pauses.release(n);
      await settle();
    }
    slicing.releaseAll();
    await settle();
    assert.deepEqual(changes, ['Vice Premier as bundled'], 'one change, of the newer merge (bundled knowledge on)');
    assert.equal(store.knowledge.officials.get('he-lifeng')?.title, 'Vice Premier as bundled');
  });
});
