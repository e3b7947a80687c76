import type { Knowledge } from '../../src/core/knowledge/knowledge';
import type { FigureMention, Mention } from './mention';

/** How far to look for the ends of a sentence or paragraph, so one request's cost stays bounded. */
const SENTENCE_REACH = 1000;
const PARAGRAPH_REACH = 5000;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Orders the candidate tariffs of every ambiguous figure (in place) by the countries and officials
 * mentioned around it: the same sentence counts before the same paragraph, which counts before nothing;
 * within a level, the tariff imposed by the first country named wins ("China raised tariffs on US goods
 * to 10%" is China's tariff). Ties keep knowledge order.
 */
export function rankFigureCandidates(text: string, mentions: Mention[], knowledge: Knowledge): void {
  for (let index = 0; index < mentions.length; index++) {
    const figure = mentions[index]!;
    if (figure.kind !== 'figure' || figure.tariffIds.length < 2) continue;
    const paragraph = paragraphAround(text, figure);
    const sentence = sentenceAround(text, figure, mentions, index);
    const scored = figure.tariffIds.map((id, order) => {
      const tariff = knowledge.tariffs.get(id)!;
      return {
        id,
        order,
        sentence: contextScore(mentions, index, sentence, tariff.by, tariff.on, knowledge),
        paragraph: contextScore(mentions, index, paragraph, tariff.by, tariff.on, knowledge),
      };
    });
    scored.sort((a, b) => b.sentence - a.sentence || b.paragraph - a.paragraph || a.order - b.order);
    (mentions[index] as { tariffIds: readonly string[] }) = { ...(figure as FigureMention), tariffIds: scored.map((s) => s.id) };
  }
}

/** Distinct relevant countries named in the span, plus a half point if the first one named imposes the tariff. */
function contextScore(mentions: readonly Mention[], figureIndex: number, span: Span, by: string, on: string, knowledge: Knowledge): number {
  const seen = new Set<string>();
  let first: string | undefined;
  const visit = (m: Mention): void => {
    const code = m.kind === 'country' ? m.code : m.kind === 'official' ? knowledge.officials.get(m.officialId)?.country : undefined;
    if (code !== by && code !== on) return;
    first ??= code;
    seen.add(code);
  };
  for (let k = firstIndexAtOrAfter(mentions, span.start, figureIndex); k < mentions.length && mentions[k]!.start < span.end; k++) {
    if (k !== figureIndex) visit(mentions[k]!);
  }
  if (seen.size === 0) return 0;
  return seen.size + (first === by ? 0.5 : 0);
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

/** The paragraph: up to the nearest blank lines (or the reach) on either side. */
function paragraphAround(text: string, span: Span): Span {
  let start = span.start;
  const minStart = Math.max(0, span.start - PARAGRAPH_REACH);
  while (start > minStart && !isBlankLineBefore(text, start)) start--;
  let end = span.end;
  const maxEnd = Math.min(text.length, span.end + PARAGRAPH_REACH);
  while (end < maxEnd && !isBlankLineAfter(text, end)) end++;
  return { start, end };
}

/** True when `at` starts a line and the line before it is blank. */
function isBlankLineBefore(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 0x0a) return false;
  let i = at - 2;
  if (text.charCodeAt(i) === 0x0d) i--;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a;
}

function isBlankLineAfter(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x0a && text.charCodeAt(at) !== 0x0d) return false;
  let i = at + (text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 1);
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d)) i++;
  return i >= text.length || text.charCodeAt(i) === 0x0a;
}

/**
 * The sentence: bounded by `.`, `!` or `?` followed by white space and a capital letter, digit or line
 * break, or by a blank line. Full stops inside mentions (`U.S.`) never end a sentence.
 */
function sentenceAround(text: string, span: Span, mentions: readonly Mention[], index: number): Span {
  const paragraph = paragraphAround(text, span);
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
  while (start > minStart && !(isSentenceEnd(text, start - 1) && !insideMention(start - 1))) start--;
  let end = span.end;
  const maxEnd = Math.min(paragraph.end, span.end + SENTENCE_REACH);
  while (end < maxEnd && !(isSentenceEnd(text, end) && !insideMention(end))) end++;
  return { start, end };
}

function isSentenceEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x3002) return false;
  if (c === 0x3002) return true; // 。 ends a sentence in Chinese
  const next = text.charCodeAt(at + 1);
  if (!(next === 0x20 || next === 0x0a || next === 0x0d || next === 0xa0 || next === 0x09 || Number.isNaN(next))) return false;
  let i = at + 1;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x09)) i++;
  if (i >= text.length) return true;
  const following = text[i]!;
  return following === '\n' || following === '\r' || /[\p{Lu}\p{N}"“'‘*#([-]/u.test(following);
}
