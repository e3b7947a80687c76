import assert from 'node:assert/strict';
import type { Mention } from '../../src/core/matching/mention';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import {
  MAX_NOTE_BYTES,
  NoteMentionIndex,
  type MentionScanner,
  type NoteFile,
  type ScanProgress,
} from '../../src/core/navigation/noteMentionIndex';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const matcher = new MentionMatcher(knowledgeFrom(TALKS_YAML));

/** A note on a fake disk that counts how often it is read. */
class FakeNote implements NoteFile {
  reads = 0;
  constructor(
    readonly uri: string,
    public text: string,
    public stamp = 'v1',
    readonly size?: number,
  ) {}
  async read(): Promise<string> {
    this.reads++;
    return this.text;
  }
}

function scanner(generation = 1): MentionScanner & { scans: number } {
  const result = {
    generation,
    scans: 0,
    scan(text: string): Mention[] {
      result.scans++;
      return matcher.scan(text);
    },
  };
  return result;
}

function recorder(): ScanProgress & { reports: string[]; skips: string[] } {
  const reports: string[] = [];
  const skips: string[] = [];
  return {
    reports,
    skips,
    report: (done, total) => reports.push(`${done}/${total}`),
    skipped: (uri, reason) => skips.push(`${uri}: ${reason}`),
  };
}

const notCancelled = { isCancellationRequested: false };

describe('NoteMentionIndex', () => {
  it('scans every note and keeps its mentions with line positions', async () => {
    const index = new NoteMentionIndex();
    const a = new FakeNote('file:///a.pnote', 'Intro\nScott Bessent met He Lifeng.');
    const scanned = await index.scanAll([a], scanner(), notCancelled, recorder());
    assert.equal(scanned?.length, 1);
    const [note] = scanned!;
    assert.deepEqual(
      note!.mentions.filter((m) => m.kind === 'official').map((m) => note!.lines.rangeAt(m.start, m.end)),
      [
        { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } },
        { start: { line: 1, character: 18 }, end: { line: 1, character: 27 } },
      ],
    );
  });

  it('reads and scans a note again only when its stamp or the knowledge generation changes', async () => {
    const index = new NoteMentionIndex();
    const a = new FakeNote('file:///a.pnote', 'Bessent');
    const b = new FakeNote('file:///b.pnote', 'Xi');
    const first = scanner(1);
    await index.scanAll([a, b], first, notCancelled, recorder());
    await index.scanAll([a, b], first, notCancelled, recorder());
    assert.deepEqual([a.reads, b.reads, first.scans], [1, 1, 2], 'the second search reads nothing');

    a.text = 'He Lifeng';
    a.stamp = 'v2';
    const again = await index.scanAll([a, b], first, notCancelled, recorder());
    assert.deepEqual([a.reads, b.reads], [2, 1], 'only the changed note is read');
    assert.equal(again![0]!.mentions[0]!.kind === 'official' && again![0]!.mentions[0]!.officialId, 'he-lifeng');

    const newKnowledge = scanner(2);
    await index.scanAll([a, b], newKnowledge, notCancelled, recorder());
    assert.deepEqual([a.reads, b.reads, newKnowledge.scans], [3, 2, 2], 'new knowledge means new mentions');
  });

  it('forgets notes that are no longer listed', async () => {
    const index = new NoteMentionIndex();
    const a = new FakeNote('file:///a.pnote', 'Bessent');
    const s = scanner();
    await index.scanAll([a], s, notCancelled, recorder());
    await index.scanAll([], s, notCancelled, recorder());
    await index.scanAll([a], s, notCancelled, recorder());
    assert.equal(a.reads, 2);
  });

  it('skips notes over the size limit without reading them, and notes that cannot be read', async () => {
    const index = new NoteMentionIndex();
    const huge = new FakeNote('file:///huge.pnote', 'Bessent', 'v1', MAX_NOTE_BYTES + 1);
    const gone = new FakeNote('file:///gone.pnote', '');
    gone.read = async () => {
      throw new Error('file not found');
    };
    const fine = new FakeNote('file:///fine.pnote', 'Bessent', 'v1', 7);
    const progress = recorder();
    const scanned = await index.scanAll([huge, gone, fine], scanner(), notCancelled, progress);
    assert.deepEqual(
      scanned?.map((n) => n.uri),
      ['file:///fine.pnote'],
    );
    assert.equal(huge.reads, 0);
    assert.deepEqual(progress.skips, ['file:///huge.pnote: larger than 10 MB', 'file:///gone.pnote: file not found']);
    assert.deepEqual(progress.reports, ['1/3', '2/3', '3/3']);
  });

  it('stops when cancelled, and keeps what it finished for the next search', async () => {
    const index = new NoteMentionIndex();
    const cancellation = { isCancellationRequested: false };
    const a = new FakeNote('file:///a.pnote', 'Bessent');
    const b = new FakeNote('file:///b.pnote', 'Xi');
    const c = new FakeNote('file:///c.pnote', 'Xi');
    const progress = recorder();
    progress.report = (done) => {
      if (done === 1) cancellation.isCancellationRequested = true;
    };
    const s = scanner();
    assert.equal(await index.scanAll([a, b, c], s, cancellation, progress), undefined);
    assert.deepEqual([a.reads, b.reads, c.reads], [1, 0, 0], 'nothing after the cancellation is read');
    await index.scanAll([a, b, c], s, notCancelled, recorder());
    assert.deepEqual([a.reads, b.reads, c.reads], [1, 1, 1]);
  });
});
