// The checks of notes that `trade-notes check` runs: each a core function of a note, as the editor runs it.
import type { CheckedNote, NoteFinding } from '../core/checks/noteFinding';
import { factCheck, MAX_FACT_CHECKED_LENGTH } from '../core/checks/factCheck';
import { findUnknownOfficials, MAX_CHECKED_NOTE_LENGTH } from '../core/checks/unknownOfficials';

/** What turns checks on, from the command line. */
export interface CheckChoices {
  readonly hints?: boolean;
  /** On unless `--no-fact-check`, as `tradeNotes.factCheck.enabled` is in the editor. */
  readonly factCheck?: boolean;
}

export interface CommandLineCheck {
  /** Whether this run does it. */
  enabled(choices: CheckChoices): boolean;
  /** Longer notes (in characters) are not checked, as in the editor. */
  readonly maxLength: number;
  find(note: CheckedNote): readonly NoteFinding[];
}

/** A new kind of finding is one entry here (and one `NoteCheck` in the extension). */
export const NOTE_CHECKS: readonly CommandLineCheck[] = [
  {
    // Hints, as in the editor; off unless asked for, so that a CI log shows what needs fixing.
    enabled: ({ hints }) => hints === true,
    maxLength: MAX_CHECKED_NOTE_LENGTH,
    find: ({ text, mentions, knowledge }) => findUnknownOfficials(text, mentions, knowledge),
  },
  {
    // Warnings, the editor's default severity (`tradeNotes.factCheck.severity`).
    enabled: ({ factCheck }) => factCheck !== false,
    maxLength: MAX_FACT_CHECKED_LENGTH,
    find: factCheck,
  },
];
