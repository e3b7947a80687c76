// The command line's access to the disk: the core's guards and searches over Node's fs.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { readFailed, refuseUnreadable, type FileFacts, type FileRead } from '../core/workspace/fileRead';
import type { FolderEntry, InheritedIgnoreRules, SearchedFolder } from '../core/workspace/fileSearch';

/** A file's URI as VS Code writes it (`vscode.Uri.file(path).toString()`): messages and the order of knowledge files use it. */
export function fileUri(absolutePath: string): string {
  return URI.file(absolutePath).toString();
}

/** A file's path as the user sees it: relative to the current folder, with `/`. */
export function displayPath(absolutePath: string, cwd: string): string {
  return (path.relative(cwd, absolutePath) || '.').split(path.sep).join('/');
}

function factsOf(stats: Stats): FileFacts {
  const type = stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  return { type, size: stats.size };
}

/**
 * Reads a knowledge file or a note the guarded way, as the editor's reader does: never a named pipe or a
 * device, never a file over `maxBytes`; a failure is a problem at the file's start, not an exception.
 * Synchronous: a run reads thousands of small notes, and on the main thread each read costs a fraction of
 * what its round trips through Node's thread pool do (0.2 s instead of 0.6 s for 2,000 notes here).
 */
export function readGuarded(absolutePath: string, maxBytes: number): FileRead {
  const uri = fileUri(absolutePath);
  let descriptor: number | undefined;
  try {
    const refusal = refuseUnreadable(uri, factsOf(statSync(absolutePath)), maxBytes);
    if (refusal) return refusal;
    // Opened without waiting (a pipe put there since would otherwise block the open), and checked again once open.
    descriptor = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(descriptor);
    const swapped = refuseUnreadable(uri, factsOf(stats), maxBytes);
    if (swapped) return swapped;
    const text = decoder.decode(readFileSync(descriptor));
    return { kind: 'text', text, stamp: `disk:${stats.mtimeMs}:${stats.size}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return readFailed(uri, error);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

const decoder = new TextDecoder('utf-8');

/** A folder on disk for the core's search. A link to a file counts as a file; links to folders are not followed (no cycles). */
export function searchedFolder(root: string): SearchedFolder {
  return {
    async readDirectory(relativePath) {
      const folder = path.join(root, relativePath);
      let entries: Dirent[];
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        // A folder that cannot be listed (no permission, gone meanwhile) has nothing to check.
        return [];
      }
      const listed: FolderEntry[] = [];
      for (const entry of entries) {
        const type = entry.isSymbolicLink() ? await linkTarget(path.join(folder, entry.name)) : entryType(entry);
        if (type) listed.push({ name: entry.name, type });
      }
      return listed;
    },
    async readText(relativePath) {
      try {
        const file = path.join(root, relativePath);
        return (await stat(file)).isFile() ? await readFile(file, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function entryType(entry: Dirent): FolderEntry['type'] {
  return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

async function linkTarget(link: string): Promise<FolderEntry['type'] | undefined> {
  try {
    const target = await stat(link);
    return target.isDirectory() ? undefined : target.isFile() ? 'file' : 'other';
  } catch {
    return undefined; // a broken link
  }
}

/**
 * The `.gitignore` rules of the folders above `folder` up to the root of its Git repository (the first
 * folder up with a `.git`), outermost first, so that a search of `notes/` ignores what the repository's
 * `.gitignore` does. None outside a repository.
 */
export async function inheritedIgnoreRules(folder: string): Promise<InheritedIgnoreRules[]> {
  const above: string[] = [];
  let current = path.resolve(folder);
  if (await exists(path.join(current, '.git'))) return [];
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return []; // no repository
    current = parent;
    above.unshift(current);
    if (await exists(path.join(current, '.git'))) break;
  }
  const rules: InheritedIgnoreRules[] = [];
  for (const ancestor of above) {
    const text = await searchedFolder(ancestor).readText('.gitignore');
    const prefix = path.relative(ancestor, folder).split(path.sep).join('/') + '/';
    if (text !== undefined) rules.push({ prefix, rules: text });
  }
  return rules;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
