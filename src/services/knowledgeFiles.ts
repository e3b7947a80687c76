import { contentHash } from '../core/knowledge/contentHash';
import { KnowledgeLoader } from '../core/knowledge/knowledgeLoader';
import type { KnowledgeFile, KnowledgeProblem } from '../core/knowledge/types';
import { compareText } from '../core/text/compare';
import type { FileRead } from '../core/workspace/fileRead';
import type { Slicing } from './knowledgeStore';
import type { Logger } from './logger';
import type { RememberedFile } from './rememberedKnowledge';

/** Texts up to this length are hashed, to skip loading them again unchanged and to remember them. */
const MAX_HASHED_LENGTH = 1_000_000;

interface FileState {
  /** The last content that loaded without errors; it keeps serving while the file has errors. */
  lastGood?: KnowledgeFile;
  problems: KnowledgeProblem[];
  /** What the text last loaded gave, and its hash (small files only); undefined when the file could not be read. */
  loaded?: { readonly hash?: string; readonly length: number; readonly file?: KnowledgeFile };
}

/**
 * The workspace knowledge files, each with its problems and its last good content. A load that a newer
 * load of the same file overtook, or that outlived the file, changes nothing.
 */
export class KnowledgeFiles {
  private readonly files = new Map<string, FileState>();
  /** The latest load started per file. */
  private readonly latestLoad = new Map<string, number>();
  private loads = 0;
  /** Loads files entry by entry, re-parsing only the entries an edit changed. */
  private readonly loader: KnowledgeLoader;

  constructor(
    private readonly read: (uri: string) => Promise<FileRead>,
    private readonly logger: Logger,
    { pause, sliceMs }: Slicing,
  ) {
    this.loader = new KnowledgeLoader(pause, sliceMs);
  }

  get uris(): string[] {
    return [...this.files.keys()];
  }

  /** The last good content of every file, ordered by URI (the order in which duplicate ids are resolved). */
  lastGood(): KnowledgeFile[] {
    return [...this.files.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .flatMap(([, state]) => (state.lastGood ? [state.lastGood] : []));
  }

  problemsByUri(): Map<string, KnowledgeProblem[]> {
    return new Map([...this.files].map(([uri, state]) => [uri, [...state.problems]]));
  }

  /** What to remember for the next session, and the length of those texts, which bounds what is stored. */
  toRemember(): { readonly files: () => RememberedFile[]; readonly characters: number } {
    const states = [...this.files.entries()];
    return {
      files: () =>
        states.flatMap(([uri, { loaded, problems }]) =>
          loaded?.hash ? [{ uri, hash: loaded.hash, file: loaded.file, problems }] : [],
        ),
      characters: states.reduce((sum, [, state]) => sum + (state.loaded?.length ?? 0), 0),
    };
  }

  /** Forgets a file, and drops its loads still running. */
  forget(uri: string): void {
    this.files.delete(uri);
    this.latestLoad.delete(uri);
    this.loader.forget(uri);
  }

  /** Loads one file; text already loaded, or `remembered` from the last session, is not parsed again. */
  async load(uri: string, remembered?: RememberedFile): Promise<void> {
    const load = ++this.loads;
    this.latestLoad.set(uri, load);
    const isLatest = (): boolean => this.latestLoad.get(uri) === load;
    try {
      const read = await this.read(uri);
      if (!isLatest()) return;
      // Gone. ('unchanged' needs a known stamp: content hashes are compared instead.)
      if (read.kind === 'gone' || read.kind === 'unchanged') return this.forget(uri);
      const state = this.files.get(uri) ?? { problems: [] };
      this.files.set(uri, state);
      if (read.kind === 'refused') {
        state.problems = [read.problem];
        state.loaded = undefined;
        return;
      }
      // Hashing is one pass over the text: large files go to the loader, which pauses as it works.
      const hash = read.text.length <= MAX_HASHED_LENGTH ? contentHash(read.text) : undefined;
      if (hash !== undefined && state.loaded?.hash === hash) return;
      const { file, problems } =
        remembered && remembered.hash === hash ? remembered : await this.loader.load(uri, read.text);
      if (!isLatest()) return;
      state.problems = [...problems];
      state.loaded = { hash, length: read.text.length, file };
      if (file) state.lastGood = file;
    } catch (error) {
      this.logger.error(`Loading ${uri} failed`, error);
    }
  }
}
