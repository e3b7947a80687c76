import * as vscode from 'vscode';
import { formatNumber } from '../core/l10n/l10n';
import { mentionRefersTo, type Target } from '../core/navigation/mentionTargets';
import { MAX_NOTE_BYTES, NoteMentionIndex, type NoteFile, type ScannedNote } from '../core/navigation/noteMentionIndex';
import { POLICY_NOTE_LANGUAGE } from './configuration';
import { diskStamp, openStamp, readTextFile } from './fileReader';
import type { KnowledgeStore } from './knowledgeStore';
import type { Logger } from './logger';
import { findFilesInFolder } from './workspaceFiles';

/** The file names the Policy Note language is contributed for (package.json `languages`). */
const NOTE_FILES = '**/*.{pnote,policy.md}';

/** A mention found in a note, with the note it is in. */
export interface NoteMention {
  readonly note: ScannedNote;
  readonly start: number;
  readonly end: number;
}

/**
 * Mentions across every policy note of the workspace (all folders), for Find All References and the
 * timeline's Find Mentions. Nothing is read until someone asks; then only notes are read, open notes
 * from their editors, others through the guarded reader, and each note is scanned once per version and
 * knowledge generation.
 */
export class WorkspaceMentions {
  private readonly index = new NoteMentionIndex();

  constructor(
    private readonly store: KnowledgeStore,
    private readonly logger: Logger,
  ) {}

  /** Where notes mention any of the targets; undefined when cancelled. */
  async find(
    targets: readonly Target[],
    token: vscode.CancellationToken,
    progress: vscode.Progress<{ message?: string }>,
  ): Promise<NoteMention[] | undefined> {
    await this.store.ready();
    const notes = await this.listNotes(token);
    if (!notes) return undefined;
    const generation = this.store.generation;
    const matcher = await this.store.mentionMatcher();
    if (token.isCancellationRequested) return undefined;
    const scanner = { generation, scan: matcher.scan.bind(matcher) };
    const scanned = await this.index.scanAll(notes, scanner, token, {
      report: (done, total) =>
        progress.report({ message: vscode.l10n.t('{0}/{1} notes', formatNumber(done), formatNumber(total)) }),
      skipped: (uri, reason) => this.logger.info(`Find mentions: skipped ${uri}: ${reason}`),
    });
    return scanned?.flatMap((note) =>
      note.mentions
        .filter((mention) => targets.some((target) => mentionRefersTo(mention, target)))
        .map(({ start, end }) => ({ note, start, end })),
    );
  }

  /** Open notes (any file name, unsaved changes included), then the note files of every folder on disk. */
  private async listNotes(token: vscode.CancellationToken): Promise<NoteFile[] | undefined> {
    const files = new Map<string, NoteFile>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== POLICY_NOTE_LANGUAGE || document.isClosed) continue;
      const uri = document.uri.toString();
      files.set(uri, { uri, stamp: openStamp(document), read: async () => document.getText() });
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = await findFilesInFolder(folder, [NOTE_FILES], token);
      if (token.isCancellationRequested) return undefined;
      for (const uri of found) {
        const key = uri.toString();
        if (files.has(key)) continue;
        const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
        if (stat) files.set(key, { uri: key, stamp: diskStamp(stat), size: stat.size, read: () => readNote(uri) });
      }
    }
    return [...files.values()];
  }
}

/** A note's text through the guarded reader: a named pipe or a huge file is refused, with the reason. */
async function readNote(uri: vscode.Uri): Promise<string> {
  const read = await readTextFile(uri, { maxBytes: MAX_NOTE_BYTES });
  if (read.kind === 'text') return read.text;
  throw new Error(read.kind === 'refused' ? read.problem.message : 'the file is gone');
}
