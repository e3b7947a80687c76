import type { KnowledgeProblem } from '../knowledge/types';
import { formatNumber, t } from '../l10n/l10n';

/** Larger knowledge files are not read; they get a problem instead. */
export const MAX_KNOWLEDGE_FILE_BYTES = 20 * 1024 * 1024;

/** What reading a file gave: the same for the editor (`services/fileReader.ts`) and the command line. */
export type FileRead =
  /** Its text, and a stamp that changes whenever the text may have (editor version, or modification time and size). */
  | { readonly kind: 'text'; readonly text: string; readonly stamp: string }
  /** The stamp was the one the caller already has: the text was not read again. */
  | { readonly kind: 'unchanged'; readonly stamp: string }
  /** Not read, and why, as a problem at the start of the file (not a regular file, too large, a read error). */
  | { readonly kind: 'refused'; readonly problem: KnowledgeProblem }
  /** The file no longer exists, or is a folder now. */
  | { readonly kind: 'gone' };

/** What a file system says of a file before it is read. */
export interface FileFacts {
  /** `other`: a named pipe, a device, a socket: reading one may never end. */
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
}

/**
 * The guard before every read of a knowledge file or a note: undefined when the file may be read, else
 * what to answer instead. A folder is gone (it was a file when it was found); a named pipe or a device is
 * never read, nor a file over `maxBytes`.
 */
export function refuseUnreadable(uri: string, facts: FileFacts, maxBytes: number): FileRead | undefined {
  if (facts.type === 'directory') return { kind: 'gone' };
  if (facts.type === 'other') return refused(uri, t('This is not a regular file; it is not read.'), 'not-a-file');
  if (facts.size > maxBytes) {
    return refused(
      uri,
      t('This file is {0} MB; files over {1} MB are not read.', megabytes(facts.size), megabytes(maxBytes)),
      'file-too-large',
    );
  }
  return undefined;
}

/** A read that failed for another reason than the file being gone. */
export function readFailed(uri: string, error: unknown): FileRead {
  return refused(
    uri,
    t('This file could not be read: {0}', error instanceof Error ? error.message : String(error)),
    'read-failed',
  );
}

function refused(uri: string, message: string, code: string): FileRead {
  const start = { line: 0, character: 0 };
  return { kind: 'refused', problem: { uri, range: { start, end: start }, severity: 'error', code, message } };
}

function megabytes(bytes: number): string {
  return formatNumber(bytes / 1048576, 1);
}
