/** What checks of notes read and find: the same in the editor (diagnostics) and on the command line. */
import type { Knowledge } from '../knowledge/knowledge';
import type { Mention } from '../matching/mention';

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface NoteFinding {
  /** UTF-16 offsets into the note's text; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** The rule that found it, stable across versions (tests, quick fixes and `--fail-on` rely on it). */
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
}

/** What a check reads of a note. */
export interface CheckedNote {
  readonly uri: string;
  readonly text: string;
  /** The note's mentions, as the matcher finds them in `text`. */
  readonly mentions: readonly Mention[];
  readonly knowledge: Knowledge;
}
