/** Code-unit order, not `localeCompare`, so that sorted lists come out the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
