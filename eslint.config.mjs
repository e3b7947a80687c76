// Lint rules: typescript-eslint's recommended set, plus the boundaries that keep the core free of VS Code
// and the extension free of Node (it runs in the browser's web worker extension host too).
// Layout is left to Prettier (.prettierrc.json), which `npm run lint` runs too.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNode = 'src/ runs in the web worker extension host too (vscode.dev, github.dev), where there is no Node.';

// User-visible text goes through vscode.l10n.t (or core/l10n's t), so that it shows in the display language:
// English words written straight into VS Code's UI APIs are errors. Log messages stay English. "English" is
// words with a space between them, or one capitalised word ("Refresh"); ids and codes (`not-a-map`) are not.
const english = '/[A-Za-z] +[A-Za-z]|^[A-Z][a-z]+$/';
/** In template literals, which UI code uses for text rather than for ids, any word counts. */
const templateEnglish = '/[A-Za-z]{2}/';
const uiText = 'Write user-visible text with vscode.l10n.t (in src/core: t from core/l10n) and a zh-cn translation.';
const uiCalls =
  '/^(show(Information|Warning|Error)Message|showQuickPick|showInputBox|setStatusBarMessage|createStatusBarItem|createLanguageStatusItem|createWebviewPanel|createTreeView|withProgress|report)$/';
const uiConstructors =
  '/^(TreeItem|CodeAction|MarkdownString|Diagnostic|DocumentSymbol|SymbolInformation|CompletionItem|Hover|QuickPickItem|InlayHint|CodeLens)$/';
const uiProperties =
  '/^(title|label|description|detail|tooltip|placeHolder|placeholder|prompt|message|text|documentation|name|contextualTitle)$/';
/** Literals (and template literals with English in them) as arguments of UI calls, in UI properties, in UI assignments. */
const unlocalizedUiText = [
  `CallExpression[callee.property.name=${uiCalls}] > Literal[value=${english}]`,
  `CallExpression[callee.property.name=${uiCalls}] > TemplateLiteral > TemplateElement[value.raw=${templateEnglish}]`,
  `NewExpression[callee.property.name=${uiConstructors}] > Literal[value=${english}]`,
  `NewExpression[callee.property.name=${uiConstructors}] > TemplateLiteral > TemplateElement[value.raw=${templateEnglish}]`,
  `Property[key.name=${uiProperties}] > Literal.value[value=${english}]`,
  `Property[key.name=${uiProperties}] > TemplateLiteral.value > TemplateElement[value.raw=${templateEnglish}]`,
  `AssignmentExpression[left.property.name=${uiProperties}] > Literal.right[value=${english}]`,
  `AssignmentExpression[left.property.name=${uiProperties}] > TemplateLiteral.right > TemplateElement[value.raw=${templateEnglish}]`,
].map((selector) => ({ selector, message: uiText }));
/** In the core: the messages of problems and findings. */
const unlocalizedCoreText = [
  `Property[key.name='message'] > Literal.value[value=${english}]`,
  `Property[key.name='message'] > TemplateLiteral.value > TemplateElement[value.raw=${templateEnglish}]`,
  `CallExpression[callee.property.name=/^(report|refusal)$/] > Literal[value=${english}]`,
  `CallExpression[callee.property.name=/^(report|refusal)$/] > TemplateLiteral > TemplateElement[value.raw=${templateEnglish}]`,
].map((selector) => ({ selector, message: uiText }));
const nodeModules = builtinModules.map((name) => ({ name, message: noNode }));
const nodeSchemeModules = [{ group: ['node:*'], message: noNode }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'dist-package/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeModules, patterns: nodeSchemeModules }],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require'].map(
          (name) => ({ name, message: noNode }),
        ),
      ],
    },
  },
  {
    files: ['src/extension.ts', 'src/services/**/*.ts', 'src/features/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...unlocalizedUiText] },
  },
  {
    // The command line's reports (core/reports) and its exports stay English, as the command line does.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/reports/**', 'src/core/timeline/timelineExport.ts', 'src/core/timeline/icalendar.ts'],
    rules: { 'no-restricted-syntax': ['error', ...unlocalizedCoreText] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is plain TypeScript: adapt it in src/features or src/services.' },
            ...nodeModules,
          ],
          patterns: nodeSchemeModules,
        },
      ],
    },
  },
  {
    // What only the command line uses stays out of the extension's bundles.
    files: ['src/extension.ts', 'src/services/**/*.ts', 'src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules,
          patterns: [
            ...nodeSchemeModules,
            {
              group: ['**/cli/*', '**/workspace/folderSettings'],
              message:
                "The command line's own code: its JSON-with-comments parser's UMD build breaks the extension's bundles.",
            },
          ],
        },
      ],
    },
  },
  {
    // The command line is the one part of src/ that runs in Node, and never in VS Code (esbuild.mjs also
    // fails its build on a 'vscode' import).
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'src/cli runs without VS Code: use src/core, or a service with no run-time vscode import.',
            },
          ],
        },
      ],
      'no-restricted-globals': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    // Functions that Playwright runs inside the workbench page.
    files: ['test/ui/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
