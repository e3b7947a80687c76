import * as vscode from 'vscode';
import type { FileRead } from '../core/workspace/fileRead';
import { Disposable, DisposableStore, Emitter } from './disposable';
import { readKnowledgeFile } from './fileReader';
import { readSetting, Settings } from './configuration';
import type { KnowledgeSources } from './knowledgeStore';
import type { Logger } from './logger';
import { findFilesInFolder } from './workspaceFiles';

/** Edits and file events within this window are handled together. */
const DEBOUNCE_MS = 150;

/**
 * The knowledge files of the workspace as VS Code shows them: found in every folder by the
 * `tradeNotes.knowledgeFiles` globs, watched on disk and in editors (unsaved changes count), read by the
 * guarded reader. Changes are reported in debounced batches.
 */
export class KnowledgeDiscovery extends Disposable implements KnowledgeSources {
  private readonly filesEmitter = this.register(new Emitter<readonly string[]>());
  private readonly scopeEmitter = this.register(new Emitter<void>());
  private readonly bundledEmitter = this.register(new Emitter<void>());
  readonly onDidChangeFiles = this.filesEmitter.event;
  readonly onDidChangeScope = this.scopeEmitter.event;
  readonly onDidChangeUseBundled = this.bundledEmitter.event;
  /** The watchers of the latest search, with their subscriptions. */
  private watchers = new DisposableStore();
  private readonly pending = new Set<string>();
  /**
   * Files the watchers saw deleted and not created again. An editor may still hold one (VS Code keeps it
   * open, marked deleted): its text is not a knowledge file of the workspace any more, until it is saved.
   */
  private readonly deleted = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private searches = 0;

  constructor(private readonly logger: Logger) {
    super();
    this.register({ dispose: () => this.watchers.dispose() });
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.scopeEmitter.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.knowledgeFiles)) this.scopeEmitter.fire();
        else if (e.affectsConfiguration(Settings.useBundledKnowledge)) this.bundledEmitter.fire();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isKnowledgeDocument(e.document)) this.touch(e.document.uri);
      }),
    );
    // Unsaved changes are dropped when an editor closes: back to what is on disk.
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isKnowledgeDocument(document)) this.touch(document.uri);
      }),
    );
  }

  useBundledKnowledge(): boolean {
    return readSetting(Settings.useBundledKnowledge, true);
  }

  /**
   * Finds every knowledge file of every folder, and watches the globs from now on. A search overtaken
   * by a newer one (or by disposal) drops its watchers and resolves to undefined.
   */
  async find(): Promise<string[] | undefined> {
    const search = ++this.searches;
    this.watchers.dispose();
    const watchers = (this.watchers = new DisposableStore());
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const globs = knowledgeGlobs(folder);
      for (const glob of globs) {
        const watcher = watchers.add(
          vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)),
        );
        watchers.add(watcher.onDidCreate((uri) => this.touch(uri, 'exists')));
        watchers.add(watcher.onDidChange((uri) => this.touch(uri, 'exists')));
        watchers.add(watcher.onDidDelete((uri) => this.touch(uri, 'deleted')));
      }
      for (const uri of await findFilesInFolder(folder, globs)) {
        found.add(uri.toString());
        this.deleted.delete(uri.toString());
      }
      if (search !== this.searches || this.isDisposed) {
        watchers.dispose();
        return undefined;
      }
    }
    return [...found];
  }

  read(uri: string): Promise<FileRead> {
    if (this.deleted.has(uri)) return Promise.resolve({ kind: 'gone' });
    return readKnowledgeFile(vscode.Uri.parse(uri), undefined, this.logger);
  }

  private isKnowledgeDocument(document: vscode.TextDocument): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return false;
    return knowledgeGlobs(folder).some(
      (glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0,
    );
  }

  private touch(uri: vscode.Uri, onDisk?: 'exists' | 'deleted'): void {
    if (onDisk === 'deleted') this.deleted.add(uri.toString());
    else if (onDisk === 'exists') this.deleted.delete(uri.toString());
    this.pending.add(uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.filesEmitter.fire(uris);
    }, DEBOUNCE_MS);
  }
}

function knowledgeGlobs(folder: vscode.WorkspaceFolder): string[] {
  return readSetting<readonly unknown[]>(Settings.knowledgeFiles, [], folder).filter(
    (glob): glob is string => typeof glob === 'string' && glob.trim() !== '',
  );
}
