import * as vscode from 'vscode';
import { mergeKnowledge, mergeKnowledgeInSlices, type Knowledge, type MergeResult } from '../core/knowledge/knowledge';
import { KnowledgeLoader } from '../core/knowledge/knowledgeLoader';
import { contentHash } from '../core/knowledge/contentHash';
import type { KnowledgeFile, KnowledgeProblem } from '../core/knowledge/types';
import { TimeSlices } from '../core/scheduling/timeSlices';
import { MentionMatcher } from '../core/matching/mentionMatcher';
import { globToRegExp, matchesAnyGlob } from '../core/workspace/globPattern';
import { readKnowledgeFile } from './knowledgeFileReader';
import type { Logger } from './logger';
import type { RememberedFile, RememberedKnowledge } from './rememberedKnowledge';

/** Edits and file events within this window are handled together. */
const DEBOUNCE_MS = 150;
/** Texts up to this length are hashed, to skip loading them again unchanged and to remember them. */
const MAX_HASHED_LENGTH = 1_000_000;

interface FileState {
  readonly uri: vscode.Uri;
  /** The last content that loaded without errors; it keeps serving while the file has errors. */
  lastGood?: KnowledgeFile;
  problems: KnowledgeProblem[];
  /** What the text last loaded gave, and its hash (small files only); undefined when the file could not be read. */
  loaded?: { readonly hash?: string; readonly length: number; readonly file?: KnowledgeFile };
}

export interface BundledKnowledge {
  readonly uri: vscode.Uri;
  readonly text: string;
  /** The text, loaded: it has no problems (the build checks). */
  readonly file: KnowledgeFile;
}

/**
 * The knowledge of the window: the bundled file plus every workspace knowledge file of every folder,
 * kept live with file watchers and unsaved editor changes, debounced. Never writes to any file.
 */
export class KnowledgeStore implements vscode.Disposable {
  private readonly files = new Map<string, FileState>();
  private readonly pending = new Set<string>();
  private readonly watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: MergeResult | undefined;
  private mergeCounter = 0;
  /** The matcher of `knowledge`, being built or built; `stop` ends a build that is no longer needed. */
  private matcher:
    | {
        readonly knowledge: Knowledge;
        readonly built: Promise<MentionMatcher>;
        readonly stop: { isCancellationRequested: boolean };
      }
    | undefined;
  private discovery: Promise<void> | undefined;
  private generationCounter = 0;
  private firstSearch = false;
  private disposed = false;
  /**
   * Loads workspace files entry by entry, pausing between stretches of work so the extension host is
   * never blocked for long, and re-parsing only the entries an edit changed.
   */
  private readonly loader = new KnowledgeLoader(TimeSlices.yieldToHost);
  /** The latest load started per file: an older load that finishes later must not overwrite it. */
  private readonly latestLoad = new Map<string, number>();
  private loadCounter = 0;

  /** Fires after the merged knowledge or its problems changed. */
  readonly onDidChange = this.changeEmitter.event;

  /**
   * @param remembered the knowledge files of the last session, if the extension keeps them: the first
   *   {@link ready} serves them (when their text is unchanged) before searching the workspace.
   */
  constructor(
    private readonly bundled: BundledKnowledge,
    private readonly logger: Logger,
    private readonly remembered?: RememberedKnowledge,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rediscover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tradeNotes.knowledgeFiles')) this.rediscover();
        else if (e.affectsConfiguration('tradeNotes.useBundledKnowledge')) void this.remerge();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isKnowledgeFile(e.document.uri)) this.schedule(e.document.uri);
      }),
      // Unsaved changes are dropped when an editor closes: go back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.files.has(doc.uri.toString())) this.schedule(doc.uri);
      }),
    );
  }

  /**
   * Finds and loads all knowledge files; resolves when the first full load is done. When the files of
   * the last session are remembered, it resolves once they are loaded, and the search for knowledge files
   * goes on in the background (files added or removed while the window was closed come a moment later).
   */
  ready(): Promise<void> {
    this.discovery ??= this.start();
    return this.discovery;
  }

  /**
   * Resolves when the knowledge can serve a passing answer such as a hover card: like {@link ready}, but
   * on a first start with nothing remembered it does not wait for the search for workspace files (VS
   * Code's file search takes 0.1 s in a small workspace, seconds in a large one); the bundled knowledge
   * and whatever is loaded serve meanwhile, and {@link searching} says so.
   */
  available(): Promise<void> {
    const ready = this.ready();
    return this.searching ? Promise.resolve() : ready;
  }

  /** True during the first search for workspace knowledge files when nothing was remembered: answers may still change. */
  get searching(): boolean {
    return this.firstSearch;
  }

  /** Increases with every change, so caches can tell whether they are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  get knowledge(): Knowledge {
    return this.merged().knowledge;
  }

  /**
   * The matcher for the current knowledge, built on first use after each change, in time slices (100,000
   * names take a third of a second); callers meanwhile share the build.
   */
  mentionMatcher(): Promise<MentionMatcher> {
    const knowledge = this.knowledge;
    if (this.matcher?.knowledge !== knowledge) {
      this.forgetMatcher();
      const stop = { isCancellationRequested: false };
      // A build stopped because the knowledge changed answers with the matcher of the knowledge now.
      const built = MentionMatcher.buildInSlices(knowledge, new TimeSlices(TimeSlices.yieldToHost), stop).then(
        (matcher) => matcher ?? this.mentionMatcher(),
      );
      const entry = { knowledge, built, stop };
      // A failed build is not kept: the next request tries again.
      built.catch(() => {
        if (this.matcher === entry) this.matcher = undefined;
      });
      this.matcher = entry;
    }
    return this.matcher.built;
  }

  /** Problems by file URI: each file's own, plus cross-file ones (duplicates, unknown references). */
  problemsByUri(): Map<string, KnowledgeProblem[]> {
    const byUri = new Map<string, KnowledgeProblem[]>();
    for (const [uri, state] of this.files) byUri.set(uri, [...state.problems]);
    for (const problem of this.merged().problems) {
      const list = byUri.get(problem.uri);
      if (list) list.push(problem);
    }
    return byUri;
  }

  /** The URIs of the workspace knowledge files currently tracked. */
  get trackedUris(): vscode.Uri[] {
    return [...this.files.values()].map((state) => state.uri);
  }

  /** Re-reads every knowledge file now (the Refresh command). */
  async reload(): Promise<void> {
    this.discovery = this.discover();
    await this.discovery;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    void this.remembered?.save();
  }

  /**
   * The merged knowledge. Merged at once only when used before the first merge in slices; a first start
   * merges the bundled knowledge alone that way (see start()), so this is one small merge.
   */
  private merged(): MergeResult {
    this.current ??= mergeKnowledge(...this.mergeInputs());
    return this.current;
  }

  private mergeInputs(): [KnowledgeFile | undefined, KnowledgeFile[]] {
    const useBundled = vscode.workspace.getConfiguration('tradeNotes').get<boolean>('useBundledKnowledge', true);
    const workspaceFiles = [...this.files.values()]
      .filter((state) => state.lastGood)
      .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()))
      .map((state) => state.lastGood!);
    return [useBundled ? this.bundled.file : undefined, workspaceFiles];
  }

  /**
   * Merges the sources again, in time slices (the previous knowledge serves meanwhile), then tells
   * everyone. A merge that a newer one overtook is dropped.
   */
  private async remerge(): Promise<void> {
    const merge = ++this.mergeCounter;
    const merged = await mergeKnowledgeInSlices(...this.mergeInputs(), new TimeSlices(TimeSlices.yieldToHost));
    if (merge !== this.mergeCounter || this.disposed) return;
    this.current = merged;
    // The old knowledge and its matcher are let go, and a build of it still running stops.
    this.forgetMatcher();
    this.generationCounter++;
    this.changeEmitter.fire();
  }

  private forgetMatcher(): void {
    if (this.matcher) this.matcher.stop.isCancellationRequested = true;
    this.matcher = undefined;
  }

  private async start(): Promise<void> {
    const remembered = this.remembered?.recall() ?? [];
    if (remembered.length === 0) {
      // Hovers meanwhile get the bundled knowledge: merged now, while no workspace file is loaded, it
      // is one small merge; merging every file loaded so far at the first hover could block the host.
      this.current ??= mergeKnowledge(...this.mergeInputs());
      this.firstSearch = true;
      try {
        return await this.discover();
      } finally {
        this.firstSearch = false;
      }
    }
    await Promise.all(remembered.map((file) => this.loadFile(vscode.Uri.parse(file.uri), file)));
    await this.remerge();
    void this.discover().catch((error: unknown) => this.logger.error('Finding knowledge files failed', error));
  }

  private rediscover(): void {
    this.discovery = this.discover().catch((error: unknown) =>
      this.logger.error('Finding knowledge files failed', error),
    );
  }

  private async discover(): Promise<void> {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const globs = this.globsFor(folder);
      const searchable = canSearch(folder.uri);
      for (const glob of globs) {
        // A search still running when the store is disposed must not leave watchers behind.
        if (this.disposed) return;
        const pattern = new vscode.RelativePattern(folder, glob);
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidCreate((uri) => this.schedule(uri));
        watcher.onDidChange((uri) => this.schedule(uri));
        watcher.onDidDelete((uri) => this.schedule(uri));
        this.watchers.push(watcher);
        if (searchable) for (const uri of await vscode.workspace.findFiles(pattern)) found.set(uri.toString(), uri);
      }
      if (!searchable) {
        for (const uri of await findByWalking(folder.uri, globs)) found.set(uri.toString(), uri);
      }
    }
    if (this.disposed) return;
    for (const key of this.files.keys()) {
      if (!found.has(key)) {
        this.files.delete(key);
        this.loader.forget(key);
      }
    }
    await Promise.all([...found.values()].map((uri) => this.loadFile(uri)));
    await this.remerge();
    this.remember();
  }

  /** Keeps what the workspace files gave for the next session. */
  private remember(): void {
    const states = [...this.files.values()];
    const characters = states.reduce((sum, state) => sum + (state.loaded?.length ?? 0), 0);
    this.remembered?.remember(
      () =>
        states.flatMap((state) =>
          state.loaded?.hash
            ? [
                {
                  uri: state.uri.toString(),
                  hash: state.loaded.hash,
                  file: state.loaded.file,
                  problems: state.problems,
                },
              ]
            : [],
        ),
      characters,
    );
  }

  private globsFor(folder: vscode.WorkspaceFolder): string[] {
    const globs = vscode.workspace.getConfiguration('tradeNotes', folder).get<unknown>('knowledgeFiles');
    return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  }

  private isKnowledgeFile(uri: vscode.Uri): boolean {
    if (this.files.has(uri.toString())) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) return false;
    return this.globsFor(folder).some(
      (glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0,
    );
  }

  private schedule(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    const uris = [...this.pending].map((key) => vscode.Uri.parse(key));
    this.pending.clear();
    await Promise.all(uris.map((uri) => this.loadFile(uri)));
    await this.remerge();
    this.remember();
  }

  /**
   * Loads one file from its open editor (unsaved text wins) or from disk; forgets it when it is gone.
   * Text already loaded, or `remembered` from the last session, is not parsed again.
   */
  private async loadFile(uri: vscode.Uri, remembered?: RememberedFile): Promise<void> {
    const key = uri.toString();
    const load = ++this.loadCounter;
    this.latestLoad.set(key, load);
    try {
      const read = await readKnowledgeFile(uri, undefined, this.logger);
      if (this.latestLoad.get(key) !== load) return;
      // Gone. ('unchanged' needs a known stamp: the store compares content hashes instead.)
      if (read.kind === 'gone' || read.kind === 'unchanged') {
        this.files.delete(key);
        this.loader.forget(key);
        return;
      }
      const state = this.files.get(key) ?? { uri, problems: [] };
      this.files.set(key, state);
      if (read.kind === 'refused') {
        state.problems = [read.problem];
        state.loaded = undefined;
        return;
      }
      const { text } = read;
      // Hashing is one pass over the text: large files go to the loader, which pauses as it works.
      const hash = text.length <= MAX_HASHED_LENGTH ? contentHash(text) : undefined;
      if (hash !== undefined && state.loaded?.hash === hash) return;
      const { file, problems } =
        remembered && remembered.hash === hash ? remembered : await this.loader.load(key, text);
      if (this.latestLoad.get(key) !== load) return;
      state.problems = [...problems];
      state.loaded = { hash, length: text.length, file };
      if (file) state.lastGood = file;
    } catch (error) {
      this.logger.error(`Loading ${key} failed`, error);
    }
  }
}

/** Schemes whose files VS Code's search (`findFiles`) covers; virtual file systems usually have no search provider. */
const SEARCHABLE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-userdata']);

/**
 * Whether `findFiles` works in this folder. Without a search provider for the scheme it never answers
 * (VS Code waits for one to be registered): such folders must be walked instead (findByWalking).
 */
export function canSearch(folder: vscode.Uri): boolean {
  return SEARCHABLE_SCHEMES.has(folder.scheme);
}

/** Bounds of the walk through a virtual folder: enough for a notes repository, cheap for a huge one. */
const MAX_WALKED_ENTRIES = 20_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Lists the files of a folder matching the globs by reading directories through `workspace.fs`. */
export async function findByWalking(root: vscode.Uri, globs: readonly string[]): Promise<vscode.Uri[]> {
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
