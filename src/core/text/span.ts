/** Offsets into a text, end exclusive: mentions, scan entries, the places of a knowledge file's parts. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
