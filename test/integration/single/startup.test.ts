// Start-up cost, measured inside the extension host: from activation to the first hover card with the
// bundled knowledge. The extension is already active when tests run (it activates with the workspace),
// so the test builds what activate() builds for hovers (knowledge store with the bundled knowledge,
// mention cache, hover provider), from freshly loaded modules, and times that up to the first card on a
// note nothing has scanned yet: on a first start in the workspace (the card does not wait for the search
// for workspace knowledge files, and says so), then on a later one, when the workspace's knowledge files
// are remembered. It reports the figures; it does not hold them to a number
// (timings on a shared machine vary too much for an assertion). Then the correctness of remembering.
// Only types are imported from src/ here: the modules are loaded when the test times it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { KnowledgeFile, Official } from '../../../src/core/knowledge/types';
import type * as HoverModule from '../../../src/features/hover';
import type { BundledKnowledge } from '../../../src/services/bundledKnowledge';
import type * as DiscoveryModule from '../../../src/services/knowledgeDiscovery';
import type * as StoreModule from '../../../src/services/knowledgeStore';
import type { Logger } from '../../../src/services/logger';
import type * as CacheModule from '../../../src/services/mentionCache';
import type * as RememberedModule from '../../../src/services/rememberedKnowledge';
import type * as EditorDocumentsModule from '../../../src/services/editorDocuments';
import type { KnowledgeMemory, RememberedFile } from '../../../src/services/rememberedKnowledge';
import { activateExtension, hoverOn, positionOf, waitFor, workspaceFile } from '../support';
import { report } from '../testRun';

/** The repository root, from out/test/integration/single. */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** Loads a compiled module at this moment, so that loading it is timed (a static import loads it with this file). */
function loadNow<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading it now is the point
  return require(relative) as T;
}

/**
 * The bundled knowledge as the bundle carries it: loaded at build time (esbuild.mjs), as data in its
 * code. Prepared the same way here, in another process: loading it in this one would warm up the YAML
 * parser that the timed part uses for the workspace files.
 */
function bundledAsBuilt(): BundledKnowledge {
  const uri = vscode.Uri.from({ scheme: 'trade-notes-bundled', path: '/us-china-2025.trade.yaml' });
  const bundledPath = path.join(repoRoot, 'src', 'bundled', 'us-china-2025.trade.yaml');
  const loaderPath = path.join(repoRoot, 'out', 'src', 'core', 'knowledge', 'loadKnowledgeFile.js');
  const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(loaderPath)}).loadKnowledgeFile(process.argv[1], require('fs').readFileSync(process.argv[2], 'utf8')).file))`;
  const output = execFileSync(process.execPath, ['-e', script, uri.toString(), bundledPath], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
  const text = fs.readFileSync(bundledPath, 'utf8');
  return { uri, text: async () => text, file: JSON.parse(output) as KnowledgeFile };
}

/** The workspace state the extension keeps between sessions, as a map (the extension gets VS Code's). */
function newMemory(): { memory: KnowledgeMemory; state: Map<string, unknown> } {
  const state = new Map<string, unknown>();
  return {
    state,
    memory: { get: <T>(key: string) => state.get(key) as T, update: async (key, value) => void state.set(key, value) },
  };
}

describe('Start-up', () => {
  before(activateExtension);

  it('reports the time from activation to the first hover, on a first start and on a later one', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('notes', 'talks.pnote'));
    const problems: string[] = [];
    const logger: Logger = { error: (message) => problems.push(message), info: () => undefined };

    const bundled = bundledAsBuilt();
    const { memory, state } = newMemory();

    const started = performance.now();
    // The same modules as the extension's bundle, loaded now (no other test loads them) and timed.
    const { KnowledgeStore } = loadNow<typeof StoreModule>('../../../src/services/knowledgeStore');
    const { KnowledgeDiscovery } = loadNow<typeof DiscoveryModule>('../../../src/services/knowledgeDiscovery');
    const { MentionCache } = loadNow<typeof CacheModule>('../../../src/services/mentionCache');
    const { editorDocuments } = loadNow<typeof EditorDocumentsModule>('../../../src/services/editorDocuments');
    const { provideMentionHover, stillSearching } = loadNow<typeof HoverModule>('../../../src/features/hover');
    const { RememberedKnowledge } = loadNow<typeof RememberedModule>('../../../src/services/rememberedKnowledge');
    const loaded = performance.now();
    report(
      `loading the modules: ${(loaded - started).toFixed(1)} ms (in the extension, this is loading its bundle, before activate())`,
    );

    /** What activate() does for hovers, then the first hover; returns the store's officials and problems. */
    async function start(label: string): Promise<string> {
      const disposables: vscode.Disposable[] = [];
      const began = performance.now();
      const remembered = new RememberedKnowledge(memory, 'test');
      const discovery = new KnowledgeDiscovery(logger);
      const store = new KnowledgeStore(bundled.file, discovery, logger, remembered);
      const cache = new MentionCache(store, editorDocuments);
      const cancellation = new vscode.CancellationTokenSource();
      disposables.push(discovery, store, cache, cancellation);
      const hover = { store, mentions: cache, logger };
      try {
        // A hover does not wait for the search for workspace files on a first start; on a later one it
        // waits for the remembered files to be checked.
        const card = await provideMentionHover(
          hover,
          document,
          positionOf(document, 'Vice Premier He Lifeng', 3),
          cancellation.token,
        );
        const hovered = performance.now();
        assert.ok(card, 'a card came back');
        const markdown = card.contents.map((part) => (part as vscode.MarkdownString).value).join('\n');
        assert.match(markdown, /Vice Premier/);
        // Whether the first search is still running at that moment varies; the virtual suite holds it up to check the marked card.
        const marked = markdown.includes(stillSearching());
        if (label.startsWith('later'))
          assert.ok(!marked, 'a later start serves the remembered files, checked: the card is final');
        await store.ready();
        const found = performance.now();
        report(
          `${label}: activate() → first hover ${(hovered - began).toFixed(1)} ms` +
            (marked ? ', shown while the search for workspace knowledge files ran, and marked so' : '') +
            `; workspace knowledge files found and loaded at ${(found - began).toFixed(1)} ms`,
        );
        const complete = await provideMentionHover(
          hover,
          document,
          positionOf(document, 'Vice Premier He Lifeng', 3),
          cancellation.token,
        );
        assert.ok(
          complete && !complete.contents.some((part) => (part as vscode.MarkdownString).value === stillSearching()),
          'once the search is done, cards are final',
        );
        if (label.startsWith('first')) {
          // The next hover on the same note reuses everything: only the lookup and the card are left.
          const again = performance.now();
          assert.ok(await provideMentionHover(hover, document, positionOf(document, '145%', 1), cancellation.token));
          report(`second hover on the same note: ${(performance.now() - again).toFixed(2)} ms`);
        }
        const byFile = [...store.problemsByUri()].map(
          ([uri, list]) => `${uri.split('/').pop()}: ${list.map((p) => p.code).join(',')}`,
        );
        await remembered.save();
        return JSON.stringify([[...store.knowledge.officials.keys()].sort(), byFile.sort()]);
      } finally {
        for (const disposable of disposables) disposable.dispose();
      }
    }

    const first = await start('first start in this workspace');
    assert.ok(state.size > 0, 'the workspace files were remembered');
    const later = await start('later start (workspace files remembered, their text checked)');
    assert.strictEqual(later, first, 'a later start serves the same knowledge and problems');
    assert.deepStrictEqual(problems, []);

    // Most of finding the workspace files on a first start is VS Code's file search: one call, for comparison.
    const searchStarted = performance.now();
    await vscode.workspace.findFiles(
      new vscode.RelativePattern(vscode.workspace.workspaceFolders![0]!, '**/*.trade.yaml'),
    );
    report(
      `for comparison, one vscode.workspace.findFiles of **/*.trade.yaml: ${(performance.now() - searchStarted).toFixed(1)} ms`,
    );
  });
});

describe('Knowledge remembered between sessions', () => {
  const logged: string[] = [];
  const logger: Logger = { error: (message) => logged.push(message), info: () => undefined };
  const disposables: vscode.Disposable[] = [];
  let bundled: BundledKnowledge;
  // Loaded after the start-up test has timed loading them.
  let modules: {
    KnowledgeStore: typeof StoreModule.KnowledgeStore;
    KnowledgeDiscovery: typeof DiscoveryModule.KnowledgeDiscovery;
    RememberedKnowledge: typeof RememberedModule.RememberedKnowledge;
  };

  before(async () => {
    await activateExtension();
    bundled = bundledAsBuilt();
    modules = {
      KnowledgeStore: loadNow<typeof StoreModule>('../../../src/services/knowledgeStore').KnowledgeStore,
      KnowledgeDiscovery: loadNow<typeof DiscoveryModule>('../../../src/services/knowledgeDiscovery')
        .KnowledgeDiscovery,
      RememberedKnowledge: loadNow<typeof RememberedModule>('../../../src/services/rememberedKnowledge')
        .RememberedKnowledge,
    };
  });
  afterEach(() => {
    for (const disposable of disposables.splice(0)) disposable.dispose();
    assert.deepStrictEqual(logged.splice(0), [], 'nothing went wrong');
  });

  /** A store as activate() makes one, with its own memory; started, and its files remembered. */
  async function startStore(memory: KnowledgeMemory): Promise<StoreModule.KnowledgeStore> {
    const remembered = new modules.RememberedKnowledge(memory, 'test');
    const discovery = new modules.KnowledgeDiscovery(logger);
    const store = new modules.KnowledgeStore(bundled.file, discovery, logger, remembered);
    disposables.push(discovery, store);
    await store.ready();
    await remembered.save();
    return store;
  }

  /** The remembered entry of the fixture's team.trade.yaml. */
  function rememberedTeam(state: Map<string, unknown>): { file: RememberedFile; officials: Official[] } {
    const files = [...state.values()][0] as RememberedFile[];
    const file = files.find((f) => f.uri.endsWith('/team.trade.yaml'));
    assert.ok(file?.file, `team.trade.yaml is remembered: ${files.map((f) => f.uri).join(', ')}`);
    return { file, officials: file.file.officials as Official[] };
  }

  it('serves what it remembered while the text is unchanged, and loads the file again once it is not', async () => {
    const { memory, state } = newMemory();
    await startStore(memory);
    assert.strictEqual(
      (await startStore(memory)).knowledge.officials.get('kevin-hassett')?.title,
      'Fixture override title',
    );

    // Marked in the memory: a store that shows the mark used the memory instead of parsing the file.
    const { file, officials } = rememberedTeam(state);
    const marked = officials.map((o) => (o.id === 'kevin-hassett' ? { ...o, title: 'Title from the memory' } : o));
    const withMark = (hash: string): RememberedFile[] => [
      { ...file, hash, file: { ...file.file!, officials: marked } },
    ];
    const key = [...state.keys()][0]!;
    state.set(key, withMark(file.hash));
    assert.strictEqual(
      (await startStore(memory)).knowledge.officials.get('kevin-hassett')?.title,
      'Title from the memory',
    );
    // The same memory for a text that has changed since: the file is loaded again.
    state.set(key, withMark(`${file.hash}-before-an-edit`));
    assert.strictEqual(
      (await startStore(memory)).knowledge.officials.get('kevin-hassett')?.title,
      'Fixture override title',
    );
  });

  it('finds a knowledge file added while the window was closed, right after serving the remembered ones', async () => {
    const { memory } = newMemory();
    await startStore(memory);
    const added = workspaceFile('knowledge', 'added-while-closed.trade.yaml');
    fs.writeFileSync(
      added.fsPath,
      'kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: nadia-newfile, name: Nadia Newfile, title: Negotiator added while closed }\n',
    );
    try {
      const store = await startStore(memory);
      assert.ok(store.knowledge.officials.has('kevin-hassett'), 'the remembered files are served at once');
      await waitFor(
        'the added file to be found',
        () => store.knowledge.officials.get('nadia-newfile')?.title === 'Negotiator added while closed',
      );
    } finally {
      fs.rmSync(added.fsPath, { force: true });
    }
  });
});

describe('Mentions while typing', () => {
  before(activateExtension);

  it('follows each edit of an indexed note, re-indexing only around it', async () => {
    // An unsaved note with a unique name, so that no other test's clean-up reverts it.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `/typing-${Date.now()}.pnote` });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    try {
      assert.ok(
        await editor.edit((b) =>
          b.insert(
            new vscode.Position(0, 0),
            `Intro.\n\n${'Filler words. '.repeat(200)}\nScott Bessent met He Lifeng.\n`,
          ),
        ),
      );
      assert.match((await hoverOn(document, 'He Lifeng', 1))?.markdown ?? '', /Vice Premier/, 'the note is indexed');
      // Typing before the mentions moves them; replacing a name changes it; the hovers follow.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Xi Jinping spoke. ')));
      const bessent = document.getText().indexOf('Scott Bessent');
      assert.ok(
        await editor.edit((b) =>
          b.replace(
            new vscode.Range(document.positionAt(bessent), document.positionAt(bessent + 13)),
            'Jamieson Greer',
          ),
        ),
      );
      assert.strictEqual((await hoverOn(document, 'He Lifeng', 1))?.text, 'He Lifeng');
      assert.strictEqual((await hoverOn(document, 'Jamieson Greer', 1))?.text, 'Jamieson Greer');
      assert.strictEqual((await hoverOn(document, 'Xi Jinping', 1))?.text, 'Xi Jinping');
      assert.strictEqual(await hoverOn(document, 'met', 1), undefined);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
