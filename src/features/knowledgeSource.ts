import * as vscode from 'vscode';
import type { SourceLocation } from '../core/knowledge/types';
import { BUNDLED_SCHEME, Settings } from '../services/configuration';
import type { Services } from '../services/services';
import { toRange } from './typeConverters';

export const OPEN_ENTRY_COMMAND = 'tradeNotes.openEntry';

/**
 * Opening knowledge entries where they are defined: workspace files in an editor, bundled entries in a
 * read-only document served from memory.
 */
export function registerKnowledgeSource({ bundled }: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(BUNDLED_SCHEME, {
      provideTextDocumentContent: (uri) => (uri.toString() === bundled.uri.toString() ? bundled.text() : undefined),
    }),
    vscode.commands.registerCommand(OPEN_ENTRY_COMMAND, (location: SourceLocation) => openEntry(location)),
    vscode.commands.registerCommand('tradeNotes.openBundledKnowledge', () =>
      vscode.window.showTextDocument(bundled.uri),
    ),
    vscode.commands.registerCommand('tradeNotes.enableBundledKnowledge', enableBundledKnowledge),
  );
}

export async function openEntry(location: SourceLocation): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const start = toRange(location.range).start;
  // Select the entry's first line: selecting the whole entry would push the cursor to its end.
  const firstLine = document.lineAt(Math.min(start.line, document.lineCount - 1)).range.with({ start });
  return vscode.window.showTextDocument(document, { selection: firstLine });
}

/** Turns the setting on where it was turned off, so a workspace setting does not keep overriding the user's. */
async function enableBundledKnowledge(): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  const inspected = config.inspect<boolean>(Settings.useBundledKnowledge);
  const target =
    inspected?.workspaceValue === false ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(Settings.useBundledKnowledge, true, target);
}
