import { runSteps, type Steps } from '../scheduling/steps';
import { charInfo, charInfoTable, foldedOf, LOWER, MARK, WORD_PART, WORD_START } from './characters';
import { hashStep, hashWord, patternLength, type NamePattern } from './namePatterns';
import { matchGap, withPossessive } from './patternMatching';

/** The first-word filter: 2^20 bits, few false positives with 100,000 first words, small enough to stay in the CPU cache. */
const FIRST_WORD_FILTER_WORDS = 1 << 15;
/** Masks a hash shifted right by 5 to a word of the filter. */
export const FIRST_WORD_FILTER_MASK = FIRST_WORD_FILTER_WORDS - 1;

/** No node, gap or name; also the parent and the gap of the first words of names. */
const NONE = -1;

// A node is a slot of the open-addressing table `nodes`, found by its key (parent node, gap, hash of
// its word) and holding everything a walk needs in one 64-byte slot, the name that ends there included
// when there is one (most nodes): one read of memory per word.
const SLOT = 16;
const PARENT = 0;
const GAP = 1;
const HASH = 2;
/** Its word's length; 0 marks an empty slot (words are never empty). */
const WORD_LENGTH = 3;
/**
 * The gaps after which words may follow: NONE; the only one (most nodes have one, ' '); or, for
 * several, SEVERAL_GAPS minus their offset in `moreGaps`, where their count comes first.
 */
const GAPS = 4;
const SEVERAL_GAPS = -2;
/**
 * The names that end at the node: 0 for none; the RULES of the only one, its other fields in
 * NAME_LENGTH, NAME_INDEX and NAME_TAG; or, for several, ~(their first record in `patterns`).
 */
const NAMES = 5;
const NAME_LENGTH = 6;
const NAME_INDEX = 7;
const NAME_TAG = 8;
/** The word, folded: two characters per number, or (when longer than INLINE_CHARS) its offset in `chars`. */
const WORD = 9;
const INLINE_CHARS = (SLOT - WORD) * 2;

// The names of nodes that have several are records of PATTERN numbers in `patterns`, each node's
// together, the last flagged LAST_NAME. Names are tried longest first (folded LENGTH), then officials
// before countries (RULES), then in the order added (INDEX).
const PATTERN = 4;
const LENGTH = 0;
const INDEX = 1;
/** Its flags, and its trailing punctuation (an index into `gaps`, or NONE) + 1 from bit TRAILING_SHIFT on. */
const RULES = 2;
/** The number it was added with. */
const TAG = 3;

const SINGLE_WORD = 1;
const ACRONYM = 2;
const COUNTRY_NAME = 4;
/** Set on the last name of a node, so a node's only name has RULES above 0. */
const LAST_NAME = 8;
const TRAILING_SHIFT = 4;

/** A slot of the builder's key table: parent, gap, hash, first node + 1 (0: empty). */
const KEY = 4;

/** Nodes placed between two chances to pause when the trie is built in steps: a few ms of work. */
const NODES_PER_STEP = 4096;
/** Numbers of the node table first touched in one step: 1 MB. */
const TOUCHED_PER_STEP = 1 << 18;

/** The tables of a trie, as {@link NameTrieBuilder.buildSteps} places the nodes (see {@link NameTrie} for their layout). */
interface TrieTables {
  readonly firstWords: Uint32Array;
  readonly gaps: readonly string[];
  readonly nodes: Int32Array;
  /** The node table has 2^nodeBits slots. */
  readonly nodeBits: number;
  readonly chars: Uint16Array;
  readonly moreGaps: Int32Array;
  readonly patterns: Int32Array;
}

/**
 * All names by their folded words, one word per level, so a scan reads each word of the text once and
 * looks up the word n-grams it reads instead of trying every name that shares a first word (10,000
 * names share a few first words such as titles and given names).
 *
 * Everything lives in flat typed arrays of fixed-size records: a note mentions thousands of different
 * names, each in a different corner of the knowledge, and a walk through objects and maps costs a
 * cache miss per object (a dozen per mention), which took longer than reading the whole note. Here a
 * word costs one table slot, which holds the node with its word and, when just one name ends there
 * (most nodes), that name; nodes where several end keep them as records of their own.
 *
 * Words are compared exactly (folded, marks skipped), so a path through the trie is a match of the
 * words and the gaps between them by the rules of `matchPattern`; what is left to check per name is
 * its case rule and its trailing punctuation. The equivalence tests hold the result to `matchPattern`
 * tried for every name at every word.
 */
export class NameTrie {
  /**
   * A bit per first-word hash (modulo its size) that some name starts with. Most words of a note start
   * no name; this answers that with one array read, where a table probe costs several times as much.
   */
  readonly firstWords: Uint32Array;
  /** Where the match found by the last {@link longestAt} ends, possessive included, and the tag of its name. */
  matchEnd = 0;
  matchTag = 0;

  private readonly nodes: Int32Array;
  private readonly nodeMask: number;
  private readonly nodeShift: number;
  /** Words longer than INLINE_CHARS. */
  private readonly chars: Uint16Array;
  private readonly moreGaps: Int32Array;
  /** The distinct gap literals and trailing punctuation of all names (a few: ' ', '-', '.', …). */
  private readonly gaps: readonly string[];
  /** Name records of the nodes that have several, each node's together. */
  private readonly patterns: Int32Array;

  // The walk's state: the best name so far, and the word the names start with.
  private bestIndex = NONE;
  private bestLength = 0;
  private bestRules = 0;
  private bestTag = 0;
  private bestEnd = 0;
  private firstInfo = 0;
  private firstStart = 0;
  private firstEnd = 0;

  /** Use {@link NameTrieBuilder}. */
  constructor(tables: TrieTables) {
    this.firstWords = tables.firstWords;
    this.gaps = tables.gaps;
    this.nodes = tables.nodes;
    this.nodeMask = (1 << tables.nodeBits) - 1;
    this.nodeShift = 32 - tables.nodeBits;
    this.chars = tables.chars;
    this.moreGaps = tables.moreGaps;
    this.patterns = tables.patterns;
  }

  /** False when no name starts with a word of this folded hash; true when one may. */
  mayStart(firstWordHash: number): boolean {
    return ((this.firstWords[(firstWordHash >>> 5) & FIRST_WORD_FILTER_MASK]! >>> (firstWordHash & 31)) & 1) !== 0;
  }

  /**
   * The name that matches at the word [start, end) of `text` (folded hash `hash`), first in the order
   * of the rules (longest, then officials, then as added): its index in the order added, with
   * {@link matchEnd} and {@link matchTag} set; or -1 when none matches.
   */
  longestAt(text: string, start: number, end: number, hash: number): number {
    this.bestIndex = NONE;
    this.bestLength = -1;
    this.firstInfo = charInfo(text.charCodeAt(start)) | 0;
    this.firstStart = start;
    this.firstEnd = end;
    const node = this.find(NONE, NONE, hash, text, start, end);
    if (node !== NONE) this.walk(text, node, end);
    if (this.bestIndex === NONE) return NONE;
    this.matchEnd = withPossessive(text, this.bestEnd);
    this.matchTag = this.bestTag;
    return this.bestIndex;
  }

  /** Tries the names that end at `node` (the text matched up to `at`), then follows each gap that matches. */
  private walk(text: string, node: number, at: number): void {
    const nodes = this.nodes;
    const slot = node * SLOT;
    const names = nodes[slot + NAMES]!;
    if (names > 0) {
      this.tryName(text, at, nodes[slot + NAME_LENGTH]!, nodes[slot + NAME_INDEX]!, names, nodes[slot + NAME_TAG]!);
    } else if (names < 0) {
      const patterns = this.patterns;
      for (let fields = ~names * PATTERN; ; fields += PATTERN) {
        const rules = patterns[fields + RULES]!;
        this.tryName(text, at, patterns[fields + LENGTH]!, patterns[fields + INDEX]!, rules, patterns[fields + TAG]!);
        if ((rules & LAST_NAME) !== 0) break;
      }
    }
    const gaps = nodes[slot + GAPS]!;
    if (gaps >= 0) {
      this.follow(text, node, at, gaps);
    } else if (gaps !== NONE) {
      const offset = SEVERAL_GAPS - gaps;
      const count = this.moreGaps[offset]!;
      for (let k = 1; k <= count; k++) this.follow(text, node, at, this.moreGaps[offset + k]!);
    }
  }

  /** Makes the name (its fields) the best so far if it matches up to `at` and comes before the best. */
  private tryName(text: string, at: number, length: number, index: number, rules: number, tag: number): void {
    if (length < this.bestLength || (length === this.bestLength && !this.breaksTie(rules, index))) return;
    // Single words only Capitalized or ALL CAPS; an acronym only in capitals.
    if ((rules & SINGLE_WORD) !== 0 && (this.firstInfo & LOWER) !== 0) return;
    if ((rules & ACRONYM) !== 0 && hasLowerCase(text, this.firstStart, this.firstEnd)) return;
    const trailing = (rules >> TRAILING_SHIFT) - 1;
    const end = trailing === NONE ? at : matchGap(text, at, this.gaps[trailing]!);
    if (end < 0) return;
    this.bestIndex = index;
    this.bestLength = length;
    this.bestRules = rules;
    this.bestTag = tag;
    this.bestEnd = end;
  }

  /** Walks on from `node` (the text matched up to `at`) if `gap` and then a word of a child follow. */
  private follow(text: string, node: number, at: number, gap: number): void {
    const wordStart = matchGap(text, at, this.gaps[gap]!);
    if (wordStart < 0) return;
    const wordEnd = readWord(text, wordStart);
    if (wordEnd < 0) return;
    const next = this.find(node, gap, lastWordHash, text, wordStart, wordEnd);
    if (next !== NONE) this.walk(text, next, wordEnd);
  }

  /** Whether a name as long as the best so far comes before it: an official before a country, then the one added first. */
  private breaksTie(rules: number, index: number): boolean {
    const country = rules & COUNTRY_NAME;
    const bestCountry = this.bestRules & COUNTRY_NAME;
    return country !== bestCountry ? country === 0 : index < this.bestIndex;
  }

  /** The node reached from `parent` after `gap` by the word [start, end) of `text`, of folded hash `hash`; or NONE. */
  private find(parent: number, gap: number, hash: number, text: string, start: number, end: number): number {
    const nodes = this.nodes;
    let slot = slotOf(parent, gap, hash) >>> this.nodeShift;
    for (;;) {
      const at = slot * SLOT;
      const length = nodes[at + WORD_LENGTH]!;
      if (length === 0) return NONE;
      // Different words with the same key (a hash collision) each have a slot: keep probing.
      if (
        nodes[at + HASH] === hash &&
        nodes[at + PARENT] === parent &&
        nodes[at + GAP] === gap &&
        this.sameWord(text, start, end, at, length)
      )
        return slot;
      slot = (slot + 1) & this.nodeMask;
    }
  }

  /** Whether the word [start, end) of `text`, folded and without its marks, is the word of the node at `at`. */
  private sameWord(text: string, start: number, end: number, at: number, length: number): boolean {
    const nodes = this.nodes;
    const chars = this.chars;
    const inline = length <= INLINE_CHARS;
    const offset = nodes[at + WORD]!;
    let k = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      let info = charInfoTable[code]!;
      if (info === 0) info = charInfo(code) | 0;
      // Words never start with a mark: the scanner and readWord begin them elsewhere.
      if ((info & MARK) !== 0 && i > start) continue;
      if (k === length) return false;
      const expected = inline ? (nodes[at + WORD + (k >> 1)]! >>> ((k & 1) * 16)) & 0xffff : chars[offset + k]!;
      if (foldedOf(info) !== expected) return false;
      k++;
    }
    return k === length;
  }
}

/**
 * Collects the names one by one (so that their compiled forms need not all be kept), then makes the
 * trie. Names are numbered in the order added; that order breaks ties.
 */
export class NameTrieBuilder {
  private readonly firstWords = new Uint32Array(FIRST_WORD_FILTER_WORDS);
  private readonly nodeWord: string[] = [];
  private readonly nodeParent = new IntList();
  private readonly nodeGap = new IntList();
  private readonly nodeHash = new IntList();
  // Each node's gaps and names, as linked lists (no array per node while building).
  private readonly nodeFirstGapLink = new IntList();
  private readonly gapLinkGap: number[] = [];
  private readonly gapLinkNext: number[] = [];
  private readonly nodeFirstPattern = new IntList();
  private readonly patternNext = new IntList();
  /** The names' records (see PATTERN), in the order added. */
  private readonly names = new IntList();
  private readonly gapList: string[] = [];
  private readonly gapIndexes = new Map<string, number>();
  /** The next node with the same key (parent, gap, hash): different words, one hash. */
  private readonly nodeNextSameKey = new IntList();
  /** Key → first node with it, open addressing in slots of KEY numbers (parent, gap, hash, node + 1). */
  private keys = new Int32Array(16 * KEY);
  private keyMask = 15;
  private keyShift = 28;
  private keyCount = 0;

  /** Adds a name, with a number the trie gives back when it matches; its index is the count of names added before it. */
  add(name: NamePattern, tag: number): void {
    const index = this.patternNext.length;
    const { words, gaps } = name;
    const first = hashWord(words[0]!);
    this.firstWords[(first >>> 5) & FIRST_WORD_FILTER_MASK]! |= 1 << (first & 31);
    let node = this.child(NONE, NONE, words[0]!, first);
    for (let w = 1; w < words.length; w++)
      node = this.child(node, this.gapAfter(node, gaps[w - 1]!), words[w]!, hashWord(words[w]!));
    this.patternNext.push(this.nodeFirstPattern.at(node));
    this.nodeFirstPattern.set(node, index);
    const names = this.names;
    names.push(patternLength(name));
    names.push(index);
    const flags =
      (name.singleWord ? SINGLE_WORD : 0) |
      (name.acronym ? ACRONYM : 0) |
      (name.target.kind === 'country' ? COUNTRY_NAME : 0);
    const trailing = name.trailing === '' ? NONE : this.gapIndex(name.trailing);
    names.push(flags | ((trailing + 1) << TRAILING_SHIFT));
    names.push(tag);
  }

  /** The trie, made at once. */
  build(): NameTrie {
    return runSteps(this.buildSteps());
  }

  /**
   * The trie, made in steps of NODES_PER_STEP nodes placed (see {@link Steps}): with 100,000 names,
   * placing them all at once blocks for about 100 ms.
   */
  *buildSteps(): Steps<NameTrie> {
    const count = this.nodeWord.length;
    // At most half full, so that a miss ends after a probe or two.
    let nodeBits = 4;
    while (1 << nodeBits < count * 2) nodeBits++;
    const nodeMask = (1 << nodeBits) - 1;
    const nodeShift = 32 - nodeBits;
    const nodes = new Int32Array((1 << nodeBits) * SLOT);
    // The first touch of fresh memory costs about 3 ms per MB (page faults), and nodes placed at random
    // would touch all of the table (8 MB for 100,000 names) in the first step: touch it in steps first.
    for (let from = 0; from < nodes.length; from += TOUCHED_PER_STEP) {
      nodes.fill(0, from, from + TOUCHED_PER_STEP);
      yield;
    }
    const slotOfNode = new Int32Array(count);
    const chars: number[] = [];
    const moreGaps: number[] = [];
    const patterns = new Int32Array(this.names.length);
    let patternCount = 0;
    // Parents were made before their children, so their slots are known when the children are placed.
    for (let node = 0; node < count; node++) {
      if (node % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
      const parent = this.nodeParent.at(node);
      const parentSlot = parent === NONE ? NONE : slotOfNode[parent]!;
      const gap = this.nodeGap.at(node);
      const hash = this.nodeHash.at(node);
      let slot = slotOf(parentSlot, gap, hash) >>> nodeShift;
      while (nodes[slot * SLOT + WORD_LENGTH] !== 0) slot = (slot + 1) & nodeMask;
      slotOfNode[node] = slot;
      const at = slot * SLOT;
      nodes[at + PARENT] = parentSlot;
      nodes[at + GAP] = gap;
      nodes[at + HASH] = hash;
      const word = this.nodeWord[node]!;
      nodes[at + WORD_LENGTH] = word.length;
      if (word.length <= INLINE_CHARS) {
        for (let k = 0; k < word.length; k++) nodes[at + WORD + (k >> 1)]! |= word.charCodeAt(k) << ((k & 1) * 16);
      } else {
        nodes[at + WORD] = chars.length;
        for (let k = 0; k < word.length; k++) chars.push(word.charCodeAt(k));
      }
      const firstGapLink = this.nodeFirstGapLink.at(node);
      if (firstGapLink === NONE) {
        nodes[at + GAPS] = NONE;
      } else if (this.gapLinkNext[firstGapLink] === NONE) {
        nodes[at + GAPS] = this.gapLinkGap[firstGapLink]!;
      } else {
        nodes[at + GAPS] = SEVERAL_GAPS - moreGaps.length;
        const countAt = moreGaps.push(0) - 1;
        for (let link = firstGapLink; link !== NONE; link = this.gapLinkNext[link]!)
          moreGaps.push(this.gapLinkGap[link]!);
        moreGaps[countAt] = moreGaps.length - countAt - 1;
      }
      // With no names, NAMES stays 0.
      const firstName = this.nodeFirstPattern.at(node);
      if (firstName !== NONE && this.patternNext.at(firstName) === NONE) {
        const fields = firstName * PATTERN;
        nodes[at + NAMES] = this.names.at(fields + RULES) | LAST_NAME;
        nodes[at + NAME_LENGTH] = this.names.at(fields + LENGTH);
        nodes[at + NAME_INDEX] = this.names.at(fields + INDEX);
        nodes[at + NAME_TAG] = this.names.at(fields + TAG);
      } else if (firstName !== NONE) {
        nodes[at + NAMES] = ~patternCount;
        for (let index = firstName; index !== NONE; index = this.patternNext.at(index)) {
          for (let field = 0; field < PATTERN; field++)
            patterns[patternCount * PATTERN + field] = this.names.at(index * PATTERN + field);
          patternCount++;
        }
        patterns[(patternCount - 1) * PATTERN + RULES]! |= LAST_NAME;
      }
    }
    return new NameTrie({
      firstWords: this.firstWords,
      gaps: this.gapList,
      nodes,
      nodeBits,
      chars: Uint16Array.from(chars),
      moreGaps: Int32Array.from(moreGaps),
      patterns: patterns.slice(0, patternCount * PATTERN),
    });
  }

  /** The node reached from `parent` (NONE for first words) after `gap` by `word`, made if new. */
  private child(parent: number, gap: number, word: string, hash: number): number {
    const keys = this.keys;
    let slot = slotOf(parent, gap, hash) >>> this.keyShift;
    for (;;) {
      const at = slot * KEY;
      const first = keys[at + 3]! - 1;
      if (first === NONE) break;
      if (keys[at + 2] === hash && keys[at] === parent && keys[at + 1] === gap) {
        let node = first;
        for (;;) {
          if (this.nodeWord[node] === word) return node;
          const next = this.nodeNextSameKey.at(node);
          if (next === NONE) break;
          node = next;
        }
        const made = this.makeNode(parent, gap, word, hash);
        this.nodeNextSameKey.set(node, made);
        return made;
      }
      slot = (slot + 1) & this.keyMask;
    }
    const made = this.makeNode(parent, gap, word, hash);
    this.insertKey(parent, gap, hash, made);
    if (++this.keyCount * 2 > this.keyMask + 1) this.growKeys();
    return made;
  }

  private makeNode(parent: number, gap: number, word: string, hash: number): number {
    this.nodeWord.push(word);
    this.nodeParent.push(parent);
    this.nodeGap.push(gap);
    this.nodeHash.push(hash);
    this.nodeFirstGapLink.push(NONE);
    this.nodeFirstPattern.push(NONE);
    this.nodeNextSameKey.push(NONE);
    return this.nodeWord.length - 1;
  }

  private insertKey(parent: number, gap: number, hash: number, node: number): void {
    let slot = slotOf(parent, gap, hash) >>> this.keyShift;
    while (this.keys[slot * KEY + 3] !== 0) slot = (slot + 1) & this.keyMask;
    const at = slot * KEY;
    this.keys[at] = parent;
    this.keys[at + 1] = gap;
    this.keys[at + 2] = hash;
    this.keys[at + 3] = node + 1;
  }

  /** Doubles the key table, so that it stays at most half full. */
  private growKeys(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2);
    this.keyMask = this.keyMask * 2 + 1;
    this.keyShift--;
    for (let at = 0; at < old.length; at += KEY) {
      if (old[at + 3] !== 0) this.insertKey(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]! - 1);
    }
  }

  /** The index of `gap`, recorded as one of `node`'s gaps. */
  private gapAfter(node: number, gap: string): number {
    const index = this.gapIndex(gap);
    for (let link = this.nodeFirstGapLink.at(node); link !== NONE; link = this.gapLinkNext[link]!)
      if (this.gapLinkGap[link] === index) return index;
    this.gapLinkGap.push(index);
    this.gapLinkNext.push(this.nodeFirstGapLink.at(node));
    this.nodeFirstGapLink.set(node, this.gapLinkGap.length - 1);
    return index;
  }

  private gapIndex(gap: string): number {
    let index = this.gapIndexes.get(gap);
    if (index === undefined) {
      index = this.gapList.length;
      this.gapList.push(gap);
      this.gapIndexes.set(gap, index);
    }
    return index;
  }
}

/**
 * A growing list of 32-bit integers. The builder grows a dozen lists of one number per node or per
 * name together; growing JS arrays of 50,000 numbers took milliseconds each (a new backing store on
 * the collected heap), 20-40 ms at once in the middle of a build step. A typed array doubles with one copy.
 */
class IntList {
  private items = new Int32Array(64);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }

  set(index: number, value: number): void {
    this.items[index] = value;
  }
}

/** Spreads a key over the table: the top bits of the result are the slot. */
function slotOf(parent: number, gap: number, hash: number): number {
  return Math.imul(hash ^ Math.imul(parent + 2, 0x9e3779b1) ^ Math.imul(gap + 2, 0x7feb352d), 0x85ebca6b);
}

function hasLowerCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (charInfo(text.charCodeAt(k)) & LOWER) return true;
  return false;
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
  const info = charInfo(text.charCodeAt(at)) | 0;
  if (info & MARK) return -1;
  let hash = hashStep(0, foldedOf(info));
  let i = at + 1;
  if ((info & WORD_START) !== 0 && (info & WORD_PART) !== 0) {
    while (i < text.length) {
      const next = charInfo(text.charCodeAt(i)) | 0;
      if ((next & WORD_PART) === 0) break;
      if ((next & MARK) === 0) hash = hashStep(hash, foldedOf(next));
      i++;
    }
  }
  lastWordHash = hash;
  return i;
}
