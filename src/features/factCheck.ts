import * as vscode from 'vscode';
import { FactChecker, IGNORE_COMMENT, MAX_FACT_CHECKED_LENGTH, type FactFinding } from '../core/checks/factCheck';
import type { FindingSeverity } from '../core/checks/noteFinding';
import { readSetting, Settings } from '../services/configuration';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { POLICY_NOTE_SELECTOR } from './documentSelectors';
import { OPEN_ENTRY_COMMAND } from './knowledgeSource';
import { NoteDiagnostics } from './noteDiagnostics';
import { rangeOfOffsets } from './typeConverters';

const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Fact-checking notes against the dated knowledge (core/checks/factCheck.ts): a Warning (or the severity
 * the setting chooses) on a tariff figure or a title the knowledge contradicts, with quick fixes that
 * write the known value, silence the finding on its line, or open the knowledge entry.
 */
export function registerFactCheck(services: Services): vscode.Disposable {
  const findings = new NoteDiagnostics(
    {
      name: 'trade-notes-fact-check',
      enabledBy: Settings.factCheckEnabled,
      dependsOn: [Settings.factCheckSeverity],
      maxLength: MAX_FACT_CHECKED_LENGTH,
      checker: () => {
        const checker = new FactChecker();
        return (note) => checker.check(note);
      },
      severityIn: (document) => {
        const chosen = readSetting(Settings.factCheckSeverity, 'warning', document);
        return SEVERITIES.find((severity) => severity === chosen);
      },
    },
    services,
  );
  return vscode.Disposable.from(
    findings,
    vscode.languages.registerCodeActionsProvider(POLICY_NOTE_SELECTOR, new FactCheckFixes(services, findings), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

class FactCheckFixes implements vscode.CodeActionProvider {
  constructor(
    private readonly services: Services,
    private readonly findings: NoteDiagnostics<FactFinding>,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[] | undefined> {
    return logFailure(this.services.logger, `Fact-check fixes in ${document.uri.toString()}`, () =>
      context.diagnostics.flatMap((diagnostic) => {
        const finding = this.findings.findingOf(document, diagnostic);
        return finding ? fixesFor(document, finding, diagnostic) : [];
      }),
    );
  }
}

/** Write the known value (preferred), silence the finding here, open the knowledge entry. */
function fixesFor(
  document: vscode.TextDocument,
  finding: FactFinding,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const action = (title: string): vscode.CodeAction => {
    const made = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    made.diagnostics = [diagnostic];
    actions.push(made);
    return made;
  };
  if (finding.fix) {
    const { start, end, text } = finding.fix;
    const flagged = document.getText(rangeOfOffsets(document, finding.start, finding.end));
    const fixed = flagged.slice(0, start - finding.start) + text + flagged.slice(end - finding.start);
    const change = action(vscode.l10n.t("Change to '{0}'", fixed));
    change.edit = new vscode.WorkspaceEdit();
    change.edit.replace(document.uri, rangeOfOffsets(document, start, end), text);
    change.isPreferred = true;
  }
  const ignore = action(vscode.l10n.t('Ignore here ({0})', IGNORE_COMMENT));
  ignore.edit = new vscode.WorkspaceEdit();
  const { position, text } = ignoreCommentAt(document, document.positionAt(finding.start).line);
  ignore.edit.insert(document.uri, position, text);
  const open = action(vscode.l10n.t('Open the knowledge entry'));
  open.command = { command: OPEN_ENTRY_COMMAND, title: open.title, arguments: [finding.entry] };
  return actions;
}

/**
 * Where the ignore comment goes: on a line of its own above the line, indented like it; in a table row,
 * inside its last cell, so the table stays a table (the comment silences its own line too).
 */
function ignoreCommentAt(document: vscode.TextDocument, line: number): { position: vscode.Position; text: string } {
  const { text } = document.lineAt(line);
  const lastBar = text.trimEnd().lastIndexOf('|');
  if (/^\s*\|/.test(text) && lastBar > 0)
    return { position: new vscode.Position(line, lastBar), text: `${IGNORE_COMMENT} ` };
  const indentation = /^\s*/.exec(text)![0];
  return { position: new vscode.Position(line, 0), text: `${indentation}${IGNORE_COMMENT}\n` };
}
