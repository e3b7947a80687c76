import type { TextSource } from '../src/core/matching/mentionIndex';

/**
 * A text kept as lines, the way VS Code's extension host keeps an open document, so that the bench's
 * edits and reads cost what they cost there: an edit touches a few lines, reading a range joins a few
 * lines, and nothing builds the whole 10 MB string again.
 */
export class LineDocument implements TextSource {
  private lines: string[];
  /** Offset of each line's start; rebuilt lazily after an edit, as VS Code's prefix sums are. */
  private starts: Int32Array | undefined;

  constructor(text: string) {
    this.lines = text.split(/(?<=\n)/);
    if (this.lines.length === 0) this.lines = [''];
  }

  get length(): number {
    const starts = this.lineStarts();
    return starts[starts.length - 1]!;
  }

  read(start: number, end: number): string {
    if (end <= start) return '';
    const starts = this.lineStarts();
    const first = this.lineAt(start);
    let text = '';
    for (let line = first; line < this.lines.length && starts[line]! < end; line++) text += this.lines[line];
    return text.slice(start - starts[first]!, end - starts[first]!);
  }

  /** Replaces [start, start + oldLength) by `text`. */
  replace(start: number, oldLength: number, text: string): void {
    const starts = this.lineStarts();
    const first = this.lineAt(start);
    const last = this.lineAt(Math.max(start, start + oldLength - 1));
    const before = this.lines[first]!.slice(0, start - starts[first]!);
    const after = this.lines[last]!.slice(start + oldLength - starts[last]!);
    const replacement = (before + text + after).split(/(?<=\n)/).filter((line) => line !== '');
    this.lines.splice(first, last - first + 1, ...(replacement.length > 0 ? replacement : ['']));
    this.starts = undefined;
  }

  text(): string {
    return this.lines.join('');
  }

  private lineStarts(): Int32Array {
    if (!this.starts) {
      const starts = new Int32Array(this.lines.length + 1);
      for (let i = 0; i < this.lines.length; i++) starts[i + 1] = starts[i]! + this.lines[i]!.length;
      this.starts = starts;
    }
    return this.starts;
  }

  /** The line holding `offset` (the last line for the end of the text). */
  private lineAt(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
