import * as vscode from 'vscode';
import type { Mention } from '../core/matching/mention';
import { EditAccumulator, MentionIndex, type TextSource } from '../core/matching/mentionIndex';
import type { KnowledgeStore } from './knowledgeStore';

interface Entry {
  /** The document version and knowledge generation the index was built or last updated for. */
  readonly version: number;
  readonly generation: number;
  readonly index: MentionIndex;
  /** Edits made since, folded into one; applied when a request needs the mentions. */
  pending?: EditAccumulator;
  /** The version the pending edits lead to. */
  pendingVersion?: number;
}

/**
 * Mentions per open note, computed on first request and kept until the document or the knowledge
 * changes, so hovering never re-scans an unchanged document. Typing does no scanning at all: edits are
 * only recorded, and the next request re-indexes just the text around them (see MentionIndex).
 * Notes that no feature asked about are never read.
 */
export class MentionCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: KnowledgeStore) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.recordEdits(e)),
    ];
  }

  /** The document's mentions; undefined if the request was cancelled before the scan finished. */
  async mentions(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<Mention[] | undefined> {
    await this.store.ready();
    if (token.isCancellationRequested) return undefined;
    const key = document.uri.toString();
    const generation = this.store.generation;
    const cached = this.entries.get(key);
    if (cached && cached.generation === generation) {
      if (cached.version === document.version) return cached.index.mentions;
      const updated = cached.pendingVersion === document.version ? this.applyEdits(cached, document) : undefined;
      if (updated) {
        this.entries.set(key, { version: document.version, generation, index: updated });
        return updated.mentions;
      }
    }
    const index = MentionIndex.build(this.store.mentionMatcher, document.getText(), token);
    if (!index || token.isCancellationRequested) return undefined;
    this.entries.set(key, { version: document.version, generation, index });
    return index.mentions;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.entries.clear();
  }

  private recordEdits(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    entry.pending ??= new EditAccumulator(entry.index.length);
    // Changes of one event apply one after the other, each in the text the previous ones left.
    for (const change of e.contentChanges) {
      entry.pending.add({ start: change.rangeOffset, oldLength: change.rangeLength, newLength: change.text.length });
    }
    entry.pendingVersion = e.document.version;
  }

  /** The index brought up to the document's text, or undefined when the recorded edits do not add up (rescan). */
  private applyEdits(entry: Entry, document: vscode.TextDocument): MentionIndex | undefined {
    const edit = entry.pending?.combined();
    if (!edit) return entry.index;
    const source: TextSource = {
      length: document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
      read: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
    };
    if (source.length !== entry.index.length + edit.newLength - edit.oldLength) return undefined;
    return entry.index.update(edit, source);
  }
}
