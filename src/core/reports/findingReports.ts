import type { FindingSeverity } from '../checks/noteFinding';
import { countBySeverity, type PlacedFinding } from './placedFinding';

/** What a check looked at, for the summaries. */
export interface CheckedFiles {
  readonly knowledgeFiles: number;
  readonly notes: number;
}

/** ANSI colours of the severities on a terminal. */
const SEVERITY_COLOURS: Readonly<Record<FindingSeverity, string>> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[34m',
  hint: '\x1b[2m',
};
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/**
 * One line per finding, `path:line:column severity message [rule]`, with lines and columns from 1 as
 * editors and compilers print them; the severity coloured when `colour` is on.
 */
export function textReport(findings: readonly PlacedFinding[], { colour }: { readonly colour: boolean }): string {
  return findings
    .map(({ path, range, severity, rule, message }) => {
      const where = `${path}:${range.start.line + 1}:${range.start.character + 1}`;
      const level = colour ? `${SEVERITY_COLOURS[severity]}${severity}${RESET}` : severity;
      return `${colour ? `${BOLD}${where}${RESET}` : where} ${level} ${oneLine(message)} [${rule}]\n`;
    })
    .join('');
}

/** "2 errors, 1 warning in 5 files (3 knowledge files, 2 notes checked)". */
export function summaryLine(findings: readonly PlacedFinding[], checked: CheckedFiles): string {
  const counts = countBySeverity(findings);
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    ...(counts.information > 0 ? [`${counts.information} information`] : []),
    ...(counts.hint > 0 ? [plural(counts.hint, 'hint')] : []),
  ];
  const files = new Set(findings.map((finding) => finding.path)).size;
  const where = findings.length > 0 ? ` in ${plural(files, 'file')}` : '';
  return `${parts.join(', ')}${where} (${plural(checked.knowledgeFiles, 'knowledge file')}, ${plural(checked.notes, 'note')} checked)\n`;
}

/**
 * The findings as JSON, for scripts: lines and columns from 1 (UTF-16 code units, as the editor counts),
 * end exclusive, and the counts.
 */
export function jsonReport(findings: readonly PlacedFinding[], checked: CheckedFiles): string {
  const report = {
    version: 1,
    findings: findings.map(({ path, range, severity, rule, message }) => ({
      path,
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
      severity,
      rule,
      message,
    })),
    summary: { ...checked, ...countBySeverity(findings) },
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/** GitHub Actions has three levels of annotation. */
const GITHUB_LEVELS: Readonly<Record<FindingSeverity, string>> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** Workflow commands that GitHub Actions shows as annotations on the lines of the pull request. */
export function githubReport(findings: readonly PlacedFinding[]): string {
  return findings
    .map(({ path, range, severity, rule, message }) => {
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${range.start.line + 1}`,
        `col=${range.start.character + 1}`,
        `endLine=${range.end.line + 1}`,
        `endColumn=${range.end.character + 1}`,
        `title=${escapeProperty(`Trade Notes: ${rule}`)}`,
      ];
      return `::${GITHUB_LEVELS[severity]} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

/** The escaping of a workflow command's message (as GitHub's own toolkit does it). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes the separators of the properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
