// The command line's search of a folder: kinds by the editor's globs, .gitignore rules as Git applies
// them (nested files, negation, ignored folders never entered, rules of folders above), extra patterns.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_KNOWLEDGE_GLOBS, NOTE_GLOBS } from '../../src/core/workspace/fileKinds';
import { searchFolder, type FolderEntry, type SearchedFolder } from '../../src/core/workspace/fileSearch';
import { knowledgeGlobsInSettings } from '../../src/core/workspace/folderSettings';

/** A folder in memory: paths (with `/`) to texts; `null` marks a named pipe. Records the folders listed. */
function memoryFolder(files: Record<string, string | null>): SearchedFolder & { listed: string[] } {
  const listed: string[] = [];
  return {
    listed,
    async readDirectory(relative) {
      listed.push(relative);
      const prefix = relative === '' ? '' : `${relative}/`;
      const entries = new Map<string, FolderEntry['type']>();
      for (const [file, text] of Object.entries(files)) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(name!, rest.length > 0 ? 'directory' : text === null ? 'other' : 'file');
      }
      return [...entries].map(([name, type]) => ({ name, type }));
    },
    async readText(relative) {
      return files[relative] ?? undefined;
    },
  };
}

const KINDS = { knowledge: DEFAULT_KNOWLEDGE_GLOBS, note: NOTE_GLOBS };

describe('Searching a folder', () => {
  it('finds knowledge files and notes by the globs, sorted, anywhere below the folder', async () => {
    const folder = memoryFolder({
      'b.trade.yaml': '',
      'a/z.pnote': '',
      'a/deep/er/x.policy.md': '',
      'a/readme.md': '',
      'notes.yaml': '',
    });
    assert.deepEqual(await searchFolder(folder, { kinds: KINDS }), {
      knowledge: ['b.trade.yaml'],
      note: ['a/deep/er/x.policy.md', 'a/z.pnote'],
    });
  });

  it('gives a file to the first kind whose globs it matches, and finds named pipes too (the reader refuses them)', async () => {
    const folder = memoryFolder({ 'x.pnote': '', 'pipe.trade.yaml': null });
    const found = await searchFolder(folder, { kinds: { first: ['**/*.pnote'], second: ['**/*'] } });
    assert.deepEqual(found, { first: ['x.pnote'], second: ['pipe.trade.yaml'] });
  });

  it('leaves out what .gitignore files ignore, and never enters an ignored folder or .git', async () => {
    const folder = memoryFolder({
      '.gitignore': 'drafts/\n*.tmp.pnote\n',
      'drafts/a.pnote': '',
      'keep.pnote': '',
      'old.tmp.pnote': '',
      '.git/x.trade.yaml': '',
      'sub/.gitignore': '/local.pnote\n!old.tmp.pnote\n',
      'sub/local.pnote': '',
      'sub/old.tmp.pnote': '',
      'sub/deeper/local.pnote': '',
    });
    const found = await searchFolder(folder, { kinds: KINDS });
    assert.deepEqual(found.note, ['keep.pnote', 'sub/deeper/local.pnote', 'sub/old.tmp.pnote']);
    assert.deepEqual(found.knowledge, []);
    assert.ok(!folder.listed.includes('drafts'), 'the ignored folder is not listed');
    assert.ok(!folder.listed.includes('.git'));
  });

  it('applies the rules of folders above, with the path from there, and the extra patterns', async () => {
    const folder = memoryFolder({ 'a.pnote': '', 'private/b.pnote': '', 'c.pnote': '', 'k.trade.yaml': '' });
    const found = await searchFolder(folder, {
      kinds: KINDS,
      inherited: [{ prefix: 'notes/', rules: 'notes/private/\n' }],
      ignore: ['c.pnote', '*.yaml'],
    });
    assert.deepEqual(found, { knowledge: [], note: ['a.pnote'] });
  });

  it("lets a deeper .gitignore re-include what an outer rule ignores, as Git's precedence has it", async () => {
    const folder = memoryFolder({ 'x.pnote': '', 'y.pnote': '', '.gitignore': '!x.pnote\n' });
    const found = await searchFolder(folder, { kinds: KINDS, inherited: [{ prefix: 'n/', rules: '*.pnote\n' }] });
    assert.deepEqual(found.note, ['x.pnote']);
  });
});

describe("A folder's knowledge globs setting", () => {
  it('is read from settings with comments and trailing commas, keeping only non-empty texts', () => {
    const text = `{
      // the team keeps its knowledge under kb/
      "editor.wordWrap": "on",
      "tradeNotes.knowledgeFiles": ["kb/**/*.yaml", "", 3, "more/*.trade.yaml",],
    }`;
    assert.deepEqual(knowledgeGlobsInSettings(text), ['kb/**/*.yaml', 'more/*.trade.yaml']);
  });

  it('is unset without the key or when the file is not JSON, and empty when it is not a list (as the extension reads it)', () => {
    assert.equal(knowledgeGlobsInSettings('{ "editor.wordWrap": "on" }'), undefined);
    assert.equal(knowledgeGlobsInSettings('{ "tradeNotes.knowledgeFiles": [ '), undefined);
    assert.equal(knowledgeGlobsInSettings('[]'), undefined);
    assert.deepEqual(knowledgeGlobsInSettings('{ "tradeNotes.knowledgeFiles": "kb/*.yaml" }'), []);
  });

  it("defaults to package.json's setting, and notes are package.json's policy-note files", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['tradeNotes.knowledgeFiles'];
    assert.deepEqual(DEFAULT_KNOWLEDGE_GLOBS, setting.default);
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'policy-note');
    const claimed = [
      ...language.extensions.map((extension: string) => `**/*${extension}`),
      ...language.filenamePatterns.map((pattern: string) => `**/${pattern}`),
    ];
    assert.deepEqual(NOTE_GLOBS, claimed);
  });
});
