import * as vscode from 'vscode';
import { FactRule } from '../core/checks/factCheck';
import type { Mention } from '../core/matching/mention';
import { POLICY_NOTE_LANGUAGE, PRODUCT_NAME } from '../services/configuration';
import { logFailure } from '../services/logger';
import { NOT_CANCELLED } from '../services/mentionCache';
import type { Services } from '../services/services';
import { rangeOfOffsets } from './typeConverters';

/** The commands of the walkthrough's steps (package.json `walkthroughs`); only the first is in the palette. */
export const WalkthroughCommands = {
  openSampleNote: 'tradeNotes.openSampleNote',
  showOfficialCard: 'tradeNotes.walkthrough.showOfficialCard',
  showFigureCard: 'tradeNotes.walkthrough.showFigureCard',
  showTimeline: 'tradeNotes.walkthrough.showTimeline',
  showFinding: 'tradeNotes.walkthrough.showFinding',
} as const;

/** Shipped in the extension (`.vscodeignore` lets it into the package). */
const SAMPLE_NOTE_PATH = ['media', 'walkthrough', 'sample-note.pnote'];
/** How long the finding step waits for the fact check of a sample note just opened. */
const FINDING_WAIT_MS = 5000;
const FACT_RULES: readonly string[] = Object.values(FactRule);

/**
 * The commands behind the walkthrough *Get Started with Trade Notes*. A user's workspace has no example
 * notes, so the steps use a sample note shipped with the extension, opened as a new untitled document
 * of language `policy-note`: that works alike on the desktop and on the web (where the extension's own
 * files are not a writable disk), every feature runs on it, the user may edit it freely (to fix the
 * fact-check finding) and nothing is written unless they save it somewhere themselves.
 */
export function registerWalkthrough(services: Services): vscode.Disposable {
  const sample = new SampleNote(services);
  const command = <T>(id: string, title: string, run: () => Promise<T>): vscode.Disposable =>
    vscode.commands.registerCommand(id, () => logFailure(services.logger, title, run));
  return vscode.Disposable.from(
    command(WalkthroughCommands.openSampleNote, 'Open Sample Note', () => sample.show()),
    command(WalkthroughCommands.showOfficialCard, 'Show an official’s card', () => sample.showCard('official')),
    command(WalkthroughCommands.showFigureCard, 'Show a figure’s card', () => sample.showCard('figure')),
    command(WalkthroughCommands.showTimeline, 'Show the sample in the timeline', async () => {
      await sample.show();
      return vscode.commands.executeCommand<string[] | undefined>('tradeNotes.revealNoteEvents');
    }),
    command(WalkthroughCommands.showFinding, 'Show the finding of the sample', () => sample.showFinding()),
  );
}

class SampleNote {
  private document: vscode.TextDocument | undefined;

  constructor(private readonly services: Services) {}

  /** Shows the sample note opened before, or opens it afresh (then unsaved, as the user left it). */
  async show(): Promise<vscode.TextEditor> {
    if (!this.document || this.document.isClosed) {
      const file = vscode.Uri.joinPath(this.services.extensionUri, ...SAMPLE_NOTE_PATH);
      const content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
      this.document = await vscode.workspace.openTextDocument({ language: POLICY_NOTE_LANGUAGE, content });
    }
    return vscode.window.showTextDocument(this.document, { preview: false, viewColumn: sampleColumn() });
  }

  /**
   * Selects the first official or tariff figure of the sample and shows its card, as hovering does.
   * Resolves to the text of the mention.
   */
  async showCard(kind: Mention['kind']): Promise<string | undefined> {
    const editor = await this.show();
    const { document } = editor;
    const mention = (await this.services.mentions.mentions(document, NOT_CANCELLED))?.find((m) => m.kind === kind);
    if (!mention) {
      void vscode.window.showInformationMessage(
        kind === 'official'
          ? vscode.l10n.t('The sample note no longer names an official the knowledge has.')
          : vscode.l10n.t('The sample note no longer has a tariff figure the knowledge has.'),
      );
      return undefined;
    }
    const range = rangeOfOffsets(document, mention.start, mention.end);
    // The cursor at the start of the mention, which stays selected: the hover is shown at the cursor.
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
    return document.getText(range);
  }

  /**
   * Puts the cursor on the sample's fact-check finding and opens its quick fixes. Resolves to the
   * finding's message, or undefined when the user has fixed it already.
   */
  async showFinding(): Promise<string | undefined> {
    const editor = await this.show();
    const finding = await firstFinding(editor.document.uri);
    if (!finding) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The sample note has no fact-check finding left: undo your fix (Ctrl+Z) to see it again.'),
      );
      return undefined;
    }
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.quickFix');
    return finding.message;
  }
}

/** The first fact-check finding of the document, waiting a little for a check that has not run yet. */
function firstFinding(uri: vscode.Uri): Promise<vscode.Diagnostic | undefined> {
  const find = (): vscode.Diagnostic | undefined =>
    vscode.languages
      .getDiagnostics(uri)
      .find((d) => d.source === PRODUCT_NAME && typeof d.code === 'string' && FACT_RULES.includes(d.code));
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const done = (finding: vscode.Diagnostic | undefined): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(finding);
    };
    const timer = setTimeout(() => done(undefined), FINDING_WAIT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      const finding = uris.some((changed) => changed.toString() === uri.toString()) ? find() : undefined;
      if (finding) done(finding);
    });
  });
}

/**
 * The column for the sample, as a number where it can be, so that focus moving before the editor opens
 * cannot move it. An empty group first: the walkthrough's `command:toSide:` links add one beside it
 * before running the command, but a click on the walkthrough can take focus back meanwhile, and the note
 * then covered the walkthrough (seen in CI, under load). Else beside the walkthrough when it is the active
 * tab (VS Code's own editors are tabs without an input in the API), else the active group.
 */
function sampleColumn(): vscode.ViewColumn {
  const { all, activeTabGroup } = vscode.window.tabGroups;
  const empty = all.find((group) => group.tabs.length === 0);
  if (empty) return empty.viewColumn;
  const activeTab = activeTabGroup.activeTab;
  return activeTab && activeTab.input === undefined ? vscode.ViewColumn.Beside : activeTabGroup.viewColumn;
}
