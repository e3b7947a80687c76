/** Conversions between the core's positions (line/character ranges, offsets, URI strings) and VS Code's. */
import * as vscode from 'vscode';
import type { Range, SourceLocation } from '../core/knowledge/types';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The range of [start, end) in the document, from offsets such as a mention's. */
export function rangeOfOffsets(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

export function toLocation(uri: string, range: Range): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(uri), toRange(range));
}

/** Where an entry is defined, as a link from `origin`. */
export function toLocationLink(origin: vscode.Range, target: SourceLocation): vscode.LocationLink {
  const range = toRange(target.range);
  return {
    originSelectionRange: origin,
    targetUri: vscode.Uri.parse(target.uri),
    targetRange: range,
    targetSelectionRange: range,
  };
}
