/**
 * A stretch of a document's text: `text` holds the document's characters [base, base + text.length).
 * Lets the engine work on the part of a large document around an edit without building the whole text.
 */
export interface TextWindow {
  readonly text: string;
  readonly base: number;
  /** The length of the whole document. */
  readonly length: number;
}

export function wholeText(text: string): TextWindow {
  return { text, base: 0, length: text.length };
}
