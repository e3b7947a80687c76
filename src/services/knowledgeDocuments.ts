import * as vscode from 'vscode';
import { indexKnowledge, type KnowledgeIndex } from '../core/navigation/knowledgeIndex';
import type { BundledKnowledge } from './bundledKnowledge';
import { readSetting, Settings } from './configuration';
import { openDocument, openStamp, readKnowledgeFile } from './fileReader';
import type { KnowledgeStore } from './knowledgeStore';

export interface IndexedFile {
  readonly uri: vscode.Uri;
  readonly index: KnowledgeIndex;
}

interface Cached {
  readonly stamp: string;
  readonly index: KnowledgeIndex;
}

/**
 * The knowledge files of the window as navigation sees them: indexed from their current text (open
 * editors first, then disk, through the guarded reader), including files with errors that the store
 * cannot load. Each file is indexed again only when its editor version or its modification time and
 * size change.
 */
export class KnowledgeDocuments {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: KnowledgeStore,
    readonly bundled: BundledKnowledge,
  ) {}

  /** Whether the document is a knowledge file: which YAML files are knowledge is a per-folder setting. */
  isKnowledgeDocument(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    return key === this.bundled.uri.toString() || this.store.trackedUris.includes(key);
  }

  /** The index of an open document's current text. */
  indexOf(document: vscode.TextDocument): KnowledgeIndex {
    return this.cached(document.uri, openStamp(document), () => document.getText());
  }

  /** Every knowledge file that feeds the knowledge: the bundled one (when on) and the workspace files. */
  async all(token: vscode.CancellationToken): Promise<IndexedFile[]> {
    await this.store.ready();
    const uris = this.store.trackedUris.map((uri) => vscode.Uri.parse(uri));
    if (readSetting(Settings.useBundledKnowledge, true)) uris.unshift(this.bundled.uri);
    const files: IndexedFile[] = [];
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const index = await this.indexOfFile(uri);
      if (index) files.push({ uri, index });
    }
    const listed = new Set(uris.map((uri) => uri.toString()));
    for (const key of this.cache.keys()) if (!listed.has(key)) this.cache.delete(key);
    return files;
  }

  /** A file's current text: its editor's (unsaved changes included), else what is on disk; undefined if it cannot be read. */
  async textOf(uri: vscode.Uri): Promise<string | undefined> {
    if (this.isBundled(uri)) return this.bundled.text();
    const read = await readKnowledgeFile(uri);
    return read.kind === 'text' ? read.text : undefined;
  }

  private async indexOfFile(uri: vscode.Uri): Promise<KnowledgeIndex | undefined> {
    if (this.isBundled(uri)) {
      const text = await this.bundled.text();
      return this.cached(uri, 'bundled', () => text);
    }
    const read = await readKnowledgeFile(uri, this.cache.get(uri.toString())?.stamp);
    switch (read.kind) {
      case 'text':
        return this.cached(uri, read.stamp, () => read.text);
      case 'unchanged':
        return this.cache.get(uri.toString())?.index;
      default:
        // Not readable, or deleted since the store listed it: the store reports it, or forgets it on its next update.
        return undefined;
    }
  }

  /** The bundled knowledge, when no editor shows it (an open editor's text wins, as for every file). */
  private isBundled(uri: vscode.Uri): boolean {
    return uri.toString() === this.bundled.uri.toString() && !openDocument(uri);
  }

  private cached(uri: vscode.Uri, stamp: string, text: () => string): KnowledgeIndex {
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp) return hit.index;
    const index = indexKnowledge(text());
    this.cache.set(key, { stamp, index });
    return index;
  }
}
