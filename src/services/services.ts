import * as vscode from 'vscode';
import { bundledKnowledgeOf, type BundledKnowledge } from './bundledKnowledge';
import { Disposable } from './disposable';
import { KnowledgeDiscovery } from './knowledgeDiscovery';
import { KnowledgeDocuments } from './knowledgeDocuments';
import { KnowledgeStore } from './knowledgeStore';
import { OutputChannelLogger, type Logger } from './logger';
import { editorDocuments } from './editorDocuments';
import { MentionCache } from './mentionCache';
import { RememberedKnowledge } from './rememberedKnowledge';
import { WorkspaceMentions } from './workspaceMentions';

/** The state shared by the features of one window; every feature gets what it needs from here. */
export class Services extends Disposable {
  readonly logger: Logger;
  private readonly output: OutputChannelLogger;
  readonly bundled: BundledKnowledge;
  readonly store: KnowledgeStore;
  readonly mentions: MentionCache<vscode.TextDocument>;
  readonly knowledgeDocuments: KnowledgeDocuments;
  readonly workspaceMentions: WorkspaceMentions;
  /** Small per-workspace settings of the views, such as the timeline's order. */
  readonly workspaceState: vscode.Memento;
  /** Where the extension is installed: the files it ships (webview bundles, media, the bundled knowledge's text) are read from there. */
  readonly extensionUri: vscode.Uri;

  constructor(context: vscode.ExtensionContext) {
    super();
    this.bundled = bundledKnowledgeOf(context.extensionUri);
    const logger = this.register(new OutputChannelLogger());
    const remembered = new RememberedKnowledge(
      context.workspaceState,
      String(context.extension.packageJSON.version),
      vscode.env.language,
    );
    const discovery = this.register(new KnowledgeDiscovery(logger));
    this.logger = this.output = logger;
    this.store = this.register(new KnowledgeStore(this.bundled.file, discovery, logger, remembered));
    this.mentions = this.register(new MentionCache(this.store, editorDocuments));
    this.knowledgeDocuments = new KnowledgeDocuments(this.store, this.bundled);
    this.workspaceMentions = new WorkspaceMentions(this.store, logger);
    this.workspaceState = context.workspaceState;
    this.extensionUri = context.extensionUri;
  }

  /** Shows the log (the *Trade Notes* output channel). */
  showLog(): void {
    this.output.show();
  }
}
