import * as vscode from 'vscode';
import { insertOfficial, newKnowledgeFile, officialIdFor, type NewOfficial } from '../core/authoring/officialSkeleton';
import { findTitledNames, knownTitles, type TitledName } from '../core/authoring/titledNames';
import { entriesOf } from '../core/navigation/knowledgeIndex';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { currentText, type KnowledgeDocuments } from './knowledgeDocuments';
import { POLICY_NOTE_LANGUAGE, POLICY_NOTE_SELECTOR } from './policyNote';

const HINT_SETTING = 'tradeNotes.hintUnknownOfficials';
const UNKNOWN_OFFICIAL_CODE = 'unknown-official';
const ADD_TO_FILE_COMMAND = 'tradeNotes.addOfficialToFile';
const ADD_TO_NEW_FILE_COMMAND = 'tradeNotes.addOfficialToNewFile';
/** Typing pauses this long before a note is checked again. */
const DEBOUNCE_MS = 300;
/** Quick fixes offered per hint, one per knowledge file. */
const MAX_TARGET_FILES = 5;
/**
 * Longer notes get no hints: looking for titled names reads the whole note at once (about 0.1 s per MB
 * of news text here), and a pasted report should not cost a scan the moment it opens.
 */
const MAX_HINTED_NOTE_LENGTH = 1_000_000;

/**
 * A gentle hint on capitalised names right after a known title ("Commerce Minister Zhang") that no
 * official of the knowledge matches, with quick fixes that add an entry skeleton to a knowledge file.
 * The fix edits the file in an editor, at the new entry: the user sees it, can undo it, and saves it.
 */
export class UnknownOfficials implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('trade-notes-hints');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: KnowledgeStore,
    private readonly mentions: MentionCache,
    private readonly knowledgeDocuments: KnowledgeDocuments,
    private readonly logger: Logger,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      store.onDidChange(() => this.checkAllOpen()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(HINT_SETTING)) this.checkAllOpen();
      }),
    ];
  }

  static register(context: vscode.ExtensionContext, hints: UnknownOfficials): void {
    context.subscriptions.push(
      hints,
      vscode.languages.registerCodeActionsProvider(POLICY_NOTE_SELECTOR, hints, {
        providedCodeActionKinds: UnknownOfficials.providedCodeActionKinds,
      }),
      vscode.commands.registerCommand(ADD_TO_FILE_COMMAND, (uri: vscode.Uri, found: TitledName) =>
        guard(hints.logger, () => hints.addToFile(uri, found)),
      ),
      vscode.commands.registerCommand(ADD_TO_NEW_FILE_COMMAND, (official: NewOfficial) =>
        guard(hints.logger, () => addToNewFile(official)),
      ),
    );
    hints.checkAllOpen();
  }

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[] | undefined> {
    try {
      const hints = context.diagnostics.filter((d) => d.source === 'Trade Notes' && d.code === UNKNOWN_OFFICIAL_CODE);
      if (hints.length === 0) return undefined;
      const found = await this.titledNames(document, token);
      if (!found) return undefined;
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of hints) {
        const name = found.find((f) =>
          diagnostic.range.isEqual(new vscode.Range(document.positionAt(f.start), document.positionAt(f.end))),
        );
        if (name) actions.push(...(await this.fixesFor(document, name, diagnostic, token)));
      }
      return actions;
    } catch (error) {
      this.logger.error(`Quick fixes failed in ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  /**
   * One fix per workspace knowledge file (the note's own folder first, files with errors last), or a
   * new file when there is none.
   */
  private async fixesFor(
    document: vscode.TextDocument,
    found: TitledName,
    diagnostic: vscode.Diagnostic,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const knowledge = this.store.knowledge;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const problems = this.store.problemsByUri();
    const hasErrors = (uri: vscode.Uri): boolean =>
      (problems.get(uri.toString()) ?? []).some((p) => p.severity === 'error');
    const rank = (uri: vscode.Uri): number => (sameFolder(uri, folder) ? 0 : 2) + (hasErrors(uri) ? 1 : 0);
    const files = (await this.knowledgeDocuments.all(token))
      .filter(({ uri }) => uri.toString() !== this.knowledgeDocuments.bundled.uri.toString())
      .sort((a, b) => rank(a.uri) - rank(b.uri) || compareText(a.uri.toString(), b.uri.toString()))
      .slice(0, MAX_TARGET_FILES);
    const actions: vscode.CodeAction[] = [];
    for (const { uri } of files) {
      const text = await currentText(uri);
      // Offered only where the entry can be added without breaking the file; the command adds it then.
      if (
        text === undefined ||
        !insertOfficial(
          text,
          newOfficial(found, () => false),
        )
      )
        continue;
      const action = new vscode.CodeAction(
        `Add '${found.name}' to ${vscode.workspace.asRelativePath(uri)}`,
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [diagnostic];
      action.command = { command: ADD_TO_FILE_COMMAND, title: action.title, arguments: [uri, found] };
      actions.push(action);
    }
    if (actions.length === 0) {
      const action = new vscode.CodeAction(
        `Add '${found.name}' to a new knowledge file`,
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [diagnostic];
      action.command = {
        command: ADD_TO_NEW_FILE_COMMAND,
        title: action.title,
        arguments: [newOfficial(found, (id) => knowledge.officials.has(id))],
      };
      actions.push(action);
    }
    actions[0]!.isPreferred = true;
    return actions;
  }

  /**
   * Opens the knowledge file and inserts the entry in its editor: an ordinary edit, undone with Ctrl+Z,
   * and left unsaved for the user to review and save. Resolves to that editor, or undefined if the file
   * can no longer take the entry.
   */
  private async addToFile(uri: vscode.Uri, found: TitledName): Promise<vscode.TextEditor | undefined> {
    const editor = await vscode.window.showTextDocument(uri);
    const document = editor.document;
    const localIds = new Set(entriesOf(this.knowledgeDocuments.indexOf(document)).map((entry) => entry.id));
    const official = newOfficial(found, (id) => this.store.knowledge.officials.has(id) || localIds.has(id));
    const insertion = insertOfficial(document.getText(), official);
    if (
      !insertion ||
      !(await editor.edit((edit) => edit.insert(document.positionAt(insertion.offset), insertion.text)))
    ) {
      void vscode.window.showWarningMessage(
        `Could not add '${found.name}' to ${vscode.workspace.asRelativePath(uri)}: fix its YAML errors first.`,
      );
      return undefined;
    }
    const entry = document.positionAt(insertion.entryStart);
    editor.selection = new vscode.Selection(entry, document.lineAt(entry.line).range.end);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== POLICY_NOTE_LANGUAGE) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  private checkAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    try {
      if (document.isClosed) return;
      if (!vscode.workspace.getConfiguration(undefined, document).get<boolean>(HINT_SETTING, true)) {
        this.collection.delete(document.uri);
        return;
      }
      const version = document.version;
      const never = new vscode.CancellationTokenSource();
      const found = await this.titledNames(document, never.token);
      never.dispose();
      // A newer edit has its own check scheduled.
      if (!found || document.isClosed || document.version !== version) return;
      this.collection.set(
        document.uri,
        found.map((name) => {
          const range = new vscode.Range(document.positionAt(name.start), document.positionAt(name.end));
          const diagnostic = new vscode.Diagnostic(
            range,
            `'${name.name}' after '${name.title}' looks like an official the knowledge does not have yet.`,
            vscode.DiagnosticSeverity.Hint,
          );
          diagnostic.source = 'Trade Notes';
          diagnostic.code = UNKNOWN_OFFICIAL_CODE;
          return diagnostic;
        }),
      );
    } catch (error) {
      this.logger.error(`Checking ${document.uri.toString()} for unknown officials failed`, error);
    }
  }

  private async titledNames(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<TitledName[] | undefined> {
    if (document.offsetAt(new vscode.Position(document.lineCount, 0)) > MAX_HINTED_NOTE_LENGTH) return [];
    const mentions = await this.mentions.mentions(document, token);
    return mentions && findTitledNames(document.getText(), mentions, knownTitles(this.store.knowledge));
  }
}

function newOfficial(found: TitledName, isTaken: (id: string) => boolean): NewOfficial {
  return {
    id: officialIdFor(found.name, isTaken),
    name: found.name,
    title: found.title,
    alias: `${found.title} ${found.name}`,
  };
}

async function guard<T>(logger: Logger, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    logger.error('Adding an official failed', error);
    return undefined;
  }
}

/** An untitled YAML document with a complete knowledge file, for the user to review and save as `*.trade.yaml`. */
async function addToNewFile(official: NewOfficial): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: newKnowledgeFile(official) });
  const editor = await vscode.window.showTextDocument(document);
  void vscode.window.showInformationMessage(
    'Save this file as a knowledge file (name ending in .trade.yaml) in your workspace to load it.',
  );
  return editor;
}

function sameFolder(uri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): boolean {
  return folder !== undefined && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
