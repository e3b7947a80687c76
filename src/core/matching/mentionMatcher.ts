import { Knowledge } from '../knowledge/knowledge';
import { runSteps, runStepsInSlices, untilCancelled, type Steps } from '../scheduling/steps';
import type { TimeSlices } from '../scheduling/timeSlices';
import { charFlags, charInfo, charInfoTable, DIGIT, foldedOf, MARK, PLAIN, WORD_PART } from './characters';
import { FigureRanker, NO_COUNTRY } from './figureRanking';
import type { Mention } from './mention';
import { FIRST_WORD_FILTER_MASK, NameTrieBuilder, type NameTrie } from './nameTrie';
import { compileName, HASH_BITS, hashStep, type NamePattern, type PatternTarget } from './namePatterns';
import { matchPercentSign } from './patternMatching';
import type { TextWindow } from './textWindow';

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
/** How many characters {@link MentionMatcher.scan} scans before ranking the figures behind: the text stays in the cache. */
const RANKING_STRETCH = 1 << 13;
/** Names compiled and added between two chances to pause when a matcher is built in steps: a few ms of work. */
const NAMES_PER_STEP = 1024;

const OFFICIAL = 0;
const COUNTRY = 1;

const DOT = 0x2e;
const COMMA = 0x2c;

/**
 * Finds mentions of officials, countries and tariff figures in a note, following the matching rules
 * documented in the README: whole words, longest match first, case and diacritics folded for multi-word
 * names, Capitalized or ALL CAPS for single words, possessives included, names may wrap at one line break.
 * Built once per knowledge change; `scan` is pure and safe to call for any text: each scan keeps its
 * state in its own {@link ScanState}, so scans may interleave (an index built in slices, a hover between).
 * The name trie and the figure ranker reuse scratch buffers, but only within one synchronous call.
 */
export class MentionMatcher {
  private readonly names: NameTrie;
  /** What each name of the trie stands for: the official's id or the country code (its tag tells which, see {@link tagOf}). */
  private readonly targetKeys: readonly string[];
  private readonly figures: FigureRanker;
  /**
   * How many white-space runs one match attempt may cross: one per white-space gap of the longest name,
   * and two for a figure (`145 per cent`). The incremental index re-scans that far around an edit.
   */
  readonly reachInChunks: number;

  /**
   * Builds the matcher of `knowledge` at once: with 100,000 names that blocks for several hundred ms,
   * so the extension host uses {@link buildInSlices}, which passes the parts it built in slices here.
   */
  constructor(source: Knowledge | MatcherParts) {
    const parts = source instanceof Knowledge ? runSteps(partsInSteps(source)) : source;
    this.figures = parts.figures;
    this.names = parts.names;
    this.targetKeys = parts.targetKeys;
    this.reachInChunks = parts.reachInChunks;
  }

  /**
   * The matcher the constructor builds, built in short stretches that let the host run in between
   * (see {@link TimeSlices}); undefined if `cancellation` is requested first.
   */
  static async buildInSlices(
    knowledge: Knowledge,
    slices: TimeSlices,
    cancellation?: Cancellation,
  ): Promise<MentionMatcher | undefined> {
    const steps = partsInSteps(knowledge);
    const parts = await runStepsInSlices(cancellation ? untilCancelled(steps, cancellation) : steps, slices);
    return parts && new MentionMatcher(parts);
  }

  /** Every mention in `text`, sorted by offset, never overlapping. Empty if cancelled. */
  scan(text: string, cancellation?: Cancellation): Mention[] {
    const mentions: Mention[] = [];
    const countries: number[] = [];
    const ranking = this.figures.rankDuringScan(text, mentions, countries);
    // In stretches, ranking the figures behind each (see ScanRanking).
    for (let at = 0; at < text.length;) {
      if (at > 0 && cancellation?.isCancellationRequested) return [];
      at = this.scanInto(text, { out: mentions, countries, from: at, until: at + RANKING_STRETCH });
      ranking.rankUpTo(at);
    }
    ranking.rankUpTo(text.length);
    return mentions;
  }

  /**
   * What a scan of `text` from its start finds, as offsets of a document in which `text` starts at
   * `base`: mentions, with the tariffs of each figure in knowledge order (see {@link rank}), and the
   * skipped figures. For the incremental index, which scans only around an edit.
   */
  scanEntries(text: string, base: number, cancellation?: Cancellation): ScanEntry[] | undefined {
    const entries: ScanEntry[] = [];
    return this.scanInto(text, { out: entries, base, keepSkipped: true, cancellation }) >= 0 ? entries : undefined;
  }

  /**
   * One stretch of a scan of `text` from its start, for work cut into slices: scans from `from` (0, or
   * the `next` of the previous stretch) until it has passed `until`, appending to `out` what
   * {@link scanEntries} finds there. Stretch after stretch, the entries are exactly those of one scan:
   * the scan carries no state but its position. Returns where the next stretch starts (`text.length`
   * when done).
   */
  scanStretch(text: string, from: number, until: number, out: ScanEntry[]): number {
    return this.scanInto(text, { out, keepSkipped: true, from, until });
  }

  /** Ranks the figures among `mentions[from, to)`; `window` must cover the text around them (see {@link FigureRanker.rank}). */
  rank(window: TextWindow, mentions: Mention[], from: number, to: number): void {
    this.figures.rank(window, mentions, from, to);
  }

  /** The tariffs with this rate in knowledge order, as unranked figures carry them. */
  tariffsWithRate(rate: number): readonly string[] | undefined {
    return this.figures.tariffsWithRate(rate);
  }

  /**
   * The scan proper, from `options.from` until it has passed `options.until`; returns where it stopped,
   * or -1 if cancelled.
   *
   * {@link readPlain} steps over letters, spaces and punctuation without a branch per word, and stops
   * where a word ends that some name may start with, or at a character it leaves to this loop: digits
   * (figures), combining marks, scripts without spaces, characters not seen before. The
   * words and names found are those of the word-by-word rules of patternMatching.ts.
   */
  private scanInto(text: string, options: ScanOptions): number {
    const { from = 0, until = text.length, cancellation } = options;
    const names = this.names;
    const filter = names.firstWords;
    // A word or match that starts before `until` is read to its end, past `until` if need be.
    const stop = Math.min(until, text.length);
    const scan: ScanState = {
      inWord: 0,
      hash: 0,
      out: options.out,
      base: options.base ?? 0,
      keepSkipped: options.keepSkipped ?? false,
      countries: options.countries,
    };
    /** Where the scan last started afresh (after a name, a figure, a word): no word starts before it. */
    let floor = from;
    let i = from;
    while (i < stop) {
      if (i > from && cancellation?.isCancellationRequested) return -1;
      const chunkEnd = Math.min(stop, i + CANCELLATION_STRIDE);
      while (i < chunkEnd) {
        i = readPlain(text, i, chunkEnd, charInfoTable, filter, scan);
        if (i >= chunkEnd) break;
        const info = charInfo(text.charCodeAt(i)) | 0;
        if (info & PLAIN) {
          // Not seen before (the table has it now: read on), or the end of a word that may start a name.
          if (!scan.inWord || info & WORD_PART) continue;
          const end = this.nameStartingWith(text, i, floor, scan.hash, scan);
          scan.inWord = 0;
          scan.hash = 0;
          i = end > i ? end : i + 1;
          floor = i;
        } else if (info & MARK) {
          // Inside a word the hash skips it; outside one it is ignored.
          i++;
        } else if (info & DIGIT) {
          if (scan.inWord) {
            scan.hash = hashStep(scan.hash, foldedOf(info));
            i++;
            continue;
          }
          // A word that starts with a digit is a figure or nothing.
          const digitsEnd = wordEnd(text, i + 1);
          const figureEnd = this.matchFigure(text, i, digitsEnd, scan);
          i = figureEnd > 0 ? figureEnd : digitsEnd;
          floor = i;
        } else {
          // A character of a script without spaces: it ends the word before it, and is a word of its own.
          if (scan.inWord) {
            const end = this.nameStartingWith(text, i, floor, scan.hash, scan);
            scan.inWord = 0;
            scan.hash = 0;
            if (end >= 0) {
              i = floor = end;
              continue;
            }
          }
          const single = hashStep(0, foldedOf(info));
          const end = names.mayStart(single) ? this.nameAt(text, i, i + 1, single, scan) : -1;
          i = floor = end >= 0 ? end : i + 1;
        }
      }
    }
    if (scan.inWord) {
      // The last word, read to its end.
      let hash = scan.hash;
      const end = wordEnd(text, i);
      for (; i < end; i++) {
        const info = charInfo(text.charCodeAt(i));
        if ((info & MARK) === 0) hash = hashStep(hash, foldedOf(info));
      }
      scan.inWord = 0;
      i = Math.max(i, this.nameStartingWith(text, end, floor, hash, scan));
    }
    return i;
  }

  /**
   * Adds the name that starts with the word ending at `end` (folded hash `hash`; it starts at `floor` or
   * after), if some name may start with such a word; returns the name's end, or -1.
   */
  private nameStartingWith(text: string, end: number, floor: number, hash: number, scan: ScanState): number {
    return this.names.mayStart(hash) ? this.nameAt(text, wordStartBefore(text, end, floor), end, hash, scan) : -1;
  }

  /** Adds the name that matches at the word [start, end) (folded hash `hash`) to the scan's entries; returns its end, or -1. */
  private nameAt(text: string, start: number, end: number, hash: number, scan: ScanState): number {
    const names = this.names;
    const index = names.longestAt(text, start, end, hash);
    if (index < 0) return -1;
    const matchEnd = names.matchEnd;
    const tag = names.matchTag;
    const base = scan.base;
    scan.out.push(
      (tag & 1) === OFFICIAL
        ? { kind: 'official', start: start + base, end: matchEnd + base, officialId: this.targetKeys[index]! }
        : { kind: 'country', start: start + base, end: matchEnd + base, code: this.targetKeys[index]! },
    );
    scan.countries?.push(tag >> 1);
    return matchEnd;
  }

  /** Tries a tariff figure at a run of digits [start, digitsEnd); returns its end, or 0. */
  private matchFigure(text: string, start: number, digitsEnd: number, scan: ScanState): number {
    for (let k = start; k < digitsEnd; k++) {
      if ((charFlags(text.charCodeAt(k)) & DIGIT) === 0) return 0; // 145th, 3G: not a number
    }
    // Part of a larger number: 1,145% or 2.145%.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if ((before === DOT || before === COMMA) && start > 1 && charFlags(text.charCodeAt(start - 2)) & DIGIT) return 0;
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
    const base = scan.base;
    if (tariffIds) {
      scan.out.push({ kind: 'figure', start: start + base, end: end + base, rate, tariffIds });
      scan.countries?.push(NO_COUNTRY);
    } else if (scan.keepSkipped) scan.out.push({ kind: 'skipped', start: start + base, end: end + base });
    return end;
  }
}

/** How {@link MentionMatcher.scanInto} is to scan a text, and where what it finds goes. */
interface ScanOptions {
  readonly out: ScanEntry[];
  /** Where the text starts in its document: added to the offsets of what is found (default 0). */
  readonly base?: number;
  /** Whether percentages no tariff has are added as {@link SkippedFigure}s, for the incremental index. */
  readonly keepSkipped?: boolean;
  /** When given, gets the country number of each mention found, for ranking figures (see {@link FigureRanker.rankDuringScan}). */
  readonly countries?: number[];
  /** Where to start: 0, or where the previous stretch of the same scan stopped. */
  readonly from?: number;
  /** Scans until it has passed this offset (default: the end of the text). */
  readonly until?: number;
  readonly cancellation?: Cancellation;
}

/** The state of one call of {@link MentionMatcher.scanInto}: the word it is in, and where what it finds goes. */
interface ScanState extends WordState {
  readonly out: ScanEntry[];
  readonly base: number;
  readonly keepSkipped: boolean;
  readonly countries: number[] | undefined;
}

/** What a matcher is made of (see the fields of {@link MentionMatcher}). */
interface MatcherParts {
  readonly figures: FigureRanker;
  readonly names: NameTrie;
  readonly targetKeys: readonly string[];
  readonly reachInChunks: number;
}

/** Builds the parts of the matcher of `knowledge`, in steps of a few ms (see {@link Steps}). */
function* partsInSteps(knowledge: Knowledge): Steps<MatcherParts> {
  const figures = yield* FigureRanker.buildSteps(knowledge);
  yield;
  // Each name is compiled, added and dropped: with 100,000 names, keeping the compiled forms until
  // the end costs more in garbage collection than compiling them.
  const names = new NameTrieBuilder();
  const keys: string[] = [];
  let reach = 2;
  let added = 0;
  /** Adds an entry's name and aliases, with a chance to pause every NAMES_PER_STEP names. */
  function* addNames(texts: readonly string[], target: PatternTarget, key: string, tag: number): Steps<void> {
    for (const text of texts) {
      const pattern = compileName(text, target);
      if (pattern) {
        names.add(pattern, tag);
        keys.push(key);
        reach = Math.max(reach, whiteSpaceGaps(pattern));
      }
      if (++added % NAMES_PER_STEP === 0) yield;
    }
  }
  for (const official of knowledge.officials.values()) {
    const tag = tagOf(OFFICIAL, figures.officialCountry(official.id));
    yield* addNames([official.name, ...official.aliases], { kind: 'official', id: official.id }, official.id, tag);
  }
  for (const country of knowledge.countries.values()) {
    const tag = tagOf(COUNTRY, figures.countryNumber(country.code));
    yield* addNames([country.name, ...country.aliases], { kind: 'country', code: country.code }, country.code, tag);
  }
  return { figures, names: yield* names.buildSteps(), targetKeys: keys, reachInChunks: reach };
}

/** A name's tag in the trie: what it stands for (OFFICIAL or COUNTRY) and the country number that counts when ranking figures. */
function tagOf(kind: number, country: number): number {
  return country * 2 + kind;
}

/** The word {@link readPlain} is in: 1 or 0, the folded hash of its characters so far (0 outside words). */
interface WordState {
  inWord: number;
  hash: number;
}

/**
 * The scan's inner loop: steps over PLAIN characters, from `from` until `stop`, keeping the word it is
 * in as numbers updated with masks rather than branches; returns where it stopped: at `stop`, at a
 * character that is not PLAIN, or where a word ends whose hash is in the first-word filter.
 *
 * One branch per character that is almost never taken: where a word ends, its hash is looked up in
 * the filter, and elsewhere the lookup reads one fixed place. Mispredicted branches at word ends, a
 * function call, or a filter probe per character at random places (slow when other programs share the
 * cache) each cost more than the whole step.
 */
function readPlain(
  text: string,
  from: number,
  stop: number,
  table: Readonly<Int32Array>,
  filter: Uint32Array,
  word: WordState,
): number {
  let inWord = word.inWord;
  let hash = word.hash;
  let i = from;
  for (; i < stop; i++) {
    const info = table[text.charCodeAt(i)]!;
    if ((info & PLAIN) === 0) break;
    const part = info & WORD_PART;
    const ended = inWord & (part ^ 1);
    const probe = hash & -ended;
    if ((ended & (filter[(probe >>> 5) & FIRST_WORD_FILTER_MASK]! >>> (probe & 31))) !== 0) break;
    // Outside words the hash is 0, so a new word's hash starts from 0.
    hash = (Math.imul(hash, 31) + foldedOf(info)) & HASH_BITS & -part;
    inWord = part;
  }
  word.inWord = inWord;
  word.hash = hash;
  return i;
}

/** Where the word that ends at `end` starts: its letters, digits and marks, not before `floor`, and not at a mark. */
function wordStartBefore(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor && (charInfo(text.charCodeAt(start - 1)) & WORD_PART) !== 0) start--;
  while ((charInfo(text.charCodeAt(start)) & MARK) !== 0) start++;
  return start;
}

/** The end of the word whose characters continue at `at` (letters, digits, marks). */
function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && (charInfo(text.charCodeAt(i)) & WORD_PART) !== 0) i++;
  return i;
}

function whiteSpaceGaps(pattern: NamePattern): number {
  let gaps = 0;
  for (const gap of pattern.gaps) gaps += spacesIn(gap);
  return gaps + spacesIn(pattern.trailing);
}

function spacesIn(gap: string): number {
  let spaces = 0;
  for (let i = 0; i < gap.length; i++) if (gap.charCodeAt(i) === 0x20) spaces++;
  return spaces;
}
