/**
 * The tariff chart as a standalone SVG document, for "Copy as SVG": drawn from the same data as the
 * webview's chart, in the colours the webview shows. An export format, not the on-screen chart (uPlot draws
 * that). Every text is XML-escaped and every colour checked, since both end up in a document others open.
 */
import type { ChartStrings } from './chartProtocol';
import type { TariffChart } from './tariffChart';

/** Colours (CSS colour values) and font of the chart, as the webview resolved them from the theme. */
export interface ChartPalette {
  /** Omitted or 'transparent': no background. */
  readonly background?: string;
  readonly foreground: string;
  readonly grid: string;
  readonly event: string;
  readonly noteDate: string;
  /** One per series, reused in turn when there are more series. */
  readonly series: readonly string[];
  readonly fontFamily: string;
}

/** Dash patterns by series, so that the series differ without colour too (as on screen). */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

const FONT_SIZE = 12;
const LINE = 18;

/** The chart in `width` × `height` pixels; `labels` are the localised words of the note line and the caption. */
export function renderTariffChartSvg(
  chart: TariffChart,
  palette: ChartPalette,
  labels: Pick<ChartStrings, 'noteDate' | 'asOf'>,
  width = 800,
  height = 440,
): string {
  const colours = {
    foreground: safeColour(palette.foreground, '#333333'),
    grid: safeColour(palette.grid, '#cccccc'),
    event: safeColour(palette.event, '#888888'),
    noteDate: safeColour(palette.noteDate, '#aa00aa'),
    series: palette.series.map((c) => safeColour(c, '#1a73e8')),
  };
  const seriesColour = (index: number): string => colours.series[index % colours.series.length] ?? '#1a73e8';
  const font = escapeXml(palette.fontFamily.replace(/[^\w\s,"'.-]/g, '') || 'sans-serif');
  const top = 16 + LINE + chart.series.length * LINE + 8;
  const box = { left: 52, top, width: width - 52 - 20, height: height - top - 44 };
  const sx = (day: number): number => box.left + ((day - chart.x.min) / (chart.x.max - chart.x.min)) * box.width;
  const sy = (rate: number): number => box.top + box.height - (rate / chart.y.max) * box.height;
  const bottom = box.top + box.height;
  const parts: string[] = [];

  const background = palette.background === undefined ? 'transparent' : safeColour(palette.background, 'transparent');
  if (background !== 'transparent') parts.push(`<rect width="${width}" height="${height}" fill="${background}"/>`);
  parts.push(text(box.left, 16 + FONT_SIZE, chart.title, { weight: 'bold', size: FONT_SIZE + 2 }));
  chart.series.forEach((series, index) => {
    const y = 16 + LINE + index * LINE + FONT_SIZE / 2;
    parts.push(
      `<line x1="${box.left}" y1="${y}" x2="${box.left + 28}" y2="${y}" stroke="${seriesColour(index)}" stroke-width="2.5"${dash(index)}/>`,
      text(box.left + 36, y + 4, series.label),
    );
  });

  for (const tick of chart.y.ticks) {
    const y = num(sy(tick.value));
    parts.push(
      `<line x1="${box.left}" y1="${y}" x2="${box.left + box.width}" y2="${y}" stroke="${colours.grid}" stroke-width="1"/>`,
      text(box.left - 6, Number(y) + 4, tick.label, { anchor: 'end' }),
    );
  }
  for (const tick of chart.x.ticks) {
    const x = num(sx(tick.value));
    parts.push(
      `<line x1="${x}" y1="${box.top}" x2="${x}" y2="${bottom}" stroke="${colours.grid}" stroke-width="1"/>`,
      text(Number(x), bottom + 16, tick.label, { anchor: 'middle' }),
    );
  }
  parts.push(
    `<path d="M${box.left} ${box.top}V${bottom}H${box.left + box.width}" fill="none" stroke="${colours.foreground}" stroke-width="1"/>`,
  );

  const maxChars = Math.max(4, Math.floor((box.height - 8) / (FONT_SIZE * 0.6)));
  const marker = (day: number, label: string, colour: string, pattern: string): void => {
    const x = num(sx(day));
    parts.push(
      `<line x1="${x}" y1="${box.top}" x2="${x}" y2="${bottom}" stroke="${colour}" stroke-width="1.5"${pattern}/>`,
      `<text transform="translate(${num(Number(x) - 4)} ${box.top + 4}) rotate(-90)" text-anchor="end" fill="${colour}" font-size="${FONT_SIZE - 1}">${escapeXml(shorten(label, maxChars))}</text>`,
    );
  };
  for (const event of chart.events) marker(event.day, event.title, colours.event, ' stroke-dasharray="3 3"');
  if (chart.noteDate) marker(chart.noteDate.day, labels.noteDate ?? chart.noteDate.date, colours.noteDate, '');

  const { days, rates, stepIndexes } = chart.aligned;
  chart.series.forEach((_, index) => {
    const path = steppedPath(
      days.map((day) => num(sx(day))),
      rates[index].map((rate) => (rate === null ? null : num(sy(rate)))),
    );
    if (path !== '') {
      parts.push(
        `<path d="${path}" fill="none" stroke="${seriesColour(index)}" stroke-width="2.5" stroke-linejoin="round"${dash(index)}/>`,
      );
    }
    for (const i of stepIndexes[index]) {
      const rate = rates[index][i];
      if (rate === null || rate === undefined) continue;
      parts.push(`<circle cx="${num(sx(days[i]))}" cy="${num(sy(rate))}" r="3.5" fill="${seriesColour(index)}"/>`);
    }
  });
  if (labels.asOf)
    parts.push(text(box.left + box.width, height - 8, labels.asOf, { anchor: 'end', size: FONT_SIZE - 2 }));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}" font-size="${FONT_SIZE}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');

  function text(
    x: number,
    y: number,
    content: string,
    options: { anchor?: string; weight?: string; size?: number } = {},
  ) {
    const anchor = options.anchor ? ` text-anchor="${options.anchor}"` : '';
    const weight = options.weight ? ` font-weight="${options.weight}"` : '';
    const size = options.size ? ` font-size="${options.size}"` : '';
    return `<text x="${num(x)}" y="${num(y)}" fill="${colours.foreground}"${anchor}${weight}${size}>${escapeXml(content)}</text>`;
  }
}

/** A step line ("after": each value holds until the next x), broken where a value is null. */
export function steppedPath(xs: readonly string[], ys: readonly (string | null)[]): string {
  let path = '';
  let previous: string | null = null;
  xs.forEach((x, i) => {
    const y = ys[i] ?? null;
    if (y === null) previous = null;
    else if (previous === null) path += `M${x} ${y}`;
    else path += `H${x}V${y}`;
    if (y !== null) previous = y;
  });
  return path;
}

function dash(index: number): string {
  const pattern = SERIES_DASHES[index % SERIES_DASHES.length];
  return pattern.length === 0 ? '' : ` stroke-dasharray="${pattern.join(' ')}"`;
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|[a-z]+)$/i;

/** A CSS colour value as the theme gives it (`#1e1e1e`, `rgba(…)`, `transparent`), or `fallback` for anything else. */
export function safeColour(value: string, fallback: string): string {
  const trimmed = value.trim();
  return COLOUR.test(trimmed) ? trimmed : fallback;
}
