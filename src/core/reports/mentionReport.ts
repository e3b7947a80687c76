import type { Mention } from '../matching/mention';
import { TextLines } from '../navigation/textLines';

/** What a mention stands for: an official's id, a country's code, or a figure's most relevant tariff. */
function targetOf(mention: Mention): string {
  if (mention.kind === 'official') return mention.officialId;
  if (mention.kind === 'country') return mention.code;
  return mention.tariffIds[0] ?? '';
}

/** One line per mention, `line:column kind id text`, lines and columns from 1; a name wrapped over lines shows on one. */
export function mentionsText(text: string, mentions: readonly Mention[]): string {
  const lines = new TextLines(text);
  return mentions
    .map((mention) => {
      const { line, character } = lines.positionAt(mention.start);
      const shown = text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
      return `${line + 1}:${character + 1} ${mention.kind} ${targetOf(mention)} ${shown}\n`;
    })
    .join('');
}

/** The mentions as JSON: positions from 1 (end exclusive), the text as written, and a figure's rate and every candidate tariff, most relevant first. */
export function mentionsJson(text: string, mentions: readonly Mention[]): string {
  const lines = new TextLines(text);
  const listed = mentions.map((mention) => {
    const { start, end } = lines.rangeAt(mention.start, mention.end);
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      kind: mention.kind,
      id: targetOf(mention),
      text: text.slice(mention.start, mention.end),
      ...(mention.kind === 'figure' ? { rate: mention.rate, tariffIds: mention.tariffIds } : {}),
    };
  });
  return JSON.stringify({ version: 1, mentions: listed }, null, 2) + '\n';
}
