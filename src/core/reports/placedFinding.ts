import type { FindingSeverity } from '../checks/noteFinding';
import type { Range } from '../knowledge/types';
import { compareText } from '../text/compare';

/** A finding placed in a file: a knowledge problem or a note finding, as every report format gives it. */
export interface PlacedFinding {
  /** The file as the user sees it: relative to the current folder, with `/` separators. */
  readonly path: string;
  /** Lines and characters from 0, characters in UTF-16 code units: the editor's positions. */
  readonly range: Range;
  readonly severity: FindingSeverity;
  /** The rule (a knowledge problem's or a finding's code). */
  readonly rule: string;
  readonly message: string;
}

/** Most severe first. */
export const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

/** Whether `severity` is `threshold` or more severe. */
export function isAtLeast(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** By file, then position, so that a report reads top to bottom and two runs give the same order. */
export function compareFindings(a: PlacedFinding, b: PlacedFinding): number {
  return (
    compareText(a.path, b.path) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character
  );
}

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly PlacedFinding[]): Record<FindingSeverity, number> {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { severity } of findings) counts[severity]++;
  return counts;
}
