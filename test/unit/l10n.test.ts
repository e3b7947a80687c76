// Localisation: every message of src/ (vscode.l10n.t and core/l10n's t) and every %key% of package.json has
// a zh-cn translation, no translation is left unused, placeholders match, the English bundle is current,
// and the lint rule that keeps English literals out of VS Code's UI APIs catches them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = join(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, file), 'utf8'));

interface Message {
  readonly key: string;
  readonly message: string;
  readonly where: string;
}
interface L10nScript {
  collectMessages(): { messages: Message[]; errors: string[] };
  englishBundleText(messages: readonly Message[]): Promise<string>;
}

/** `{0}`, `{1}`… of a message, sorted. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

describe('Localisation: messages of src/', function () {
  // The script type-checks src/ to resolve every call: seconds on a busy machine.
  this.timeout(120_000);
  let found: { messages: Message[]; errors: string[] };
  let script: L10nScript;
  const zhCn = readJson('l10n/bundle.l10n.zh-cn.json');

  before(async () => {
    // A path the compiler does not resolve: the script is plain JavaScript (scripts/l10n.mjs).
    const scriptPath = join(repoRoot, 'scripts', 'l10n.mjs');
    script = (await import(pathToFileURL(scriptPath).href)) as L10nScript;
    found = script.collectMessages();
  });

  it('passes every message as a literal, so that it can be found', () => {
    assert.deepEqual(found.errors, []);
    assert.ok(found.messages.length > 100, `${found.messages.length} messages`);
  });

  it('has a zh-cn translation of every message, with the same placeholders', () => {
    const missing = found.messages.filter(({ key }) => typeof zhCn[key] !== 'string' || zhCn[key] === '');
    assert.deepEqual(
      missing.map(({ key, where }) => `${where}: ${key}`),
      [],
    );
    const mismatched = found.messages.filter(
      ({ key, message }) => placeholders(message).join() !== placeholders(zhCn[key] as string).join(),
    );
    assert.deepEqual(
      mismatched.map(({ key }) => key),
      [],
    );
  });

  it('has no zh-cn translation that no message uses', () => {
    const used = new Set(found.messages.map(({ key }) => key));
    assert.deepEqual(
      Object.keys(zhCn).filter((key) => !used.has(key)),
      [],
    );
  });

  it('ships an English bundle (l10n/bundle.l10n.json) that is current: npm run l10n:export', async () => {
    assert.equal(
      readFileSync(join(repoRoot, 'l10n/bundle.l10n.json'), 'utf8'),
      await script.englishBundleText(found.messages),
    );
  });
});

describe('Localisation: package.json', () => {
  const manifest = readJson('package.json');
  const english = readJson('package.nls.json');
  const chinese = readJson('package.nls.zh-cn.json');
  const keys: string[] = [];
  const literals: string[] = [];
  /** Every string of the manifest's contributions that users see, with where it is. */
  const visit = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      const key = /^%(.+)%$/.exec(value)?.[1];
      if (key) keys.push(key);
      else if (
        /(?:^|\.)(?:title|name|description|markdownDescription|contents|contextualTitle)$|enumDescriptions\.\d+$|aliases\.0$/.test(
          where,
        )
      )
        literals.push(`${where}: ${value}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${where}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) visit(item, `${where}.${name}`);
    }
  };
  visit(manifest.contributes, 'contributes');
  visit(manifest.description, 'description');

  it('names every user-visible text of its contributions by a %key%', () => {
    assert.deepEqual(literals, []);
    assert.ok(keys.length > 30, `${keys.length} keys`);
  });

  it('has every %key% in package.nls.json and package.nls.zh-cn.json, and no key besides', () => {
    const used = [...new Set(keys)].sort();
    assert.deepEqual(Object.keys(english).sort(), used);
    assert.deepEqual(Object.keys(chinese).sort(), used);
    for (const key of used) assert.ok(typeof chinese[key] === 'string' && chinese[key] !== '', key);
  });

  it('tells VS Code where the bundles are', () => {
    assert.equal(manifest.l10n, './l10n');
  });
});

describe('Localisation: the lint rule against English in VS Code UI calls', function () {
  this.timeout(60_000);

  it('flags literals passed to UI APIs, and not vscode.l10n.t, logs or ids', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const code = [
      "import * as vscode from 'vscode';",
      'export function probe(item: vscode.TreeItem, x: string): void {',
      "  void vscode.window.showInformationMessage('Hello there');",
      '  void vscode.window.showWarningMessage(`No note mentions ${x}.`);',
      "  item.tooltip = 'Refresh';",
      '  item.description = `${x} events`;',
      "  void new vscode.CodeAction('Fix it', vscode.CodeActionKind.QuickFix);",
      "  void vscode.window.showQuickPick([{ label: 'Pick me' }], { placeHolder: 'Type here' });",
      "  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Working' }, async () => {});",
      '  void new vscode.MarkdownString(`**Bold** ${x}`);',
      // Allowed: translated text, ids and codes, log messages.
      "  void vscode.window.showInformationMessage(vscode.l10n.t('Hello there'));",
      "  item.contextValue = 'tariffChange';",
      "  item.description = 'trade-knowledge';",
      "  console.log('Finding knowledge files failed');",
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, 'src/features/probe.ts') });
    const flagged = result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
    assert.deepEqual([...new Set(flagged.map((message) => message.line))], [3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
