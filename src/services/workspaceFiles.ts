import * as vscode from 'vscode';
import { globToRegExp, matchesAnyGlob } from '../core/workspace/globPattern';

/** Schemes whose files VS Code's search (`findFiles`) covers; virtual file systems usually have no search provider. */
const SEARCHABLE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-userdata']);

/**
 * Whether `findFiles` works in this folder. Without a search provider for the scheme it never answers
 * (VS Code waits for one to be registered): such folders must be walked instead (findByWalking).
 */
export function canSearch(folder: vscode.Uri): boolean {
  return SEARCHABLE_SCHEMES.has(folder.scheme);
}

/**
 * The files of a workspace folder that match any of the globs (relative to the folder): by VS Code's
 * file search where the folder has one, else by walking its directories. Empty when cancelled.
 */
export async function findFilesInFolder(
  folder: vscode.WorkspaceFolder,
  globs: readonly string[],
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  if (!canSearch(folder.uri)) return findByWalking(folder.uri, globs);
  const found: vscode.Uri[] = [];
  for (const glob of globs) {
    if (token?.isCancellationRequested) return [];
    found.push(
      ...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), undefined, undefined, token)),
    );
  }
  return found;
}

/** Bounds of the walk through a virtual folder: enough for a notes repository, cheap for a huge one. */
const MAX_WALKED_ENTRIES = 20_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Lists the files of a folder matching the globs by reading directories through `workspace.fs`. */
async function findByWalking(root: vscode.Uri, globs: readonly string[]): Promise<vscode.Uri[]> {
  const patterns = globs.map(globToRegExp);
  const found: vscode.Uri[] = [];
  const queue: { uri: vscode.Uri; path: string }[] = [{ uri: root, path: '' }];
  let visited = 0;
  while (queue.length > 0 && visited < MAX_WALKED_ENTRIES) {
    const { uri, path } = queue.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (++visited > MAX_WALKED_ENTRIES) break;
      const relative = path === '' ? name : `${path}/${name}`;
      const child = vscode.Uri.joinPath(uri, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_FOLDERS.has(name)) queue.push({ uri: child, path: relative });
      } else if (matchesAnyGlob(relative, patterns)) {
        found.push(child);
      }
    }
  }
  return found;
}
