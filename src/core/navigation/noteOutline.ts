import type { Mention } from '../matching/mention';
import { endWithoutTrailingSpace } from '../text/whiteSpace';

/** One official or tariff figure named in a section, at its first mention there. */
export interface OutlineMention {
  readonly mention: Exclude<Mention, { kind: 'country' }>;
  /** How often the section names it. */
  readonly count: number;
}

/** A `#` heading of a note, as its line reads. */
export interface HeadingLine {
  readonly level: number;
  readonly text: string;
  /** The heading line, without its line break. */
  readonly lineStart: number;
  readonly lineEnd: number;
}

export interface OutlineHeading extends HeadingLine {
  /** Up to the next heading of the same or a higher level (or the end of the text), trailing blank lines excluded. */
  readonly end: number;
  readonly children: readonly OutlineHeading[];
  /** Officials and figures in the section's own text, before its first sub-heading. */
  readonly mentions: readonly OutlineMention[];
}

export interface NoteOutline {
  /** Officials and figures before the first heading. */
  readonly mentions: readonly OutlineMention[];
  readonly headings: readonly OutlineHeading[];
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FRONT_MATTER_END = /^\.\.\.[ \t]*$/;

/**
 * The outline of a note: its `#` headings nested by level, each with the officials and tariff figures
 * its own text mentions (each once, at its first mention). Lines in fenced code blocks and the front
 * matter are not headings. `mentions` must be sorted by offset, as the matcher returns them.
 */
export function outlineNote(text: string, mentions: readonly Mention[]): NoteOutline {
  const lines = findHeadings(text);
  const bodyEnd = endWithoutTrailingSpace(text, 0, text.length);
  interface Open {
    readonly line: HeadingLine;
    /** Where the section's own text ends: at the next heading of any level. */
    readonly ownEnd: number;
    readonly children: OutlineHeading[];
  }
  const roots: OutlineHeading[] = [];
  const stack: Open[] = [];
  const closeDownTo = (level: number, end: number): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.line.level >= level) {
      const { line, ownEnd, children } = stack.pop()!;
      // A heading with trailing spaces and nothing under it still ends after its own line.
      const sectionEnd = Math.max(line.lineEnd, endWithoutTrailingSpace(text, line.lineStart, end));
      const heading = { ...line, end: sectionEnd, children, mentions: summarise(mentions, line.lineEnd, ownEnd) };
      (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(heading);
    }
  };
  lines.forEach((line, i) => {
    closeDownTo(line.level, line.lineStart);
    stack.push({ line, ownEnd: lines[i + 1]?.lineStart ?? bodyEnd, children: [] });
  });
  closeDownTo(1, bodyEnd);
  return { mentions: summarise(mentions, 0, lines[0]?.lineStart ?? bodyEnd), headings: roots };
}

function findHeadings(text: string): HeadingLine[] {
  const headings: HeadingLine[] = [];
  let fence: string | undefined;
  let inFrontMatter = false;
  const lineBreak = /\r\n|\r|\n/g;
  for (let lineStart = 0, lineNumber = 0; lineStart <= text.length; lineNumber++) {
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (lineNumber === 0 && FRONT_MATTER_FENCE.test(line)) {
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (FRONT_MATTER_FENCE.test(line) || FRONT_MATTER_END.test(line)) inFrontMatter = false;
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else {
      const opening = FENCE.exec(line);
      const heading = opening ? null : ATX_HEADING.exec(line);
      if (opening) fence = opening[1];
      else if (heading)
        headings.push({ level: heading[1]!.length, text: (heading[2] ?? '').trim(), lineStart, lineEnd });
    }
    if (!found) break;
    lineStart = lineBreak.lastIndex;
  }
  return headings;
}

/** A closing fence uses the opening fence's character, at least as many times, and nothing else. */
function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length >= fence.length && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0] && /^ {0,3}\S/.test(line)
  );
}

/** Distinct officials (by id) and figures (by rate) in [from, to), in order of first mention. */
function summarise(mentions: readonly Mention[], from: number, to: number): OutlineMention[] {
  const byKey = new Map<string, { mention: OutlineMention['mention']; count: number }>();
  for (const mention of mentions) {
    if (mention.start < from || mention.start >= to || mention.kind === 'country') continue;
    const key = mention.kind === 'official' ? `official:${mention.officialId}` : `figure:${mention.rate}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { mention, count: 1 });
  }
  return [...byKey.values()];
}
