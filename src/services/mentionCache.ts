import type { Mention } from '../core/matching/mention';
import { EditAccumulator, MentionIndex } from '../core/matching/mentionIndex';
import { TimeSlices } from '../core/scheduling/timeSlices';
import { Disposable, type Event } from './disposable';
import type { KnowledgeStore } from './knowledgeStore';

/** What the cache reads of a document; VS Code's `TextDocument` has it all. */
export interface NoteDocument {
  readonly uri: { toString(): string };
  readonly version: number;
  readonly isClosed: boolean;
  readonly lineCount: number;
  getText(): string;
}

/** One change of a document, as VS Code reports it: `rangeLength` characters at `rangeOffset` became `text`. */
export interface DocumentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * What the cache needs of the editor: document events, and reading part of a document (VS Code's
 * `getText(range)` needs a `vscode.Range`, so the extension supplies these).
 */
export interface NoteDocuments<D extends NoteDocument> {
  readonly onDidChange: Event<{ readonly document: D; readonly contentChanges: readonly DocumentChange[] }>;
  readonly onDidClose: Event<D>;
  /** The length of the document's text. */
  lengthOf(document: D): number;
  /** The text of [start, end). */
  textBetween(document: D, start: number, end: number): string;
  /** The text of lines [from, to), with their line breaks; `to` may be past the last line. */
  textOfLines(document: D, from: number, to: number): string;
}

/** A token of the caller's request, in the shape of `vscode.CancellationToken`. */
export interface RequestToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: Event<unknown>;
}

/** For requests nobody cancels, such as commands. */
export const NOT_CANCELLED: RequestToken = {
  isCancellationRequested: false,
  onCancellationRequested: () => ({ dispose: () => undefined }),
};

interface Entry {
  /** The document version and knowledge generation the index was built or last updated for. */
  readonly version: number;
  readonly generation: number;
  readonly index: MentionIndex;
  /** Edits made since, folded into one; applied when a request needs the mentions. */
  pending?: EditAccumulator;
  /** The version the pending edits lead to. */
  pendingVersion?: number;
}

/** A first index of a document being built in slices; requests for the same version share it. */
interface Build {
  readonly version: number;
  readonly generation: number;
  readonly index: Promise<MentionIndex | undefined>;
  readonly stop: { isCancellationRequested: boolean };
}

/** Lines read at a time from a large document. */
const LINES_PER_READ = 20_000;

/**
 * Mentions per open note, computed on first request and kept until the document or the knowledge
 * changes, so hovering never re-scans an unchanged document. Typing does no scanning at all: edits are
 * only recorded, and the next request re-indexes just the text around them (see MentionIndex).
 * Notes that no feature asked about are never read. A first scan runs in short slices, so even a 50 MB
 * note never blocks the extension host; a request that is cancelled stops waiting for it, and the scan
 * goes on for the next request unless the document changes or closes.
 */
export class MentionCache<D extends NoteDocument> extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly builds = new Map<string, Build>();

  constructor(
    private readonly store: KnowledgeStore,
    private readonly documents: NoteDocuments<D>,
    private readonly pause = TimeSlices.yieldToHost,
  ) {
    super();
    this.register(
      documents.onDidClose((document) => {
        this.entries.delete(document.uri.toString());
        this.stopBuild(document.uri.toString());
      }),
    );
    this.register(documents.onDidChange(({ document, contentChanges }) => this.recordEdits(document, contentChanges)));
    this.register({ dispose: () => [...this.builds.keys()].forEach((key) => this.stopBuild(key)) });
    this.register({ dispose: () => this.entries.clear() });
  }

  /**
   * The document's mentions; undefined if the request was cancelled before the scan finished. They are
   * of the complete knowledge, or with `knowledge: 'available'` of what the store has now (see
   * {@link KnowledgeStore.available}), for passing answers that must not wait for a workspace search.
   */
  async mentions(
    document: D,
    token: RequestToken,
    knowledge: 'complete' | 'available' = 'complete',
  ): Promise<Mention[] | undefined> {
    await (knowledge === 'complete' ? this.store.ready() : this.store.available());
    if (token.isCancellationRequested) return undefined;
    const key = document.uri.toString();
    const generation = this.store.generation;
    const cached = this.entries.get(key);
    if (cached && cached.generation === generation) {
      if (cached.version === document.version) return cached.index.mentions;
      const updated = cached.pendingVersion === document.version ? this.applyEdits(cached, document) : undefined;
      if (updated) {
        this.entries.set(key, { version: document.version, generation, index: updated });
        return updated.mentions;
      }
    }
    const index = await untilCancelled(this.build(document, generation), token);
    return index?.mentions;
  }

  /** The running first scan of this version of the document, or a new one; its index is cached when done. */
  private build(document: D, generation: number): Promise<MentionIndex | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const running = this.builds.get(key);
    if (running && running.version === version && running.generation === generation) return running.index;
    this.stopBuild(key);
    const stop = { isCancellationRequested: false };
    const matcher = this.store.mentionMatcher();
    const scan = async (): Promise<MentionIndex | undefined> => {
      const ready = await matcher;
      const slices = new TimeSlices(this.pause);
      const text = await this.textInSlices(document, slices, stop);
      return text === undefined ? undefined : MentionIndex.buildInSlices(ready, text, slices, stop);
    };
    const index = scan()
      .finally(() => {
        if (this.builds.get(key)?.stop === stop) this.builds.delete(key);
      })
      .then((built) => {
        // Edits made meanwhile were not recorded (there was no entry yet), and newer knowledge needs a new scan.
        if (built && !document.isClosed && document.version === version && this.store.generation === generation) {
          this.entries.set(key, { version, generation, index: built });
        }
        return built;
      });
    this.builds.set(key, { version, generation, index, stop });
    return index;
  }

  private stopBuild(key: string): void {
    const build = this.builds.get(key);
    if (build) build.stop.isCancellationRequested = true;
    this.builds.delete(key);
  }

  private recordEdits(document: D, changes: readonly DocumentChange[]): void {
    if (changes.length === 0) return;
    // A first scan of the text before this edit is of no more use.
    this.stopBuild(document.uri.toString());
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return;
    entry.pending ??= new EditAccumulator(entry.index.length);
    // Changes of one event apply one after the other, each in the text the previous ones left.
    for (const change of changes) {
      entry.pending.add({ start: change.rangeOffset, oldLength: change.rangeLength, newLength: change.text.length });
    }
    entry.pendingVersion = document.version;
  }

  /** The index brought up to the document's text, or undefined when the recorded edits do not add up (rescan). */
  private applyEdits(entry: Entry, document: D): MentionIndex | undefined {
    const edit = entry.pending?.combined();
    if (!edit) return entry.index;
    const length = this.documents.lengthOf(document);
    if (length !== entry.index.length + edit.newLength - edit.oldLength) return undefined;
    return entry.index.update(edit, { length, read: (start, end) => this.documents.textBetween(document, start, end) });
  }

  /**
   * The document's text, read a stretch of lines at a time: `getText()` joins all lines at once, which
   * blocks the host for half a second in a 45 MB note of two million lines. Undefined if stopped.
   */
  private async textInSlices(
    document: D,
    slices: TimeSlices,
    stop: { readonly isCancellationRequested: boolean },
  ): Promise<string | undefined> {
    if (document.lineCount <= LINES_PER_READ) return document.getText();
    const parts: string[] = [];
    for (let line = 0; line < document.lineCount; line += LINES_PER_READ) {
      parts.push(this.documents.textOfLines(document, line, line + LINES_PER_READ));
      await slices.breathe();
      if (stop.isCancellationRequested) return undefined;
    }
    return parts.join('');
  }
}

/** The work's result, or undefined as soon as the token is cancelled (the work itself goes on). */
function untilCancelled<T>(work: Promise<T>, token: RequestToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}
