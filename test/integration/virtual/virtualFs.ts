// The fault-injection API of the test-only in-memory file system (test/fixtures/virtual-fs-extension),
// which the harness loads next to Trade Notes in the `virtual` suite.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const VIRTUAL_SCHEME = 'tradetest';

export interface VirtualFsApi {
  /** readFile of a matching file (path or base name) answers after `ms`, with the content it had when the read began. */
  delayReads(name: string, ms: number): void;
  /** readFile of a matching file throws `vscode.FileSystemError[error]`. */
  failReads(name: string, error: 'NoPermissions' | 'Unavailable'): void;
  /** The next readFile of a matching file: when it begins, and when it answers or fails. */
  nextRead(name: string): { started: Promise<void>; finished: Promise<void> };
  /** Ends every fault; the files stay as they are. */
  reset(): void;
}

export async function virtualFs(): Promise<VirtualFsApi> {
  const extension = vscode.extensions.getExtension<VirtualFsApi>('trade-notes-test.virtual-fs');
  assert.ok(extension, 'the test extension trade-notes-test.virtual-fs is loaded (harness suite "virtual")');
  return extension.activate();
}
