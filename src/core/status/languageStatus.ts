import type { NoteDate } from '../checks/noteDate';
import { formatNumber, t } from '../l10n/l10n';
import { describeAsOf, formatDate } from '../timeline/dates';

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
export function knowledgeStatus(inUse: KnowledgeInUse): StatusLine {
  const line = (text: string, detail = ''): StatusLine => ({ text, detail, severity: 'information' });
  if (inUse.searching) return line(t('Looking for knowledge files…'));
  if (!inUse.usesBundled && inUse.files === 0) {
    return line(t('No knowledge loaded'), t('turn on the bundled knowledge or add a knowledge file'));
  }
  const files = inUse.files === 0 ? '' : inUse.files === 1 ? t('1 file') : t('{0} files', formatNumber(inUse.files));
  const sources = !inUse.usesBundled ? files : files === '' ? t('bundled') : t('bundled + {0}', files);
  const officials = inUse.officials === 1 ? t('1 official') : t('{0} officials', formatNumber(inUse.officials));
  const tariffs = inUse.tariffs === 1 ? t('1 tariff') : t('{0} tariffs', formatNumber(inUse.tariffs));
  const asOf = inUse.asOf === undefined ? '' : describeAsOf(inUse.asOf);
  return line(t('{0}, {1}, {2}', sources, officials, tariffs), asOf);
}

/**
 * "Errors in 1 knowledge file" (an error), or "Warnings in 2 knowledge files" (a warning) when no file
 * has errors, with the files' names; undefined when no file has a problem.
 */
export function knowledgeProblemsStatus(files: readonly FileProblems[]): StatusLine | undefined {
  const withErrors = files.filter((file) => file.errors > 0);
  const withWarnings = files.filter((file) => file.warnings > 0);
  if (withErrors.length > 0) {
    const text =
      withErrors.length === 1 ? t('Errors in 1 knowledge file') : t('Errors in {0} knowledge files', withErrors.length);
    return { text, detail: namesOf(withErrors), severity: 'error' };
  }
  if (withWarnings.length === 0) return undefined;
  const text =
    withWarnings.length === 1
      ? t('Warnings in 1 knowledge file')
      : t('Warnings in {0} knowledge files', withWarnings.length);
  return { text, detail: namesOf(withWarnings), severity: 'warning' };
}

/** "Dated 12 Jun 2025" and where the note says so, or how to give it a date. */
export function noteDateStatus(date: NoteDate | undefined): StatusLine {
  if (!date) {
    return {
      text: t('No date'),
      detail: t('add date: YYYY-MM-DD to its front matter'),
      severity: 'information',
    };
  }
  const detail = {
    'front matter': () => t('from its front matter'),
    heading: () => t('from its first heading'),
    'file name': () => t('from its file name'),
  }[date.source]();
  return { text: t('Dated {0}', formatDate(date.iso)), detail, severity: 'information' };
}

/** "a.trade.yaml", "a.trade.yaml, b.trade.yaml", "a.trade.yaml, b.trade.yaml and 3 more". */
function namesOf(files: readonly FileProblems[]): string {
  const names = files
    .slice(0, NAMED_FILES)
    .map((file) => file.name)
    .join(', ');
  return files.length <= NAMED_FILES ? names : t('{0} and {1} more', names, files.length - NAMED_FILES);
}
