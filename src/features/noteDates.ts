import * as vscode from 'vscode';
import { NOTE_HEAD_LENGTH, noteDateOf, type NoteDate } from '../core/checks/noteDate';

/** The date of an open note (front matter, first heading, file name), from the start of its text only. */
export function noteDateOfDocument(document: vscode.TextDocument): NoteDate | undefined {
  const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(NOTE_HEAD_LENGTH)));
  return noteDateOf(head, document.uri.toString());
}
