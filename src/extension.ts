import * as vscode from 'vscode';
import { configureL10n } from './core/l10n/l10n';
import { registerCompletion } from './features/completion';
import { registerDefinitions } from './features/definitions';
import { registerFactCheck } from './features/factCheck';
import { registerFindMentions } from './features/findMentions';
import { registerHighlighting } from './features/highlighting';
import { registerHover } from './features/hover';
import { registerKnowledgeDiagnostics } from './features/knowledgeDiagnostics';
import { registerKnowledgeSource } from './features/knowledgeSource';
import { registerLanguageStatus, type LanguageStatusFeature } from './features/languageStatus';
import { registerNewKnowledgeFile } from './features/newKnowledgeFile';
import { registerNoteCommands } from './features/noteCommands';
import { registerReferences } from './features/references';
import { registerSymbols } from './features/symbols';
import { registerTariffChart } from './features/tariffChart';
import { registerTimeline, type TimelineProvider } from './features/timelineView';
import { registerUnknownOfficials } from './features/unknownOfficials';
import { registerWalkthrough } from './features/walkthrough';
import type { KnowledgeStore } from './services/knowledgeStore';
import type { Logger } from './services/logger';
import { Services } from './services/services';

/**
 * What the extension returns from activate(); the integration tests use it to reach the view's data, the
 * language status items (VS Code cannot list them) and the log.
 */
export interface TradeNotesApi {
  readonly store: KnowledgeStore;
  readonly timeline: TimelineProvider;
  readonly languageStatus: Pick<LanguageStatusFeature, 'items'>;
  readonly logger: Logger;
}

export function activate(context: vscode.ExtensionContext): TradeNotesApi {
  // The core's text (cards, problems, findings) in the display language, from the bundle VS Code loaded.
  configureL10n({ bundle: vscode.l10n.bundle, language: vscode.env.language });
  const services = new Services(context);
  const timeline = registerTimeline(services);
  const languageStatus = registerLanguageStatus(services);
  context.subscriptions.push(
    services,
    registerKnowledgeSource(services),
    registerKnowledgeDiagnostics(services),
    registerHover(services),
    registerDefinitions(services),
    registerReferences(services),
    registerFindMentions(services),
    registerCompletion(services),
    registerSymbols(services),
    registerHighlighting(services),
    registerUnknownOfficials(services),
    registerFactCheck(services),
    registerNoteCommands(services),
    registerTariffChart(services),
    registerNewKnowledgeFile(services),
    registerWalkthrough(services),
    languageStatus,
    timeline,
  );
  void services.store.ready();
  return { store: services.store, timeline: timeline.provider, languageStatus, logger: services.logger };
}
