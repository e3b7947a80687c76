import * as vscode from 'vscode';
import { mentionRefersTo, type Target } from '../core/navigation/mentionTargets';
import { NoteMentionIndex, type NoteFile } from '../core/navigation/noteMentionIndex';
import { canSearch, findByWalking, type KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import { toRange } from './diagnostics';
import { POLICY_NOTE_LANGUAGE } from './policyNote';

/** The file names the Policy Note language is contributed for (package.json `languages`). */
const NOTE_FILES = '**/*.{pnote,policy.md}';

/**
 * Mentions across every policy note of the workspace (all folders), for Find All References and the
 * timeline's Find Mentions. Nothing is read until someone asks; then only notes are read, open notes
 * from their editors, and each note is scanned once per version and knowledge generation.
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
  ): Promise<vscode.Location[] | undefined> {
    await this.store.ready();
    const notes = await this.listNotes(token);
    if (!notes) return undefined;
    const generation = this.store.generation;
    const matcher = await this.store.mentionMatcher();
    if (token.isCancellationRequested) return undefined;
    const scanner = { generation, scan: matcher.scan.bind(matcher) };
    const scanned = await this.index.scanAll(notes, scanner, token, {
      report: (done, total) => progress.report({ message: `${done}/${total} notes` }),
      skipped: (uri, reason) => this.logger.info(`Find mentions: skipped ${uri}: ${reason}`),
    });
    if (!scanned) return undefined;
    return scanned.flatMap((note) =>
      note.mentions
        .filter((mention) => targets.some((target) => mentionRefersTo(mention, target)))
        .map(
          (mention) =>
            new vscode.Location(vscode.Uri.parse(note.uri), toRange(note.lines.rangeAt(mention.start, mention.end))),
        ),
    );
  }

  /** Open notes (any file name, unsaved changes included), then the note files of every folder on disk. */
  private async listNotes(token: vscode.CancellationToken): Promise<NoteFile[] | undefined> {
    const files = new Map<string, NoteFile>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== POLICY_NOTE_LANGUAGE || document.isClosed) continue;
      files.set(document.uri.toString(), {
        uri: document.uri.toString(),
        stamp: `open:${document.version}`,
        read: async () => document.getText(),
      });
    }
    const onDisk: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = canSearch(folder.uri)
        ? await vscode.workspace.findFiles(new vscode.RelativePattern(folder, NOTE_FILES), undefined, undefined, token)
        : await findByWalking(folder.uri, [NOTE_FILES]);
      if (token.isCancellationRequested) return undefined;
      onDisk.push(...found);
    }
    for (const uri of onDisk) {
      const key = uri.toString();
      if (files.has(key)) continue;
      const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
      if (!stat) continue;
      files.set(key, {
        uri: key,
        stamp: `disk:${stat.mtime}:${stat.size}`,
        size: stat.size,
        read: async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)),
      });
    }
    return [...files.values()];
  }
}
