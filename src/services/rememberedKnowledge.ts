import type * as vscode from 'vscode';
import type { KnowledgeFile, KnowledgeProblem } from '../core/knowledge/types';

/** What loading one workspace knowledge file gave, and the hash of the text it was loaded from. */
export interface RememberedFile {
  readonly uri: string;
  readonly hash: string;
  readonly file?: KnowledgeFile;
  readonly problems: readonly KnowledgeProblem[];
}

/** Where remembered knowledge is kept: the workspace's state (a `vscode.Memento`) in the extension. */
export type KnowledgeMemory = Pick<vscode.Memento, 'get' | 'update'>;

/** Knowledge files larger than this, in all, are not remembered: storing them would cost more than loading. */
const MAX_REMEMBERED_CHARACTERS = 1_000_000;
/** Saves happen at most this often while knowledge files are being edited. */
const SAVE_DELAY_MS = 2000;
/** Raised when what loading gives changes shape between releases (2: officials' `titles`). */
const SHAPE = 2;

/**
 * The workspace knowledge files and what loading them gave, kept between sessions, so that the next
 * start serves hovers after reading the files (to check that their text is unchanged) but without
 * searching the workspace or parsing YAML first; the search runs afterwards and corrects the list. Tied
 * to the extension's version (another version may load files differently) and to the display language
 * (problems are remembered as their messages read).
 */
export class RememberedKnowledge {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => Thenable<void>) | undefined;

  constructor(
    private readonly memory: KnowledgeMemory,
    private readonly version: string,
    /** The display language; English (and an unknown one) keeps the key it always had. */
    private readonly language = 'en',
  ) {}

  private get key(): string {
    const language = /^en\b/i.test(this.language) ? '' : `/${this.language}`;
    return `tradeNotes.rememberedKnowledge@${this.version}#${SHAPE}${language}`;
  }

  recall(): readonly RememberedFile[] {
    const files = this.memory.get<unknown>(this.key);
    return Array.isArray(files) ? (files as RememberedFile[]) : [];
  }

  /**
   * Remembers `files` a little later (edits come in bursts); `characters` is the length of their texts,
   * which bounds what is stored.
   */
  remember(files: () => readonly RememberedFile[], characters: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending = () => this.memory.update(this.key, characters <= MAX_REMEMBERED_CHARACTERS ? files() : undefined);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves what is waiting to be saved now (the window is closing, or a test needs it). */
  async save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    await pending?.();
  }
}
