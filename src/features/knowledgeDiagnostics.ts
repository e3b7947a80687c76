import * as vscode from 'vscode';
import type { KnowledgeProblem } from '../core/knowledge/types';
import { PRODUCT_NAME } from '../services/configuration';
import type { Services } from '../services/services';
import { toRange } from './typeConverters';

/** Shows every knowledge problem as a diagnostic on its file, and clears those of removed files. */
export function registerKnowledgeDiagnostics({ store }: Services): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('trade-notes');
  const update = (): void => {
    collection.clear();
    for (const [uri, problems] of store.problemsByUri()) {
      collection.set(vscode.Uri.parse(uri), problems.map(toDiagnostic));
    }
  };
  update();
  return vscode.Disposable.from(collection, store.onDidChange(update));
}

function toDiagnostic(problem: KnowledgeProblem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.source = PRODUCT_NAME;
  diagnostic.code = problem.code;
  return diagnostic;
}
