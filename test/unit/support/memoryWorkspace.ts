// In-memory stand-ins for what the services get from VS Code (workspace files, open documents, slicing),
// so that the store and the mention cache run in plain Node with their real code.
import type { KnowledgeFile } from '../../../src/core/knowledge/types';
import { Emitter } from '../../../src/services/disposable';
import type { FileRead } from '../../../src/core/workspace/fileRead';
import type { KnowledgeSources, Slicing } from '../../../src/services/knowledgeStore';
import type { DocumentChange, NoteDocument, NoteDocuments, RequestToken } from '../../../src/services/mentionCache';
import { loadFile } from './knowledge';

export const BUNDLED_URI = 'trade-notes-bundled:/test.trade.yaml';

/** A bundled knowledge file with one official and one country. */
export const BUNDLED: KnowledgeFile = loadFile(
  `kind: trade-knowledge
version: 1
countries:
  CN: { name: China, aliases: [Chinese] }
officials:
  - { id: he-lifeng, name: He Lifeng, title: Vice Premier as bundled, country: CN }
`,
  BUNDLED_URI,
);

/**
 * Knowledge files in memory. A read takes the text of the moment it starts; `holdReads` makes reads
 * wait until released, so a test can finish loads in the order it wants.
 */
export class MemoryKnowledgeSources implements KnowledgeSources {
  readonly texts = new Map<string, string>();
  useBundled = true;
  private readonly filesEmitter = new Emitter<readonly string[]>();
  private readonly scopeEmitter = new Emitter<void>();
  private readonly bundledEmitter = new Emitter<void>();
  readonly onDidChangeFiles = this.filesEmitter.event;
  readonly onDidChangeScope = this.scopeEmitter.event;
  readonly onDidChangeUseBundled = this.bundledEmitter.event;
  private held: (() => void)[] | undefined;

  async find(): Promise<string[]> {
    return [...this.texts.keys()];
  }

  async read(uri: string): Promise<FileRead> {
    const text = this.texts.get(uri);
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    return text === undefined ? { kind: 'gone' } : { kind: 'text', text, stamp: `memory:${text.length}` };
  }

  useBundledKnowledge(): boolean {
    return this.useBundled;
  }

  /** Writes (or with undefined deletes) a file and reports the change, as the watchers would. */
  write(uri: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(uri);
    else this.texts.set(uri, text);
    this.filesEmitter.fire([uri]);
  }

  toggleBundled(on: boolean): void {
    this.useBundled = on;
    this.bundledEmitter.fire();
  }

  changeScope(): void {
    this.scopeEmitter.fire();
  }

  /** Reads started from now on wait; returns the function that releases the n-th of them. */
  holdReads(): (n: number) => void {
    const held: (() => void)[] = [];
    this.held = held;
    return (n) => held[n]!();
  }

  releaseAll(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((release) => release());
  }
}

/**
 * Slicing under the test's control: every step boundary pauses; pauses pass at once until `hold()`,
 * after which each waits to be released by its index.
 */
export class ManualSlicing implements Slicing {
  readonly sliceMs = -1;
  private held: (() => void)[] | undefined;

  readonly pause = (): Promise<void> =>
    this.held ? new Promise<void>((resolve) => this.held!.push(resolve)) : Promise.resolve();

  hold(): { readonly count: () => number; release(n: number): void } {
    const held: (() => void)[] = [];
    this.held = held;
    return { count: () => held.length, release: (n) => held[n]!() };
  }

  releaseAll(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((release) => release());
  }
}

/** A text document in memory, edited as VS Code edits documents (a version per edit). */
export class MemoryDocument implements NoteDocument {
  version = 1;
  isClosed = false;

  constructor(
    readonly uri: string,
    private text: string,
  ) {}

  get lineCount(): number {
    return this.text.split('\n').length;
  }

  getText(): string {
    return this.text;
  }

  /** Applies the changes one after the other, each to the text the previous ones left; one version. */
  apply(changes: readonly DocumentChange[]): void {
    for (const { rangeOffset, rangeLength, text } of changes) {
      this.text = this.text.slice(0, rangeOffset) + text + this.text.slice(rangeOffset + rangeLength);
    }
    this.version++;
  }
}

/** Open documents in memory, with the events the cache follows. */
export class MemoryDocuments implements NoteDocuments<MemoryDocument> {
  private readonly changeEmitter = new Emitter<{ document: MemoryDocument; contentChanges: DocumentChange[] }>();
  private readonly closeEmitter = new Emitter<MemoryDocument>();
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  /** How many characters the cache read through textBetween: what an update costs. */
  charactersRead = 0;

  edit(document: MemoryDocument, ...contentChanges: DocumentChange[]): void {
    document.apply(contentChanges);
    this.changeEmitter.fire({ document, contentChanges });
  }

  close(document: MemoryDocument): void {
    document.isClosed = true;
    this.closeEmitter.fire(document);
  }

  lengthOf(document: MemoryDocument): number {
    return document.getText().length;
  }

  textBetween(document: MemoryDocument, start: number, end: number): string {
    this.charactersRead += end - start;
    return document.getText().slice(start, end);
  }

  textOfLines(document: MemoryDocument, from: number, to: number): string {
    const lines = document.getText().split(/(?<=\n)/);
    return lines.slice(from, to).join('');
  }
}

/** A request token that the test may cancel. */
export function requestToken(): RequestToken & { cancel(): void } {
  const emitter = new Emitter<unknown>();
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: emitter.event,
    cancel: () => {
      cancelled = true;
      emitter.fire(undefined);
    },
  };
}
