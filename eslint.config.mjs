// Lint rules: typescript-eslint's recommended set, plus the boundaries that keep the core free of VS Code
// and the extension free of Node (it runs in the browser's web worker extension host too).
// Layout is left to Prettier (.prettierrc.json), which `npm run lint` runs too.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNode = 'src/ runs in the web worker extension host too (vscode.dev, github.dev), where there is no Node.';
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
