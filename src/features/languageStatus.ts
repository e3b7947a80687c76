import * as vscode from 'vscode';
import type { KnowledgeProblem } from '../core/knowledge/types';
import {
  knowledgeProblemsStatus,
  knowledgeStatus,
  noteDateStatus,
  type FileProblems,
  type StatusLine,
  type StatusSeverity,
} from '../core/status/languageStatus';
import { compareText } from '../core/text/compare';
import { POLICY_NOTE_LANGUAGE, readSetting, Settings } from '../services/configuration';
import { Disposable } from '../services/disposable';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { POLICY_NOTE_SELECTOR } from './documentSelectors';
import { noteDateOfDocument } from './noteDates';
import { toRange } from './typeConverters';

export const SHOW_KNOWLEDGE_PROBLEMS_COMMAND = 'tradeNotes.showKnowledgeProblems';
const SHOW_LOG_COMMAND = 'tradeNotes.showLog';
/** Typing in a note re-reads its date this long after the last keystroke. */
const DATE_DEBOUNCE_MS = 250;

const SEVERITIES: Readonly<Record<StatusSeverity, vscode.LanguageStatusSeverity>> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

/** The language status items of policy notes, as they are now: VS Code has no API to read them back. */
export interface LanguageStatusFeature extends vscode.Disposable {
  items(): readonly vscode.LanguageStatusItem[];
}

/**
 * The `{}` language status of policy notes: the knowledge in use (with a link to the log), errors or
 * warnings in knowledge files as the severity (with a link to those files), and the note's date. It
 * follows knowledge changes, the active editor and edits of its note, and never notifies.
 */
export function registerLanguageStatus(services: Services): LanguageStatusFeature {
  return new LanguageStatus(services);
}

class LanguageStatus extends Disposable implements LanguageStatusFeature {
  private readonly knowledge = this.register(
    vscode.languages.createLanguageStatusItem('tradeNotes.knowledge', POLICY_NOTE_SELECTOR),
  );
  /** Present only while a knowledge file has problems. */
  private problems: vscode.LanguageStatusItem | undefined;
  private readonly date = this.register(
    vscode.languages.createLanguageStatusItem('tradeNotes.noteDate', POLICY_NOTE_SELECTOR),
  );
  private dateTimer: ReturnType<typeof setTimeout> | undefined;
  /** Until the store's first load is done, the knowledge is not yet what the workspace gives. */
  private loaded = false;

  constructor(private readonly services: Services) {
    super();
    const { store, logger } = services;
    // The log's command lives here, beside the item that links to it; the command palette shows it too.
    this.register(vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => services.showLog()));
    this.knowledge.name = vscode.l10n.t('Trade Notes: Knowledge');
    this.knowledge.command = { title: vscode.l10n.t('Show Log'), command: SHOW_LOG_COMMAND };
    this.date.name = vscode.l10n.t('Trade Notes: Date of the Note');
    this.register(store.onDidChange(() => this.showKnowledge()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.showDate()));
    this.register(
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.dateTimer);
        this.dateTimer = setTimeout(() => this.showDate(), DATE_DEBOUNCE_MS);
      }),
    );
    this.register({ dispose: () => clearTimeout(this.dateTimer) });
    this.register({ dispose: () => this.problems?.dispose() });
    this.register(
      vscode.commands.registerCommand(SHOW_KNOWLEDGE_PROBLEMS_COMMAND, () =>
        logFailure(logger, 'Show Knowledge File Problems', () => this.pickFileWithProblems()),
      ),
    );
    this.showKnowledge();
    this.showDate();
    void store.ready().then(() => {
      this.loaded = true;
      this.showKnowledge();
    });
  }

  items(): readonly vscode.LanguageStatusItem[] {
    return [this.knowledge, ...(this.problems ? [this.problems] : []), this.date];
  }

  private showKnowledge(): void {
    if (this.isDisposed) return;
    const { store } = this.services;
    const { knowledge } = store;
    const searching = !this.loaded || store.searching;
    this.knowledge.busy = searching;
    show(
      this.knowledge,
      knowledgeStatus({
        searching,
        usesBundled: readSetting(Settings.useBundledKnowledge, true),
        files: store.trackedUris.length,
        officials: knowledge.officials.size,
        tariffs: knowledge.tariffs.size,
        asOf: knowledge.asOf,
      }),
    );
    const problems = knowledgeProblemsStatus(this.filesWithProblems());
    if (!problems) {
      this.problems?.dispose();
      this.problems = undefined;
      return;
    }
    if (!this.problems) {
      this.problems = vscode.languages.createLanguageStatusItem('tradeNotes.knowledgeProblems', POLICY_NOTE_SELECTOR);
      this.problems.name = vscode.l10n.t('Trade Notes: Problems in Knowledge Files');
    }
    this.problems.command = { title: vscode.l10n.t('Show Files'), command: SHOW_KNOWLEDGE_PROBLEMS_COMMAND };
    show(this.problems, problems);
  }

  private showDate(): void {
    const document = vscode.window.activeTextEditor?.document;
    // Elsewhere VS Code hides the items of notes: the date of the last note stays until one is shown again.
    if (this.isDisposed || document?.languageId !== POLICY_NOTE_LANGUAGE) return;
    show(this.date, noteDateStatus(noteDateOfDocument(document)));
  }

  /** Workspace knowledge files with errors or warnings, by their path in the workspace. */
  private filesWithProblems(): (FileProblems & { uri: vscode.Uri; first: KnowledgeProblem })[] {
    const files = [];
    for (const [key, problems] of this.services.store.problemsByUri()) {
      const errors = problems.filter((problem) => problem.severity === 'error');
      const first = errors[0] ?? problems[0];
      if (!first) continue;
      const uri = vscode.Uri.parse(key);
      const name = vscode.workspace.asRelativePath(uri);
      files.push({ uri, name, errors: errors.length, warnings: problems.length - errors.length, first });
    }
    return files.sort((a, b) => compareText(a.name, b.name));
  }

  /** A quick pick of the files with problems (errors first); the chosen one opens at its first problem. */
  private async pickFileWithProblems(): Promise<vscode.TextEditor | undefined> {
    const files = this.filesWithProblems().sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0));
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No knowledge file has problems.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      files.map((file) => ({
        label: `$(${file.errors > 0 ? 'error' : 'warning'}) ${file.name}`,
        description: countsOf(file),
        detail: vscode.l10n.t('Line {0}: {1}', file.first.range.start.line + 1, file.first.message),
        file,
      })),
      {
        title: vscode.l10n.t('Knowledge Files with Problems'),
        placeHolder: vscode.l10n.t('Open the file at its first problem'),
      },
    );
    if (!picked) return undefined;
    const range = toRange(picked.file.first.range);
    return vscode.window.showTextDocument(picked.file.uri, { selection: new vscode.Range(range.start, range.start) });
  }
}

function show(item: vscode.LanguageStatusItem, line: StatusLine): void {
  item.text = line.text;
  item.detail = line.detail;
  item.severity = SEVERITIES[line.severity];
}

/** "2 errors, 1 warning". */
function countsOf({ errors, warnings }: FileProblems): string {
  const parts = [];
  if (errors > 0) parts.push(errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors));
  if (warnings > 0) parts.push(warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings));
  return parts.join(', ');
}
