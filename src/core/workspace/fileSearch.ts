import ignore, { type Ignore } from 'ignore';
import { compareText } from '../text/compare';
import { globToRegExp, matchesAnyGlob } from './globPattern';

/** One entry of a folder. `other`: a named pipe, a device, a socket (found, so that it can be refused by name). */
export interface FolderEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'other';
}

/** The folder being searched, addressed by paths relative to it (`''` is the folder itself, `/` separates). */
export interface SearchedFolder {
  readDirectory(relativePath: string): Promise<readonly FolderEntry[]>;
  /** A file's text, or undefined when there is none (a missing `.gitignore`). */
  readText(relativePath: string): Promise<string | undefined>;
}

/** `.gitignore` rules of a folder above the searched one: `prefix` is the searched folder's path from there (`notes/`). */
export interface InheritedIgnoreRules {
  readonly prefix: string;
  readonly rules: string;
}

export interface FileSearch<K extends string> {
  /** Globs as in VS Code's settings, relative to the folder, per kind of file; a file is of the first kind it matches. */
  readonly kinds: Readonly<Record<K, readonly string[]>>;
  /** More `.gitignore`-style patterns to leave out, relative to the folder. */
  readonly ignore?: readonly string[];
  /** The rules of `.gitignore` files above the folder, outermost first. */
  readonly inherited?: readonly InheritedIgnoreRules[];
}

/** A set of ignore rules, and how a path relative to the searched folder becomes one relative to the rules' folder. */
interface IgnoreLayer {
  readonly rules: Ignore;
  readonly ownPath: (path: string) => string;
}

/** Never searched: Git's own data. */
const SKIPPED_FOLDERS = new Set(['.git']);

/**
 * The files of a folder of each kind, as sorted relative paths, leaving out what `.gitignore` files (in the
 * folder, below it and above it) and the extra patterns ignore, as Git would: the last matching rule of
 * the deepest `.gitignore` decides, and an ignored folder is not entered at all.
 */
export async function searchFolder<K extends string>(
  folder: SearchedFolder,
  search: FileSearch<K>,
): Promise<Record<K, string[]>> {
  const kinds = Object.entries(search.kinds).map(([kind, globs]) => ({
    kind: kind as K,
    globs: (globs as readonly string[]).map(globToRegExp),
  }));
  const found = Object.fromEntries(kinds.map(({ kind }) => [kind, [] as string[]])) as Record<K, string[]>;
  const outer: IgnoreLayer[] = (search.inherited ?? []).map(({ prefix, rules }) => ({
    rules: gitRules().add(rules),
    ownPath: (path) => prefix + path,
  }));
  if (search.ignore?.length) outer.push({ rules: gitRules().add(search.ignore), ownPath: (path) => path });

  const visit = async (relativeFolder: string, layers: readonly IgnoreLayer[]): Promise<void> => {
    const gitignore = await folder.readText(join(relativeFolder, '.gitignore'));
    // The rules of a .gitignore apply to paths from its own folder.
    const cut = relativeFolder === '' ? 0 : relativeFolder.length + 1;
    const here =
      gitignore === undefined
        ? layers
        : [...layers, { rules: gitRules().add(gitignore), ownPath: (path: string) => path.slice(cut) }];
    const isIgnored = (path: string): boolean => {
      let ignored = false;
      for (const { rules, ownPath } of here) {
        const { ignored: byRule, unignored } = rules.test(ownPath(path));
        if (byRule) ignored = true;
        else if (unignored) ignored = false;
      }
      return ignored;
    };
    const entries = [...(await folder.readDirectory(relativeFolder))].sort((a, b) => compareText(a.name, b.name));
    for (const { name, type } of entries) {
      const path = join(relativeFolder, name);
      if (type === 'directory') {
        if (!SKIPPED_FOLDERS.has(name) && !isIgnored(`${path}/`)) await visit(path, here);
        continue;
      }
      const kind = kinds.find(({ globs }) => matchesAnyGlob(path, globs))?.kind;
      if (kind !== undefined && !isIgnored(path)) found[kind].push(path);
    }
  };
  await visit('', outer);
  return found;
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** Rules matched case-sensitively, as Git does by default on Linux, where CI runs. */
function gitRules(): Ignore {
  return ignore({ ignorecase: false });
}
