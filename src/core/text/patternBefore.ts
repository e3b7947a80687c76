/**
 * A pattern that must end right before a place in a text ("the words before this figure end with `by`").
 * Written as `…$` on a slice, a pattern is tried at every position of the slice; here it is a sticky
 * lookbehind, which V8 matches backwards from the place, once. The fact check asks this of every figure
 * and every name in a note.
 */
export class PatternBefore {
  private readonly lookbehind: RegExp;

  /** `source` as it would be written before a `$`; `flags` without `g` or `y`. */
  constructor(source: string, flags = '') {
    this.lookbehind = new RegExp(`(?<=${source})`, `${flags}y`);
  }

  /** The match ending at `end` that starts at or after `start`, with its groups; null when there is none. */
  exec(text: string, start: number, end: number): RegExpExecArray | null {
    return this.lookbehind.exec(this.window(text, start, end));
  }

  /** Whether there is such a match: no match object is made. */
  test(text: string, start: number, end: number): boolean {
    return this.lookbehind.test(this.window(text, start, end));
  }

  /** [start, end) of the text, with the pattern set to match at its end. */
  private window(text: string, start: number, end: number): string {
    // A slice of a long string shares its characters: it bounds how far back the pattern may read.
    const window = start === 0 && end === text.length ? text : text.slice(start, end);
    this.lookbehind.lastIndex = window.length;
    return window;
  }
}
