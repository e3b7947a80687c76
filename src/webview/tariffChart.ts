// The tariff chart's webview: draws the chart the extension sends (uPlot: a step line per tariff), with the
// events its steps link to and the note's date as labelled lines, a keyboard cursor, the same data as a
// table, and copies for reports. Text from knowledge files only ever goes in as textContent, or onto the
// canvas; nothing here is parsed as HTML. Colours come from the theme's CSS variables.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './tariffChart.css';
import type { ChartRequest, ChartStrings, ChartUpdate } from '../core/chart/chartProtocol';
import { renderTariffChartSvg, SERIES_DASHES, type ChartPalette } from '../core/chart/chartSvg';
import type { TariffChart } from '../core/chart/tariffChart';

const DAY_MS = 86_400_000;
const SERIES_COLOURS: readonly [string, string][] = [
  ['--vscode-charts-blue', '#1a85ff'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-orange', '#d18616'],
];

const vscode = acquireVsCodeApi();
const post = (message: ChartRequest): void => vscode.postMessage(message);

function create<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; attributes?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// The page's parts, built once: updates change their text, so focus stays where it was.
const heading = create('h1');
const notice = create('p', { className: 'notice', attributes: { role: 'status' } });
const copySvgButton = create('button', { attributes: { type: 'button' } });
const copyPngButton = create('button', { attributes: { type: 'button' } });
const savePngButton = create('button', { attributes: { type: 'button' } });
const toolbar = create('div', { className: 'toolbar' }, copySvgButton, copyPngButton, savePngButton);
const plotHost = create('div', { className: 'plot', attributes: { tabindex: '0', role: 'group' } });
const hint = create('p', { className: 'hint', attributes: { id: 'chart-hint' } });
const status = create('p', { className: 'status', attributes: { 'aria-live': 'polite', role: 'status' } });
const eventsHeading = create('h2');
const eventsList = create('ol', { className: 'events' });
const table = create('table', { className: 'rows' });
const body = create('div', { className: 'body' }, toolbar, plotHost, hint, status, eventsHeading, eventsList, table);
document.getElementById('chart-root')!.append(heading, notice, body);
plotHost.setAttribute('aria-describedby', 'chart-hint');

let shown: { readonly chart: TariffChart; readonly strings: ChartStrings } | undefined;
let plot: uPlot | undefined;
let stop = -1;

window.addEventListener('message', (event: MessageEvent<ChartUpdate>) => {
  const message = event.data;
  if (message.type === 'chart') {
    shown = { chart: message.chart, strings: message.strings };
    notice.textContent = message.notice ?? '';
    render();
  } else if (message.type === 'empty') {
    shown = undefined;
    plot?.destroy();
    plot = undefined;
    heading.textContent = message.message;
    notice.textContent = '';
    body.hidden = true;
  }
});

// A theme change restyles the page (classes of the body, variables on the root): draw again in its colours.
const redraw = new MutationObserver(() => shown && drawPlot(shown.chart, shown.strings));
redraw.observe(document.body, { attributes: true, attributeFilter: ['class'] });
redraw.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
let lastWidth = 0;
new ResizeObserver(() => {
  const width = plotWidth();
  if (plot && width !== lastWidth) plot.setSize({ width, height: plotHeight(width) });
  lastWidth = width;
}).observe(plotHost);

plotHost.addEventListener('keydown', (event) => {
  const stops = shown?.chart.stops ?? [];
  if (stops.length === 0) return;
  const moves: Record<string, number> = {
    ArrowRight: Math.min(stop + 1, stops.length - 1),
    ArrowLeft: Math.max(stop - 1, 0),
    Home: 0,
    End: stops.length - 1,
  };
  if (!(event.key in moves)) return;
  event.preventDefault();
  moveTo(moves[event.key]);
});
// The SVG is drawn here, from the data the plot shows; the extension only puts the text on the clipboard.
copySvgButton.addEventListener('click', () => {
  const width = Math.min(plotWidth(), 2000);
  if (plot && shown) {
    const { chart, strings } = shown;
    post({ type: 'copySvg', svg: renderTariffChartSvg(chart, palette(), strings, width, plotHeight(width) + 120) });
  }
});
copyPngButton.addEventListener('click', () => void copyPng());
savePngButton.addEventListener('click', () => {
  const canvas = reportCanvas();
  if (canvas) post({ type: 'savePng', dataUrl: canvas.toDataURL('image/png'), copyFailed: false });
});

post({ type: 'ready' });

function render(): void {
  if (!shown) return;
  const { chart, strings } = shown;
  body.hidden = false;
  heading.textContent = chart.title;
  copySvgButton.textContent = strings.copySvg;
  copyPngButton.textContent = strings.copyPng;
  savePngButton.textContent = strings.savePng;
  plotHost.setAttribute('aria-label', `${strings.chartLabel}: ${chart.title}`);
  hint.textContent = strings.keyboardHint;
  status.textContent = '';
  stop = -1;

  eventsHeading.textContent = strings.events;
  eventsHeading.hidden = eventsList.hidden = chart.events.length === 0;
  eventsList.replaceChildren(
    ...chart.events.map((event) => {
      const button = create('button', { className: 'event-marker', text: `${event.date}: ${event.title}` });
      button.setAttribute('type', 'button');
      button.addEventListener('click', () => {
        plotHost.focus();
        moveTo(chart.stops.findIndex((candidate) => candidate.day === event.day));
      });
      return create('li', {}, button);
    }),
  );

  const headerRow = create(
    'tr',
    {},
    ...[strings.date, strings.rate, strings.tariff, strings.event].map((label) =>
      create('th', { text: label, attributes: { scope: 'col' } }),
    ),
  );
  const rows = chart.rows.map((row) =>
    create('tr', {}, ...[row.date, row.rate, row.tariff, row.event].map((cell) => create('td', { text: cell }))),
  );
  table.replaceChildren(
    create('caption', { text: strings.tableCaption }),
    create('thead', {}, headerRow),
    create('tbody', {}, ...rows),
  );
  drawPlot(chart, strings);
}

function cssVariable(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The theme's colours now (they change with the theme). */
function palette(): ChartPalette {
  const foreground = cssVariable('--vscode-editor-foreground', cssVariable('--vscode-foreground', '#616161'));
  return {
    background: cssVariable('--vscode-editor-background', 'transparent'),
    foreground,
    grid: cssVariable('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    event: cssVariable('--vscode-descriptionForeground', foreground),
    noteDate: cssVariable('--vscode-charts-purple', '#b180d7'),
    series: SERIES_COLOURS.map(([name, fallback]) => cssVariable(name, fallback)),
    fontFamily: cssVariable('--vscode-font-family', 'sans-serif'),
  };
}

function fontSize(): number {
  return parseFloat(cssVariable('--vscode-font-size', '13px')) || 13;
}

function plotWidth(): number {
  return Math.max(320, Math.floor(plotHost.clientWidth));
}

function plotHeight(width: number): number {
  return Math.round(Math.min(520, Math.max(320, width * 0.6)));
}

function drawPlot(chart: TariffChart, strings: ChartStrings): void {
  plot?.destroy();
  const colours = palette();
  const highContrast = document.body.classList.contains('vscode-high-contrast');
  const size = fontSize();
  const font = `${size}px ${colours.fontFamily}`;
  const colour = (index: number): string => colours.series[index % colours.series.length];
  const axis = (ticks: TariffChart['x']['ticks'], splits: (u: uPlot) => number[]): uPlot.Axis => ({
    stroke: colours.foreground,
    font,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
    splits,
    values: (_u, values) => values.map((value) => ticks.find((tick) => tick.value === value)?.label ?? ''),
  });
  // Day, month, year as on the rest of the chart ("10 Nov 2025"), also for plain English.
  const lang = document.documentElement.lang;
  const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang || undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const width = plotWidth();
  lastWidth = width;
  const options: uPlot.Options = {
    width,
    height: plotHeight(width),
    scales: { x: { time: false, range: () => [chart.x.min, chart.x.max] }, y: { range: () => [0, chart.y.max] } },
    axes: [
      axis(chart.x.ticks, (u) => fittingTicks(chart.x.ticks, u.bbox.width / uPlot.pxRatio)),
      { ...axis(chart.y.ticks, () => chart.y.ticks.map((tick) => tick.value)), size: 8 + size * 4 },
    ],
    series: [
      { label: strings.date, value: (_u, day) => (day === null ? '' : dates.format(new Date(day * DAY_MS))) },
      ...chart.series.map((series, index): uPlot.Series => ({
        label: series.label,
        stroke: colour(index),
        width: highContrast ? 3 : 2,
        dash: [...SERIES_DASHES[index % SERIES_DASHES.length]],
        paths: uPlot.paths.stepped!({ align: 1 }),
        points: {
          show: true,
          size: 8,
          space: 0,
          fill: colour(index),
          stroke: colour(index),
          filter: () => [...chart.aligned.stepIndexes[index]],
        },
        value: (_u, rate) =>
          rate === null ? '–' : (series.steps.find((step) => step.rate === rate)?.rateLabel ?? `${rate}%`),
      })),
    ],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 10 } },
    hooks: { draw: [(u) => drawMarkers(u, chart, strings, colours, size)] },
  };
  const data = [chart.aligned.days, ...chart.aligned.rates].map((values) => [...values]) as uPlot.AlignedData;
  plot = new uPlot(options, data, plotHost);
}

/** The month ticks, every n-th, so that their labels (about 5 em each) do not overlap. */
function fittingTicks(ticks: TariffChart['x']['ticks'], width: number): number[] {
  const room = Math.max(1, Math.floor(width / (fontSize() * 5)));
  const stride = Math.max(1, Math.ceil(ticks.length / room));
  return ticks.filter((_tick, index) => index % stride === 0).map((tick) => tick.value);
}

/** Events as dashed lines and the note's date as a solid one, each labelled along its line. */
function drawMarkers(u: uPlot, chart: TariffChart, strings: ChartStrings, colours: ChartPalette, size: number): void {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  const { top, height } = u.bbox;
  const marker = (day: number, label: string, colour: string, dashed: boolean): void => {
    const x = Math.round(u.valToPos(day, 'x', true));
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash(dashed ? [3 * ratio, 3 * ratio] : []);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.translate(x - 4 * ratio, top + 4 * ratio);
    ctx.rotate(-Math.PI / 2);
    ctx.font = `${Math.round((size - 1) * ratio)}px ${colours.fontFamily}`;
    ctx.fillStyle = colour;
    ctx.textAlign = 'right';
    ctx.fillText(fitted(ctx, label, height - 8 * ratio), 0, 0);
    ctx.restore();
  };
  for (const event of chart.events) marker(event.day, event.title, colours.event, true);
  if (chart.noteDate) marker(chart.noteDate.day, strings.noteDate ?? chart.noteDate.date, colours.noteDate, false);
}

function fitted(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Puts the chart's cursor on a stop (a step or an event) and says what is there. */
function moveTo(index: number): void {
  const stops = shown?.chart.stops ?? [];
  if (!plot || index < 0 || index >= stops.length) return;
  stop = index;
  const { day, description } = stops[index];
  plot.setCursor({ left: plot.valToPos(day, 'x'), top: plot.valToPos((shown?.chart.y.max ?? 0) / 2, 'y') });
  status.textContent = description;
}

/** The chart with its title, legend and caption on one canvas, in the theme's colours: the PNG for reports. */
function reportCanvas(): HTMLCanvasElement | undefined {
  if (!plot || !shown) return undefined;
  const { chart, strings } = shown;
  const colours = palette();
  const ratio = uPlot.pxRatio;
  const source = plot.ctx.canvas;
  const line = Math.round(20 * ratio);
  const header = line * (1 + chart.series.length) + Math.round(8 * ratio);
  const footer = strings.asOf ? line : 0;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = header + source.height + footer;
  const ctx = canvas.getContext('2d')!;
  const size = fontSize() * ratio;
  ctx.fillStyle = colours.background && colours.background !== 'transparent' ? colours.background : '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = colours.foreground;
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${Math.round(size * 1.15)}px ${colours.fontFamily}`;
  ctx.fillText(chart.title, 8 * ratio, line / 2);
  ctx.font = `${Math.round(size)}px ${colours.fontFamily}`;
  chart.series.forEach((series, index) => {
    const y = line * (index + 1) + line / 2;
    ctx.save();
    ctx.strokeStyle = colours.series[index % colours.series.length];
    ctx.lineWidth = 2.5 * ratio;
    ctx.setLineDash(SERIES_DASHES[index % SERIES_DASHES.length].map((n) => n * ratio));
    ctx.beginPath();
    ctx.moveTo(8 * ratio, y);
    ctx.lineTo(36 * ratio, y);
    ctx.stroke();
    ctx.restore();
    ctx.fillText(series.label, 44 * ratio, y);
  });
  ctx.drawImage(source, 0, header);
  if (strings.asOf) {
    ctx.textAlign = 'right';
    ctx.fillText(strings.asOf, canvas.width - 8 * ratio, header + source.height + line / 2);
  }
  return canvas;
}

/** Copies the PNG with the browser's clipboard; where the webview may not, the extension offers a file instead. */
async function copyPng(): Promise<void> {
  const canvas = reportCanvas();
  if (!canvas || !shown) return;
  const { strings } = shown;
  try {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no image');
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    status.textContent = strings.pngCopied;
  } catch {
    post({ type: 'savePng', dataUrl: canvas.toDataURL('image/png'), copyFailed: true });
  }
}
