import * as vscode from 'vscode';
import { registerKnowledgeDiagnostics } from './features/diagnostics';
import { MentionHoverProvider } from './features/hover';
import { registerKnowledgeSource } from './features/knowledgeSource';
import { registerTimelineView, type TimelineProvider } from './features/timelineView';
import { bundledKnowledge } from './services/bundledKnowledge';
import { KnowledgeStore } from './services/knowledgeStore';
import { OutputChannelLogger } from './services/logger';
import { MentionCache } from './services/mentionCache';

/** What the extension returns from activate(); the integration tests use it to reach the view's data. */
export interface TradeNotesApi {
  readonly store: KnowledgeStore;
  readonly timeline: TimelineProvider;
}

export function activate(context: vscode.ExtensionContext): TradeNotesApi {
  const logger = new OutputChannelLogger();
  const store = new KnowledgeStore(bundledKnowledge, logger);
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
  const timeline = registerTimelineView(context, store);

  void store.ready();
  return { store, timeline };
}
