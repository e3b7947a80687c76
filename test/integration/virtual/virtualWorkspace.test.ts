// A virtual workspace (harness suite `virtual`): the only folder is tradetest:/, the in-memory file
// system of the test extension in test/fixtures/virtual-fs-extension, seeded from its folder seed/.
// VS Code's file search has no provider for that scheme, so Trade Notes must find knowledge files by
// walking the folder through workspace.fs, and read and watch them through it, faults included.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TradeNotesApi } from '../../../src/extension';
import type { KnowledgeStore } from '../../../src/services/knowledgeStore';
import {
  activateExtension,
  hoverOn,
  oneOfficial,
  openNote,
  positionOf,
  scratchNote,
  waitFor,
  workspaceFile,
} from '../support';
import { VIRTUAL_SCHEME, virtualFs, type VirtualFsApi } from './virtualFs';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SEEDED_TITLE = /Envoy of the Virtual Folder/;

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Trade Notes');
}

function isTracked(store: KnowledgeStore, uri: vscode.Uri): boolean {
  return store.trackedUris.some((tracked) => tracked.toString() === uri.toString());
}

/** The extension once its store has found and loaded the knowledge files, with a clear failure if it never does. */
async function readyExtension(): Promise<TradeNotesApi> {
  let api: TradeNotesApi | undefined;
  let failure: unknown;
  void activateExtension().then(
    (ready) => (api = ready),
    (error: unknown) => (failure = error),
  );
  return waitFor(
    'the knowledge store to finish finding and loading the knowledge files (store.ready())',
    () => {
      if (failure) throw failure;
      return api;
    },
    15000,
  );
}

/** The labels of the Talks Timeline's events in one month, read through the view's own data provider. */
async function timelineEvents(api: TradeNotesApi, month: string): Promise<string[]> {
  const months = await api.timeline.getChildren();
  const found = months.find((node) => String(api.timeline.getTreeItem(node).label) === month);
  if (!found) return [];
  return (await api.timeline.getChildren(found)).map((node) => String(api.timeline.getTreeItem(node).label));
}

describe('Virtual workspace (in-memory file system)', () => {
  const knowledgeUri = workspaceFile('knowledge', 'virtual.trade.yaml');
  let api: TradeNotesApi;
  let fileSystem: VirtualFsApi;
  let note: vscode.TextDocument;
  let seeded: string;

  before(async () => {
    fileSystem = await virtualFs();
    api = await readyExtension();
    seeded = decoder.decode(await vscode.workspace.fs.readFile(knowledgeUri));
    note = await openNote('notes', 'virtual-round.pnote');
  });

  afterEach(async () => {
    fileSystem.reset();
    if (decoder.decode(await vscode.workspace.fs.readFile(knowledgeUri)) !== seeded) {
      await vscode.workspace.fs.writeFile(knowledgeUri, encoder.encode(seeded));
    }
    await waitFor(
      'the seeded card back, without diagnostics',
      async () =>
        SEEDED_TITLE.test((await hoverOn(note, 'Vera Virtualova', 2))?.markdown ?? '') &&
        diagnosticsOf(knowledgeUri).length === 0,
    );
  });

  it('is a virtual workspace: every folder is in the tradetest file system, and Trade Notes is active', () => {
    const schemes = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme);
    assert.ok(schemes.length > 0, 'a workspace folder is open');
    assert.deepEqual(
      schemes,
      schemes.map(() => VIRTUAL_SCHEME),
    );
    assert.strictEqual(vscode.extensions.getExtension('trade-notes.trade-notes')?.isActive, true);
  });

  it('shows the card of an official from a knowledge file that only walking the folder finds', async () => {
    // VS Code's file search finds nothing in this folder (without a search provider it never answers).
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => cancel.cancel(), 2000);
    const pattern = new vscode.RelativePattern(vscode.workspace.workspaceFolders![0]!, '**/*.trade.yaml');
    const searched = await vscode.workspace.findFiles(pattern, undefined, undefined, cancel.token).then(
      (found) => found,
      () => [],
    );
    clearTimeout(timer);
    cancel.dispose();
    assert.deepEqual(searched.map(String), []);
    assert.ok(isTracked(api.store, knowledgeUri), `${knowledgeUri.toString()} is loaded`);

    const hover = await hoverOn(note, 'Vera Virtualova', 2);
    assert.strictEqual(hover?.text, 'Vera Virtualova');
    assert.match(hover.markdown, SEEDED_TITLE);
  });

  it("shows the virtual tariff's card on its figure, and its event in the Talks Timeline", async () => {
    assert.match((await hoverOn(note, '17.5%', 1))?.markdown ?? '', /Virtual test levy on goods from China/);
    assert.ok((await timelineEvents(api, 'July 2025')).includes('Virtual round of talks'));
  });

  it('finds references to the virtual official in the notes of the virtual folder', async () => {
    let locations: vscode.Location[] | undefined;
    let failure: unknown;
    vscode.commands
      .executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        note.uri,
        positionOf(note, 'Vera Virtualova', 2),
      )
      .then(
        (found) => (locations = found),
        (error: unknown) => (failure = error),
      );
    const found = await waitFor(
      'Find All References to answer',
      () => {
        if (failure) throw failure;
        return locations;
      },
      10000,
    );
    const inNotes = found
      .filter((location) => location.uri.path.endsWith('.pnote'))
      .map((location) => `${location.uri.toString()}:${location.range.start.line}`);
    assert.deepEqual(inNotes, [`${note.uri.toString()}:2`]);
  });

  it('follows a knowledge file written through workspace.fs (the file watcher sees the change)', async () => {
    await vscode.workspace.fs.writeFile(
      knowledgeUri,
      encoder.encode(seeded.replace('Envoy of the Virtual Folder', 'Rewritten Virtual Envoy')),
    );
    await waitFor('the rewritten title in the hover', async () =>
      /Rewritten Virtual Envoy/.test((await hoverOn(note, 'Vera Virtualova', 2))?.markdown ?? ''),
    );
  });

  for (const error of ['NoPermissions', 'Unavailable'] as const) {
    it(`keeps the last good card when reading fails (${error}), with an error at line 1 until a read succeeds`, async () => {
      fileSystem.failReads('virtual.trade.yaml', error);
      await vscode.workspace.fs.writeFile(
        knowledgeUri,
        encoder.encode(seeded.replace('Envoy of the Virtual Folder', 'Title nobody could read')),
      );
      const diagnostic = await waitFor('a read-failed diagnostic', () =>
        diagnosticsOf(knowledgeUri).find((d) => d.code === 'read-failed'),
      );
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [0, 0]);
      assert.match(diagnostic.message, /could not be read/);
      assert.match(
        (await hoverOn(note, 'Vera Virtualova', 2))?.markdown ?? '',
        SEEDED_TITLE,
        'the last good card still shows',
      );

      fileSystem.reset();
      await vscode.workspace.fs.writeFile(knowledgeUri, encoder.encode(seeded));
      await waitFor(
        'the diagnostic to go away once the file reads again',
        () => diagnosticsOf(knowledgeUri).length === 0,
      );
      assert.match((await hoverOn(note, 'Vera Virtualova', 2))?.markdown ?? '', SEEDED_TITLE);
    });
  }

  it('forgets a knowledge file deleted while it is being read, and a read that began before the delete does not bring it back', async () => {
    const doomed = workspaceFile('knowledge', 'doomed.trade.yaml');
    try {
      await vscode.workspace.fs.writeFile(doomed, oneOfficial('dora-doomed', 'Dora Doomed', 'About to be deleted'));
      await waitFor('the new file to load', () => api.store.knowledge.officials.has('dora-doomed'));

      fileSystem.delayReads('doomed.trade.yaml', 3000);
      const read = fileSystem.nextRead('doomed.trade.yaml');
      await vscode.workspace.fs.writeFile(doomed, oneOfficial('dora-doomed', 'Dora Doomed', 'Changed, then deleted'));
      await read.started;
      await vscode.workspace.fs.delete(doomed);
      await waitFor(
        'the deleted file to be forgotten',
        () => !api.store.knowledge.officials.has('dora-doomed') && !isTracked(api.store, doomed),
      );

      // The delayed read answers with the content from before the delete; its load must stay discarded.
      const generation = api.store.generation;
      await read.finished;
      await waitFor('the load that began before the delete to end', () => api.store.generation > generation);
      assert.strictEqual(
        api.store.knowledge.officials.has('dora-doomed'),
        false,
        'the deleted official stays forgotten',
      );
      assert.strictEqual(isTracked(api.store, doomed), false, 'the deleted file stays forgotten');
      assert.deepEqual(diagnosticsOf(doomed), [], 'nothing is left in an error state');
    } finally {
      fileSystem.reset();
      await vscode.workspace.fs.delete(doomed).then(undefined, () => undefined);
    }
  });

  it('follows a knowledge file renamed while it is being read: the new name is loaded, the old one forgotten', async () => {
    const before = workspaceFile('knowledge', 'movable.trade.yaml');
    const after = workspaceFile('knowledge', 'moved.trade.yaml');
    try {
      await vscode.workspace.fs.writeFile(before, oneOfficial('mo-mover', 'Mo Mover', 'Before the move'));
      await waitFor(
        'the file to load under its first name',
        () => api.store.knowledge.officials.get('mo-mover')?.title === 'Before the move',
      );

      fileSystem.delayReads('movable.trade.yaml', 3000);
      const read = fileSystem.nextRead('movable.trade.yaml');
      await vscode.workspace.fs.writeFile(before, oneOfficial('mo-mover', 'Mo Mover', 'After the move'));
      await read.started;
      await vscode.workspace.fs.rename(before, after);
      await waitFor(
        'the file to load under its new name only',
        () =>
          api.store.knowledge.officials.get('mo-mover')?.title === 'After the move' &&
          isTracked(api.store, after) &&
          !isTracked(api.store, before),
      );

      const generation = api.store.generation;
      await read.finished;
      await waitFor('the load that began before the rename to end', () => api.store.generation > generation);
      assert.strictEqual(isTracked(api.store, before), false, 'the old name stays forgotten');
      assert.strictEqual(api.store.knowledge.officials.get('mo-mover')?.title, 'After the move');
      assert.deepEqual([...diagnosticsOf(before), ...diagnosticsOf(after)], [], 'nothing is left in an error state');
    } finally {
      fileSystem.reset();
      for (const uri of [before, after]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('picks up a new knowledge file created through workspace.fs, and forgets it when it is deleted', async () => {
    const created = workspaceFile('knowledge', 'created.trade.yaml');
    const scratch = await scratchNote('Nova Newfile arrived late.');
    try {
      await vscode.workspace.fs.writeFile(
        created,
        oneOfficial('nova-newfile', 'Nova Newfile', 'Created in the virtual folder'),
      );
      await waitFor('a card for the new official', async () =>
        /Created in the virtual folder/.test((await hoverOn(scratch, 'Nova Newfile', 2))?.markdown ?? ''),
      );
    } finally {
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    }
    await waitFor(
      'no card once the file is deleted',
      async () => (await hoverOn(scratch, 'Nova Newfile', 2)) === undefined,
    );
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
