import type { Span } from '../text/span';
import type { Mention } from './mention';

/**
 * The mention under `offset` in a sorted, non-overlapping list, by binary search.
 * A mention covers [start, end]; its end counts too, so a cursor right after a name still finds it.
 */
export function findMentionAt<M extends Mention>(mentions: readonly M[], offset: number): M | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid]!;
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else return m;
  }
  // No mention contains the offset; one may end exactly there.
  const before = mentions[hi];
  return before && before.end === offset ? before : undefined;
}

/** In a sorted, non-overlapping list (ends are sorted too), the first item starting at or after `offset`, looking at [0, upTo). */
export function firstStartingAtOrAfter(list: readonly Span[], offset: number, upTo = list.length): number {
  let lo = 0;
  let hi = upTo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In a sorted, non-overlapping list, the first item ending after `offset`. */
export function firstEndingAfter(list: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
