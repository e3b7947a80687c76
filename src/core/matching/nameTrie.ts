import { charInfo, foldedOf, MARK, WORD_PART, WORD_START } from './characters';
import { hashStep, hashWord, patternLength, type NamePattern, type PatternTarget } from './namePatterns';
import { matchGap } from './patternMatching';

/** 2^20 bits: few false positives with 100,000 first words, and small enough to stay in the CPU cache. */
const FIRST_WORD_FILTER_BYTES = 1 << 17;

/** A pattern with its place in the order candidates are tried: longest first, officials before countries, then definition order. */
export interface RankedPattern {
  readonly pattern: NamePattern;
  readonly priority: number;
}

interface TrieNode {
  /** Patterns whose words have all been seen when this node is reached. */
  readonly patterns: RankedPattern[];
  /** The words that may come next, grouped by the gap literal before them (usually just ' '). */
  readonly next: { readonly gap: string; readonly words: Map<number, TrieNode> }[];
}

/**
 * All names by their folded words, one word per level, so a scan looks up the word n-grams it reads
 * instead of trying every name that shares a first word (10,000 names share a few first words such as
 * titles and given names). Finding a candidate only narrows the search: each is still verified by the
 * exact matcher, in priority order, so hash collisions cannot change a result.
 */
export class NameTrie {
  private readonly roots = new Map<number, TrieNode>();
  /**
   * A bit per first-word hash (modulo its size) that some name starts with. Most words of a note start
   * no name; this answers that with one array read, where a Map lookup costs ten times as much.
   */
  readonly firstWords = new Uint8Array(FIRST_WORD_FILTER_BYTES);
  /** Reused by {@link candidatesAt}, which runs for every word that starts a name. */
  private readonly found: RankedPattern[] = [];

  constructor(patterns: readonly NamePattern[]) {
    // The order as one number (smaller first), so that no sort of all names is needed: only the few
    // candidates found at one place are ever sorted. Exact for up to 2^21 names of any length.
    patterns.forEach((pattern, order) => this.add({ pattern, priority: -patternLength(pattern) * 2 ** 22 + targetRank(pattern.target) * 2 ** 21 + order }));
  }

  /** False when no name starts with a word of this folded hash; true when one may. */
  mayStart(firstWordHash: number): boolean {
    return (this.firstWords[(firstWordHash >>> 3) & (FIRST_WORD_FILTER_BYTES - 1)]! & (1 << (firstWordHash & 7))) !== 0;
  }

  /**
   * The patterns that may match at a word of `text` starting a name (hash `firstWordHash`, ending at
   * `wordEnd`), best first. The array is reused by the next call.
   */
  candidatesAt(text: string, firstWordHash: number, wordEnd: number): readonly RankedPattern[] {
    const found = this.found;
    found.length = 0;
    const root = this.roots.get(firstWordHash);
    if (root) collect(text, root, wordEnd, found);
    if (found.length > 1) found.sort((a, b) => a.priority - b.priority);
    return found;
  }

  private add(ranked: RankedPattern): void {
    const { words, gaps } = ranked.pattern;
    const first = hashWord(words[0]!);
    this.firstWords[(first >>> 3) & (FIRST_WORD_FILTER_BYTES - 1)]! |= 1 << (first & 7);
    let node = child(this.roots, first);
    for (let w = 1; w < words.length; w++) {
      const gap = gaps[w - 1]!;
      let edge = node.next.find((e) => e.gap === gap);
      if (!edge) {
        edge = { gap, words: new Map() };
        node.next.push(edge);
      }
      node = child(edge.words, hashWord(words[w]!));
    }
    node.patterns.push(ranked);
  }
}

function child(nodes: Map<number, TrieNode>, hash: number): TrieNode {
  let node = nodes.get(hash);
  if (!node) {
    node = { patterns: [], next: [] };
    nodes.set(hash, node);
  }
  return node;
}

function targetRank(target: PatternTarget): number {
  return target.kind === 'official' ? 0 : 1;
}

/** Follows the text from a node: each gap that matches, then the word after it. */
function collect(text: string, node: TrieNode, at: number, found: RankedPattern[]): void {
  for (const ranked of node.patterns) found.push(ranked);
  for (const edge of node.next) {
    const wordStart = matchGap(text, at, edge.gap);
    if (wordStart < 0) continue;
    const wordEnd = readWord(text, wordStart);
    if (wordEnd < 0) continue;
    const child = edge.words.get(lastWordHash);
    if (child) collect(text, child, wordEnd, found);
  }
}

/** The folded hash of the word read by the last {@link readWord} (a module variable: no allocation per word). */
let lastWordHash = 0;

/**
 * Reads the word at `at` the way the scanner splits words (a run of word characters, or one character
 * of a script written without spaces); any other single character counts as a word too, so that no
 * name the exact matcher would accept is missed. Returns its end, or -1 at a combining mark or the end.
 */
function readWord(text: string, at: number): number {
  if (at >= text.length) return -1;
  const info = charInfo(text.charCodeAt(at));
  if (info & MARK) return -1;
  let hash = hashStep(0, foldedOf(info));
  let i = at + 1;
  if ((info & WORD_START) !== 0 && (info & WORD_PART) !== 0) {
    while (i < text.length) {
      const next = charInfo(text.charCodeAt(i));
      if ((next & WORD_PART) === 0) break;
      if ((next & MARK) === 0) hash = hashStep(hash, foldedOf(next));
      i++;
    }
  }
  lastWordHash = hash;
  return i;
}
