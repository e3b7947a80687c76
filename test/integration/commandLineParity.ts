// What `trade-notes check` reports on the workspace's folders must be what this VS Code shows: the same
// files, positions, severities, rules and messages. The command line (dist/cli.js, built by
// `npm run build` before these tests) runs in a Node child process, as in CI; the editor's diagnostics
// are read with vscode.languages.getDiagnostics. Node extension host only.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './support';

/** The repository root, from out/test/integration. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

const SEVERITY_NAMES: Readonly<Record<vscode.DiagnosticSeverity, string>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

interface JsonFinding {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
}

export interface CheckRun {
  readonly exitCode: number;
  /** One line per finding: `path:line:column-endLine:endColumn severity rule message`, positions from 0 as VS Code's. */
  readonly findings: string[];
  readonly notes: number;
}

/** Runs `trade-notes check --hints --format json` on the folders, from `cwd`. */
export function runCheck(cwd: string, folders: readonly string[]): Promise<CheckRun> {
  const program = path.join(repoRoot, 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [program, 'check', '--hints', '--format', 'json', ...folders],
      // The extension host's executable is Electron's in desktop VS Code: make it Node.
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const exitCode = error ? Number(error.code) : 0;
        if (exitCode !== 0 && exitCode !== 1)
          return reject(new Error(`trade-notes check failed (${exitCode}): ${stderr}`));
        const report = JSON.parse(stdout) as { findings: JsonFinding[]; summary: { notes: number } };
        const findings = report.findings.map(
          (f) =>
            `${f.path}:${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.severity} ${f.rule} ${f.message}`,
        );
        resolve({ exitCode, findings: findings.sort(), notes: report.summary.notes });
      },
    );
  });
}

/**
 * The Trade Notes diagnostics of the workspace folders' files, as {@link CheckRun.findings} has them.
 * A message that names a file by its URI names it the way the command line does: by its `file:` URI
 * (this VS Code serves the folders under a remote scheme).
 */
export function editorFindings(cwd: string): string[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const lines: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!folders.some((folder) => uri.path.startsWith(`${folder.uri.path}/`))) continue;
    for (const d of diagnostics) {
      if (d.source !== 'Trade Notes') continue;
      const message = folders.reduce(
        (text, folder) => text.split(folder.uri.toString()).join(vscode.Uri.file(folder.uri.path).toString()),
        d.message,
      );
      const { start, end } = d.range;
      lines.push(
        `${path.relative(cwd, uri.path)}:${start.line}:${start.character}-${end.line}:${end.character} ${SEVERITY_NAMES[d.severity]} ${String(d.code)} ${message}`,
      );
    }
  }
  return lines.sort();
}

/**
 * Opens every note of the workspace (the editor checks open notes only), then waits until the editor
 * shows exactly what the command line reports, and fails with the difference if it never does.
 */
export async function assertEditorShows(expected: CheckRun, cwd: string): Promise<void> {
  const notes = await vscode.workspace.findFiles('{**/*.pnote,**/*.policy.md}');
  assert.strictEqual(notes.length, expected.notes, 'the command line checks the notes the editor has');
  for (const note of notes) await vscode.workspace.openTextDocument(note);
  const same = (): boolean => JSON.stringify(editorFindings(cwd)) === JSON.stringify(expected.findings);
  await waitFor('the diagnostics of the command line', same, 15_000).catch(() => undefined);
  assert.deepStrictEqual(editorFindings(cwd), expected.findings);
}
