import type { KnowledgeProblem } from '../core/knowledge/types';
import { MAX_NOTE_BYTES } from '../core/navigation/noteMentionIndex';
import { TextLines } from '../core/navigation/textLines';
import { githubReport, jsonReport, summaryLine, textReport, type CheckedFiles } from '../core/reports/findingReports';
import { compareFindings, isAtLeast, type PlacedFinding } from '../core/reports/placedFinding';
import { sarifReport } from '../core/reports/sarifReport';
import type { KnowledgeStore } from '../services/knowledgeStore';
import { ExitCode } from './commandLineError';
import { displayPath, fileUri, readGuarded } from './nodeFiles';
import { NOTE_CHECKS, type CheckChoices, type CommandLineCheck } from './noteChecks';
import { Progress, type Terminal } from './terminal';
import { findWorkspaceFiles, loadKnowledge, type CommandContext, type KnowledgeOptions } from './workspace';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;

export interface CheckOptions extends CheckChoices, KnowledgeOptions {
  readonly format: (typeof CHECK_FORMATS)[number];
  readonly failOn: (typeof FAIL_ON)[number];
}

/**
 * `trade-notes check`: every problem of the knowledge files, as the editor reports them, and the findings
 * of the note checks that are on. Exit code 1 when a finding is at or above `--fail-on`.
 */
export async function check(
  paths: readonly string[],
  options: CheckOptions,
  terminal: Terminal,
  context: CommandContext & { readonly version: string },
): Promise<number> {
  const checks = NOTE_CHECKS.filter((noteCheck) => noteCheck.enabled(options));
  const files = await findWorkspaceFiles(paths, terminal.cwd, {
    knowledgeGlobs: options.knowledge,
    ignore: options.ignore,
    notes: checks.length > 0,
  });
  const store = await loadKnowledge(
    files.knowledgeFiles,
    options.bundled ? context.bundled : undefined,
    context.logger,
  );
  const pathOf = new Map(files.knowledgeFiles.map((file) => [fileUri(file), displayPath(file, terminal.cwd)]));
  const findings: PlacedFinding[] = [];
  for (const [uri, problems] of store.problemsByUri()) {
    const path = pathOf.get(uri);
    if (path !== undefined) findings.push(...problems.map((problem) => placedProblem(path, problem)));
  }

  if (checks.length > 0) findings.push(...(await checkNotes(files.notes, checks, store, terminal)));

  findings.sort(compareFindings);
  const checked: CheckedFiles = { knowledgeFiles: files.knowledgeFiles.length, notes: files.notes.length };
  if (options.format === 'text') {
    terminal.write(textReport(findings, { colour: terminal.colour }));
    terminal.writeError(summaryLine(findings, checked));
  } else if (options.format === 'json') {
    terminal.write(jsonReport(findings, checked));
  } else if (options.format === 'sarif') {
    const base = fileUri(terminal.cwd).replace(/\/?$/, '/');
    terminal.write(sarifReport(findings, { name: 'trade-notes', version: context.version }, base));
  } else {
    terminal.write(githubReport(findings));
    terminal.writeError(summaryLine(findings, checked));
  }
  const failOn = options.failOn;
  return failOn !== 'none' && findings.some((finding) => isAtLeast(finding.severity, failOn))
    ? ExitCode.findings
    : ExitCode.clean;
}

/** The findings of the checks on each note, as the editor runs them on an open note; a note that cannot be read is a finding too. */
async function checkNotes(
  notes: readonly string[],
  checks: readonly CommandLineCheck[],
  store: KnowledgeStore,
  terminal: Terminal,
): Promise<PlacedFinding[]> {
  const matcher = await store.mentionMatcher();
  const knowledge = store.knowledge;
  const findings: PlacedFinding[] = [];
  const progress = new Progress(terminal, 'Checking notes');
  for (const [index, file] of notes.entries()) {
    const read = readGuarded(file, MAX_NOTE_BYTES);
    const path = displayPath(file, terminal.cwd);
    if (read.kind === 'refused') findings.push(placedProblem(path, read.problem));
    if (read.kind === 'text') {
      const { text } = read;
      const mentions = matcher.scan(text);
      const lines = new TextLines(text);
      for (const noteCheck of checks) {
        if (text.length > noteCheck.maxLength) continue;
        for (const { start, end, code, severity, message } of noteCheck.find({
          uri: fileUri(file),
          text,
          mentions,
          knowledge,
        })) {
          findings.push({ path, range: lines.rangeAt(start, end), severity, rule: code, message });
        }
      }
    }
    progress.report(index + 1, notes.length);
  }
  progress.done();
  return findings;
}

function placedProblem(path: string, problem: KnowledgeProblem): PlacedFinding {
  return { path, range: problem.range, severity: problem.severity, rule: problem.code, message: problem.message };
}
