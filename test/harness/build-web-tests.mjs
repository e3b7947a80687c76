// @ts-check
// Bundles the web worker test index (test/integration/web/index.ts) with the test files of every
// suite into out/web/tests.js (npm run compile-web-tests), for the browser's web worker extension host.
// A suite runs the shared test files (test/integration/*.test.ts), those of test/integration/web/ and
// those of its own folder, as in the Node host, except the Node-only files below. A new test file is
// in the web run without further ado. One that imports a Node module fails this build (platform
// browser), one that uses Node's globals fails in the worker: if it cannot do without Node, it belongs
// in nodeOnlyTestFiles, with the reason.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot, runMain, webTestBundle } from './paths.mjs';

const integrationFolder = path.join(repoRoot, 'test', 'integration');

/** Test files (relative to test/integration) that cannot run in a web worker, and why. */
const nodeOnlyTestFiles = new Map([
  [
    'single/startup.test.ts',
    "times the extension's start from its compiled modules, loaded then with Node's require, and loads the bundled knowledge in a Node child process",
  ],
  ['single/commandLineParity.test.ts', 'runs the command line (dist/cli.js) in a Node child process'],
  ['multi-root/commandLineParity.test.ts', 'runs the command line (dist/cli.js) in a Node child process'],
  [
    'single/namedPipes.test.ts',
    'makes named pipes with mkfifo (a Node child process) and probes them with Node fs: a web worker has no local files',
  ],
  [
    'single/noteSizeLimit.test.ts',
    'writes notes of 45 and 55 MB with Node fs: VS Code hands only files under 50 MB to extensions',
  ],
]);

/**
 * Mocha's browser build (mocha/mocha.js) is a UMD script in a package of ES modules: bundled as one, it
 * sees the bundle's own `module` and replaces the bundle's exports with mocha. Loaded from a namespace of
 * its own, it is CommonJS with a `module` of its own, and defines the globals `mocha` and `Mocha`.
 * @type {esbuild.Plugin}
 */
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha\.js$/ }, () => ({
      path: fileURLToPath(import.meta.resolve('mocha/mocha.js')),
      namespace: 'mocha-browser-build',
    }));
    build.onLoad({ filter: /./, namespace: 'mocha-browser-build' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'js',
    }));
  },
};

/** Test files (relative, with `/`) of a folder of test/integration and its subfolders. */
function testFilesIn(/** @type {string} */ folder, recursive = true) {
  return readdirSync(path.join(integrationFolder, folder), { recursive, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')))
    .sort();
}

/** The entry of the bundle: `run()` with a loader per suite, so that only the chosen suite's files load. */
function entrySource() {
  const suites = readdirSync(integrationFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'web')
    .map((entry) => entry.name)
    .sort();
  const common = [...testFilesIn('.', false), ...testFilesIn('web')];
  const loaders = suites.map((suite) => {
    const files = [...common, ...testFilesIn(suite)].filter((file) => !nodeOnlyTestFiles.has(file));
    const requires = files.map((file) => `require(${JSON.stringify(`./${file}`)});`).join(' ');
    return `  ${JSON.stringify(suite)}: () => { ${requires} },`;
  });
  return `const { runWebSuite } = require('./web/index.ts');\nexports.run = () => runWebSuite({\n${loaders.join('\n')}\n});\n`;
}

export async function buildWebTests() {
  // Imported by URL, as the bench does, so that the harness's type check stays out of the untyped build script.
  /** @type {{ precompiledKnowledge: esbuild.Plugin }} */
  const { precompiledKnowledge } = await import(pathToFileURL(path.join(repoRoot, 'esbuild.mjs')).href);
  await esbuild.build({
    stdin: { contents: entrySource(), resolveDir: integrationFolder, sourcefile: 'web-tests.js', loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outfile: webTestBundle,
    external: ['vscode'],
    // `assert` is the npm package for browsers, written for bundlers that provide a `process`: what it reads
    // of it is set here, so that a failed assertion is an AssertionError, not a ReferenceError.
    define: { 'process.env.NODE_DEBUG': 'false', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
    plugins: [precompiledKnowledge, mochaBrowserBuild],
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMain(async () => {
    await buildWebTests();
    console.log(`${path.relative(repoRoot, webTestBundle)}: the web worker test index and its test files`);
    return 0;
  });
}
