import type { Knowledge } from '../knowledge/knowledge';
import type { Tariff } from '../knowledge/types';
import type { Steps } from '../scheduling/steps';
import type { Span } from '../text/span';
import { firstStartingAtOrAfter } from './findMention';
import type { FigureMention, Mention } from './mention';
import { wholeText, type TextWindow } from './textWindow';

/** How far to look for the ends of a sentence or paragraph, so one request's cost stays bounded. */
const SENTENCE_REACH = 1000;
const PARAGRAPH_REACH = 5000;
/**
 * How far from a figure its ranking may read text or mentions: the paragraph reach, plus the sentence
 * reach the "is this full stop inside a mention" check looks back. Edits farther away cannot change it.
 */
export const RANKING_REACH = PARAGRAPH_REACH + SENTENCE_REACH + 2;

/** Sort keys hold a tariff's index in its rate's list below this: far more tariffs than knowledge files can hold. */
const TARIFF_LIMIT = 2 ** 21;

/** Officials or tariffs read between two chances to pause when a ranker is built in steps: a few ms of work. */
const ITEMS_PER_STEP = 4096;

/** A mention that names no country (a figure, or an official without one). */
export const NO_COUNTRY = -1;

/** The tariffs that have one rate, in knowledge order, and which of them each country is part of. */
interface RateTariffs {
  readonly ids: readonly string[];
  /** Country numbers (see {@link FigureRanker.countryNumber}) of each tariff's two sides. */
  readonly by: Int32Array;
  readonly on: Int32Array;
  /** Scratch marks of the tariffs being ranked, all 0 between two rankings. */
  readonly scored: Uint8Array;
}

/** What a ranker is made of, as {@link FigureRanker.buildSteps} reads it from the knowledge (see the fields of {@link FigureRanker}). */
interface RankerTables {
  readonly byRate: Map<number, RateTariffs>;
  readonly countryNumbers: Map<string, number>;
  readonly officialCountries: Map<string, number>;
  readonly countryEntries: Int32Array;
  readonly entryRates: Float64Array;
  readonly entryTariffs: Int32Array;
}

/**
 * Orders the candidate tariffs of ambiguous figures by the countries and officials mentioned around
 * them: the same sentence counts before the same paragraph, which counts before nothing; within a
 * level, the tariff imposed by the first country named wins ("China raised tariffs on US goods to 10%"
 * is China's tariff). Ties keep knowledge order.
 *
 * A full scan ranks thousands of figures, so the work per figure is kept to what it needs: countries
 * are small numbers (no string lookups), paragraph ends come from the line breaks of the text found
 * once for all figures, and only the few tariffs of the countries named are ever sorted.
 */
export class FigureRanker {
  private readonly byRate: Map<number, RateTariffs>;
  private readonly countryNumbers: Map<string, number>;
  private readonly officialCountries: Map<string, number>;
  /**
   * The tariffs of country number `c` are entries [countryEntries[c], countryEntries[c + 1]): each a
   * rate (`entryRates`) and the tariff's index in that rate's list (`entryTariffs`). Countries numbered
   * later have none.
   */
  private readonly countryEntries: Int32Array;
  private readonly entryRates: Float64Array;
  private readonly entryTariffs: Int32Array;
  // Reused lists of the countries named around one figure, in the order first named.
  private readonly inSentence: number[] = [];
  private readonly inParagraph: number[] = [];
  private readonly sortKeys: number[] = [];
  /** For each country number, where the current sentence and paragraph first name it (see {@link scoringOrder}); 0 between figures. */
  private readonly sentenceRank: Int32Array;
  private readonly paragraphRank: Int32Array;

  /** Use {@link buildSteps}. */
  private constructor(tables: RankerTables) {
    this.byRate = tables.byRate;
    this.countryNumbers = tables.countryNumbers;
    this.officialCountries = tables.officialCountries;
    this.countryEntries = tables.countryEntries;
    this.entryRates = tables.entryRates;
    this.entryTariffs = tables.entryTariffs;
    this.sentenceRank = new Int32Array(this.countryNumbers.size);
    this.paragraphRank = new Int32Array(this.countryNumbers.size);
  }

  /**
   * The ranker of `knowledge`, made in steps of ITEMS_PER_STEP officials or tariffs (see {@link Steps}):
   * with 30,000 officials, making it at once took 60 ms or more.
   */
  static *buildSteps(knowledge: Knowledge): Steps<FigureRanker> {
    let items = 0;
    const stepEnds = (): boolean => ++items % ITEMS_PER_STEP === 0;
    const countryNumbers = new Map<string, number>();
    const officialCountries = new Map<string, number>();
    for (const official of knowledge.officials.values()) {
      if (stepEnds()) yield;
      if (official.country !== undefined)
        officialCountries.set(official.id, numberOf(countryNumbers, official.country));
    }
    const lists = new Map<number, Tariff[]>();
    for (const tariff of knowledge.tariffs.values()) {
      if (stepEnds()) yield;
      for (const rate of new Set(tariff.history.map((step) => step.rate))) {
        const list = lists.get(rate);
        if (list) list.push(tariff);
        else lists.set(rate, [tariff]);
      }
    }
    // Each country's tariffs, as (rate, index in the rate's list), side by side in flat arrays, by rate.
    const byRate = new Map<number, RateTariffs>();
    const entries: { country: number; rate: number; index: number }[] = [];
    for (const [rate, tariffs] of lists) {
      const by = Int32Array.from(tariffs, (t) => numberOf(countryNumbers, t.by));
      const on = Int32Array.from(tariffs, (t) => numberOf(countryNumbers, t.on));
      for (let index = 0; index < tariffs.length; index++) {
        if (stepEnds()) yield;
        entries.push({ country: by[index]!, rate, index });
        if (on[index] !== by[index]) entries.push({ country: on[index]!, rate, index });
      }
      byRate.set(rate, { ids: tariffs.map((t) => t.id), by, on, scored: new Uint8Array(tariffs.length) });
    }
    // Sorting takes a step of its own (10–20 ms with 100,000 entries).
    yield;
    entries.sort((a, b) => a.country - b.country || a.rate - b.rate || a.index - b.index);
    yield;
    const countryEntries = new Int32Array(countryNumbers.size + 1);
    for (const { country } of entries) countryEntries[country + 1]!++;
    for (let c = 0; c < countryNumbers.size; c++) countryEntries[c + 1]! += countryEntries[c]!;
    return new FigureRanker({
      byRate,
      countryNumbers,
      officialCountries,
      countryEntries,
      entryRates: Float64Array.from(entries, (e) => e.rate),
      entryTariffs: Int32Array.from(entries, (e) => e.index),
    });
  }

  /** Ids of the tariffs with this rate in knowledge order (unranked), or undefined if none has it. */
  tariffsWithRate(rate: number): readonly string[] | undefined {
    return this.byRate.get(rate)?.ids;
  }

  /** A small number standing for a country code, the same for the same code. */
  countryNumber(code: string): number {
    return numberOf(this.countryNumbers, code);
  }

  /** The country number of an official's country, or {@link NO_COUNTRY}. */
  officialCountry(officialId: string): number {
    return this.officialCountries.get(officialId) ?? NO_COUNTRY;
  }

  /**
   * Ranks the figures among `mentions[from, to)`, replacing each ambiguous one with a ranked copy.
   * Their `tariffIds` must be in knowledge order, as {@link tariffsWithRate} gives them. `window` must
   * cover {@link RANKING_REACH} around each of them, or reach the document's ends.
   */
  rank(window: TextWindow, mentions: Mention[], from = 0, to = mentions.length): void {
    if (from >= to) return;
    // The country of every mention a ranking may read, looked up once.
    const first = firstStartingAtOrAfter(mentions, mentions[from]!.start - PARAGRAPH_REACH, from);
    const last = firstStartingAtOrAfter(mentions, mentions[to - 1]!.end + PARAGRAPH_REACH, mentions.length);
    const countries = new Int32Array(last - first);
    for (let k = first; k < last; k++) {
      const m = mentions[k]!;
      countries[k - first] =
        m.kind === 'country'
          ? this.countryNumber(m.code)
          : m.kind === 'official'
            ? this.officialCountry(m.officialId)
            : NO_COUNTRY;
    }
    const paragraphs = new Paragraphs(new ParagraphBreaks(window));
    for (let index = from; index < to; index++)
      this.rankFigure(window, mentions, countries, first, index, paragraphs, true);
  }

  /**
   * Ranks the figures of a scan of a whole text as the scan goes (see {@link ScanRanking}), given the
   * country number of each mention (see {@link countryNumber}), which the scan reports. The mentions
   * are the scan's own, not yet shared, so figures are ranked in place.
   */
  rankDuringScan(text: string, mentions: Mention[], countries: readonly number[]): ScanRanking {
    return new ScanRanking(this, wholeText(text), mentions, countries);
  }

  /**
   * Ranks `mentions[index]` if it is an ambiguous figure: with a ranked copy (`copy`) or in place.
   * `countries[k - countriesFrom]` is the country number of `mentions[k]`. Figures are ranked in
   * document order (the paragraph cursor only moves forward).
   */
  rankFigure(
    window: TextWindow,
    mentions: Mention[],
    countries: ArrayLike<number>,
    countriesFrom: number,
    index: number,
    paragraphs: Paragraphs,
    copy: boolean,
  ): void {
    const figure = mentions[index]!;
    if (figure.kind !== 'figure' || figure.tariffIds.length < 2) return;
    const inParagraph = this.inParagraph;
    const inSentence = this.inSentence;
    const paragraph = paragraphs.around(figure, window.length);
    firstNamed(mentions, countries, countriesFrom, index, paragraph, inParagraph);
    // Nothing named around it: knowledge order stands.
    if (inParagraph.length === 0) return;
    const sentence = sentenceAround(window, figure, paragraph, mentions, index);
    firstNamed(mentions, countries, countriesFrom, index, sentence, inSentence);
    const tariffs = this.byRate.get(figure.rate)!;
    const order = this.scoringOrder(figure.rate, tariffs, inSentence, inParagraph);
    // None of the countries named has a tariff of this rate: knowledge order stands.
    if (order.length === 0) return;
    if (copy)
      mentions[index] = {
        kind: 'figure',
        start: figure.start,
        end: figure.end,
        rate: figure.rate,
        tariffIds: rankedList(tariffs, order),
      };
    else mentions[index] = new FigureWithRankedList(figure.start, figure.end, figure.rate, tariffs, order.slice());
  }

  /**
   * How the tariffs with a rate rank for the countries named in the sentence and the paragraph: only
   * tariffs of a country named in the paragraph can score, and the list holds those, best first (as
   * indexes into the rate's list); the others keep knowledge order after them (see {@link rankedList}).
   * The list is reused by the next call.
   */
  private scoringOrder(
    rate: number,
    tariffs: RateTariffs,
    inSentence: readonly number[],
    inParagraph: readonly number[],
  ): readonly number[] {
    const { by, on } = tariffs;
    const { countryEntries, entryRates, entryTariffs, sentenceRank, paragraphRank } = this;
    // Where each country was first named (1 = first; 0 = not named): a score is then a few reads.
    // Countries numbered after the tariffs were read have no tariffs, and do not count.
    for (let k = 0; k < inSentence.length; k++)
      if (inSentence[k]! < sentenceRank.length) sentenceRank[inSentence[k]!] = k + 1;
    for (let k = 0; k < inParagraph.length; k++)
      if (inParagraph[k]! < paragraphRank.length) paragraphRank[inParagraph[k]!] = k + 1;
    // The sort key of each tariff that scores: better scores first, then knowledge order. A handful:
    // sorted by insertion, with no allocation.
    const keys = this.sortKeys;
    keys.length = 0;
    for (const country of inParagraph) {
      if (country + 1 >= countryEntries.length) continue;
      // The country's entries are sorted by rate: search for the first of this rate.
      let e = countryEntries[country]!;
      const end = countryEntries[country + 1]!;
      for (let hi = end; e < hi;) {
        const mid = (e + hi) >> 1;
        if (entryRates[mid]! < rate) e = mid + 1;
        else hi = mid;
      }
      for (; e < end && entryRates[e] === rate; e++) {
        const t = entryTariffs[e]!;
        const sentence = doubledScore(sentenceRank[by[t]!]!, sentenceRank[on[t]!]!, by[t] === on[t]);
        const paragraph = doubledScore(paragraphRank[by[t]!]!, paragraphRank[on[t]!]!, by[t] === on[t]);
        const key =
          ((MAX_DOUBLED_SCORE - sentence) * (MAX_DOUBLED_SCORE + 1) + (MAX_DOUBLED_SCORE - paragraph)) * TARIFF_LIMIT +
          t;
        let k = keys.length;
        while (k > 0 && keys[k - 1]! > key) k--;
        // A tariff of two countries named is found twice.
        if (k > 0 && keys[k - 1] === key) continue;
        for (let j = keys.length; j > k; j--) keys[j] = keys[j - 1]!;
        keys[k] = key;
      }
    }
    for (const country of inSentence) if (country < sentenceRank.length) sentenceRank[country] = 0;
    for (const country of inParagraph) if (country < paragraphRank.length) paragraphRank[country] = 0;
    for (let k = 0; k < keys.length; k++) keys[k] = keys[k]! & (TARIFF_LIMIT - 1);
    return keys;
  }
}

/** The number of country `code` in `numbers`: the next one if it has none yet. */
function numberOf(numbers: Map<string, number>, code: string): number {
  let number = numbers.get(code);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(code, number);
  }
  return number;
}

/**
 * The ids of the tariffs with a rate: those of `order` (indexes into the rate's list) first, then the
 * others in knowledge order.
 */
function rankedList(tariffs: RateTariffs, order: ArrayLike<number>): string[] {
  const { ids, scored } = tariffs;
  // A copy (native work), overwritten up to the last tariff of `order`: those tariffs, then the others
  // before it in their order. Past it, every tariff keeps its place.
  const ranked = ids.slice();
  let last = 0;
  for (let k = 0; k < order.length; k++) {
    const t = order[k]!;
    scored[t] = 1;
    ranked[k] = ids[t]!;
    if (t > last) last = t;
  }
  let at = order.length;
  for (let t = 0; t <= last; t++) {
    if (scored[t] === 0) ranked[at++] = ids[t]!;
    else scored[t] = 0;
  }
  return ranked;
}

/**
 * A figure from a scan, whose ranked `tariffIds` are made when first read. A scan decides the ranking
 * of every figure (the countries around it, the scores), but with hundreds of tariffs sharing a rate,
 * copying each figure's full list there took most of the scan's time (allocation and garbage
 * collection), for lists that are read one figure at a time, when one is hovered or looked up.
 * `tariffIds` is an own enumerable property, a getter until first read and then a plain value, and the
 * keys come in the same order as a plain figure's: JSON, spread and deep equality see the same object
 * (only the prototype differs).
 */
class FigureWithRankedList implements FigureMention {
  readonly kind = 'figure';
  readonly start: number;
  readonly end: number;
  readonly rate: number;
  declare readonly tariffIds: readonly string[];
  readonly #tariffs: RateTariffs;
  readonly #order: ArrayLike<number>;

  constructor(start: number, end: number, rate: number, tariffs: RateTariffs, order: ArrayLike<number>) {
    this.start = start;
    this.end = end;
    this.rate = rate;
    this.#tariffs = tariffs;
    this.#order = order;
    Object.defineProperty(this, 'tariffIds', FigureWithRankedList.#listOnRead);
  }

  static readonly #listOnRead: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: FigureWithRankedList): readonly string[] {
      const tariffIds = rankedList(this.#tariffs, this.#order);
      Object.defineProperty(this, 'tariffIds', {
        value: tariffIds,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return tariffIds;
    },
  };
}

/**
 * The ranking of a scan's figures, done while the scan goes on: a figure is ranked as soon as the scan
 * has passed everything its ranking reads (its paragraph, at most PARAGRAPH_REACH after it), while the
 * text and the mentions around it are still in the processor's cache. Ranked after the scan, every
 * figure cost a dozen cache misses, which took longer than the scan.
 */
export class ScanRanking {
  private next = 0;
  private readonly paragraphs: Paragraphs;

  constructor(
    private readonly ranker: FigureRanker,
    private readonly window: TextWindow,
    private readonly mentions: Mention[],
    private readonly countries: readonly number[],
  ) {
    this.paragraphs = new Paragraphs(new ParagraphBreaks(window));
  }

  /** Ranks the figures whose ranking reads only what a scan has passed on reaching `scanned` (all, at the end). */
  rankUpTo(scanned: number): void {
    const mentions = this.mentions;
    const done = scanned >= this.window.length;
    for (; this.next < mentions.length; this.next++) {
      if (!done && mentions[this.next]!.end + PARAGRAPH_REACH >= scanned) return;
      this.ranker.rankFigure(this.window, mentions, this.countries, 0, this.next, this.paragraphs, false);
    }
  }
}

/**
 * Fills `order` with the country numbers named in the span, in the order first named (officials count
 * for their country), the figure aside. A paragraph names a handful, so an array beats a set here.
 */
function firstNamed(
  mentions: readonly Mention[],
  countries: ArrayLike<number>,
  countriesFrom: number,
  figureIndex: number,
  span: Span,
  order: number[],
): void {
  order.length = 0;
  // Walked back from the figure, not searched for: only mentions near it are read.
  let first = figureIndex;
  while (first > 0 && mentions[first - 1]!.start >= span.start) first--;
  for (let k = first; k < mentions.length && mentions[k]!.start < span.end; k++) {
    if (k === figureIndex) continue;
    const country = countries[k - countriesFrom]!;
    if (country !== NO_COUNTRY && !includes(order, country)) order.push(country);
  }
}

/** `list.includes(value)` for a handful of numbers, without a call into the runtime. */
function includes(list: readonly number[], value: number): boolean {
  for (let k = 0; k < list.length; k++) if (list[k] === value) return true;
  return false;
}

/**
 * Twice a tariff's score in a span, from where its two countries were first named there (1-based, 0 =
 * not named): each distinct country named counts 1, and 0.5 more if the first named imposes it.
 */
function doubledScore(byRank: number, onRank: number, sameCountry: boolean): number {
  if (byRank === 0 && onRank === 0) return 0;
  const seen = (byRank > 0 ? 1 : 0) + (onRank > 0 && !sameCountry ? 1 : 0);
  const byFirst = byRank > 0 && (onRank === 0 || byRank <= onRank);
  return 2 * seen + (byFirst ? 1 : 0);
}

/** The most {@link doubledScore} gives: both countries named, the imposing one first. */
const MAX_DOUBLED_SCORE = 5;

function codeAt(window: TextWindow, at: number): number {
  return window.text.charCodeAt(at - window.base);
}

/**
 * The blank lines of a window as the paragraph rule sees them: where paragraphs start (right after a
 * blank line) and end (at a line break that begins one), found by searching the lines around the
 * figures ({@link sortOut}). The scan steps over line breaks without a stop; a stop per line cost more.
 */
export class ParagraphBreaks {
  /** Offsets right after a blank line, ascending. */
  readonly starts: number[] = [];
  /** Offsets of line breaks that begin a blank line, ascending. */
  readonly ends: number[] = [];
  /** Every line break before this offset is sorted out. */
  private doneTo: number;

  constructor(private readonly window: TextWindow) {
    this.doneTo = window.base;
  }

  /** Finds (once) the breaks among the line breaks in [from, to) of the window, with native searches. */
  sortOut(from: number, to: number): void {
    const window = this.window;
    const base = window.base;
    const start = Math.max(from, this.doneTo);
    const end = Math.min(to, base + window.text.length);
    if (start >= end) return;
    // A search in a slice (a view, not a copy) reads no further than needed.
    const stretch = window.text.slice(start - base, end - base);
    let lineFeed = stretch.indexOf('\n');
    let carriageReturn = stretch.indexOf('\r');
    while (lineFeed >= 0 || carriageReturn >= 0) {
      const isLineFeed = carriageReturn < 0 || (lineFeed >= 0 && lineFeed < carriageReturn);
      const at = start + (isLineFeed ? lineFeed : carriageReturn);
      if (isLineFeed) {
        if (isBlankLineBefore(window, at + 1)) this.starts.push(at + 1);
        lineFeed = stretch.indexOf('\n', lineFeed + 1);
      } else {
        carriageReturn = stretch.indexOf('\r', carriageReturn + 1);
      }
      if (isBlankLineAfter(window, at)) this.ends.push(at);
    }
    this.doneTo = end;
  }
}

/**
 * The paragraph around each figure, asked for in document order: it reaches the nearest blank lines
 * (or {@link PARAGRAPH_REACH}) on either side. The breaks are found once for all figures, instead of
 * walking every character of every figure's paragraph.
 */
export class Paragraphs {
  /** Where the searches for the previous paragraph start and the next end resume. */
  private startCursor = 0;
  private endCursor = 0;

  constructor(private readonly breaks: ParagraphBreaks) {}

  around(span: Span, documentLength: number): Span {
    const minStart = Math.max(0, span.start - PARAGRAPH_REACH);
    const maxEnd = Math.min(documentLength, span.end + PARAGRAPH_REACH);
    const breaks = this.breaks;
    // Line breaks before the reach of this figure concern no later figure either.
    breaks.sortOut(minStart, maxEnd + 1);
    const starts = breaks.starts;
    while (this.startCursor < starts.length && starts[this.startCursor]! <= span.start) this.startCursor++;
    const previous = this.startCursor > 0 ? starts[this.startCursor - 1]! : -1;
    const ends = breaks.ends;
    while (this.endCursor < ends.length && ends[this.endCursor]! < span.end) this.endCursor++;
    const next = this.endCursor < ends.length ? ends[this.endCursor]! : Infinity;
    return { start: previous > minStart ? previous : minStart, end: next < maxEnd ? next : maxEnd };
  }
}

/** True when `at` starts a line and the line before it is blank. */
function isBlankLineBefore(window: TextWindow, at: number): boolean {
  if (codeAt(window, at - 1) !== 0x0a) return false;
  let i = at - 2;
  if (codeAt(window, i) === 0x0d) i--;
  while (i >= 0 && (codeAt(window, i) === 0x20 || codeAt(window, i) === 0x09)) i--;
  return i < 0 || codeAt(window, i) === 0x0a;
}

function isBlankLineAfter(window: TextWindow, at: number): boolean {
  const c = codeAt(window, at);
  if (c !== 0x0a && c !== 0x0d) return false;
  let i = at + (c === 0x0d && codeAt(window, at + 1) === 0x0a ? 2 : 1);
  while (i < window.length && (codeAt(window, i) === 0x20 || codeAt(window, i) === 0x09 || codeAt(window, i) === 0x0d))
    i++;
  return i >= window.length || codeAt(window, i) === 0x0a;
}

/**
 * The sentence: bounded by `.`, `!` or `?` followed by white space and a capital letter, digit or line
 * break, or by a blank line. Full stops inside mentions (`U.S.`) never end a sentence.
 */
function sentenceAround(
  window: TextWindow,
  span: Span,
  paragraph: Span,
  mentions: readonly Mention[],
  index: number,
): Span {
  const { text, base } = window;
  // Only four punctuation marks can end a sentence: they are searched for natively, and the rule is
  // tested there and nowhere else.
  const minStart = Math.max(paragraph.start, span.start - SENTENCE_REACH);
  let start = minStart;
  for (
    let at = lastSentencePunctuation(text, minStart - base, span.start - base);
    at >= 0;
    at = lastSentencePunctuation(text, minStart - base, at)
  ) {
    if (isSentenceEnd(window, at + base) && !insideMention(mentions, index, at + base)) {
      start = at + base + 1;
      break;
    }
  }
  const maxEnd = Math.min(paragraph.end, span.end + SENTENCE_REACH);
  let end = maxEnd;
  for (
    let at = firstSentencePunctuation(text, span.end - base, maxEnd - base);
    at >= 0;
    at = firstSentencePunctuation(text, at + 1, maxEnd - base)
  ) {
    if (isSentenceEnd(window, at + base) && !insideMention(mentions, index, at + base)) {
      end = at + base;
      break;
    }
  }
  return { start, end };
}

/** The sentence punctuation other than `.`: rarer, so searched for only where no full stop comes first. */
const RARE_SENTENCE_PUNCTUATION = /[!?\u3002]/;

// Searches run in slices (views, not copies), so that none reads past the reach of the sentence.

/** The offset of the last sentence punctuation mark in [from, to) of `text`, or -1. */
function lastSentencePunctuation(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  const stretch = text.slice(from, to);
  const stop = stretch.lastIndexOf('.');
  const afterStop = stop < 0 ? stretch : stretch.slice(stop + 1);
  if (afterStop.search(RARE_SENTENCE_PUNCTUATION) < 0) return stop < 0 ? -1 : from + stop;
  return (
    from + stop + 1 + Math.max(afterStop.lastIndexOf('!'), afterStop.lastIndexOf('?'), afterStop.lastIndexOf('\u3002'))
  );
}

/** The offset of the first sentence punctuation mark in [from, to) of `text`, or -1. */
function firstSentencePunctuation(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  const stretch = text.slice(from, to);
  const stop = stretch.indexOf('.');
  const rare = (stop < 0 ? stretch : stretch.slice(0, stop)).search(RARE_SENTENCE_PUNCTUATION);
  return rare >= 0 ? from + rare : stop < 0 ? -1 : from + stop;
}

/** Whether `offset` (outside the figure `mentions[index]`) is inside a mention. */
function insideMention(mentions: readonly Mention[], index: number, offset: number): boolean {
  // Mentions never overlap, so only the last one that starts at or before `offset` can hold it.
  let k = index;
  if (offset < mentions[index]!.start) {
    k--;
    while (k >= 0 && mentions[k]!.start > offset) k--;
  } else {
    while (k + 1 < mentions.length && mentions[k + 1]!.start <= offset) k++;
  }
  return k >= 0 && offset < mentions[k]!.end;
}

function isSentencePunctuation(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002;
}

function isSentenceEnd(window: TextWindow, at: number): boolean {
  const c = codeAt(window, at);
  if (!isSentencePunctuation(c)) return false;
  if (c === 0x3002) return true; // 。 ends a sentence in Chinese
  const next = codeAt(window, at + 1);
  if (!(next === 0x20 || next === 0x0a || next === 0x0d || next === 0xa0 || next === 0x09 || Number.isNaN(next)))
    return false;
  let i = at + 1;
  while (i < window.length && (codeAt(window, i) === 0x20 || codeAt(window, i) === 0xa0 || codeAt(window, i) === 0x09))
    i++;
  if (i >= window.length) return true;
  return startsSentence(codeAt(window, i));
}

/** What may follow the end of a sentence: a line break, a capital letter, a digit, a quote, `*`, `#`, `(`, `[` or `-`. */
function startsSentence(c: number): boolean {
  if (c < 0x80)
    return (
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x22 ||
      c === 0x27 ||
      c === 0x2a ||
      c === 0x23 ||
      c === 0x28 ||
      c === 0x5b ||
      c === 0x2d
    );
  return NON_ASCII_SENTENCE_START.test(String.fromCharCode(c));
}

const NON_ASCII_SENTENCE_START = /[\p{Lu}\p{N}“‘]/u;
