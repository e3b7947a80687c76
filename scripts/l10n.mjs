// @ts-check
// The messages of the extension: every `vscode.l10n.t(...)` and every `t(...)` of src/core/l10n in src/,
// found with the TypeScript compiler (calls are resolved to their declaration, so an alias or another
// function named `t` cannot fool it). `@vscode/l10n-dev export` finds only calls on imports of 'vscode'
// or '@vscode/l10n', so it misses the core's, which must not import either.
//
// Usage: node scripts/l10n.mjs export   writes l10n/bundle.l10n.json (the English bundle, for translators)
//        node scripts/l10n.mjs check    fails if that file is not what export would write
// test/unit/l10n.test.ts uses collectMessages() to check that every message has a zh-cn translation.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const englishBundle = path.join(repoRoot, 'l10n', 'bundle.l10n.json');
const coreL10n = path.join(repoRoot, 'src', 'core', 'l10n', 'l10n.ts');

/**
 * @typedef {object} Message
 * @property {string} key the bundle key: the message, or `message/comment`
 * @property {string} message
 * @property {string} [comment]
 * @property {string} where file:line of its first use
 */

/** @param {string} folder */
function typeScriptFiles(folder) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

/**
 * Every message used in src/, in order of first use, and what is wrong with any call (a first argument
 * that is not a literal, a comment that is not one string).
 * @returns {{ messages: Message[], errors: string[] }}
 */
export function collectMessages() {
  const config = ts.readConfigFile(path.join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram(typeScriptFiles(path.join(repoRoot, 'src')), { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  /** @type {Map<string, Message>} */
  const messages = new Map();
  /** @type {string[]} */
  const errors = [];

  /** @param {ts.CallExpression} call */
  const isL10nCall = (call) => {
    const declaration = checker.getResolvedSignature(call)?.declaration;
    if (!declaration || !ts.isFunctionDeclaration(declaration) || declaration.name?.text !== 't') return false;
    const file = path.resolve(declaration.getSourceFile().fileName);
    if (file === coreL10n) return true;
    // vscode.d.ts: `export namespace l10n { export function t(...) }`
    const namespace = declaration.parent?.parent;
    return (
      file.includes(`${path.sep}@types${path.sep}vscode${path.sep}`) &&
      ts.isModuleDeclaration(namespace) &&
      namespace.name.getText() === 'l10n'
    );
  };

  /** @param {ts.Node | undefined} node */
  const literalText = (node) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

  for (const sourceFile of program.getSourceFiles()) {
    if (!sourceFile.fileName.startsWith(path.join(repoRoot, 'src'))) continue;
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isCallExpression(node) && isL10nCall(node)) {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        const where = `${path.relative(repoRoot, sourceFile.fileName)}:${line + 1}`;
        const first = node.arguments[0];
        let message = literalText(first);
        /** @type {string | undefined} */
        let comment;
        if (message === undefined && first && ts.isObjectLiteralExpression(first)) {
          for (const property of first.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const name = property.name.getText();
            if (name === 'message') message = literalText(property.initializer);
            if (name === 'comment') {
              comment = literalText(property.initializer);
              if (comment === undefined) errors.push(`${where}: the comment must be one string literal`);
            }
          }
        }
        if (message === undefined) {
          errors.push(`${where}: the message must be a string literal (or { message: '…', comment: '…' })`);
        } else {
          const key = comment === undefined ? message : `${message}/${comment}`;
          if (!messages.has(key)) messages.set(key, { key, message, comment, where });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { messages: [...messages.values()], errors };
}

/**
 * The English bundle in the format of `@vscode/l10n-dev export`: keys sorted, a message with a comment
 * as `{ message, comment: [comment] }`; laid out by Prettier, as `npm run lint` checks.
 * @param {readonly Message[]} messages
 */
export async function englishBundleText(messages) {
  /** @type {Record<string, string | { message: string, comment: string[] }>} */
  const bundle = {};
  for (const { key, message, comment } of [...messages].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    bundle[key] = comment === undefined ? message : { message, comment: [comment] };
  }
  const options = await prettier.resolveConfig(englishBundle);
  return prettier.format(JSON.stringify(bundle, null, 2), { ...options, filepath: englishBundle });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const command = process.argv[2];
  const { messages, errors } = collectMessages();
  for (const error of errors) console.error(`✘ ${error}`);
  const text = await englishBundleText(messages);
  if (command === 'export') {
    writeFileSync(englishBundle, text);
    console.log(`${path.relative(repoRoot, englishBundle)}: ${messages.length} messages`);
  } else if (command === 'check') {
    if (readFileSync(englishBundle, 'utf8') !== text) {
      console.error(`✘ ${path.relative(repoRoot, englishBundle)} is out of date: run npm run l10n:export`);
      process.exitCode = 1;
    }
  } else {
    console.error('usage: node scripts/l10n.mjs export|check');
    process.exitCode = 2;
  }
  if (errors.length > 0) process.exitCode = 1;
}
