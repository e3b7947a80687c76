import type { Mention } from '../matching/mention';
import type { Cancellation } from '../matching/mentionMatcher';
import { TextLines } from './textLines';

/** Notes larger than this are not read: a policy note is prose, and a huge file is almost surely something else. */
export const MAX_NOTE_BYTES = 10 * 1024 * 1024;

/** A note the index may read: from an open editor or from disk. */
export interface NoteFile {
  readonly uri: string;
  /** Changes whenever the content may have: an editor's version, or a file's modification time and size. */
  readonly stamp: string;
  /** The size in bytes, when known before reading. */
  readonly size?: number;
  read(): Promise<string>;
}

/** The matcher of the current knowledge, and which knowledge that is. */
export interface MentionScanner {
  readonly generation: number;
  scan(text: string, cancellation: Cancellation): Mention[];
}

export interface ScannedNote {
  readonly uri: string;
  readonly lines: TextLines;
  readonly mentions: readonly Mention[];
}

export interface ScanProgress {
  /** Called after each note, with how many of `total` are done. */
  report(done: number, total: number): void;
  /** Called for a note that could not be or was not read. */
  skipped(uri: string, reason: string): void;
}

interface Entry {
  readonly stamp: string;
  readonly generation: number;
  readonly note: ScannedNote;
}

/**
 * Mentions in every note of the workspace, found on demand and kept per note version: a note is read
 * and scanned again only when it changed or the knowledge did. Only line starts are kept, not the text.
 */
export class NoteMentionIndex {
  private readonly entries = new Map<string, Entry>();

  /** The scanned notes, or undefined when cancelled. Notes no longer listed are forgotten. */
  async scanAll(
    files: readonly NoteFile[],
    scanner: MentionScanner,
    cancellation: Cancellation,
    progress: ScanProgress,
  ): Promise<ScannedNote[] | undefined> {
    const listed = new Set(files.map((file) => file.uri));
    for (const uri of this.entries.keys()) if (!listed.has(uri)) this.entries.delete(uri);
    const notes: ScannedNote[] = [];
    for (const [done, file] of files.entries()) {
      if (cancellation.isCancellationRequested) return undefined;
      const note = await this.scanOne(file, scanner, cancellation, progress);
      if (cancellation.isCancellationRequested) return undefined;
      if (note) notes.push(note);
      progress.report(done + 1, files.length);
    }
    return notes;
  }

  private async scanOne(
    file: NoteFile,
    scanner: MentionScanner,
    cancellation: Cancellation,
    progress: ScanProgress,
  ): Promise<ScannedNote | undefined> {
    const cached = this.entries.get(file.uri);
    if (cached && cached.stamp === file.stamp && cached.generation === scanner.generation) return cached.note;
    if (file.size !== undefined && file.size > MAX_NOTE_BYTES) {
      progress.skipped(file.uri, `larger than ${MAX_NOTE_BYTES / 1048576} MB`);
      return undefined;
    }
    let text: string;
    try {
      text = await file.read();
    } catch (error) {
      progress.skipped(file.uri, error instanceof Error ? error.message : String(error));
      return undefined;
    }
    const mentions = scanner.scan(text, cancellation);
    if (cancellation.isCancellationRequested) return undefined;
    const note = { uri: file.uri, lines: new TextLines(text), mentions };
    this.entries.set(file.uri, { stamp: file.stamp, generation: scanner.generation, note });
    // Let other work of the extension host run between two notes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return note;
  }
}
