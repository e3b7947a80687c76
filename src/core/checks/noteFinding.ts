import type { Knowledge } from '../knowledge/knowledge';
import type { Mention } from '../matching/mention';

/** What a check of a note found: the same in the editor (a diagnostic) and on the command line. */

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

/** What a check reads of a note: a check is a function of this that returns findings. */
export interface CheckedNote {
  readonly uri: string;
  readonly text: string;
  /** The note's mentions, as the mention matcher of `knowledge` finds them. */
  readonly mentions: readonly Mention[];
  readonly knowledge: Knowledge;
}
