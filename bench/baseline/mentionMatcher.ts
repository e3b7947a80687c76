import type { Knowledge } from '../../src/core/knowledge/knowledge';
import { charFlags, foldChar, DIGIT, LINE_BREAK, LOWER, MARK, SPACE, UNSPACED, WORD } from './characters';
import { rankFigureCandidates } from './figureRanking';
import type { Mention } from './mention';
import { compileName, hashStep, patternLength, type NamePattern, type PatternTarget } from './namePatterns';

/** The subset of a cancellation token the core needs, so it never depends on `vscode`. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** How many characters are scanned between two looks at the cancellation token. */
const CANCELLATION_STRIDE = 1 << 16;

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERCENT = 0x25;
const FULLWIDTH_PERCENT = 0xff05;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;

/**
 * Finds mentions of officials, countries and tariff figures in a note, following the matching rules
 * documented in the README: whole words, longest match first, case and diacritics folded for multi-word
 * names, Capitalized or ALL CAPS for single words, possessives included, names may wrap at one line break.
 * Built once per knowledge change; `scan` is pure and safe to call for any text.
 */
export class MentionMatcher {
  /** Patterns by the hash of their first folded word, longest first. */
  private readonly byFirstWord = new Map<number, NamePattern[]>();
  /** Tariff ids by rate. */
  private readonly tariffsByRate = new Map<number, string[]>();

  constructor(private readonly knowledge: Knowledge) {
    const add = (text: string, target: PatternTarget): void => {
      const pattern = compileName(text, target);
      if (!pattern) return;
      const list = this.byFirstWord.get(pattern.firstWordHash);
      if (list) list.push(pattern);
      else this.byFirstWord.set(pattern.firstWordHash, [pattern]);
    };
    for (const official of knowledge.officials.values()) {
      const target = { kind: 'official', id: official.id } as const;
      add(official.name, target);
      for (const alias of official.aliases) add(alias, target);
    }
    for (const country of knowledge.countries.values()) {
      const target = { kind: 'country', code: country.code } as const;
      add(country.name, target);
      for (const alias of country.aliases) add(alias, target);
    }
    // Longest first; on equal length officials before countries, then definition order (sort is stable).
    for (const list of this.byFirstWord.values()) {
      list.sort((a, b) => patternLength(b) - patternLength(a) || targetRank(a.target) - targetRank(b.target));
    }
    for (const tariff of knowledge.tariffs.values()) {
      for (const rate of new Set(tariff.history.map((step) => step.rate))) {
        const list = this.tariffsByRate.get(rate);
        if (list) list.push(tariff.id);
        else this.tariffsByRate.set(rate, [tariff.id]);
      }
    }
  }

  /** Every mention in `text`, sorted by offset, never overlapping. Empty if cancelled. */
  scan(text: string, cancellation?: Cancellation): Mention[] {
    const mentions: Mention[] = [];
    const n = text.length;
    let nextCheck = CANCELLATION_STRIDE;
    let i = 0;
    while (i < n) {
      if (i >= nextCheck) {
        if (cancellation?.isCancellationRequested) return [];
        nextCheck = i + CANCELLATION_STRIDE;
      }
      const code = text.charCodeAt(i);
      const flags = charFlags(code);
      if ((flags & WORD) === 0 || (flags & MARK) !== 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = hashStep(0, foldChar(code));
      i++;
      if ((flags & UNSPACED) === 0) {
        while (i < n) {
          const f = charFlags(text.charCodeAt(i));
          if ((f & WORD) === 0 || (f & UNSPACED) !== 0) break;
          if ((f & MARK) === 0) hash = hashStep(hash, foldChar(text.charCodeAt(i)));
          i++;
        }
      }
      if (flags & DIGIT) {
        const figureEnd = this.matchFigure(text, start, i, mentions);
        if (figureEnd > 0) i = figureEnd;
        continue;
      }
      const candidates = this.byFirstWord.get(hash);
      if (!candidates) continue;
      for (const pattern of candidates) {
        if (pattern.singleWord && (flags & LOWER) !== 0) continue;
        if (pattern.acronym && hasLowerCase(text, start, i)) continue;
        const end = matchPattern(text, pattern, start);
        if (end < 0) continue;
        const target = pattern.target;
        mentions.push(
          target.kind === 'official'
            ? { kind: 'official', start, end, officialId: target.id }
            : { kind: 'country', start, end, code: target.code },
        );
        i = end;
        break;
      }
    }
    rankFigureCandidates(text, mentions, this.knowledge);
    return mentions;
  }

  /** Tries a tariff figure at a run of digits [start, digitsEnd); returns its end, or 0. */
  private matchFigure(text: string, start: number, digitsEnd: number, mentions: Mention[]): number {
    for (let k = start; k < digitsEnd; k++) {
      if ((charFlags(text.charCodeAt(k)) & DIGIT) === 0) return 0; // 145th, 3G: not a number
    }
    // Part of a larger number: 1,145% or 2.145%.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if ((before === DOT || before === COMMA) && start > 1 && (charFlags(text.charCodeAt(start - 2)) & DIGIT)) return 0;
    let i = digitsEnd;
    if (text.charCodeAt(i) === DOT && charFlags(text.charCodeAt(i + 1)) & DIGIT) {
      i++;
      while (i < text.length && charFlags(text.charCodeAt(i)) & DIGIT) i++;
    }
    const numberEnd = i;
    const end = matchPercentSign(text, numberEnd);
    if (end < 0) return 0;
    const rate = Number(text.slice(start, numberEnd));
    const tariffIds = this.tariffsByRate.get(rate);
    if (!tariffIds) return end;
    mentions.push({ kind: 'figure', start, end, rate, tariffIds });
    return end;
  }
}

function hasLowerCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (charFlags(text.charCodeAt(k)) & LOWER) return true;
  return false;
}

function targetRank(target: PatternTarget): number {
  return target.kind === 'official' ? 0 : 1;
}

/** `%`, ` %`, ` percent`, ` per cent`, `-percent`, `-per-cent` after a number; returns the end or -1. */
function matchPercentSign(text: string, from: number): number {
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
  for (let j = 0; j < word.length; ) {
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
function matchGap(text: string, at: number, gap: string): number {
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
function matchPattern(text: string, pattern: NamePattern, start: number): number {
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
function withPossessive(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c !== APOSTROPHE && c !== RIGHT_SINGLE_QUOTE) return end;
  const next = text.charCodeAt(end + 1);
  if ((next === 0x73 || next === 0x53) && endsWord(text, end + 2) >= 0) return end + 2;
  return (charFlags(next) & WORD) !== 0 ? end : end + 1;
}
