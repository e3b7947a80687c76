// Named pipes named like a knowledge file and like a note: reading either would wait forever for a
// writer (VS Code's file search skips them, but file watchers report them). Every read goes through the
// guarded reader, which refuses anything that is not a regular file, so navigation, references and
// completion answer, and the pipes are never opened for reading.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, openNote, positionOf, waitFor, workspaceFile } from '../support';

/** Fails if `work` has not answered within the time: a read of a pipe would hang it. */
async function answers<T>(what: string, work: Thenable<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // Far longer than any answer takes on a loaded machine: a read of a pipe never ends.
    timer = setTimeout(() => reject(new Error(`${what} did not answer: something read a named pipe`)), 30_000);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a process has the pipe open for reading: only then does a non-blocking open for writing succeed. */
function hasReader(pipe: string): boolean {
  try {
    // Succeeding also gives a waiting reader its end of file, so a failing test leaves nothing hanging.
    fs.closeSync(fs.openSync(pipe, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw error;
  }
}

describe('Named pipes in the workspace', () => {
  const knowledgePipe = workspaceFile('knowledge', 'pipe.trade.yaml');
  const notePipe = workspaceFile('notes', 'pipe.pnote');

  after(async () => {
    for (const pipe of [knowledgePipe, notePipe]) fs.rmSync(pipe.fsPath, { force: true });
    await (await activateExtension()).store.reload();
  });

  it('are never read by Go to Definition, Find All References or completion', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    // Created while the extension runs: the file watcher reports it (VS Code's file search skips pipes).
    // Pipes left by an aborted run are made afresh.
    for (const pipe of [knowledgePipe, notePipe]) fs.rmSync(pipe.fsPath, { force: true });
    execFileSync('mkfifo', [knowledgePipe.fsPath, notePipe.fsPath]);
    await waitFor('the pipe to be tracked, and refused as a knowledge file', () =>
      api.store
        .problemsByUri()
        .get(knowledgePipe.toString())
        ?.some((p) => p.code === 'not-a-file'),
    );

    const note = await openNote('notes', 'talks.pnote');
    const at = positionOf(note, 'He Lifeng', 1);
    const definitions = await answers(
      'Go to Definition',
      vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', note.uri, at),
    );
    assert.ok(definitions.length > 0, 'the definition is found');
    const references = await answers(
      'Find All References',
      vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', note.uri, at),
    );
    assert.ok(
      references.some((location) => location.uri.toString() === note.uri.toString()),
      'references in the notes are found',
    );
    const knowledge = await vscode.workspace.openTextDocument(workspaceFile('knowledge', 'team.trade.yaml'));
    const participants = knowledge.getText().indexOf('participants: [') + 'participants: ['.length;
    const completion = await answers(
      'completion',
      vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        knowledge.uri,
        knowledge.positionAt(participants),
      ),
    );
    assert.ok(completion.items.length > 0, 'official ids are offered');

    for (const pipe of [knowledgePipe, notePipe]) {
      assert.strictEqual(hasReader(pipe.fsPath), false, `${pipe.fsPath} was never opened for reading`);
    }
  });
});
