/** Where [start, end) of `text` ends once the white space at its end is left out (not before `start`). */
export function endWithoutTrailingSpace(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
