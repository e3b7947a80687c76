import * as vscode from 'vscode';
import {
  MAX_KNOWLEDGE_FILE_BYTES,
  readFailed,
  refuseUnreadable,
  type FileFacts,
  type FileRead,
} from '../core/workspace/fileRead';
import type { Logger } from './logger';

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
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const refusal = refuseUnreadable(uri.toString(), { type: fileType(stat.type), size: stat.size }, maxBytes);
    if (refusal) return refusal;
    const stamp = diskStamp(stat);
    if (stamp === knownStamp) return { kind: 'unchanged', stamp };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), stamp };
  } catch (error) {
    // Gone (deleted or renamed meanwhile). Any other failure is reported; the caller keeps what it had.
    if (await isGone(uri, error)) return { kind: 'gone' };
    logger?.error(`Reading ${uri.toString()} failed`, error);
    return readFailed(uri.toString(), error);
  }
}

function fileType(type: vscode.FileType): FileFacts['type'] {
  if (type & vscode.FileType.Directory) return 'directory';
  return type & vscode.FileType.File ? 'file' : 'other';
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
