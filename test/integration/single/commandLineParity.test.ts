// `trade-notes check` on this workspace reports exactly what the editor shows (see ../commandLineParity.ts):
// on the fixture as it is (a broken knowledge file, a hint in a note), then with knowledge files added
// that break in other ways (a YAML error inside one entry, an id another file has, an unknown field).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertEditorShows, runCheck } from '../commandLineParity';
import { activateExtension, waitFor, workspaceFile } from '../support';

/** Named to sort after team.trade.yaml, whose entries then win: the duplicate is reported here. */
const ADDED: Readonly<Record<string, string>> = {
  'zz-added.trade.yaml': `kind: trade-knowledge
version: 1
officials:
  - id: kevin-hassett
    name: Kevin Hassett
    title: Defined in team.trade.yaml already
    mood: cheerful
timeline:
  - id: added-event
    date: 2025-06-20
    title: Added event
    participants: [nobody-known]
`,
  'zz-added-broken.trade.yaml': `kind: trade-knowledge
version: 1
officials:
  - id: fine-person
    name: Fine Person
    title: Fine
  - id: broken-person
    name: "Broken Person
    title: An unclosed quote
  - id: later-person
    name: Later Person
`,
};

describe('trade-notes check and the editor', () => {
  const folder = (): string => vscode.workspace.workspaceFolders![0]!.uri.path;
  const added = Object.keys(ADDED).map((name) => workspaceFile('knowledge', name));

  before(activateExtension);

  after(async () => {
    for (const uri of added) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    const { store } = await activateExtension();
    await waitFor('the added files forgotten', () => added.every((uri) => !store.problemsByUri().has(uri.toString())));
  });

  it('reports what the editor shows, position by position', async () => {
    const run = await runCheck(folder(), ['.']);
    assert.strictEqual(run.exitCode, 1, 'the fixture has a broken knowledge file');
    assert.ok(run.findings.some((f) => f.startsWith('knowledge/broken.trade.yaml:6:4-6:6 error missing-field')));
    assert.ok(run.findings.some((f) => / hint unknown-official 'Zhang Wei'/.test(f)));
    await assertEditorShows(run, folder());
  });

  it('reports the same when broken knowledge files are added', async () => {
    const encoder = new TextEncoder();
    for (const [index, uri] of added.entries())
      await vscode.workspace.fs.writeFile(uri, encoder.encode(Object.values(ADDED)[index]!));
    const run = await runCheck(folder(), ['.']);
    const added0 = run.findings.filter((f) => f.startsWith('knowledge/zz-added.trade.yaml'));
    assert.ok(
      added0.some((f) => / error duplicate-id .*file:\/\/\/.*team\.trade\.yaml/.test(f)),
      added0.join('\n'),
    );
    assert.ok(added0.some((f) => / warning unknown-field /.test(f)));
    assert.ok(added0.some((f) => / warning unknown-official .*nobody-known/.test(f)));
    const broken = run.findings.filter((f) => f.startsWith('knowledge/zz-added-broken.trade.yaml'));
    assert.ok(
      broken.some((f) => / error yaml-syntax /.test(f)),
      broken.join('\n'),
    );
    await assertEditorShows(run, folder());
  });
});
