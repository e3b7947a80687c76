import type { NoteDate } from '../checks/noteDate';
import type { Localizer } from '../text/localizer';
import { formatDate } from '../timeline/dates';

/** How a line of the language status is marked; VS Code shows the most severe one on its `{}` item. */
export type StatusSeverity = 'information' | 'warning' | 'error';

/** One line of the language status of policy notes: its text, a quieter detail beside it, its severity. */
export interface StatusLine {
  readonly text: string;
  readonly detail: string;
  readonly severity: StatusSeverity;
}

/** The knowledge the window uses, as counts. */
export interface KnowledgeInUse {
  /** The first search for workspace knowledge files is still running. */
  readonly searching: boolean;
  readonly usesBundled: boolean;
  /** Workspace knowledge files found, whether they load or not. */
  readonly files: number;
  readonly officials: number;
  readonly tariffs: number;
  /** The earliest `asOf` of the sources, when one gives it. */
  readonly asOf?: string;
}

/** A knowledge file with problems, by the name users know it by (its path in the workspace). */
export interface FileProblems {
  readonly name: string;
  readonly errors: number;
  readonly warnings: number;
}

/** Files named in a detail before "and N more". */
const NAMED_FILES = 2;

/** "bundled + 2 files, 14 officials, 9 tariffs", with the date up to which the knowledge was checked. */
export function knowledgeStatus(inUse: KnowledgeInUse, l10n: Localizer): StatusLine {
  const line = (text: string, detail = ''): StatusLine => ({ text, detail, severity: 'information' });
  if (inUse.searching) return line(l10n.t('Looking for knowledge files…'));
  if (!inUse.usesBundled && inUse.files === 0) {
    return line(l10n.t('No knowledge loaded'), l10n.t('turn on the bundled knowledge or add a knowledge file'));
  }
  const files = inUse.files === 0 ? '' : inUse.files === 1 ? l10n.t('1 file') : l10n.t('{0} files', inUse.files);
  const sources = !inUse.usesBundled ? files : files === '' ? l10n.t('bundled') : l10n.t('bundled + {0}', files);
  const officials = inUse.officials === 1 ? l10n.t('1 official') : l10n.t('{0} officials', inUse.officials);
  const tariffs = inUse.tariffs === 1 ? l10n.t('1 tariff') : l10n.t('{0} tariffs', inUse.tariffs);
  const asOf = inUse.asOf === undefined ? '' : l10n.t('as of {0}', formatDate(inUse.asOf));
  return line(l10n.t('{0}, {1}, {2}', sources, officials, tariffs), asOf);
}

/**
 * "Errors in 1 knowledge file" (an error), or "Warnings in 2 knowledge files" (a warning) when no file
 * has errors, with the files' names; undefined when no file has a problem.
 */
export function knowledgeProblemsStatus(files: readonly FileProblems[], l10n: Localizer): StatusLine | undefined {
  const withErrors = files.filter((file) => file.errors > 0);
  const withWarnings = files.filter((file) => file.warnings > 0);
  if (withErrors.length > 0) {
    const text =
      withErrors.length === 1
        ? l10n.t('Errors in 1 knowledge file')
        : l10n.t('Errors in {0} knowledge files', withErrors.length);
    return { text, detail: namesOf(withErrors, l10n), severity: 'error' };
  }
  if (withWarnings.length === 0) return undefined;
  const text =
    withWarnings.length === 1
      ? l10n.t('Warnings in 1 knowledge file')
      : l10n.t('Warnings in {0} knowledge files', withWarnings.length);
  return { text, detail: namesOf(withWarnings, l10n), severity: 'warning' };
}

/** "Dated 12 Jun 2025" and where the note says so, or how to give it a date. */
export function noteDateStatus(date: NoteDate | undefined, l10n: Localizer): StatusLine {
  if (!date) {
    return {
      text: l10n.t('No date'),
      detail: l10n.t('add date: YYYY-MM-DD to its front matter'),
      severity: 'information',
    };
  }
  const detail = {
    'front matter': () => l10n.t('from its front matter'),
    heading: () => l10n.t('from its first heading'),
    'file name': () => l10n.t('from its file name'),
  }[date.source]();
  return { text: l10n.t('Dated {0}', formatDate(date.iso)), detail, severity: 'information' };
}

/** "a.trade.yaml", "a.trade.yaml, b.trade.yaml", "a.trade.yaml, b.trade.yaml and 3 more". */
function namesOf(files: readonly FileProblems[], l10n: Localizer): string {
  const names = files
    .slice(0, NAMED_FILES)
    .map((file) => file.name)
    .join(', ');
  return files.length <= NAMED_FILES ? names : l10n.t('{0} and {1} more', names, files.length - NAMED_FILES);
}
