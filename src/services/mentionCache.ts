import * as vscode from 'vscode';
import type { Mention } from '../core/matching/mention';
import type { KnowledgeStore } from './knowledgeStore';

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly mentions: Mention[];
}

/**
 * Mentions per open note, computed on first request and kept until the document or the knowledge
 * changes, so hovering never re-scans an unchanged document.
 */
export class MentionCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: KnowledgeStore) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  /** The document's mentions; undefined if the request was cancelled before the scan finished. */
  async mentions(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<Mention[] | undefined> {
    await this.store.ready();
    if (token.isCancellationRequested) return undefined;
    const key = document.uri.toString();
    const generation = this.store.generation;
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.mentions;
    const mentions = this.store.mentionMatcher.scan(document.getText(), token);
    if (token.isCancellationRequested) return undefined;
    this.entries.set(key, { version: document.version, generation, mentions });
    return mentions;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
