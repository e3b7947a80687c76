import * as vscode from 'vscode';
import { insertOfficial, newKnowledgeFile, officialIdFor, type NewOfficial } from '../core/authoring/officialSkeleton';
import {
  findUnknownOfficials,
  MAX_CHECKED_NOTE_LENGTH,
  type TitledName,
  type UnknownOfficialFinding,
} from '../core/checks/unknownOfficials';
import { entriesOf } from '../core/navigation/knowledgeIndex';
import { compareText } from '../core/text/compare';
import { Settings } from '../services/configuration';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { POLICY_NOTE_SELECTOR } from './documentSelectors';
import { NoteDiagnostics } from './noteDiagnostics';

const ADD_TO_FILE_COMMAND = 'tradeNotes.addOfficialToFile';
const ADD_TO_NEW_FILE_COMMAND = 'tradeNotes.addOfficialToNewFile';
/** Quick fixes offered per hint, one per knowledge file. */
const MAX_TARGET_FILES = 5;

/**
 * A gentle hint on capitalised names right after a known title ("Commerce Minister Zhang") that no
 * official of the knowledge matches, with quick fixes that add an entry skeleton to a knowledge file.
 * The fix edits the file in an editor, at the new entry: the user sees it, can undo it, and saves it.
 */
export function registerUnknownOfficials(services: Services): vscode.Disposable {
  const hints = new NoteDiagnostics(
    {
      name: 'trade-notes-hints',
      enabledBy: Settings.hintUnknownOfficials,
      maxLength: MAX_CHECKED_NOTE_LENGTH,
      checker:
        () =>
        ({ text, mentions, knowledge }) =>
          findUnknownOfficials(text, mentions, knowledge),
    },
    services,
  );
  const { logger } = services;
  return vscode.Disposable.from(
    hints,
    vscode.languages.registerCodeActionsProvider(POLICY_NOTE_SELECTOR, new AddOfficialFixes(services, hints), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.commands.registerCommand(ADD_TO_FILE_COMMAND, (uri: vscode.Uri, found: TitledName) =>
      logFailure(logger, 'Adding an official', () => addToFile(services, uri, found)),
    ),
    vscode.commands.registerCommand(ADD_TO_NEW_FILE_COMMAND, (official: NewOfficial) =>
      logFailure(logger, 'Adding an official', () => addToNewFile(official)),
    ),
  );
}

class AddOfficialFixes implements vscode.CodeActionProvider {
  constructor(
    private readonly services: Services,
    private readonly hints: NoteDiagnostics<UnknownOfficialFinding>,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[] | undefined> {
    return logFailure(this.services.logger, `Quick fixes in ${document.uri.toString()}`, async () => {
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        const found = this.hints.findingOf(document, diagnostic);
        if (found) actions.push(...(await this.fixesFor(document, found, diagnostic, token)));
      }
      return actions;
    });
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
    const { store, knowledgeDocuments } = this.services;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const problems = store.problemsByUri();
    const hasErrors = (uri: vscode.Uri): boolean =>
      (problems.get(uri.toString()) ?? []).some((p) => p.severity === 'error');
    const rank = (uri: vscode.Uri): number => (sameFolder(uri, folder) ? 0 : 2) + (hasErrors(uri) ? 1 : 0);
    const files = (await knowledgeDocuments.all(token))
      .filter(({ uri }) => uri.toString() !== knowledgeDocuments.bundled.uri.toString())
      .sort((a, b) => rank(a.uri) - rank(b.uri) || compareText(a.uri.toString(), b.uri.toString()))
      .slice(0, MAX_TARGET_FILES);
    const actions: vscode.CodeAction[] = [];
    const fix = (title: string, command: string, args: unknown[]): void => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.command = { command, title, arguments: args };
      actions.push(action);
    };
    for (const { uri } of files) {
      const text = await knowledgeDocuments.textOf(uri);
      // Offered only where the entry can be added without breaking the file; the command adds it then.
      if (
        text === undefined ||
        !insertOfficial(
          text,
          newOfficial(found, () => false),
        )
      )
        continue;
      const title = vscode.l10n.t("Add '{0}' to {1}", found.name, vscode.workspace.asRelativePath(uri));
      fix(title, ADD_TO_FILE_COMMAND, [uri, found]);
    }
    if (actions.length === 0) {
      const official = newOfficial(found, (id) => store.knowledge.officials.has(id));
      fix(vscode.l10n.t("Add '{0}' to a new knowledge file", found.name), ADD_TO_NEW_FILE_COMMAND, [official]);
    }
    actions[0]!.isPreferred = true;
    return actions;
  }
}

/**
 * Opens the knowledge file and inserts the entry in its editor: an ordinary edit, undone with Ctrl+Z,
 * and left unsaved for the user to review and save. Resolves to that editor, or undefined if the file
 * can no longer take the entry.
 */
async function addToFile(
  { store, knowledgeDocuments }: Services,
  uri: vscode.Uri,
  found: TitledName,
): Promise<vscode.TextEditor | undefined> {
  const editor = await vscode.window.showTextDocument(uri);
  const document = editor.document;
  const localIds = new Set(entriesOf(knowledgeDocuments.indexOf(document)).map((entry) => entry.id));
  const official = newOfficial(found, (id) => store.knowledge.officials.has(id) || localIds.has(id));
  const insertion = insertOfficial(document.getText(), official);
  if (
    !insertion ||
    !(await editor.edit((edit) => edit.insert(document.positionAt(insertion.offset), insertion.text)))
  ) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        "Could not add '{0}' to {1}: fix its YAML errors first.",
        found.name,
        vscode.workspace.asRelativePath(uri),
      ),
    );
    return undefined;
  }
  const entry = document.positionAt(insertion.entryStart);
  editor.selection = new vscode.Selection(entry, document.lineAt(entry.line).range.end);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function newOfficial(found: TitledName, isTaken: (id: string) => boolean): NewOfficial {
  return {
    id: officialIdFor(found.name, isTaken),
    name: found.name,
    title: found.title,
    alias: `${found.title} ${found.name}`,
  };
}

/** An untitled YAML document with a complete knowledge file, for the user to review and save as `*.trade.yaml`. */
async function addToNewFile(official: NewOfficial): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: newKnowledgeFile(official) });
  const editor = await vscode.window.showTextDocument(document);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Save this file as a knowledge file (name ending in .trade.yaml) in your workspace to load it.'),
  );
  return editor;
}

function sameFolder(uri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): boolean {
  return folder !== undefined && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString();
}
