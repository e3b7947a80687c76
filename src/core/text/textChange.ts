import type { TextEdit } from '../matching/mentionIndex';

/**
 * The one replacement that turns `before` into `after`: their common start and end are kept, what lies
 * between is replaced; undefined when they are equal. Native comparisons of halving lengths keep it fast
 * for notes of megabytes.
 */
export function changeBetween(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  const prefix = longestCommon(limit, (length) => after.startsWith(before.slice(0, length)));
  const suffix = longestCommon(limit - prefix, (length) => after.endsWith(before.slice(before.length - length)));
  return { start: prefix, oldLength: before.length - prefix - suffix, newLength: after.length - prefix - suffix };
}

/** The largest length from 0 to `limit` for which `holds` (which holds for all lengths up to it). */
function longestCommon(limit: number, holds: (length: number) => boolean): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (holds(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
