import { runSteps, runStepsInSlices, type Steps } from '../scheduling/steps';
import type { TimeSlices } from '../scheduling/timeSlices';
import { charFlags, LINE_BREAK, SPACE } from './characters';
import { RANKING_REACH } from './figureRanking';
import { firstEndingAfter, firstStartingAtOrAfter } from './findMention';
import type { Mention } from './mention';
import type { Cancellation, MentionMatcher, ScanEntry, SkippedFigure } from './mentionMatcher';
import type { TextWindow } from './textWindow';

/** Read access to a document's current text, so an update reads only the part around an edit. */
export interface TextSource {
  readonly length: number;
  /** The text of [start, end). */
  read(start: number, end: number): string;
}

/** One replacement: `oldLength` characters at `start` became `newLength` characters. */
export interface TextEdit {
  readonly start: number;
  readonly oldLength: number;
  readonly newLength: number;
}

/**
 * How the index cuts its work. The defaults suit notes of any size; tests make both tiny, so that small
 * texts exercise re-reading and moving blocks as large notes do.
 */
export interface IndexSizes {
  /** How much text an update reads first around an edit; multiplied while it is not enough. */
  readonly firstRead: number;
  /** Entries per block: an edit moves the blocks after it, not every entry. */
  readonly blockSize: number;
  /** Characters scanned, and mentions ranked, between two chances to pause when building in slices. */
  readonly scanStep: number;
  readonly rankStep: number;
}

const DEFAULT_SIZES: IndexSizes = { firstRead: 512, blockSize: 256, scanStep: 1 << 16, rankStep: 1 << 12 };

/**
 * A run of consecutive entries. They are stored at the offsets they had when the block was made;
 * `delta` is how far edits before them have moved them since.
 */
interface Block {
  readonly entries: readonly ScanEntry[];
  readonly delta: number;
}

/**
 * The mentions of one document, kept up to date edit by edit: an edit re-scans only from a little
 * before it to the first place after it where the scan is back in step with the previous one, re-ranks
 * only the figures close enough to have seen the change, and moves the blocks of entries after it
 * without touching the entries themselves. The result is exactly what a full scan of the new text
 * finds (the equivalence tests check this on generated edits). Immutable from the outside: an update
 * returns a new index, and arrays handed out earlier never change.
 */
export class MentionIndex {
  /** The mentions as one array, built on first request (most versions of a note being typed are never asked for). */
  private flat: Mention[] | undefined;

  private constructor(
    private readonly matcher: MentionMatcher,
    /** Mentions and skipped figures, in order; replaced by equal blocks when {@link mentions} is built. */
    private blocks: readonly Block[],
    readonly length: number,
    private readonly sizes: IndexSizes,
  ) {}

  /** Indexes a whole text at once (tests and the benchmark); undefined if cancelled. */
  static build(
    matcher: MentionMatcher,
    text: string,
    cancellation?: Cancellation,
    sizes = DEFAULT_SIZES,
  ): MentionIndex | undefined {
    return runSteps(MentionIndex.buildSteps(matcher, text, cancellation, sizes));
  }

  /**
   * Indexes a whole text as {@link build} does, in short stretches that let the host run in between
   * (see {@link TimeSlices}): a 50 MB note never blocks it. Undefined if cancelled, which is looked at
   * between stretches.
   */
  static buildInSlices(
    matcher: MentionMatcher,
    text: string,
    slices: TimeSlices,
    cancellation?: Cancellation,
    sizes = DEFAULT_SIZES,
  ): Promise<MentionIndex | undefined> {
    return runStepsInSlices(MentionIndex.buildSteps(matcher, text, cancellation, sizes), slices);
  }

  /** Indexing a whole text, in steps: scanning, ranking, cutting into blocks. */
  private static *buildSteps(
    matcher: MentionMatcher,
    text: string,
    cancellation: Cancellation | undefined,
    sizes: IndexSizes,
  ): Steps<MentionIndex | undefined> {
    const mentions: Mention[] = [];
    const skipped: SkippedFigure[] = [];
    const stretch: ScanEntry[] = [];
    for (let next = 0; next < text.length;) {
      stretch.length = 0;
      next = matcher.scanStretch(text, next, next + sizes.scanStep, stretch);
      for (const entry of stretch) {
        if (entry.kind === 'skipped') skipped.push(entry);
        else mentions.push(entry);
      }
      yield;
      if (cancellation?.isCancellationRequested) return undefined;
    }
    const window: TextWindow = { text, base: 0, length: text.length };
    for (let from = 0; from < mentions.length; from += sizes.rankStep) {
      // Each figure's ranking reads the text and the unranked mentions around it: any cut gives the same result.
      matcher.rank(window, mentions, from, Math.min(mentions.length, from + sizes.rankStep));
      yield;
      if (cancellation?.isCancellationRequested) return undefined;
    }
    const blocks = yield* blocksInSteps(mentions, skipped, sizes);
    if (cancellation?.isCancellationRequested) return undefined;
    const index = new MentionIndex(matcher, blocks, text.length, sizes);
    index.flat = mentions;
    return index;
  }

  /** Sorted, never overlapping, figures ranked: what a full scan returns. */
  get mentions(): Mention[] {
    if (!this.flat) {
      // Moving every entry once here lets later versions share the moved copies.
      const entries: ScanEntry[] = [];
      for (const { entries: list, delta } of this.blocks)
        for (const entry of list) entries.push(delta === 0 ? entry : moved(entry, delta));
      this.blocks = toBlocks(entries, this.sizes.blockSize);
      this.flat = split(entries).mentions;
    }
    return this.flat;
  }

  /** The index of the text after `edit`, which `source` now holds. */
  update(edit: TextEdit, source: TextSource): MentionIndex {
    const delta = edit.newLength - edit.oldLength;
    if (source.length !== this.length + delta)
      throw new Error(`The edit does not fit the text: ${this.length} + ${delta} ≠ ${source.length}.`);
    const start = this.scanStart(source, edit.start);
    const { entries, resume } = this.rescan(source, start, edit.start + edit.newLength, delta);
    const fresh = entries.filter((e) => e.start < resume);

    // The figures whose ranking may have changed, and around them the stretch whose blocks are rebuilt.
    const reach = RANKING_REACH;
    const zoneStart = Math.max(0, skipBlanksBack(source, start, this.sizes.firstRead) - reach);
    const zoneEnd = Math.min(source.length, skipBlanksForward(source, resume, this.sizes.firstRead) + reach);
    const regionStart = Math.max(0, zoneStart - 2 * reach);
    const regionEnd = Math.min(source.length, zoneEnd + 2 * reach);

    // Old blocks wholly before the region stay; those wholly after it move; the rest are rebuilt.
    const before: Block[] = [];
    const after: Block[] = [];
    const local: ScanEntry[] = [];
    for (const block of this.blocks) {
      const first = block.entries[0]!.start + block.delta;
      const last = block.entries[block.entries.length - 1]!.end + block.delta;
      if (last <= regionStart && after.length === 0 && local.length === 0) before.push(block);
      else if (first >= regionEnd - delta) after.push({ entries: block.entries, delta: block.delta + delta });
      else {
        for (const entry of block.entries) {
          const at = entry.start + block.delta;
          if (at < start) local.push(block.delta === 0 ? entry : moved(entry, block.delta));
          else if (at >= resume - delta) local.push(moved(entry, block.delta + delta));
        }
      }
    }
    const rebuilt = withFresh(local, fresh, start);
    const { mentions, skipped } = split(rebuilt);
    this.rerank(source, mentions, zoneStart, zoneEnd);
    const blocks = [...before, ...runSteps(blocksInSteps(mentions, skipped, this.sizes)), ...after];
    return new MentionIndex(this.matcher, blocks, source.length, this.sizes);
  }

  /**
   * Where to start scanning so that everything the edit at `editStart` can change is found again: far
   * enough back that no earlier match attempt reads the edited text, and at a place the scan stops at.
   */
  private scanStart(source: TextSource, editStart: number): number {
    // A match attempt reads at most `reach` white-space-separated chunks after the one it starts in
    // (one per white-space gap of the longest name, or of "145 per cent"), and never reads past a blank line.
    const chunksBack = this.matcher.reachInChunks + 3;
    let size = this.sizes.firstRead;
    let start = 0;
    for (;;) {
      const from = Math.max(0, editStart - size);
      const found = restartPoint(source.read(from, editStart), from, chunksBack);
      if (found >= 0 || from === 0) {
        start = Math.max(found, 0);
        break;
      }
      size *= 4;
    }
    // Inside an earlier match, start at that match: it is found again, unchanged.
    return this.entryAround(start)?.start ?? start;
  }

  /**
   * Scans from `start` until the scan is back in step with the old one after the edit: at the start of
   * a chunk after the edited text (the character before it, which makes it a chunk start, must be
   * unchanged too), where neither scan is inside a match. From there on, both scans read the same text,
   * so everything is the old result, shifted by `delta`.
   */
  private rescan(
    source: TextSource,
    start: number,
    editEnd: number,
    delta: number,
  ): { entries: ScanEntry[]; resume: number } {
    // Entries before a resume point may have read up to `reach` chunks past it: the window must hold them.
    const slackChunks = this.matcher.reachInChunks + 2;
    let size = this.sizes.firstRead;
    for (;;) {
      const end = Math.min(source.length, editEnd + size);
      const text = source.read(start, end);
      const entries = this.matcher.scanEntries(text, start)!;
      const resume = resumePoint(
        text,
        start,
        editEnd + 1,
        entries,
        end === source.length ? 0 : slackChunks,
        (at) => this.entryAround(at - delta) !== undefined,
      );
      if (resume >= 0) return { entries, resume };
      if (end === source.length) return { entries, resume: source.length };
      size *= 4;
    }
  }

  /** The old entry that `offset` lies strictly inside (where the old scan jumped over it), if any; with its current offsets. */
  private entryAround(offset: number): ScanEntry | undefined {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    // The last block starting before `offset`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.entries[0]!.start + blocks[mid]!.delta < offset) lo = mid;
      else hi = mid - 1;
    }
    const block = blocks[lo];
    if (!block) return undefined;
    const entry = block.entries[firstStartingAtOrAfter(block.entries, offset - block.delta) - 1];
    return entry && entry.end + block.delta > offset ? moved(entry, block.delta) : undefined;
  }

  /**
   * Ranks again, from knowledge order, every figure of `mentions` overlapping [zoneStart, zoneEnd): those
   * close enough to the re-scanned text to read text or mentions there. Blank runs stretch how far
   * ranking reads (it walks over them to find blank lines), so the zone stretches over them too.
   */
  private rerank(source: TextSource, mentions: Mention[], zoneStart: number, zoneEnd: number): void {
    let from = firstEndingAfter(mentions, zoneStart);
    let to = firstStartingAtOrAfter(mentions, zoneEnd);
    while (from < to && mentions[from]!.kind !== 'figure') from++;
    while (to > from && mentions[to - 1]!.kind !== 'figure') to--;
    if (from >= to) return;
    for (let k = from; k < to; k++) {
      const m = mentions[k]!;
      if (m.kind === 'figure') mentions[k] = { ...m, tariffIds: this.matcher.tariffsWithRate(m.rate)! };
    }
    const windowStart = Math.max(
      0,
      skipBlanksBack(source, Math.max(0, mentions[from]!.start - RANKING_REACH), this.sizes.firstRead) - 1,
    );
    const windowEnd = Math.min(
      source.length,
      skipBlanksForward(source, Math.min(source.length, mentions[to - 1]!.end + RANKING_REACH), this.sizes.firstRead) +
        1,
    );
    const window: TextWindow = { text: source.read(windowStart, windowEnd), base: windowStart, length: source.length };
    this.matcher.rank(window, mentions, from, to);
  }
}

/** `local` (old entries, already in new offsets) with the re-scanned ones in place of those from `start` on. */
function withFresh(local: readonly ScanEntry[], fresh: readonly ScanEntry[], start: number): ScanEntry[] {
  const insertAt = firstStartingAtOrAfter(local, start);
  return [...local.slice(0, insertAt), ...fresh, ...local.slice(insertAt)];
}

function toBlocks(entries: readonly ScanEntry[], size: number): Block[] {
  const blocks: Block[] = [];
  for (let k = 0; k < entries.length; k += size) blocks.push({ entries: entries.slice(k, k + size), delta: 0 });
  return blocks;
}

/**
 * Mentions and skipped figures back in one list, in order, cut into blocks; in steps of `rankStep`
 * entries, since with a million mentions even this is long.
 */
function* blocksInSteps(
  mentions: readonly Mention[],
  skipped: readonly SkippedFigure[],
  sizes: IndexSizes,
): Steps<Block[]> {
  const blocks: Block[] = [];
  let block: ScanEntry[] = [];
  for (let m = 0, k = 0; m < mentions.length || k < skipped.length;) {
    block.push(
      k < skipped.length && (m === mentions.length || skipped[k]!.start < mentions[m]!.start)
        ? skipped[k++]!
        : mentions[m++]!,
    );
    if (block.length === sizes.blockSize) {
      blocks.push({ entries: block, delta: 0 });
      block = [];
    }
    if ((m + k) % sizes.rankStep === 0) yield;
  }
  if (block.length > 0) blocks.push({ entries: block, delta: 0 });
  return blocks;
}

function split(entries: readonly ScanEntry[]): { mentions: Mention[]; skipped: SkippedFigure[] } {
  const mentions: Mention[] = [];
  const skipped: SkippedFigure[] = [];
  for (const entry of entries) {
    if (entry.kind === 'skipped') skipped.push(entry);
    else mentions.push(entry);
  }
  return { mentions, skipped };
}

/** A copy moved by `delta`, built field by field: a spread copy is several times slower. */
function moved(entry: ScanEntry, delta: number): ScanEntry {
  const start = entry.start + delta;
  const end = entry.end + delta;
  switch (entry.kind) {
    case 'official':
      return { kind: 'official', start, end, officialId: entry.officialId };
    case 'country':
      return { kind: 'country', start, end, code: entry.code };
    case 'figure':
      return { kind: 'figure', start, end, rate: entry.rate, tariffIds: entry.tariffIds };
    case 'skipped':
      return { kind: 'skipped', start, end };
  }
}

function isBlank(code: number): boolean {
  return (charFlags(code) & (SPACE | LINE_BREAK)) !== 0;
}

/**
 * Walking back through `text` (which starts at `base` and ends where the edit starts), the start of the
 * `chunksBack`-th white-space-separated chunk, or the place right after a blank line if that comes
 * first (no match attempt reads across one); -1 if `text` does not reach back far enough.
 */
function restartPoint(text: string, base: number, chunksBack: number): number {
  let chunks = 0;
  let i = text.length; // text[i - 1] is the next character to look at
  while (i > 0) {
    const runEnd = i;
    if (isBlank(text.charCodeAt(i - 1))) {
      while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
      if (i === 0 && base > 0) return -1; // the run may go on before what was read
      const afterBlankLine = secondLineBreakEnd(text, i, runEnd);
      if (afterBlankLine >= 0) return base + afterBlankLine;
    } else {
      while (i > 0 && !isBlank(text.charCodeAt(i - 1))) i--;
      if (i === 0 && base > 0) return -1; // the chunk may start before what was read
      chunks++;
      if (chunks === chunksBack) return base + i;
    }
  }
  return base === 0 ? 0 : -1;
}

/** Within the white-space run [start, end), the offset just after its second line break (\r\n is one), or -1. */
function secondLineBreakEnd(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((charFlags(code) & LINE_BREAK) === 0) continue;
    if (code === 0x0a && i > start && text.charCodeAt(i - 1) === 0x0d) continue;
    breaks++;
    if (breaks === 2) return code === 0x0d && text.charCodeAt(i + 1) === 0x0a && i + 1 < end ? i + 2 : i + 1;
  }
  return -1;
}

/**
 * The first chunk start at or after `from` where the new scan (its `entries`) and the old one (through
 * `insideOld`) both stand outside any match, with at least `slackChunks` more chunks read after it;
 * -1 if `text` (starting at `base`) does not reach that far.
 */
function resumePoint(
  text: string,
  base: number,
  from: number,
  entries: readonly ScanEntry[],
  slackChunks: number,
  insideOld: (offset: number) => boolean,
): number {
  // `from` lies after the scan's start, so text[i - 1] below is always there.
  const chunkStarts: number[] = [];
  for (let i = from - base; i < text.length; i++) {
    if (!isBlank(text.charCodeAt(i)) && isBlank(text.charCodeAt(i - 1))) chunkStarts.push(base + i);
  }
  let next = 0;
  for (let c = 0; c < chunkStarts.length - slackChunks; c++) {
    const at = chunkStarts[c]!;
    while (next < entries.length && entries[next]!.end <= at) next++;
    const insideNew = next < entries.length && entries[next]!.start < at;
    if (!insideNew && !insideOld(at)) return at;
  }
  return -1;
}

function skipBlanksBack(source: TextSource, offset: number, step: number): number {
  let at = offset;
  for (;;) {
    const from = Math.max(0, at - step);
    const text = source.read(from, at);
    let i = text.length;
    while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
    if (i > 0 || from === 0) return from + i;
    at = from;
  }
}

function skipBlanksForward(source: TextSource, offset: number, step: number): number {
  let at = offset;
  for (;;) {
    const to = Math.min(source.length, at + step);
    const text = source.read(at, to);
    let i = 0;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i < text.length || to === source.length) return at + i;
    at = to;
  }
}

/**
 * The edits made since an index was last brought up to date, as one edit that covers them all: what
 * lies before the first changed character and after the last one is the same as before. Lets a cache
 * fold a burst of typing into a single update when a request finally needs the mentions.
 */
export class EditAccumulator {
  private unchangedPrefix = Number.POSITIVE_INFINITY;
  private unchangedSuffix = Number.POSITIVE_INFINITY;
  private currentLength: number;

  constructor(private readonly initialLength: number) {
    this.currentLength = initialLength;
  }

  /** Adds an edit, in the coordinates of the text as the edits before it left it. */
  add(edit: TextEdit): void {
    this.unchangedPrefix = Math.min(this.unchangedPrefix, edit.start);
    this.unchangedSuffix = Math.min(this.unchangedSuffix, this.currentLength - edit.start - edit.oldLength);
    this.currentLength += edit.newLength - edit.oldLength;
  }

  /** The one edit that turns the initial text into the current one; undefined if nothing changed. */
  combined(): TextEdit | undefined {
    if (this.unchangedPrefix === Number.POSITIVE_INFINITY) return undefined;
    const start = this.unchangedPrefix;
    const end = this.unchangedSuffix;
    return { start, oldLength: this.initialLength - end - start, newLength: this.currentLength - end - start };
  }
}
