import * as vscode from 'vscode';
import type { Mention } from '../core/matching/mention';
import { EditAccumulator, MentionIndex, type TextSource } from '../core/matching/mentionIndex';
import { TimeSlices } from '../core/scheduling/timeSlices';
import type { KnowledgeStore } from './knowledgeStore';

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
  readonly cancellation: vscode.CancellationTokenSource;
}

/**
 * Mentions per open note, computed on first request and kept until the document or the knowledge
 * changes, so hovering never re-scans an unchanged document. Typing does no scanning at all: edits are
 * only recorded, and the next request re-indexes just the text around them (see MentionIndex).
 * Notes that no feature asked about are never read. A first scan runs in short slices, so even a 50 MB
 * note never blocks the extension host; a request that is cancelled stops waiting for it, and the scan
 * goes on for the next request unless the document changes or closes.
 */
export class MentionCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly builds = new Map<string, Build>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: KnowledgeStore) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.entries.delete(doc.uri.toString());
        this.stopBuild(doc.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.recordEdits(e)),
    ];
  }

  /**
   * The document's mentions; undefined if the request was cancelled before the scan finished. They are
   * of the complete knowledge, or with `knowledge: 'available'` of what the store has now (see
   * {@link KnowledgeStore.available}), for passing answers that must not wait for a workspace search.
   */
  async mentions(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
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

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const key of [...this.builds.keys()]) this.stopBuild(key);
    this.entries.clear();
  }

  /** The running first scan of this version of the document, or a new one; its index is cached when done. */
  private build(document: vscode.TextDocument, generation: number): Promise<MentionIndex | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const running = this.builds.get(key);
    if (running && running.version === version && running.generation === generation) return running.index;
    this.stopBuild(key);
    const cancellation = new vscode.CancellationTokenSource();
    const matcher = this.store.mentionMatcher();
    const scan = async (): Promise<MentionIndex | undefined> => {
      const ready = await matcher;
      const slices = new TimeSlices(TimeSlices.yieldToHost);
      const text = await textInSlices(document, slices, cancellation.token);
      return text === undefined ? undefined : MentionIndex.buildInSlices(ready, text, slices, cancellation.token);
    };
    const index = scan()
      .finally(() => {
        if (this.builds.get(key)?.cancellation === cancellation) this.builds.delete(key);
        cancellation.dispose();
      })
      .then((built) => {
        // Edits made meanwhile were not recorded (there was no entry yet), and newer knowledge needs a new scan.
        if (built && !document.isClosed && document.version === version && this.store.generation === generation) {
          this.entries.set(key, { version, generation, index: built });
        }
        return built;
      });
    this.builds.set(key, { version, generation, index, cancellation });
    return index;
  }

  private stopBuild(key: string): void {
    this.builds.get(key)?.cancellation.cancel();
    this.builds.delete(key);
  }

  private recordEdits(e: vscode.TextDocumentChangeEvent): void {
    // A first scan of the text before this edit is of no more use.
    if (e.contentChanges.length > 0) this.stopBuild(e.document.uri.toString());
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    entry.pending ??= new EditAccumulator(entry.index.length);
    // Changes of one event apply one after the other, each in the text the previous ones left.
    for (const change of e.contentChanges) {
      entry.pending.add({ start: change.rangeOffset, oldLength: change.rangeLength, newLength: change.text.length });
    }
    entry.pendingVersion = e.document.version;
  }

  /** The index brought up to the document's text, or undefined when the recorded edits do not add up (rescan). */
  private applyEdits(entry: Entry, document: vscode.TextDocument): MentionIndex | undefined {
    const edit = entry.pending?.combined();
    if (!edit) return entry.index;
    const source: TextSource = {
      length: document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
      read: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
    };
    if (source.length !== entry.index.length + edit.newLength - edit.oldLength) return undefined;
    return entry.index.update(edit, source);
  }
}

/** Lines read at a time from a large document. */
const LINES_PER_READ = 20_000;

/**
 * The document's text, read a stretch of lines at a time: `getText()` joins all lines at once, which
 * blocks the host for half a second in a 45 MB note of two million lines. Undefined if cancelled.
 */
async function textInSlices(
  document: vscode.TextDocument,
  slices: TimeSlices,
  token: vscode.CancellationToken,
): Promise<string | undefined> {
  if (document.lineCount <= LINES_PER_READ) return document.getText();
  const parts: string[] = [];
  for (let line = 0; line < document.lineCount; line += LINES_PER_READ) {
    // A range ending past the last line ends at the end of the document.
    parts.push(document.getText(new vscode.Range(line, 0, line + LINES_PER_READ, 0)));
    await slices.breathe();
    if (token.isCancellationRequested) return undefined;
  }
  return parts.join('');
}

/** The work's result, or undefined as soon as the token is cancelled (the work itself goes on). */
function untilCancelled<T>(work: Promise<T>, token: vscode.CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}
