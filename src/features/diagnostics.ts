import * as vscode from 'vscode';
import type { KnowledgeProblem } from '../core/knowledge/types';
import type { KnowledgeStore } from '../services/knowledgeStore';

/** Shows every knowledge problem as a diagnostic on its file, and clears those of removed files. */
export function registerKnowledgeDiagnostics(context: vscode.ExtensionContext, store: KnowledgeStore): void {
  const collection = vscode.languages.createDiagnosticCollection('trade-notes');
  const update = (): void => {
    collection.clear();
    for (const [uri, problems] of store.problemsByUri()) {
      collection.set(vscode.Uri.parse(uri), problems.map(toDiagnostic));
    }
  };
  context.subscriptions.push(collection, store.onDidChange(update));
  update();
}

export function toRange(range: KnowledgeProblem['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toDiagnostic(problem: KnowledgeProblem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.source = 'Trade Notes';
  diagnostic.code = problem.code;
  return diagnostic;
}
