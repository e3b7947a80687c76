import * as vscode from 'vscode';
import { KnowledgeCompletionProvider, NoteCompletionProvider } from './features/completion';
import { DefinitionProvider } from './features/definitions';
import { registerKnowledgeDiagnostics } from './features/diagnostics';
import { registerFindMentions } from './features/findMentions';
import { MentionHighlighter } from './features/highlighting';
import { MentionHoverProvider } from './features/hover';
import { KnowledgeDocuments } from './features/knowledgeDocuments';
import { registerKnowledgeSource } from './features/knowledgeSource';
import { registerNoteCommands } from './features/noteCommands';
import { ReferenceProvider } from './features/references';
import { registerRevealNoteEvents } from './features/revealNoteEvents';
import { DocumentSymbolProvider, WorkspaceSymbolProvider } from './features/symbols';
import { registerTimelineView, type TimelineProvider } from './features/timelineView';
import { UnknownOfficials } from './features/unknownOfficials';
import { WorkspaceMentions } from './features/workspaceMentions';
import { bundledKnowledge } from './services/bundledKnowledge';
import { KnowledgeStore } from './services/knowledgeStore';
import { OutputChannelLogger, type Logger } from './services/logger';
import { MentionCache } from './services/mentionCache';
import { RememberedKnowledge } from './services/rememberedKnowledge';

/** What the extension returns from activate(); the integration tests use it to reach the view's data and the log. */
export interface TradeNotesApi {
  readonly store: KnowledgeStore;
  readonly timeline: TimelineProvider;
  readonly logger: Logger;
}

export function activate(context: vscode.ExtensionContext): TradeNotesApi {
  const logger = new OutputChannelLogger();
  const remembered = new RememberedKnowledge(context.workspaceState, String(context.extension.packageJSON.version));
  const store = new KnowledgeStore(bundledKnowledge, logger, remembered);
  const mentions = new MentionCache(store);
  context.subscriptions.push(
    logger,
    store,
    mentions,
    vscode.commands.registerCommand('tradeNotes.showLog', () => logger.channel.show()),
  );

  registerKnowledgeSource(context, bundledKnowledge);
  registerKnowledgeDiagnostics(context, store);
  MentionHoverProvider.register(context, new MentionHoverProvider(store, mentions, logger));
  const knowledgeDocuments = new KnowledgeDocuments(store, bundledKnowledge);
  const workspaceMentions = new WorkspaceMentions(store, logger);
  DefinitionProvider.register(context, new DefinitionProvider(store, mentions, knowledgeDocuments, logger));
  ReferenceProvider.register(context, new ReferenceProvider(mentions, knowledgeDocuments, workspaceMentions, logger));
  registerFindMentions(context, store, workspaceMentions, logger);
  NoteCompletionProvider.register(context, new NoteCompletionProvider(store, logger));
  KnowledgeCompletionProvider.register(context, new KnowledgeCompletionProvider(store, knowledgeDocuments, logger));
  DocumentSymbolProvider.register(context, new DocumentSymbolProvider(store, mentions, knowledgeDocuments, logger));
  WorkspaceSymbolProvider.register(context, new WorkspaceSymbolProvider(store, logger));
  MentionHighlighter.register(context, new MentionHighlighter(store, mentions, logger));
  UnknownOfficials.register(context, new UnknownOfficials(store, mentions, knowledgeDocuments, logger));
  registerNoteCommands(context, store, mentions, logger);
  const { provider: timeline, view: timelineView } = registerTimelineView(context, store);
  registerRevealNoteEvents(context, store, mentions, timeline, timelineView, logger);

  void store.ready();
  return { store, timeline, logger };
}
