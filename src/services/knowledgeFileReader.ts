import * as vscode from 'vscode';
import type { KnowledgeProblem } from '../core/knowledge/types';
import type { Logger } from './logger';

/** Larger knowledge files are not read; they get a diagnostic instead. */
export const MAX_KNOWLEDGE_FILE_BYTES = 20 * 1024 * 1024;

/** What reading a knowledge file gave. */
export type KnowledgeRead =
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

/**
 * Reads a knowledge file the one safe way for everyone who needs its text (the store, navigation, quick
 * fixes): its editor's text, else the disk's, but never a named pipe or device (the read would never end)
 * nor a file over {@link MAX_KNOWLEDGE_FILE_BYTES}. `knownStamp` skips reading a file the caller has already
 * read in this state. Failures are logged to `logger`, when given (one reader logs them; the others
 * get the same problem back).
 */
export async function readKnowledgeFile(uri: vscode.Uri, knownStamp?: string, logger?: Logger): Promise<KnowledgeRead> {
  const open = openDocument(uri);
  if (open) {
    const stamp = openStamp(open);
    return stamp === knownStamp ? { kind: 'unchanged', stamp } : { kind: 'text', text: open.getText(), stamp };
  }
  const refused = (message: string, code: string): KnowledgeRead => ({
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
      return refused('This is not a regular file; it is not loaded.', 'not-a-file');
    if (stat.size > MAX_KNOWLEDGE_FILE_BYTES) {
      return refused(
        `This knowledge file is ${(stat.size / 1048576).toFixed(1)} MB; files over ${MAX_KNOWLEDGE_FILE_BYTES / 1048576} MB are not loaded.`,
        'file-too-large',
      );
    }
    const stamp = `disk:${stat.mtime}:${stat.size}`;
    if (stamp === knownStamp) return { kind: 'unchanged', stamp };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), stamp };
  } catch (error) {
    // Gone (deleted or renamed meanwhile). Any other failure is reported; the caller keeps what it had.
    if (await isGone(uri, error)) return { kind: 'gone' };
    logger?.error(`Reading ${uri.toString()} failed`, error);
    return refused(
      `This knowledge file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      'read-failed',
    );
  }
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
