import * as vscode from 'vscode';
import type { KnowledgeProblem } from '../core/knowledge/types';
import type { Logger } from './logger';

/** Larger knowledge files are not read; they get a diagnostic instead. */
export const MAX_KNOWLEDGE_FILE_BYTES = 20 * 1024 * 1024;

/** What reading a file gave. */
export type FileRead =
  /** Its text, and a stamp that changes whenever the text may have (editor version, or modification time and size). */
  | { readonly kind: 'text'; readonly text: string; readonly stamp: string }
  /** The stamp was the one the caller already has: the text was not read again. */
  | { readonly kind: 'unchanged'; readonly stamp: string }
  /** Not read, and why, as a problem at the start of the file (not a regular file, too large, a read error). */
  | { readonly kind: 'refused'; readonly problem: KnowledgeProblem }
  /** The file no longer exists, or is a folder now. */
  | { readonly kind: 'gone' };

/** The open editor of this URI, if any: its text wins over the disk (unsaved changes included). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** The stamp of an open document's text: it changes with every edit. */
export function openStamp(document: vscode.TextDocument): string {
  return `open:${document.version}`;
}

export interface ReadLimits {
  /** Larger files are refused. */
  readonly maxBytes: number;
  /** The stamp of the text the caller already has: that text is not read again. */
  readonly knownStamp?: string;
  /** Where failures are logged, when given (one caller logs them; the others get the same problem back). */
  readonly logger?: Logger;
}

/**
 * Reads a workspace file the one safe way, for everyone who needs the text of a knowledge file or a note
 * (the store, navigation, quick fixes, Find All References): its editor's text, else the disk's, but never
 * a named pipe or a device (the read would never end) nor a file over `maxBytes`.
 */
export async function readTextFile(uri: vscode.Uri, { maxBytes, knownStamp, logger }: ReadLimits): Promise<FileRead> {
  const open = openDocument(uri);
  if (open) {
    const stamp = openStamp(open);
    return stamp === knownStamp ? { kind: 'unchanged', stamp } : { kind: 'text', text: open.getText(), stamp };
  }
  const refused = (message: string, code: string): FileRead => ({
    kind: 'refused',
    problem: {
      uri: uri.toString(),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'error',
      code,
      message,
    },
  });
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'gone' };
    if ((stat.type & vscode.FileType.File) === 0)
      return refused('This is not a regular file; it is not read.', 'not-a-file');
    if (stat.size > maxBytes) {
      const megabytes = (bytes: number): string => `${Number((bytes / 1048576).toFixed(1))} MB`;
      return refused(
        `This file is ${megabytes(stat.size)}; files over ${megabytes(maxBytes)} are not read.`,
        'file-too-large',
      );
    }
    const stamp = diskStamp(stat);
    if (stamp === knownStamp) return { kind: 'unchanged', stamp };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), stamp };
  } catch (error) {
    // Gone (deleted or renamed meanwhile). Any other failure is reported; the caller keeps what it had.
    if (await isGone(uri, error)) return { kind: 'gone' };
    logger?.error(`Reading ${uri.toString()} failed`, error);
    return refused(
      `This file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      'read-failed',
    );
  }
}

/** {@link readTextFile} with the limits of knowledge files. */
export function readKnowledgeFile(uri: vscode.Uri, knownStamp?: string, logger?: Logger): Promise<FileRead> {
  return readTextFile(uri, { maxBytes: MAX_KNOWLEDGE_FILE_BYTES, knownStamp, logger });
}

/** The stamp of a file on disk: it changes when its modification time or size does. */
export function diskStamp(stat: vscode.FileStat): string {
  return `disk:${stat.mtime}:${stat.size}`;
}

/** Whether a failed read failed because the file no longer exists. */
async function isGone(uri: vscode.Uri, error: unknown): Promise<boolean> {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch {
    return true;
  }
}
