import type { TextEdit } from '../matching/mentionIndex';

/** Characters compared at once: native string equality on blocks, characters one by one only in the last block. */
const BLOCK = 4096;

/**
 * The one replacement that turns `before` into `after`: their common start and end are kept, what lies
 * between is replaced; undefined when they are equal. Linear, comparing blocks natively, so a note of
 * megabytes costs well under a millisecond.
 */
export function changeBetween(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= limit && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) {
    prefix += BLOCK;
  }
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const rest = limit - prefix;
  let suffix = 0;
  while (
    suffix + BLOCK <= rest &&
    before.slice(before.length - suffix - BLOCK, before.length - suffix) ===
      after.slice(after.length - suffix - BLOCK, after.length - suffix)
  ) {
    suffix += BLOCK;
  }
  while (
    suffix < rest &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, oldLength: before.length - prefix - suffix, newLength: after.length - prefix - suffix };
}
