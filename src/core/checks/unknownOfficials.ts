import type { Knowledge } from '../knowledge/knowledge';
import { t } from '../l10n/l10n';
import { foldText } from '../matching/characters';
import { firstEndingAfter } from '../matching/findMention';
import type { Mention } from '../matching/mention';
import type { NoteFinding } from './noteFinding';

/** A capitalised name right after a known title, which no official of the knowledge matches. */
export interface TitledName {
  readonly title: string;
  readonly name: string;
  /** The title's start. */
  readonly titleStart: number;
  /** The name's span, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** The rule of {@link findUnknownOfficials}. */
export const UNKNOWN_OFFICIAL = 'unknown-official';

/**
 * Longer notes are not checked: looking for titled names reads the whole note at once (about 0.1 s per
 * MB of news text here), and a pasted report should not cost a scan the moment it opens.
 */
export const MAX_CHECKED_NOTE_LENGTH = 1_000_000;

/**
 * The titles of each knowledge, found once: a knowledge never changes once merged, and reading the
 * aliases of thousands of officials for every note costs the command line seconds over a repository.
 */
const titlesOf = new WeakMap<Knowledge, string[]>();

/** A hint on a titled name the knowledge lacks, with what a quick fix needs to add it. */
export interface UnknownOfficialFinding extends NoteFinding, TitledName {}

/**
 * Hints on capitalised names right after a known title ("Commerce Minister Zhang") that no official of
 * the knowledge matches: likely officials missing from it. `mentions` must be the text's mentions.
 */
export function findUnknownOfficials(
  text: string,
  mentions: readonly Mention[],
  knowledge: Knowledge,
): UnknownOfficialFinding[] {
  if (text.length > MAX_CHECKED_NOTE_LENGTH) return [];
  let titles = titlesOf.get(knowledge);
  if (!titles) titlesOf.set(knowledge, (titles = knownTitles(knowledge)));
  return findTitledNames(text, mentions, titles).map((found) => ({
    ...found,
    code: UNKNOWN_OFFICIAL,
    severity: 'hint',
    message: t("'{0}' after '{1}' looks like an official the knowledge does not have yet.", found.name, found.title),
  }));
}

/** Titles that come before names in news writing about trade; the knowledge's aliases add more. */
export const COMMON_TITLES: readonly string[] = [
  'Ambassador',
  'Chancellor',
  'Commissioner',
  'Director',
  'Envoy',
  'Governor',
  'Minister',
  'Negotiator',
  'Premier',
  'President',
  'Prime Minister',
  'Representative',
  'Secretary',
  'Senator',
  'Special Envoy',
  'Trade Representative',
  'Vice Minister',
  'Vice Premier',
  'Vice President',
];

/** Capitalised words that follow a title without being a name ("Secretary General", "Minister Said"). */
const NOT_NAMES = new Set([
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'general',
  'had',
  'has',
  'in',
  'is',
  'met',
  'of',
  'on',
  'or',
  'said',
  'says',
  'the',
  'to',
  'told',
  'was',
  'will',
  'with',
]);

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
const GAP = String.raw`[ \t\u00a0]+`;

/**
 * The common titles plus the title parts of the knowledge's aliases: "Treasury Secretary" from
 * "Treasury Secretary Bessent", "Commerce Minister" from "Commerce Minister Wang Wentao".
 */
export function knownTitles(knowledge: Knowledge): string[] {
  const titles = new Set(COMMON_TITLES);
  for (const official of knowledge.officials.values()) {
    const nameWords = new Set(official.name.split(/\s+/).map(foldText));
    for (const alias of official.aliases) {
      const words = alias.split(/\s+/);
      const nameAt = words.findIndex((word) => nameWords.has(foldText(word)));
      const title = words.slice(0, nameAt).join(' ');
      if (nameAt > 0 && /^\p{Lu}/u.test(title)) titles.add(title);
    }
  }
  return [...titles];
}

/**
 * Names written right after a title ("Commerce Minister Zhang Wei") that are not mentions of a known
 * official or country: likely officials missing from the knowledge. `mentions` must be the text's mentions.
 */
export function findTitledNames(text: string, mentions: readonly Mention[], titles: readonly string[]): TitledName[] {
  if (titles.length === 0) return [];
  const alternatives = [...titles]
    .sort((a, b) => b.length - a.length)
    .map((title) => title.split(/\s+/).map(escapeRegExp).join(GAP));
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}\p{M}])(${alternatives.join('|')})${GAP}(${NAME_WORD}(?:${GAP}${NAME_WORD}){0,2})(?![\p{L}\p{N}\p{M}])`,
    'gu',
  );
  const titleWords = new Set(titles.flatMap((title) => title.split(/\s+/)));
  const found: TitledName[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const titleStart = match.index;
    const nameStart = titleStart + match[0].length - match[2]!.length;
    const name = nameOnly(match[2]!, titleWords);
    if (name === '') {
      // "President Ambassador Li": the next title may start where this name would have.
      pattern.lastIndex = nameStart;
      continue;
    }
    const end = nameStart + name.length;
    // "Treasury Secretary Bessent" is an official's alias; "Chinese President …" starts with a country.
    let known = false;
    for (
      let k = firstEndingAfter(mentions, titleStart);
      k < mentions.length && mentions[k]!.start < end && !known;
      k++
    ) {
      const m = mentions[k]!;
      known = m.end > (m.kind === 'official' ? titleStart : nameStart);
    }
    if (!known) found.push({ title: match[1]!.replace(/\s+/g, ' '), name, titleStart, start: nameStart, end });
  }
  return found;
}

/** The name words up to the first word that is not part of a name, without a possessive `'s`. */
function nameOnly(words: string, titleWords: ReadonlySet<string>): string {
  const kept: string[] = [];
  const parts = words.split(/([ \t\u00a0]+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!.replace(/['’]s?$/, '');
    if (NOT_NAMES.has(word.toLowerCase()) || titleWords.has(word)) break;
    if (kept.length > 0) kept.push(parts[i - 1]!);
    kept.push(word);
    if (word !== parts[i]) break;
  }
  return kept.join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
