// The command line's access to the disk: the core's guards and searches over Node's fs.
import type { Dirent, Stats } from 'node:fs';
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

export function factsOf(stats: Stats): FileFacts {
  const type = stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  return { type, size: stats.size };
}

/**
 * Reads a knowledge file or a note the guarded way, as the editor's reader does: never a named pipe or a
 * device, never a file over `maxBytes`; a failure is a problem at the file's start, not an exception.
 */
export async function readGuarded(absolutePath: string, maxBytes: number): Promise<FileRead> {
  const uri = fileUri(absolutePath);
  try {
    const stats = await stat(absolutePath);
    const refusal = refuseUnreadable(uri, factsOf(stats), maxBytes);
    if (refusal) return refusal;
    const bytes = await readFile(absolutePath);
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), stamp: `disk:${stats.mtimeMs}:${stats.size}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return readFailed(uri, error);
  }
}

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
