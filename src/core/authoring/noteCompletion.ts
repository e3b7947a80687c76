import { sameRate, writtenRate } from '../cards/tariffChanges';
import type { Knowledge } from '../knowledge/knowledge';
import type { Official, Tariff, TariffStep } from '../knowledge/types';
import { foldText } from '../matching/characters';

/** A number followed by `%` just before the cursor (`145%`, `14%`), where tariff figures are offered. */
export interface TypedFigure {
  /** Where the number starts in the line. */
  readonly start: number;
  /** The digits, without a `%`. */
  readonly digits: string;
}

/** The word being typed before the cursor, where officials' names are offered. */
export interface TypedWord {
  readonly start: number;
  readonly text: string;
}

export interface NameChoice {
  /** The name or alias to insert. */
  readonly text: string;
  readonly official: Official;
  readonly isAlias: boolean;
}

export interface FigureChoice {
  readonly rate: number;
  readonly tariff: Tariff;
  /** The latest step of the tariff with this rate. */
  readonly step: TariffStep;
}

/** `145%`, `7.5%` at the end of `lineBefore`, not part of a word (`v1%`) or of a larger number (`1,14%`). */
export function typedFigure(lineBefore: string): TypedFigure | undefined {
  const match = /(\d+(?:\.\d+)?)%$/.exec(lineBefore);
  if (!match) return undefined;
  const before = lineBefore[match.index - 1];
  // Part of a word (`v1`), of a larger number (`1,14`) or of a date or time (`2025-04-10`, `10:30`).
  if (before !== undefined && /[\p{L}\p{N}.,\-/:]/u.test(before)) return undefined;
  return { start: match.index, digits: match[1]! };
}

/**
 * The word before the cursor: letters, combining marks and the apostrophes, dots and hyphens inside
 * names; empty after a space or punctuation; undefined right after a digit or a word that cannot be a name.
 */
export function typedWord(lineBefore: string): TypedWord | undefined {
  const match = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u.exec(lineBefore);
  if (match) return { start: match.index, text: match[0] };
  return /[\p{L}\p{N}\p{M}]$/u.test(lineBefore) ? undefined : { start: lineBefore.length, text: '' };
}

/**
 * Names are offered after a capital letter, and on request (nothing typed yet), but not while typing
 * ordinary lower-case words, so prose is not interrupted by a list of officials.
 */
export function offersNames(word: TypedWord): boolean {
  if (word.text === '') return true;
  const first = word.text[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Every official's name and aliases, name first. */
export function nameChoices(knowledge: Knowledge): NameChoice[] {
  return [...knowledge.officials.values()].flatMap((official) => [
    { text: official.name, official, isAlias: false },
    ...official.aliases.map((alias) => ({ text: alias, official, isAlias: true })),
  ]);
}

/**
 * Where a chosen name should start replacing text: the earliest word start in `lineBefore` from which
 * the typed text is the beginning of `name` (ignoring case, diacritics and spacing), so choosing
 * "Scott Bessent" after typing "Scott Be" replaces both words; otherwise the current word.
 */
export function nameReplacementStart(lineBefore: string, name: string, word: TypedWord): number {
  const wanted = normalise(name);
  const earliest = Math.max(0, lineBefore.length - name.length - 2);
  for (let start = earliest; start < word.start; start++) {
    const isWordStart = start === 0 || /\s/.test(lineBefore[start - 1]!);
    if (isWordStart && !/\s/.test(lineBefore[start]!) && wanted.startsWith(normalise(lineBefore.slice(start))))
      return start;
  }
  return word.start;
}

/** Rates of known tariffs that start with the typed digits, one choice per tariff and rate, lowest rate first. */
export function figureChoices(knowledge: Knowledge, digits: string): FigureChoice[] {
  const choices: FigureChoice[] = [];
  for (const tariff of knowledge.tariffs.values()) {
    const latestByRate: TariffStep[] = [];
    for (const step of tariff.history) {
      const index = latestByRate.findIndex((seen) => sameRate(seen.rate, step.rate));
      if (index >= 0) latestByRate[index] = step;
      else latestByRate.push(step);
    }
    for (const step of latestByRate) {
      if (writtenRate(step.rate).startsWith(digits)) choices.push({ rate: step.rate, tariff, step });
    }
  }
  return choices.sort((a, b) => a.rate - b.rate);
}

function normalise(text: string): string {
  return foldText(text).replace(/\s+/g, ' ');
}
