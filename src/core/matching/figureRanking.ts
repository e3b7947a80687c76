import type { Knowledge } from '../knowledge/knowledge';
import type { Tariff } from '../knowledge/types';
import type { FigureMention, Mention } from './mention';
import type { TextWindow } from './textWindow';

/** How far to look for the ends of a sentence or paragraph, so one request's cost stays bounded. */
const SENTENCE_REACH = 1000;
const PARAGRAPH_REACH = 5000;
/**
 * How far from a figure its ranking may read text or mentions: the paragraph reach, plus the sentence
 * reach the "is this full stop inside a mention" check looks back. Edits farther away cannot change it.
 */
export const RANKING_REACH = PARAGRAPH_REACH + SENTENCE_REACH + 2;

/** Rankings remembered at most (a few MB); past this the memory is cleared and refilled. */
const MAX_REMEMBERED_RANKINGS = 10_000;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The tariffs that have one rate, in knowledge order, and which of them each country is part of. */
interface RateTariffs {
  readonly ids: readonly string[];
  readonly by: readonly string[];
  readonly on: readonly string[];
  /** Indexes into `ids` of the tariffs each country imposes or is targeted by. */
  readonly byCountry: ReadonlyMap<string, readonly number[]>;
}

/**
 * Orders the candidate tariffs of ambiguous figures by the countries and officials mentioned around
 * them: the same sentence counts before the same paragraph, which counts before nothing; within a
 * level, the tariff imposed by the first country named wins ("China raised tariffs on US goods to 10%"
 * is China's tariff). Ties keep knowledge order.
 */
export class FigureRanker {
  private readonly byRate = new Map<number, RateTariffs>();
  private readonly rankings = new Map<string, readonly string[]>();

  constructor(private readonly knowledge: Knowledge) {
    const lists = new Map<number, Tariff[]>();
    for (const tariff of knowledge.tariffs.values()) {
      for (const rate of new Set(tariff.history.map((step) => step.rate))) {
        const list = lists.get(rate);
        if (list) list.push(tariff);
        else lists.set(rate, [tariff]);
      }
    }
    for (const [rate, tariffs] of lists) {
      const byCountry = new Map<string, number[]>();
      tariffs.forEach((tariff, index) => {
        for (const code of new Set([tariff.by, tariff.on])) {
          const list = byCountry.get(code);
          if (list) list.push(index);
          else byCountry.set(code, [index]);
        }
      });
      this.byRate.set(rate, { ids: tariffs.map((t) => t.id), by: tariffs.map((t) => t.by), on: tariffs.map((t) => t.on), byCountry });
    }
  }

  /** Ids of the tariffs with this rate in knowledge order (unranked), or undefined if none has it. */
  tariffsWithRate(rate: number): readonly string[] | undefined {
    return this.byRate.get(rate)?.ids;
  }

  /**
   * Ranks the figures among `mentions[from, to)`, replacing each ambiguous one with a ranked copy.
   * Their `tariffIds` must be in knowledge order, as {@link tariffsWithRate} gives them. `window` must
   * cover {@link RANKING_REACH} around each of them, or reach the document's ends.
   */
  rank(window: TextWindow, mentions: Mention[], from = 0, to = mentions.length): void {
    for (let index = from; index < to; index++) {
      const figure = mentions[index]!;
      if (figure.kind !== 'figure' || figure.tariffIds.length < 2) continue;
      const tariffs = this.byRate.get(figure.rate)!;
      const paragraph = paragraphAround(window, figure);
      const inParagraph = this.firstNamed(mentions, index, paragraph);
      // Nothing named around it: knowledge order stands.
      if (inParagraph.length === 0) continue;
      const sentence = sentenceAround(window, figure, paragraph, mentions, index);
      const inSentence = this.firstNamed(mentions, index, sentence);
      mentions[index] = { ...(figure as FigureMention), tariffIds: this.ranked(figure.rate, tariffs, inSentence, inParagraph) };
    }
  }

  /**
   * The tariffs with a rate, ranked for the countries named in the sentence and the paragraph. The
   * order depends on nothing else, and a note names the same few countries again and again: results
   * are remembered (and shared: they are never changed).
   */
  private ranked(rate: number, tariffs: RateTariffs, inSentence: readonly string[], inParagraph: readonly string[]): readonly string[] {
    // JSON keeps the key unambiguous whatever a country reference contains.
    const key = JSON.stringify([rate, inSentence, inParagraph]);
    const known = this.rankings.get(key);
    if (known) return known;
    // Only tariffs of a country named in the paragraph can score: rank those, and keep the rest after
    // them in knowledge order.
    const scoring: number[] = [];
    for (const code of inParagraph) {
      for (const t of tariffs.byCountry.get(code) ?? []) if (!scoring.includes(t)) scoring.push(t);
    }
    const scored = scoring.map((t) => ({
      t,
      sentence: contextScore(inSentence, tariffs.by[t]!, tariffs.on[t]!),
      paragraph: contextScore(inParagraph, tariffs.by[t]!, tariffs.on[t]!),
    }));
    scored.sort((a, b) => b.sentence - a.sentence || b.paragraph - a.paragraph || a.t - b.t);
    // Copying the list and cutting out the few scored ones is native work; rebuilding it is not.
    const rest = tariffs.ids.slice();
    scoring.sort((a, b) => b - a);
    for (const t of scoring) rest.splice(t, 1);
    const ranked = scored.map((s) => tariffs.ids[s.t]!).concat(rest);
    if (this.rankings.size >= MAX_REMEMBERED_RANKINGS) this.rankings.clear();
    this.rankings.set(key, ranked);
    return ranked;
  }
  /**
   * The country codes named in the span, in the order first named (officials count for their country),
   * the figure aside. A paragraph names a handful, so an array beats a map here.
   */
  private firstNamed(mentions: readonly Mention[], figureIndex: number, span: Span): string[] {
    const order: string[] = [];
    for (let k = firstIndexAtOrAfter(mentions, span.start, figureIndex); k < mentions.length && mentions[k]!.start < span.end; k++) {
      if (k === figureIndex) continue;
      const m = mentions[k]!;
      const code = m.kind === 'country' ? m.code : m.kind === 'official' ? this.countryOf(m.officialId) : undefined;
      if (code !== undefined && !order.includes(code)) order.push(code);
    }
    return order;
  }

  private countryOf(officialId: string): string | undefined {
    return this.knowledge.officials.get(officialId)?.country;
  }
}

/** Distinct countries of the tariff named in the span, plus a half point if the first one named imposes it. */
function contextScore(firstNamed: readonly string[], by: string, on: string): number {
  const byAt = firstNamed.indexOf(by);
  const onAt = firstNamed.indexOf(on);
  if (byAt < 0 && onAt < 0) return 0;
  const seen = (byAt >= 0 ? 1 : 0) + (onAt >= 0 && on !== by ? 1 : 0);
  const byFirst = byAt >= 0 && (onAt < 0 || byAt <= onAt);
  return seen + (byFirst ? 0.5 : 0);
}

function firstIndexAtOrAfter(mentions: readonly Mention[], offset: number, upTo: number): number {
  let lo = 0;
  let hi = upTo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function codeAt(window: TextWindow, at: number): number {
  return window.text.charCodeAt(at - window.base);
}

/** The paragraph: up to the nearest blank lines (or the reach) on either side. */
function paragraphAround(window: TextWindow, span: Span): Span {
  const { text, base } = window;
  let start = span.start;
  const minStart = Math.max(0, span.start - PARAGRAPH_REACH);
  // Only a line start can follow a blank line: test the rule there and nowhere else.
  while (start > minStart && !(text.charCodeAt(start - 1 - base) === 0x0a && isBlankLineBefore(window, start))) start--;
  let end = span.end;
  const maxEnd = Math.min(window.length, span.end + PARAGRAPH_REACH);
  for (; end < maxEnd; end++) {
    const c = text.charCodeAt(end - base);
    if ((c === 0x0a || c === 0x0d) && isBlankLineAfter(window, end)) break;
  }
  return { start, end };
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
  while (i < window.length && (codeAt(window, i) === 0x20 || codeAt(window, i) === 0x09 || codeAt(window, i) === 0x0d)) i++;
  return i >= window.length || codeAt(window, i) === 0x0a;
}

/**
 * The sentence: bounded by `.`, `!` or `?` followed by white space and a capital letter, digit or line
 * break, or by a blank line. Full stops inside mentions (`U.S.`) never end a sentence.
 */
function sentenceAround(window: TextWindow, span: Span, paragraph: Span, mentions: readonly Mention[], index: number): Span {
  const insideMention = (offset: number): boolean => {
    for (let k = index - 1; k >= 0 && mentions[k]!.end > offset - SENTENCE_REACH; k--) {
      if (mentions[k]!.start <= offset && offset < mentions[k]!.end) return true;
    }
    for (let k = index + 1; k < mentions.length && mentions[k]!.start <= offset; k++) {
      if (offset < mentions[k]!.end) return true;
    }
    return false;
  };
  let start = span.start;
  const minStart = Math.max(paragraph.start, span.start - SENTENCE_REACH);
  while (start > minStart && !(isSentenceEnd(window, start - 1) && !insideMention(start - 1))) start--;
  let end = span.end;
  const maxEnd = Math.min(paragraph.end, span.end + SENTENCE_REACH);
  while (end < maxEnd && !(isSentenceEnd(window, end) && !insideMention(end))) end++;
  return { start, end };
}

function isSentenceEnd(window: TextWindow, at: number): boolean {
  const c = codeAt(window, at);
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x3002) return false;
  if (c === 0x3002) return true; // 。 ends a sentence in Chinese
  const next = codeAt(window, at + 1);
  if (!(next === 0x20 || next === 0x0a || next === 0x0d || next === 0xa0 || next === 0x09 || Number.isNaN(next))) return false;
  let i = at + 1;
  while (i < window.length && (codeAt(window, i) === 0x20 || codeAt(window, i) === 0xa0 || codeAt(window, i) === 0x09)) i++;
  if (i >= window.length) return true;
  const following = window.text[i - window.base]!;
  return following === '\n' || following === '\r' || /[\p{Lu}\p{N}"“'‘*#([-]/u.test(following);
}
