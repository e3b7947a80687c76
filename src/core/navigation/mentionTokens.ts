import type { Mention } from '../matching/mention';
import { endWithoutTrailingSpace } from '../text/whiteSpace';
import type { TextLines } from './textLines';

/** A piece of a mention on one line: editors colour text line by line, and a name may wrap. */
export interface MentionToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly kind: Mention['kind'];
}

/** The mentions as single-line tokens in document order, without the white space where a name wraps. */
export function mentionTokens(text: string, lines: TextLines, mentions: readonly Mention[]): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const mention of mentions) {
    const first = lines.positionAt(mention.start).line;
    const last = lines.positionAt(mention.end).line;
    for (let line = first; line <= last; line++) {
      let start = Math.max(mention.start, lines.lineStart(line));
      const pieceEnd = line < last ? lines.lineStart(line + 1) : mention.end;
      while (start < pieceEnd && /\s/.test(text[start]!)) start++;
      const end = endWithoutTrailingSpace(text, start, pieceEnd);
      if (end > start)
        tokens.push({ line, character: start - lines.lineStart(line), length: end - start, kind: mention.kind });
    }
  }
  return tokens;
}
