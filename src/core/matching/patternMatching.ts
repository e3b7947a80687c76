import { charFlags, foldChar, LINE_BREAK, MARK, SPACE, UNSPACED, WORD } from './characters';
import type { NamePattern } from './namePatterns';

/**
 * The exact matching rules for one name or figure at one place in a text: the ground truth every faster
 * path (the name trie, the incremental index) is checked against.
 */

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERCENT = 0x25;
const FULLWIDTH_PERCENT = 0xff05;
const HYPHEN = 0x2d;

/** `%`, ` %`, ` percent`, ` per cent`, `-percent`, `-per-cent` after a number; returns the end or -1. */
export function matchPercentSign(text: string, from: number): number {
  let i = from;
  const c = text.charCodeAt(i);
  if (c === PERCENT || c === FULLWIDTH_PERCENT) return i + 1;
  if (c === HYPHEN) {
    i++;
  } else {
    let spaces = 0;
    while (spaces < 2 && charFlags(text.charCodeAt(i)) & SPACE) {
      i++;
      spaces++;
    }
    if (spaces === 0) return -1;
    const after = text.charCodeAt(i);
    if (after === PERCENT || after === FULLWIDTH_PERCENT) return i + 1;
  }
  let end = matchWord(text, i, 'percent');
  if (end < 0) {
    end = matchWord(text, i, 'per');
    if (end < 0) return -1;
    const sep = text.charCodeAt(end);
    if (sep !== HYPHEN && (charFlags(sep) & SPACE) === 0) return -1;
    end = matchWord(text, end + 1, 'cent');
  }
  return end;
}

/** Matches one folded word at `at` as a whole word; returns its end or -1. */
function matchWord(text: string, at: number, word: string): number {
  let i = at;
  for (let j = 0; j < word.length;) {
    if (i >= text.length) return -1;
    const code = text.charCodeAt(i);
    const flags = charFlags(code);
    if (flags & MARK && j > 0) {
      i++;
      continue;
    }
    if (foldChar(code) !== word.charCodeAt(j)) return -1;
    i++;
    j++;
  }
  return endsWord(text, i);
}

/** Skips combining marks after a word; -1 if the word goes on (so `Bessentia` is not `Bessent`). */
function endsWord(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const flags = charFlags(text.charCodeAt(i));
    if ((flags & MARK) !== 0) {
      i++;
      continue;
    }
    return (flags & WORD) !== 0 && (flags & UNSPACED) === 0 ? -1 : i;
  }
  return i;
}

/** Matches a gap literal: ' ' is a run of white space with at most one line break. */
export function matchGap(text: string, at: number, gap: string): number {
  let i = at;
  for (let j = 0; j < gap.length; j++) {
    const want = gap.charCodeAt(j);
    if (want === 0x20) {
      const runStart = i;
      let lineBreaks = 0;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        const flags = charFlags(code);
        if (flags & LINE_BREAK) {
          // \r\n is one line break.
          if (!(code === 0x0a && i > runStart && text.charCodeAt(i - 1) === 0x0d)) lineBreaks++;
          if (lineBreaks > 1) return -1;
        } else if (!(flags & SPACE)) break;
        i++;
      }
      if (i === runStart) return -1;
    } else {
      if (i >= text.length || foldChar(text.charCodeAt(i)) !== want) return -1;
      i++;
    }
  }
  return i;
}

/** Matches a folded word starting exactly at `at`; for unspaced scripts no word boundary is needed after it. */
function matchPatternWord(text: string, at: number, word: string): number {
  if (word.length === 1 && charFlags(word.charCodeAt(0)) & UNSPACED) {
    return at < text.length && foldChar(text.charCodeAt(at)) === word.charCodeAt(0) ? at + 1 : -1;
  }
  return matchWord(text, at, word);
}

/** Matches a whole pattern at `start` (already known to begin a word); returns the end, with possessive, or -1. */
export function matchPattern(text: string, pattern: NamePattern, start: number): number {
  let i = matchPatternWord(text, start, pattern.words[0]!);
  for (let w = 1; i >= 0 && w < pattern.words.length; w++) {
    i = matchGap(text, i, pattern.gaps[w - 1]!);
    if (i >= 0) i = matchPatternWord(text, i, pattern.words[w]!);
  }
  if (i < 0) return -1;
  if (pattern.trailing) {
    i = matchGap(text, i, pattern.trailing);
    if (i < 0) return -1;
  }
  return withPossessive(text, i);
}

/** `'s`, `’s` or a lone trailing `'`/`’` belong to the mention. */
export function withPossessive(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c !== APOSTROPHE && c !== RIGHT_SINGLE_QUOTE) return end;
  const next = text.charCodeAt(end + 1);
  if ((next === 0x73 || next === 0x53) && endsWord(text, end + 2) >= 0) return end + 2;
  return (charFlags(next) & WORD) !== 0 ? end : end + 1;
}
