// What the command line works on: the folders and files named on it, searched as the editor searches a
// workspace, and their knowledge loaded by the editor's own knowledge store.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeFile } from '../core/knowledge/types';
import { MAX_KNOWLEDGE_FILE_BYTES } from '../core/workspace/fileRead';
import { DEFAULT_KNOWLEDGE_GLOBS, NOTE_GLOBS } from '../core/workspace/fileKinds';
import { searchFolder } from '../core/workspace/fileSearch';
import { knowledgeGlobsInSettings } from '../core/workspace/folderSettings';
import { globToRegExp, matchesAnyGlob } from '../core/workspace/globPattern';
import type { Event } from '../services/disposable';
import { KnowledgeStore, type KnowledgeSources } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import { CommandLineError } from './commandLineError';
import { fileUri, inheritedIgnoreRules, readGuarded, searchedFolder } from './nodeFiles';
import type { Terminal } from './terminal';

/** The files to work on, as absolute paths, each list sorted. */
export interface WorkspaceFiles {
  readonly knowledgeFiles: readonly string[];
  readonly notes: readonly string[];
}

export interface SearchOptions {
  /** Globs of knowledge files for every folder; otherwise each folder's `.vscode/settings.json`, else the default. */
  readonly knowledgeGlobs?: readonly string[];
  /** More `.gitignore`-style patterns, relative to each folder searched. */
  readonly ignore?: readonly string[];
  /** Whether notes are wanted too. */
  readonly notes: boolean;
}

/**
 * The knowledge files and notes of the paths named on the command line (relative to `cwd`). A folder is
 * searched as a workspace folder: its knowledge files by the globs of its setting, notes as the editor
 * recognises them, without what `.gitignore` files and `--ignore` leave out. A file named is taken as what
 * its name says it is. A path that does not exist, or a file that is neither, is a usage error.
 */
export async function findWorkspaceFiles(
  paths: readonly string[],
  cwd: string,
  options: SearchOptions,
): Promise<WorkspaceFiles> {
  const knowledgeFiles = new Set<string>();
  const notes = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stats = await stat(absolute).catch(() => undefined);
    if (!stats) throw new CommandLineError(`${given}: no such file or folder`);
    if (stats.isDirectory()) {
      const found = await searchFolder(searchedFolder(absolute), {
        kinds: {
          knowledge: options.knowledgeGlobs ?? (await folderKnowledgeGlobs(absolute)),
          note: options.notes ? NOTE_GLOBS : [],
        },
        ignore: options.ignore,
        inherited: await inheritedIgnoreRules(absolute),
      });
      for (const file of found.knowledge) knowledgeFiles.add(path.join(absolute, file));
      for (const file of found.note) notes.add(path.join(absolute, file));
    } else {
      const name = given.split(path.sep).join('/');
      const matches = (globs: readonly string[]): boolean => matchesAnyGlob(name, globs.map(globToRegExp));
      if (matches(options.knowledgeGlobs ?? DEFAULT_KNOWLEDGE_GLOBS)) knowledgeFiles.add(absolute);
      else if (matches(NOTE_GLOBS)) {
        if (options.notes) notes.add(absolute);
      } else {
        throw new CommandLineError(
          `${given}: neither a knowledge file (${(options.knowledgeGlobs ?? DEFAULT_KNOWLEDGE_GLOBS).join(', ')}) nor a note (${NOTE_GLOBS.join(', ')})`,
        );
      }
    }
  }
  return { knowledgeFiles: [...knowledgeFiles].sort(), notes: [...notes].sort() };
}

/** The knowledge globs of a folder's `.vscode/settings.json`, as the extension reads the setting, else the default. */
async function folderKnowledgeGlobs(folder: string): Promise<readonly string[]> {
  const settings = await searchedFolder(folder).readText('.vscode/settings.json');
  return (settings !== undefined && knowledgeGlobsInSettings(settings)) || DEFAULT_KNOWLEDGE_GLOBS;
}

/** Events that never fire: nothing changes during a run. */
const never: Event<never> = () => ({ dispose: () => undefined });

/**
 * The knowledge of the files, loaded and merged by the extension's own store (the same loader, merge and
 * problems the editor shows), without pauses: nothing else needs the thread.
 */
export async function loadKnowledge(
  knowledgeFiles: readonly string[],
  bundled: KnowledgeFile | undefined,
  logger: Logger,
): Promise<KnowledgeStore> {
  const byUri = new Map(knowledgeFiles.map((file) => [fileUri(file), file]));
  const sources: KnowledgeSources = {
    find: async () => [...byUri.keys()],
    read: async (uri) => readGuarded(byUri.get(uri)!, MAX_KNOWLEDGE_FILE_BYTES),
    onDidChangeFiles: never,
    onDidChangeScope: never,
    useBundledKnowledge: () => bundled !== undefined,
    onDidChangeUseBundled: never,
  };
  const store = new KnowledgeStore(bundled ?? EMPTY_KNOWLEDGE, sources, logger, undefined, {
    pause: () => Promise.resolve(),
    sliceMs: Infinity,
  });
  await store.ready();
  return store;
}

/** Where every command's knowledge comes from. */
export interface KnowledgeOptions {
  readonly bundled: boolean;
  readonly knowledge?: readonly string[];
  readonly ignore?: readonly string[];
}

/** What every command gets from the program. */
export interface CommandContext {
  readonly bundled: KnowledgeFile;
  readonly logger: Logger;
}

/**
 * The knowledge of folders, for the commands that use knowledge without checking it: a file with errors
 * is left out, as in the editor, and standard error says so.
 */
export async function knowledgeOfFolders(
  folders: readonly string[],
  options: KnowledgeOptions,
  terminal: Terminal,
  context: CommandContext,
): Promise<KnowledgeStore> {
  const files = await findWorkspaceFiles(folders, terminal.cwd, {
    knowledgeGlobs: options.knowledge,
    ignore: options.ignore,
    notes: false,
  });
  const store = await loadKnowledge(
    files.knowledgeFiles,
    options.bundled ? context.bundled : undefined,
    context.logger,
  );
  warnOfFilesLeftOut(store, terminal);
  return store;
}

/** Says on standard error how many knowledge files have errors: their content is left out, as in the editor. */
function warnOfFilesLeftOut(store: KnowledgeStore, terminal: Terminal): void {
  const count = [...store.problemsByUri().values()].filter((problems) =>
    problems.some((p) => p.severity === 'error'),
  ).length;
  if (count > 0) {
    terminal.writeError(
      `trade-notes: ${count === 1 ? '1 knowledge file has errors and is' : `${count} knowledge files have errors and are`} left out; \`trade-notes check\` shows them.\n`,
    );
  }
}

/** What stands for the bundled knowledge with `--no-bundled` (the store never merges it then). */
const EMPTY_KNOWLEDGE: KnowledgeFile = {
  uri: 'trade-notes-bundled:/none',
  countries: [],
  officials: [],
  tariffs: [],
  timeline: [],
  references: [],
};
