/**
 * Per-UTF-16-code-unit facts the matcher needs, computed lazily once per code unit and cached in one
 * flat typed array, so the scan loop does a single array read per character and no string work.
 */

/** WORD and not UNSPACED: a character that continues the word before it. Bit 0, so that the scan loop reads it with one mask. */
export const WORD_PART = 1;
/**
 * A character the scan loop steps over without a branch: known (see {@link charInfoTable}), and a
 * plain letter (WORD_PART) or plain punctuation, space or line break. Not: digits, marks, scripts
 * without spaces.
 */
export const PLAIN = 2;
export const WORD = 4; // letters, digits, combining marks: a character that continues a word
export const SPACE = 16; // white space other than line breaks (incl. no-break space)
export const LINE_BREAK = 32; // \n, \r, U+2028, U+2029
export const UNSPACED = 64; // scripts written without spaces (Han, Kana): each character is a word of its own
export const MARK = 128; // combining mark: part of a word, ignored when comparing
export const DIGIT = 256; // ASCII digit
export const LOWER = 512; // has an upper-case form different from itself
/** WORD and not MARK: a character a word can start with. */
export const WORD_START = 1024;

const KNOWN = 2048;
const FLAG_BITS = 0xffff;

/**
 * For each code unit, `(folded << 16) | flags | KNOWN`; 0 = not computed yet. The folded form is
 * lower case without diacritics (`Š` → `s`); marks fold to themselves.
 */
const table = new Int32Array(65536);

/**
 * The table itself, for the scan loop, which reads it directly: a character it holds 0 for (not seen
 * yet) lacks PLAIN, so the loop leaves it to {@link charInfo}, which fills the entry.
 */
export const charInfoTable: Readonly<Int32Array> = table;

const letterOrNumber = /[\p{L}\p{N}]/u;
const combiningMark = /\p{M}/u;
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30FC]/u;
const whiteSpace = /\s/u;

function computeFlags(code: number): number {
  let flags = KNOWN;
  if (code >= 0xd800 && code <= 0xdfff) return flags | PLAIN; // lone halves of astral characters: never part of a name
  const ch = String.fromCharCode(code);
  if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) flags |= LINE_BREAK;
  else if (whiteSpace.test(ch)) flags |= SPACE;
  else if (combiningMark.test(ch)) flags |= WORD | MARK | WORD_PART;
  else if (letterOrNumber.test(ch)) {
    flags |= WORD | WORD_START;
    if (unspaced.test(ch)) flags |= UNSPACED;
    else flags |= WORD_PART;
    if (ch.toLowerCase() === ch && ch.toUpperCase() !== ch) flags |= LOWER;
    if (code >= 48 && code <= 57) flags |= DIGIT;
  }
  if (!(flags & (MARK | UNSPACED | DIGIT))) flags |= PLAIN;
  return flags;
}

function computeFold(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
  const lower = String.fromCharCode(base).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : base;
}

/**
 * Flags and folded form of a code unit in one number: `info & FLAG_BITS`-style tests on the flags
 * above, and {@link foldedOf} for the folded code unit. The scan loop's single lookup.
 */
export function charInfo(code: number): number {
  const cached = table[code]!;
  if (cached !== 0) return cached;
  const info = (computeFold(code) << 16) | computeFlags(code);
  table[code] = info;
  return info;
}

export function foldedOf(info: number): number {
  return info >>> 16;
}

export function charFlags(code: number): number {
  return charInfo(code) & FLAG_BITS;
}

/** Lower case without diacritics: `Š` → `s`, `É` → `e`. One code unit in, one out (marks map to themselves). */
export function foldChar(code: number): number {
  return charInfo(code) >>> 16;
}

/** Folds a whole string the way the matcher compares words (marks dropped). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (charFlags(code) & MARK) continue;
    out += String.fromCharCode(foldChar(code));
  }
  return out;
}
