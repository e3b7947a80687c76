import { mergeKnowledge, mergeKnowledgeInSlices, type Knowledge, type MergeResult } from '../core/knowledge/knowledge';
import type { KnowledgeFile, KnowledgeProblem } from '../core/knowledge/types';
import type { MentionMatcher } from '../core/matching/mentionMatcher';
import { TimeSlices } from '../core/scheduling/timeSlices';
import type { FileRead } from '../core/workspace/fileRead';
import { Disposable, Emitter, type Event } from './disposable';
import { KnowledgeFiles } from './knowledgeFiles';
import type { Logger } from './logger';
import { MatcherCache } from './matcherCache';
import type { RememberedKnowledge } from './rememberedKnowledge';

/** Where the store's workspace files come from: VS Code's workspace in the extension, memory in unit tests. */
export interface KnowledgeSources {
  /** Every workspace knowledge file now (URIs), or undefined when a newer search overtook this one. */
  find(): Promise<readonly string[] | undefined>;
  /** One file's current text, the guarded way. */
  read(uri: string): Promise<FileRead>;
  /** Files created, changed (on disk or in an editor), deleted or closed, in batches. */
  readonly onDidChangeFiles: Event<readonly string[]>;
  /** Which files are knowledge may have changed (folders, globs): find them again. */
  readonly onDidChangeScope: Event<void>;
  useBundledKnowledge(): boolean;
  readonly onDidChangeUseBundled: Event<void>;
}

/** How work is cut: what lets the host run between slices, and how long a slice may run. */
export interface Slicing {
  readonly pause: () => Promise<void>;
  readonly sliceMs: number;
}

/**
 * The knowledge of the window: the bundled file plus every workspace knowledge file, each keeping its
 * last good content while it has errors, merged in time slices. Loads and merges overtaken by newer ones
 * are dropped. Never writes to any file.
 */
export class KnowledgeStore extends Disposable {
  private readonly files: KnowledgeFiles;
  private readonly changeEmitter = this.register(new Emitter<void>());
  /** Fires after the merged knowledge or its problems changed. */
  readonly onDidChange = this.changeEmitter.event;
  private current: MergeResult | undefined;
  private merges = 0;
  private generationCounter = 0;
  private discovery: Promise<void> | undefined;
  private discoveries = 0;
  private firstSearch = false;
  private readonly matchers: MatcherCache;

  /**
   * @param remembered the knowledge files of the last session, if kept: the first {@link ready} serves
   *   them (when their text is unchanged) before searching the workspace.
   * @param slicing how long work runs before the host gets a turn (tests cut it finer).
   */
  constructor(
    private readonly bundled: KnowledgeFile,
    private readonly sources: KnowledgeSources,
    private readonly logger: Logger,
    private readonly remembered?: RememberedKnowledge,
    private readonly slicing: Slicing = { pause: TimeSlices.yieldToHost, sliceMs: 25 },
  ) {
    super();
    this.files = new KnowledgeFiles((uri) => sources.read(uri), logger, slicing);
    this.matchers = new MatcherCache(
      () => this.knowledge,
      () => this.newSlices(),
    );
    this.register(sources.onDidChangeScope(() => this.rediscover()));
    this.register(sources.onDidChangeUseBundled(() => void this.remerge()));
    this.register(sources.onDidChangeFiles((uris) => void this.update(uris)));
    this.register({ dispose: () => void this.remembered?.save() });
  }

  /**
   * Finds and loads all knowledge files; resolves when the first full load is done. With the files of
   * the last session remembered, it resolves once they are loaded and the search goes on behind.
   */
  ready(): Promise<void> {
    this.discovery ??= this.start();
    return this.discovery;
  }

  /**
   * Like {@link ready}, but on a first start with nothing remembered it does not wait for the search for
   * workspace files: for passing answers such as hover cards. {@link searching} says whether it is running.
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

  /** The matcher of the current knowledge (see {@link MatcherCache}). */
  mentionMatcher(): Promise<MentionMatcher> {
    return this.matchers.matcher();
  }

  /** Problems by file URI: each file's own, plus cross-file ones (duplicates, unknown references). */
  problemsByUri(): Map<string, KnowledgeProblem[]> {
    const byUri = this.files.problemsByUri();
    for (const problem of this.merged().problems) byUri.get(problem.uri)?.push(problem);
    return byUri;
  }

  /** The URIs of the workspace knowledge files currently tracked. */
  get trackedUris(): string[] {
    return this.files.uris;
  }

  /** Finds and re-reads every knowledge file now (the Refresh command). */
  async reload(): Promise<void> {
    this.discovery = this.discover();
    await this.discovery;
  }

  private newSlices(): TimeSlices {
    return new TimeSlices(this.slicing.pause, this.slicing.sliceMs);
  }

  /** Merged at once only when used before the first merge in slices: on a first start, the bundled knowledge alone. */
  private merged(): MergeResult {
    this.current ??= mergeKnowledge(...this.mergeInputs());
    return this.current;
  }

  private mergeInputs(): [KnowledgeFile | undefined, KnowledgeFile[]] {
    return [this.sources.useBundledKnowledge() ? this.bundled : undefined, this.files.lastGood()];
  }

  /** Merges the sources again in time slices (the previous knowledge serves meanwhile), then tells everyone. */
  private async remerge(): Promise<void> {
    const merge = ++this.merges;
    const merged = await mergeKnowledgeInSlices(...this.mergeInputs(), this.newSlices());
    if (merge !== this.merges || this.isDisposed) return;
    this.current = merged;
    this.matchers.forget();
    this.generationCounter++;
    this.changeEmitter.fire();
  }

  private async start(): Promise<void> {
    const remembered = this.remembered?.recall() ?? [];
    if (remembered.length > 0) {
      await Promise.all(remembered.map((file) => this.files.load(file.uri, file)));
      await this.remerge();
      void this.discover().catch((error: unknown) => this.logger.error('Finding knowledge files failed', error));
      return;
    }
    // Hovers meanwhile get the bundled knowledge, merged now while it is one small merge.
    this.merged();
    this.firstSearch = true;
    try {
      await this.discover();
    } finally {
      this.firstSearch = false;
    }
  }

  private rediscover(): void {
    this.discovery = this.discover().catch((error: unknown) =>
      this.logger.error('Finding knowledge files failed', error),
    );
  }

  private async discover(): Promise<void> {
    const discovery = ++this.discoveries;
    const found = await this.sources.find();
    if (!found || discovery !== this.discoveries || this.isDisposed) return;
    const listed = new Set(found);
    for (const uri of this.files.uris) if (!listed.has(uri)) this.files.forget(uri);
    await this.update(found);
  }

  /** Loads the files again, merges, and remembers the result for the next session. */
  private async update(uris: readonly string[]): Promise<void> {
    await Promise.all(uris.map((uri) => this.files.load(uri)));
    await this.remerge();
    const { files, characters } = this.files.toRemember();
    this.remembered?.remember(files, characters);
  }
}
