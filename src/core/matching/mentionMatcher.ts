import type { Knowledge } from '../knowledge/knowledge';
import { charFlags, charInfo, foldedOf, DIGIT, LOWER, MARK, UNSPACED, WORD_PART, WORD_START } from './characters';
import { FigureRanker } from './figureRanking';
import type { Mention } from './mention';
import { NameTrie } from './nameTrie';
import { compileName, hashStep, type NamePattern, type PatternTarget } from './namePatterns';
import { matchPattern, matchPercentSign } from './patternMatching';
import { wholeText, type TextWindow } from './textWindow';

/** The subset of a cancellation token the core needs, so it never depends on `vscode`. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/**
 * A percentage no tariff has (`99%`): not a mention, but the scan jumps over it, so its words never
 * start a name. The incremental index keeps these to know where the scan resumes.
 */
export interface SkippedFigure {
  readonly kind: 'skipped';
  readonly start: number;
  readonly end: number;
}

export type ScanEntry = Mention | SkippedFigure;

/** How many characters are scanned between two looks at the cancellation token. */
const CANCELLATION_STRIDE = 1 << 16;

const DOT = 0x2e;
const COMMA = 0x2c;

/**
 * Finds mentions of officials, countries and tariff figures in a note, following the matching rules
 * documented in the README: whole words, longest match first, case and diacritics folded for multi-word
 * names, Capitalized or ALL CAPS for single words, possessives included, names may wrap at one line break.
 * Built once per knowledge change; `scan` is pure and safe to call for any text.
 */
export class MentionMatcher {
  private readonly names: NameTrie;
  private readonly figures: FigureRanker;
  /**
   * How many white-space runs one match attempt may cross: one per white-space gap of the longest name,
   * and two for a figure (`145 per cent`). The incremental index re-scans that far around an edit.
   */
  readonly reachInChunks: number;

  constructor(knowledge: Knowledge) {
    const patterns: NamePattern[] = [];
    const add = (text: string, target: PatternTarget): void => {
      const pattern = compileName(text, target);
      if (pattern) patterns.push(pattern);
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
    this.names = new NameTrie(patterns);
    this.reachInChunks = patterns.reduce((most, p) => Math.max(most, whiteSpaceGaps(p)), 2);
    this.figures = new FigureRanker(knowledge);
  }

  /** Every mention in `text`, sorted by offset, never overlapping. Empty if cancelled. */
  scan(text: string, cancellation?: Cancellation): Mention[] {
    const mentions: Mention[] = [];
    if (this.scanInto(text, 0, mentions, false, cancellation) < 0) return [];
    this.figures.rank(wholeText(text), mentions);
    return mentions;
  }

  /**
   * What a scan of `text` from its start finds, as offsets of a document in which `text` starts at
   * `base`: mentions, with the tariffs of each figure in knowledge order (see {@link rank}), and the
   * skipped figures. For the incremental index, which scans only around an edit.
   */
  scanEntries(text: string, base: number, cancellation?: Cancellation): ScanEntry[] | undefined {
    const entries: ScanEntry[] = [];
    return this.scanInto(text, base, entries, true, cancellation) >= 0 ? entries : undefined;
  }

  /**
   * One stretch of a scan of `text` from its start, for work cut into slices: scans from `from` (0, or
   * the `next` of the previous stretch) until it has passed `until`, appending to `out` what
   * {@link scanEntries} finds there. Stretch after stretch, the entries are exactly those of one scan:
   * the scan carries no state but its position. Returns where the next stretch starts (`text.length`
   * when done).
   */
  scanStretch(text: string, from: number, until: number, out: ScanEntry[]): number {
    return this.scanInto(text, 0, out, true, undefined, from, until);
  }

  /** Ranks the figures among `mentions[from, to)`; `window` must cover the text around them (see {@link FigureRanker.rank}). */
  rank(window: TextWindow, mentions: Mention[], from: number, to: number): void {
    this.figures.rank(window, mentions, from, to);
  }

  /** The tariffs with this rate in knowledge order, as unranked figures carry them. */
  tariffsWithRate(rate: number): readonly string[] | undefined {
    return this.figures.tariffsWithRate(rate);
  }

  /** The scan proper, from `from` until it has passed `until`; returns where it stopped, or -1 if cancelled. */
  private scanInto(text: string, base: number, out: ScanEntry[], keepSkipped: boolean, cancellation?: Cancellation, from = 0, until = text.length): number {
    const names = this.names;
    const n = text.length;
    // A word or match that starts before `until` is read to its end, past `until` if need be.
    const stop = Math.min(until, n);
    let nextCheck = from + CANCELLATION_STRIDE;
    let i = from;
    while (i < stop) {
      if (i >= nextCheck) {
        if (cancellation?.isCancellationRequested) return -1;
        nextCheck = i + CANCELLATION_STRIDE;
      }
      const info = charInfo(text.charCodeAt(i));
      if ((info & WORD_START) === 0) {
        i++;
        continue;
      }
      // Read the word, hashing its folded characters as we go (marks are skipped).
      const start = i;
      let hash = hashStep(0, foldedOf(info));
      i++;
      if ((info & UNSPACED) === 0) {
        while (i < n) {
          const next = charInfo(text.charCodeAt(i));
          if ((next & WORD_PART) === 0) break;
          if ((next & MARK) === 0) hash = hashStep(hash, foldedOf(next));
          i++;
        }
      }
      if (info & DIGIT) {
        const figureEnd = this.matchFigure(text, start, i, base, out, keepSkipped);
        if (figureEnd > 0) i = figureEnd;
        continue;
      }
      if (!names.mayStart(hash)) continue;
      for (const { pattern } of names.candidatesAt(text, hash, i)) {
        if (pattern.singleWord && (info & LOWER) !== 0) continue;
        if (pattern.acronym && hasLowerCase(text, start, i)) continue;
        const end = matchPattern(text, pattern, start);
        if (end < 0) continue;
        const target = pattern.target;
        out.push(
          target.kind === 'official'
            ? { kind: 'official', start: start + base, end: end + base, officialId: target.id }
            : { kind: 'country', start: start + base, end: end + base, code: target.code },
        );
        i = end;
        break;
      }
    }
    return i;
  }

  /** Tries a tariff figure at a run of digits [start, digitsEnd); returns its end, or 0. */
  private matchFigure(text: string, start: number, digitsEnd: number, base: number, out: ScanEntry[], keepSkipped: boolean): number {
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
    const tariffIds = this.figures.tariffsWithRate(rate);
    if (tariffIds) out.push({ kind: 'figure', start: start + base, end: end + base, rate, tariffIds });
    else if (keepSkipped) out.push({ kind: 'skipped', start: start + base, end: end + base });
    return end;
  }
}

function hasLowerCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (charFlags(text.charCodeAt(k)) & LOWER) return true;
  return false;
}

function whiteSpaceGaps(pattern: NamePattern): number {
  let gaps = 0;
  for (const gap of [...pattern.gaps, pattern.trailing]) for (const c of gap) if (c === ' ') gaps++;
  return gaps;
}
