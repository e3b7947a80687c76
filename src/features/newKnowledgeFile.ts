import * as vscode from 'vscode';
import {
  DEFAULT_KNOWLEDGE_FILE_NAME,
  freeFileName,
  KNOWLEDGE_FILE_SUFFIX,
  knowledgeFileName,
  knowledgeFileSkeleton,
} from '../core/authoring/knowledgeFileSkeleton';
import { isoOf } from '../core/checks/proseDates';
import type { CalendarDate } from '../core/timeline/dates';
import { POLICY_NOTE_LANGUAGE } from '../services/configuration';
import { logFailure, type Logger } from '../services/logger';
import type { Services } from '../services/services';

export const NEW_KNOWLEDGE_FILE_COMMAND = 'tradeNotes.newKnowledgeFile';
/** Free names tried when files with the chosen name keep appearing before ours is written. */
const ATTEMPTS = 3;

/**
 * *Trade Notes: New Knowledge File*: writes a commented skeleton of format v1 next to the policy note in
 * the active editor (a free name is chosen), or in the first workspace folder under a name the user
 * types, and opens it. An existing file is never overwritten. Without a workspace folder, the skeleton
 * opens as an unsaved YAML document. Resolves to the new file's editor, or undefined when dismissed.
 */
export function registerNewKnowledgeFile({ logger }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_KNOWLEDGE_FILE_COMMAND, () =>
    logFailure(logger, 'New Knowledge File', () => newKnowledgeFile(logger)),
  );
}

async function newKnowledgeFile(logger: Logger): Promise<vscode.TextEditor | undefined> {
  const skeleton = knowledgeFileSkeleton(isoOf(today()));
  const note = vscode.window.activeTextEditor?.document;
  // Next to a note that belongs to the workspace, where the knowledge search will find the file.
  const noteFolder =
    note?.languageId === POLICY_NOTE_LANGUAGE && vscode.workspace.getWorkspaceFolder(note.uri)
      ? vscode.Uri.joinPath(note.uri, '..')
      : undefined;
  const folder = noteFolder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: skeleton });
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a folder, then save this file in it under a name ending in .trade.yaml to load it.'),
    );
    return vscode.window.showTextDocument(document);
  }
  let name = noteFolder ? freeFileName(DEFAULT_KNOWLEDGE_FILE_NAME, await takenNames(folder)) : await askName(folder);
  for (let attempt = 1; name !== undefined; attempt++) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (await createFile(uri, skeleton)) {
      logger.info(`Created the knowledge file ${uri.toString()}`);
      return vscode.window.showTextDocument(uri);
    }
    if (attempt === ATTEMPTS || !noteFolder) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} was not created: a file of that name exists.', vscode.workspace.asRelativePath(uri)),
      );
      return undefined;
    }
    name = freeFileName(DEFAULT_KNOWLEDGE_FILE_NAME, await takenNames(folder));
  }
  return undefined;
}

/** Creates the file unless one exists (then nothing is written): one undoable file operation. */
async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  return vscode.workspace.applyEdit(edit);
}

/** Whether a name is taken in `folder`, ignoring case (as file systems on Windows and macOS do). */
async function takenNames(folder: vscode.Uri): Promise<(name: string) => boolean> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const names = new Set(entries.map(([name]) => name.toLowerCase()));
  return (name) => names.has(name.toLowerCase());
}

/** The name of the new file in `folder`, offered free and checked as typed; undefined when dismissed. */
async function askName(folder: vscode.Uri): Promise<string | undefined> {
  const isTaken = await takenNames(folder);
  const offered = freeFileName(DEFAULT_KNOWLEDGE_FILE_NAME, isTaken);
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Knowledge File'),
    prompt: vscode.l10n.t('Name of the new knowledge file in {0}', vscode.workspace.asRelativePath(folder)),
    value: offered,
    valueSelection: [0, offered.length - KNOWLEDGE_FILE_SUFFIX.length],
    validateInput: (value) => {
      const name = knowledgeFileName(value);
      if (name === undefined) return vscode.l10n.t('Type a file name, without / \\ : * ? " < > |.');
      return isTaken(name) ? vscode.l10n.t('{0} exists already: choose another name.', name) : undefined;
    },
  });
  return typed === undefined ? undefined : knowledgeFileName(typed);
}

/** The local date: the day the user creates the file, wherever they are. */
function today(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
