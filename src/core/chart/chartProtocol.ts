/**
 * The messages between the extension and the tariff chart's webview. What comes from the webview is
 * checked before use ({@link parseChartRequest}), as for any input from another process.
 */
import type { TariffChart } from './tariffChart';

/** The webview's own words, localised by the extension. */
export interface ChartStrings {
  readonly chartLabel: string;
  readonly keyboardHint: string;
  readonly copySvg: string;
  readonly copyPng: string;
  readonly savePng: string;
  readonly pngCopied: string;
  readonly tableCaption: string;
  readonly date: string;
  readonly rate: string;
  readonly tariff: string;
  readonly event: string;
  readonly events: string;
  /** "Note dated 10 Jun 2025", when the chart marks the note's date. */
  readonly noteDate?: string;
  /** "Knowledge as of 31 Dec 2025", when the sources say. */
  readonly asOf?: string;
}

/** Extension → webview. */
export type ChartUpdate =
  | { readonly type: 'chart'; readonly chart: TariffChart; readonly strings: ChartStrings; readonly notice?: string }
  | { readonly type: 'empty'; readonly message: string };

/** Webview → extension. */
export type ChartRequest =
  | { readonly type: 'ready' }
  /** The chart as an SVG document, drawn by the webview, for the clipboard. */
  | { readonly type: 'copySvg'; readonly svg: string }
  /** `copyFailed`: the webview could not put the image on the clipboard itself, so the user is offered a file. */
  | { readonly type: 'savePng'; readonly dataUrl: string; readonly copyFailed: boolean };

/** The largest SVG text the webview may hand over (a chart's is some tens of KB). */
const MAX_SVG_LENGTH = 10 * 1024 * 1024;
/** The largest PNG the webview may hand over (a chart is far smaller). */
const MAX_PNG_BYTES = 20 * 1024 * 1024;
const PNG_DATA_URL = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A message from the webview, or undefined when it is not one of {@link ChartRequest}. */
export function parseChartRequest(data: unknown): ChartRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'copySvg':
      return typeof message.svg === 'string' && message.svg.startsWith('<svg ') && message.svg.length <= MAX_SVG_LENGTH
        ? { type: 'copySvg', svg: message.svg }
        : undefined;
    case 'savePng':
      return typeof message.dataUrl === 'string' && message.dataUrl.startsWith(PNG_DATA_URL)
        ? { type: 'savePng', dataUrl: message.dataUrl, copyFailed: message.copyFailed === true }
        : undefined;
    default:
      return undefined;
  }
}

/** The bytes of a PNG `data:` URL, or undefined when it is not a PNG (or too large). */
export function pngBytesOfDataUrl(dataUrl: string): Uint8Array | undefined {
  if (!dataUrl.startsWith(PNG_DATA_URL)) return undefined;
  const base64 = dataUrl.slice(PNG_DATA_URL.length);
  if (base64.length > (MAX_PNG_BYTES / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) ? bytes : undefined;
}
