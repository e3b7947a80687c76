import * as vscode from 'vscode';
import type { NoteDocuments } from './mentionCache';

/** Open documents as the mention cache reads them. */
export const editorDocuments: NoteDocuments<vscode.TextDocument> = {
  onDidChange: vscode.workspace.onDidChangeTextDocument,
  onDidClose: vscode.workspace.onDidCloseTextDocument,
  lengthOf: (document) => document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
  textBetween: (document, start, end) =>
    document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
  // A range ending past the last line ends at the end of the document.
  textOfLines: (document, from, to) => document.getText(new vscode.Range(from, 0, to, 0)),
};
