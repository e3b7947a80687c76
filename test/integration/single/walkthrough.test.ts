// The walkthrough "Get Started with Trade Notes": every step's link and completion events, and what each
// step's command does, on the sample note shipped with the extension.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, waitFor } from '../support';

interface Step {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly image?: string; readonly markdown?: string };
  readonly completionEvents: readonly string[];
}

const EXTENSION_ID = 'trade-notes.trade-notes';

/** Closes every editor of an untitled document (the sample note, the finding's fix) without saving it. */
async function closeUntitledEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && !d.isClosed)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function factFindingsOf(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'Trade Notes' && d.code !== 'unknown-official');
}

describe('Walkthrough: Get Started with Trade Notes', () => {
  before(activateExtension);
  afterEach(closeUntitledEditors);

  it('has six steps, each with one command link that completes it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON;
    const readNls = async (name: string) =>
      JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, name))),
      ) as Record<string, string>;
    const [nls, zhCn] = [await readNls('package.nls.json'), await readNls('package.nls.zh-cn.json')];
    // VS Code may hand over the manifest with its %placeholders% filled in, or not.
    const text = (value: string): string => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;
    const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['openSampleNote', 'hoverOfficial', 'hoverFigure', 'browseTimeline', 'newKnowledgeFile', 'fixFinding'],
    );
    const commands = new Set(await vscode.commands.getCommands(true));
    const views = Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flatMap((list) =>
      list.map((view) => view.id),
    );
    for (const step of walkthrough.steps) {
      const links = [...text(step.description).matchAll(/\]\(command:(?:toSide:)?([\w.]+)\)/g)].map((m) => m[1]!);
      assert.equal(links.length, 1, `${step.id}: one command link in ${JSON.stringify(text(step.description))}`);
      const link = links[0]!;
      assert.ok(commands.has(link), `${step.id}: ${link} is a registered command`);
      assert.ok(step.completionEvents.includes(`onCommand:${link}`), `${step.id}: running ${link} completes the step`);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(/:(.*)/) as [string, string];
        if (kind === 'onCommand') assert.ok(commands.has(target), `${step.id}: ${event}`);
        else assert.ok(kind === 'onView' && views.includes(target), `${step.id}: ${event}`);
      }
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} has media`);
      // A media path may be a %placeholder% too, so that each language has its own file.
      for (const translation of [nls, zhCn]) {
        const file = translation[/^%(.+)%$/.exec(media)?.[1] ?? ''] ?? media;
        const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, file));
        assert.ok(stat.size > 0, `${step.id}: ${file} is shipped`);
      }
      if (step.media.image) assert.ok(text((step.media as { altText: string }).altText), `${step.id}: alt text`);
    }
  });

  it('Open Sample Note opens the sample as an untitled policy note, and shows the same one again', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tradeNotes.openSampleNote');
    const { document } = editor;
    assert.ok(document.isUntitled);
    assert.equal(document.languageId, 'policy-note');
    assert.match(document.getText(), /^---\ndate: 2025-06-12\n---\n# Sample note/);
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(4, 0), 'Edited. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('tradeNotes.openSampleNote');
    assert.equal(again.document, document, 'the same document, with the user’s edits');
  });

  it("shows an official's card: the first official of the sample, selected, with the cursor on it", async () => {
    const name = await vscode.commands.executeCommand<string>('tradeNotes.walkthrough.showOfficialCard');
    assert.equal(name, 'Vice Premier He Lifeng');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), name);
    const card = await hoverAt(editor.document, editor.selection.active);
    assert.match(card?.markdown ?? '', /#### He Lifeng/);
  });

  it("shows a figure's card: the first tariff figure of the sample", async () => {
    const figure = await vscode.commands.executeCommand<string>('tradeNotes.walkthrough.showFigureCard');
    assert.equal(figure, '145%');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), '145%');
    const card = await hoverAt(editor.document, editor.selection.active);
    assert.match(card?.markdown ?? '', /US tariffs on goods from China/);
  });

  it('reveals the events of the sample note in the Talks Timeline', async () => {
    const revealed = await vscode.commands.executeCommand<string[]>('tradeNotes.walkthrough.showTimeline');
    assert.ok(revealed?.includes('london-2025'), JSON.stringify(revealed));
    assert.ok(revealed.includes('geneva-2025'), JSON.stringify(revealed));
  });

  it('New Knowledge File from the sample note asks for a name; dismissing it writes nothing', async () => {
    await vscode.commands.executeCommand('tradeNotes.openSampleNote');
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const before = (await vscode.workspace.fs.readDirectory(root)).map(([name]) => name).sort();
    const result = vscode.commands.executeCommand('tradeNotes.newKnowledgeFile');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await result, undefined);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(root)).map(([name]) => name).sort(), before);
  });

  it('shows the fact-check finding of the sample with its quick fixes; once fixed, none is left', async () => {
    const message = await vscode.commands.executeCommand<string>('tradeNotes.walkthrough.showFinding');
    assert.match(message ?? '', /not 145%/);
    const editor = vscode.window.activeTextEditor!;
    const { document } = editor;
    assert.equal(document.offsetAt(editor.selection.active), document.getText().lastIndexOf('145%'));
    const [finding] = factFindingsOf(document);
    assert.ok(finding);
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.equal(fixes[0]?.title, "Change to '30%'");
    assert.ok(await vscode.workspace.applyEdit(fixes[0]!.edit!));
    await waitFor('no finding left', () => factFindingsOf(document).length === 0);
    assert.equal(await vscode.commands.executeCommand('tradeNotes.walkthrough.showFinding'), undefined);
  });
});
