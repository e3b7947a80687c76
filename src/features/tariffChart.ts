import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/cards/markdown';
import { formatRate } from '../core/cards/tariffChanges';
import { parseChartRequest, pngBytesOfDataUrl, type ChartStrings, type ChartUpdate } from '../core/chart/chartProtocol';
import { buildTariffChart, tariffsToChart, type TariffChart } from '../core/chart/tariffChart';
import type { Knowledge } from '../core/knowledge/knowledge';
import { POLICY_NOTE_LANGUAGE } from '../services/configuration';
import { Disposable } from '../services/disposable';
import { logFailure } from '../services/logger';
import type { Services } from '../services/services';
import { noteDateOfDocument } from './noteDates';

export const SHOW_TARIFF_CHART_COMMAND = 'tradeNotes.showTariffChart';
const VIEW_TYPE = 'tradeNotes.tariffChart';

/** What the command resolves to: the tariffs shown, and the page (tests check its security policy). */
export interface TariffChartShown {
  readonly tariffIds: readonly string[];
  readonly html: string;
}

/**
 * *Trade Notes: Show Tariff Chart*: a webview with a step chart of tariffs' rates over time, opened with
 * tariff ids (from a card's link or the Talks Timeline) or a quick pick; one panel, reused.
 */
export function registerTariffChart(services: Services): vscode.Disposable {
  let panel: TariffChartPanel | undefined;
  const show = async (argument: unknown): Promise<TariffChartShown | undefined> => {
    await services.store.ready();
    const ids = tariffIdsOf(argument) ?? (await pickTariffs(services.store.knowledge));
    if (!ids || ids.length === 0) return undefined;
    if (!panel || panel.closed) panel = new TariffChartPanel(services);
    return panel.show(ids);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_TARIFF_CHART_COMMAND, (argument?: unknown) =>
      logFailure(services.logger, 'Showing the tariff chart', () => show(argument)),
    ),
    { dispose: () => panel?.dispose() },
  );
}

/**
 * The link under a tariff card: trusted for this one command only, and apart from the card, whose
 * knowledge text stays in untrusted Markdown.
 */
export function tariffChartLink(tariffIds: readonly string[]): vscode.MarkdownString {
  const argument = encodeURIComponent(JSON.stringify([tariffIds]));
  // The label is translated; the rest is the link's syntax.
  const markdown = `[${escapeMarkdown(vscode.l10n.t('Show tariff chart'))}](command:${SHOW_TARIFF_CHART_COMMAND}?${argument})`;
  const link = new vscode.MarkdownString(markdown);
  link.isTrusted = { enabledCommands: [SHOW_TARIFF_CHART_COMMAND] };
  link.supportHtml = false;
  return link;
}

/** Tariff ids from a command argument: an id, a list of ids, or a Talks Timeline tariff-change item. */
function tariffIdsOf(argument: unknown): string[] | undefined {
  if (typeof argument === 'string') return [argument];
  if (Array.isArray(argument) && argument.every((id) => typeof id === 'string')) return argument;
  const id = (argument as { linked?: { tariff?: { id?: unknown } } } | undefined)?.linked?.tariff?.id;
  return typeof id === 'string' ? [id] : undefined;
}

async function pickTariffs(knowledge: Knowledge): Promise<string[] | undefined> {
  const items = [...knowledge.tariffs.values()].map((tariff) => ({
    label: tariff.label,
    description: `${tariff.by} → ${tariff.on}`,
    detail: tariff.history.map((step) => formatRate(step.rate)).join(' → '),
    id: tariff.id,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No tariffs are loaded.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    matchOnDescription: true,
    title: vscode.l10n.t('Show Tariff Chart'),
    placeHolder: vscode.l10n.t('Pick a tariff (shown with its counterpart) or several'),
  });
  return picked?.map((item) => item.id);
}

class TariffChartPanel extends Disposable {
  private readonly panel: vscode.WebviewPanel;
  private ids: readonly string[] = [];
  private chart: TariffChart | undefined;
  private noteDate: string | undefined;
  /** The note whose date the chart marks: the last text editor that was active (the chart's own tab is not one). */
  private editor = vscode.window.activeTextEditor;
  closed = false;

  constructor(private readonly services: Services) {
    super();
    const bundle = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
    this.panel = this.register(
      vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('Tariff Chart'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { enableScripts: true, localResourceRoots: [bundle] },
      ),
    );
    const webview = this.panel.webview;
    webview.html = pageHtml(webview, bundle);
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(webview.onDidReceiveMessage((data) => this.receive(data)));
    this.register(services.store.onDidChange(() => this.update()));
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor) return;
        this.editor = editor;
        this.update();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document === this.editor?.document && noteDateOf(this.editor) !== this.noteDate) {
          this.update();
        }
      }),
    );
  }

  show(ids: readonly string[]): TariffChartShown {
    this.ids = ids;
    this.update();
    this.panel.reveal(undefined, false);
    return { tariffIds: this.chart?.series.map((s) => s.tariffId) ?? [], html: this.panel.webview.html };
  }

  override dispose(): void {
    this.closed = true;
    super.dispose();
  }

  /** Builds the chart from the current knowledge and note, and sends it (a webview not yet loaded asks again). */
  private update(): void {
    const knowledge = this.services.store.knowledge;
    const { tariffs, missing } = tariffsToChart(this.ids, knowledge);
    this.noteDate = noteDateOf(this.editor);
    this.chart = tariffs.length > 0 ? buildTariffChart(tariffs, knowledge, this.noteDate) : undefined;
    this.panel.title = this.chart
      ? vscode.l10n.t('Tariff Chart: {0}', tariffs[0].label)
      : vscode.l10n.t('Tariff Chart');
    const notice =
      missing.length > 0 ? vscode.l10n.t('Not in the knowledge any more: {0}', missing.join(', ')) : undefined;
    const message: ChartUpdate = this.chart
      ? { type: 'chart', chart: this.chart, strings: chartStrings(this.chart), notice }
      : { type: 'empty', message: notice ?? vscode.l10n.t('No tariff to show.') };
    void this.panel.webview.postMessage(message);
  }

  private receive(data: unknown): Promise<unknown> {
    return logFailure(this.services.logger, 'Tariff chart', async () => {
      const request = parseChartRequest(data);
      switch (request?.type) {
        case 'ready':
          return this.update();
        case 'copySvg':
          await vscode.env.clipboard.writeText(request.svg);
          return vscode.window.showInformationMessage(vscode.l10n.t('Copied the chart as SVG.'));
        case 'savePng':
          return this.savePng(request.dataUrl, request.copyFailed);
      }
    });
  }

  private async savePng(dataUrl: string, copyFailed: boolean): Promise<void> {
    const bytes = pngBytesOfDataUrl(dataUrl);
    if (!bytes) return;
    if (copyFailed) {
      const save = vscode.l10n.t('Save as PNG…');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('The chart could not be copied as an image here. Save it as a PNG file instead?'),
        save,
      );
      if (answer !== save) return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, 'tariff-chart.png'),
      filters: { PNG: ['png'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Saved the chart as {0}.', vscode.workspace.asRelativePath(target)),
    );
  }
}

/** The date (ISO) of the note in the editor, when it is a dated note. */
function noteDateOf(editor: vscode.TextEditor | undefined): string | undefined {
  if (editor?.document.languageId !== POLICY_NOTE_LANGUAGE) return undefined;
  return noteDateOfDocument(editor.document)?.iso;
}

function chartStrings(chart: TariffChart): ChartStrings {
  const t = vscode.l10n.t;
  return {
    chartLabel: t('Step chart of tariff rates over time'),
    keyboardHint: t(
      'Left and Right arrow keys move between changes and events; Home and End go to the first and last.',
    ),
    copySvg: t('Copy as SVG'),
    copyPng: t('Copy as PNG'),
    savePng: t('Save as PNG…'),
    pngCopied: t('Copied the chart as PNG.'),
    tableCaption: t('Every rate change of the tariffs shown'),
    date: t('Date'),
    rate: t('Rate'),
    tariff: t('Tariff'),
    event: t('Event'),
    events: t('Events'),
    noteDate: chart.noteDate && t('Note dated {0}', chart.noteDate.date),
    asOf: chart.asOf && t('Knowledge {0}', chart.asOf),
  };
}

/** The page: the webview bundle's script and styles only, under a policy without inline code or styles. */
function pageHtml(webview: vscode.Webview, bundle: vscode.Uri): string {
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'tariffChart.js'));
  const styles = webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'tariffChart.css'));
  const policy = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styles.toString()}">
<title>${vscode.l10n.t('Tariff Chart')}</title>
</head>
<body>
<main id="chart-root"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** 128 random bits in hex, from the platform's cryptographic generator (there in Node and in web workers). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
