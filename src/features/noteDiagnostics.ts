import * as vscode from 'vscode';
import type { CheckedNote, FindingSeverity, NoteFinding } from '../core/checks/noteFinding';
import { POLICY_NOTE_LANGUAGE, PRODUCT_NAME, readSetting, type Setting } from '../services/configuration';
import { Disposable } from '../services/disposable';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { rangeOfOffsets } from './typeConverters';

/** Typing pauses this long before a note is checked again. */
const DEBOUNCE_MS = 300;

/** A kind of check on notes: a core function, and what the runner needs to know to run it. */
export interface NoteCheck<F extends NoteFinding> {
  /** Names its diagnostic collection. */
  readonly name: string;
  /** The boolean setting that turns it on or off per note (on by default). */
  readonly enabledBy: Setting;
  /** Other settings its diagnostics depend on: a change checks every open note again. */
  readonly dependsOn?: readonly Setting[];
  /** Longer notes (in characters) are not checked, so that opening a huge file costs no check. */
  readonly maxLength: number;
  find(note: CheckedNote): readonly F[];
  /** The severity to show in this note, when a setting chooses it rather than the finding. */
  severityIn?(document: vscode.TextDocument): FindingSeverity | undefined;
}

const SEVERITIES: Readonly<Record<FindingSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Runs one check on every open policy note and shows its findings as diagnostics: when a note opens or
 * changes (debounced; a newer edit cancels the check under way), when the knowledge or the check's
 * settings change, and clears them when the note closes. Quick fixes find the finding behind a
 * diagnostic with {@link findingOf}.
 */
export class NoteDiagnostics<F extends NoteFinding> extends Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  /** The findings shown per note, with the version they are of. */
  private readonly shown = new Map<string, { readonly version: number; readonly findings: readonly F[] }>();

  constructor(
    private readonly check: NoteCheck<F>,
    private readonly services: Services,
  ) {
    super();
    this.collection = this.register(vscode.languages.createDiagnosticCollection(check.name));
    this.register({
      dispose: () => new Set([...this.timers.keys(), ...this.running.keys()]).forEach((key) => this.stop(key)),
    });
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this.register(services.store.onDidChange(() => this.scheduleAllOpen()));
    const settings = [check.enabledBy, ...(check.dependsOn ?? [])];
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.some((setting) => e.affectsConfiguration(setting))) this.scheduleAllOpen();
      }),
    );
    this.scheduleAllOpen();
  }

  /** The finding behind one of this check's diagnostics on the document as it is now. */
  findingOf(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): F | undefined {
    const shown = this.shown.get(document.uri.toString());
    if (diagnostic.source !== PRODUCT_NAME || shown?.version !== document.version) return undefined;
    return shown.findings.find(
      (finding) =>
        finding.code === diagnostic.code &&
        rangeOfOffsets(document, finding.start, finding.end).isEqual(diagnostic.range),
    );
  }

  private scheduleAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== POLICY_NOTE_LANGUAGE) return;
    const key = document.uri.toString();
    this.stop(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, DEBOUNCE_MS),
    );
  }

  /** Stops what is scheduled or running for the note: a newer request replaces it. */
  private stop(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.running.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    this.stop(uri.toString());
    this.shown.delete(uri.toString());
    this.collection.delete(uri);
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const cancellation = new vscode.CancellationTokenSource();
    this.running.set(key, cancellation);
    const { mentions, store, logger } = this.services;
    await logFailure(logger, `Checking ${key} (${this.check.name})`, async () => {
      if (document.isClosed) return;
      const tooLong = document.offsetAt(new vscode.Position(document.lineCount, 0)) > this.check.maxLength;
      if (tooLong || !readSetting(this.check.enabledBy, true, document)) return this.forget(document.uri);
      const version = document.version;
      const found = await mentions.mentions(document, cancellation.token);
      if (!found || cancellation.token.isCancellationRequested || document.isClosed || document.version !== version) {
        return;
      }
      const findings = this.check.find({
        uri: key,
        text: document.getText(),
        mentions: found,
        knowledge: store.knowledge,
      });
      const severity = this.check.severityIn?.(document);
      this.shown.set(key, { version, findings });
      this.collection.set(
        document.uri,
        findings.map((finding) => {
          const range = rangeOfOffsets(document, finding.start, finding.end);
          const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[severity ?? finding.severity]);
          diagnostic.source = PRODUCT_NAME;
          diagnostic.code = finding.code;
          return diagnostic;
        }),
      );
    });
    if (this.running.get(key) === cancellation) this.running.delete(key);
    cancellation.dispose();
  }
}
