import { charFlags, foldChar, MARK, SPACE, LINE_BREAK, UNSPACED, WORD } from './characters';

export type PatternTarget =
  { readonly kind: 'official'; readonly id: string } | { readonly kind: 'country'; readonly code: string };

/**
 * A name or alias compiled for matching: folded words and what must stand between them.
 * A gap is a folded literal in which ' ' stands for "a run of white space with at most one line break";
 * '' joins characters of scripts written without spaces.
 */
export interface NamePattern {
  readonly text: string;
  readonly words: readonly string[];
  readonly gaps: readonly string[];
  /** Punctuation that ends the name, e.g. the last '.' of `U.S.`. */
  readonly trailing: string;
  /** Single-word names only match Capitalized or ALL CAPS text, so ordinary words are never cards. */
  readonly singleWord: boolean;
  /** A single word written in capitals (`US`, `PRC`) only matches capitals, so `Us` and `us` are not the US. */
  readonly acronym: boolean;
  readonly target: PatternTarget;
  /** Hash of the first word, the key the scanner looks it up by (see {@link hashWord}). */
  readonly firstWordHash: number;
}

/** The English pronoun is never a mention, even where it is someone's surname. */
const NEVER_ALONE = new Set(['he']);

/** The bits {@link hashStep} keeps. */
export const HASH_BITS = 0x3fffffff;

/**
 * One step of the folded-word hash. Kept to 30 bits so that it is always a small integer to V8: larger
 * values are boxed as heap numbers, which costs an allocation per word.
 */
export function hashStep(hash: number, folded: number): number {
  return (Math.imul(hash, 31) + folded) & HASH_BITS;
}

export function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** Compiles a name; undefined when nothing matchable is left (empty, only punctuation, or a bare "He"). */
export function compileName(text: string, target: PatternTarget): NamePattern | undefined {
  const words: string[] = [];
  const gaps: string[] = [];
  let word = '';
  let gap = '';
  const flush = (): void => {
    if (word === '') return;
    if (words.length > 0) gaps.push(gap);
    words.push(word);
    word = '';
    gap = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const flags = charFlags(code);
    if (flags & UNSPACED) {
      flush();
      word = String.fromCharCode(foldChar(code));
      flush();
    } else if (flags & WORD) {
      if (flags & MARK) continue;
      word += String.fromCharCode(foldChar(code));
    } else {
      flush();
      if (words.length === 0) continue; // leading punctuation or space is not part of a name
      if (flags & (SPACE | LINE_BREAK)) {
        if (!gap.endsWith(' ')) gap += ' ';
      } else {
        gap += String.fromCharCode(foldChar(code));
      }
    }
  }
  flush();
  if (words.length === 0) return undefined;
  const trailing = gap.trimEnd();
  const singleWord = words.length === 1;
  if (singleWord && NEVER_ALONE.has(words[0]!)) return undefined;
  const acronym = singleWord && words[0]!.length > 1 && text.toUpperCase() === text && text.toLowerCase() !== text;
  return { text, words, gaps, trailing, singleWord, acronym, target, firstWordHash: hashWord(words[0]!) };
}

/** Total folded length, so longer names are tried first. */
export function patternLength(pattern: NamePattern): number {
  let length = pattern.trailing.length;
  for (const w of pattern.words) length += w.length;
  for (const g of pattern.gaps) length += g.length;
  return length;
}
