import { runSteps, type Steps } from '../scheduling/steps';
import { t } from '../l10n/l10n';
import type { KnowledgeProblem } from './types';

/** Deepest `[`/`{` nesting accepted: real files use two or three levels; a parser recursing deeper risks the stack. */
export const MAX_FLOW_NESTING = 64;
/** Widest indentation accepted, in characters; deeper block nesting than this is not knowledge. */
export const MAX_INDENTATION = 256;

/**
 * Refuses text that is not a knowledge file before any parsing work: binary content and nesting far
 * beyond what the format uses. One linear pass; returns the problem to report, or undefined.
 */
export function refuseHostileText(uri: string, text: string): KnowledgeProblem | undefined {
  return runSteps(refuseHostileTextInSteps(uri, text));
}

/** Characters checked between two looks at the clock. */
const CHARACTERS_PER_STEP = 65536;

/** {@link refuseHostileText}, pausing every {@link CHARACTERS_PER_STEP} characters so that a caller can let the host run. */
export function* refuseHostileTextInSteps(uri: string, text: string): Steps<KnowledgeProblem | undefined> {
  let nextStep = CHARACTERS_PER_STEP;
  let depth = 0;
  let line = 0;
  let lineStart = 0;
  let indenting = true;
  /** The problem that refuses the file, at `character` on the line being read. */
  const refusal = (character: number, code: string, message: string): KnowledgeProblem => {
    const position = { line, character };
    return { uri, range: { start: position, end: position }, severity: 'error', code, message };
  };
  for (let i = 0; i < text.length; i++) {
    if (i === nextStep) {
      yield;
      nextStep += CHARACTERS_PER_STEP;
    }
    const c = text.charCodeAt(i);
    if (c === 0)
      return refusal(i - lineStart, 'not-text', t('This file is not text (it contains NUL bytes); it is not loaded.'));
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
      indenting = true;
      continue;
    }
    if (indenting) {
      if (c === 0x20 || c === 0x2d) {
        // Spaces and "- " both nest blocks.
        if (i - lineStart > MAX_INDENTATION)
          return refusal(0, 'too-deep', t('Nesting deeper than {0} columns; the file is not loaded.', MAX_INDENTATION));
        continue;
      }
      indenting = false;
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_NESTING)
        return refusal(
          i - lineStart,
          'too-deep',
          t('Brackets nested deeper than {0} levels; the file is not loaded.', MAX_FLOW_NESTING),
        );
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
