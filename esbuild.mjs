// Bundles the extension for the desktop (Node) and web (worker) extension hosts, the script of the tariff
// chart's webview (with its charting library, which stays out of the extension's bundles) and the
// `trade-notes` command line for Node. Usage: node esbuild.mjs [--production] [--watch]. The benchmark and
// the CLI's tests import the options from here.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

/** Prints errors in the format of the `$esbuild-watch` problem matcher. */
const problemMatcherLog = {
  name: 'problem-matcher-log',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** The knowledge loader, bundled on the fly so that the build can run it (it is TypeScript). */
async function knowledgeLoader() {
  const { outputFiles } = await esbuild.build({
    entryPoints: [path.join(root, 'src/core/knowledge/loadKnowledgeFile.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(
    module,
    module.exports,
    createRequire(import.meta.url),
  );
  return module.exports;
}

/**
 * `*.trade.yaml` imports (the bundled knowledge) become their text plus the knowledge already loaded
 * from it, so activation parses no YAML. Any problem in the file fails the build, with its position.
 */
export const precompiledKnowledge = {
  name: 'precompiled-knowledge',
  setup(build) {
    let loader;
    build.onLoad({ filter: /\.trade\.yaml$/ }, async (args) => {
      loader ??= await knowledgeLoader();
      const text = await readFile(args.path, 'utf8');
      // The URI the extension serves the file at (services/bundledKnowledge.ts): ranges in it are shown there.
      const { file, problems } = loader.loadKnowledgeFile(`trade-notes-bundled:/${path.basename(args.path)}`, text);
      const lineText = (line) => text.split('\n')[line] ?? '';
      if (problems.length > 0 || !file) {
        return {
          errors: problems.map((p) => ({
            text: p.message,
            location: {
              file: args.path,
              line: p.range.start.line + 1,
              column: p.range.start.character,
              lineText: lineText(p.range.start.line),
            },
          })),
        };
      }
      const { declarations, json } = knowledgeModule(file);
      // The module must build the very knowledge the loader returned: a wrong shortcut fails the build.
      if (!isDeepStrictEqual(new Function(`${declarations}\nreturn ${json};`)(), JSON.parse(JSON.stringify(file)))) {
        return {
          errors: [{ text: 'The precompiled knowledge differs from the loaded file', location: { file: args.path } }],
        };
      }
      return { contents: `${declarations}\nexport const knowledge = ${json};\n`, loader: 'js' };
    });
  },
};

/**
 * The module of a loaded knowledge file (its declarations and the expression of the knowledge), written
 * small for the web bundle's budget: its URI once (every entry's source names it), each source range as a
 * call, each source (the URI and a range) as one, and each long string the file repeats (a report cited
 * by several entries) once. They replace whole JSON values, never text inside a string (quotes there are
 * escaped).
 */
function knowledgeModule(file) {
  let json = JSON.stringify(file)
    .split(JSON.stringify(file.uri))
    .join('u')
    .replace(
      /\{"start":\{"line":(\d+),"character":(\d+)\},"end":\{"line":(\d+),"character":(\d+)\}\}/g,
      'r($1,$2,$3,$4)',
    )
    .replace(/\{"uri":u,"range":r\((\d+,\d+,\d+,\d+)\)\}/g, 's($1)');
  // Every string token from the start, so that a match never begins inside a string; keys stay as they are.
  const strings = /"(?:[^"\\]|\\.)*"/g;
  const isValue = (end) => json[end] !== ':';
  const counts = new Map();
  for (const { 0: literal, index } of json.matchAll(strings)) {
    if (literal.length >= 20 && isValue(index + literal.length)) counts.set(literal, (counts.get(literal) ?? 0) + 1);
  }
  const names = new Map([...counts].filter(([, count]) => count > 1).map(([literal], i) => [literal, `t${i}`]));
  json = json.replace(strings, (literal, index) => (isValue(index + literal.length) && names.get(literal)) || literal);
  const declarations = [
    `const u = ${JSON.stringify(file.uri)};`,
    'const r = (a, b, c, d) => ({ start: { line: a, character: b }, end: { line: c, character: d } });',
    'const s = (a, b, c, d) => ({ uri: u, range: r(a, b, c, d) });',
    ...[...names].map(([literal, name]) => `const ${name} = ${literal};`),
  ].join('\n');
  return { declarations, json };
}

/** The most the minified web bundle may weigh: browsers download it each time vscode.dev starts the extension. */
export const webBundleBudgetKiB = 300;

/** The build options of the bundle for one extension host. */
export function extensionBuild(platform, { production = false, plugins = [] } = {}) {
  return {
    entryPoints: [path.join(root, 'src/extension.ts')],
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: production ? 'external' : 'linked',
    sourcesContent: false,
    // Text in other scripts (Chinese names, dashes) as UTF-8, half the size of \u escapes: both hosts read
    // extension code as UTF-8.
    charset: 'utf8',
    external: ['vscode'],
    logLevel: 'warning',
    plugins: [precompiledKnowledge, ...plugins],
    platform,
    ...(platform === 'node'
      ? { target: 'node18', outfile: path.join(root, 'dist/extension.js') }
      : { target: 'es2022', outfile: path.join(root, 'dist/web/extension.js') }),
  };
}

/** The tariff chart's webview: its script and its styles (uPlot's and ours), for the browser, as files. */
export function webviewBuild({ production = false, plugins = [] } = {}) {
  return {
    entryPoints: [path.join(root, 'src/webview/tariffChart.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: production ? 'external' : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins,
    outfile: path.join(root, 'dist/webview/tariffChart.js'),
  };
}

/** The bundled knowledge's text, beside the bundles, where the extension reads it when someone opens it. */
export const bundledKnowledgeText = path.join(root, 'dist', 'bundled', 'us-china-2025.trade.yaml');

async function copyBundledKnowledgeText() {
  await mkdir(path.dirname(bundledKnowledgeText), { recursive: true });
  await copyFile(path.join(root, 'src', 'bundled', 'us-china-2025.trade.yaml'), bundledKnowledgeText);
}

/** Fails the build if anything imports `vscode`: the command line runs outside VS Code. */
const noVscode = {
  name: 'no-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => ({
      errors: [
        {
          text: `'vscode' imported by ${path.relative(root, args.importer)}: the command line runs without VS Code (use src/core, or a vscode-free service)`,
        },
      ],
    }));
  },
};

/** The build options of the command line, `dist/cli.js` (run by `bin/trade-notes.mjs`). */
export function cliBuild({ production = false, plugins = [], outfile = path.join(root, 'dist/cli.js') } = {}) {
  return {
    entryPoints: [path.join(root, 'src/cli/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: production ? 'external' : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    // ES modules first: jsonc-parser's CommonJS build is UMD, which loads its parts in a way bundlers cannot follow.
    mainFields: ['module', 'main'],
    define: { TRADE_NOTES_VERSION: JSON.stringify(packageJson.version) },
    plugins: [precompiledKnowledge, noVscode, ...plugins],
    outfile,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const production = process.argv.includes('--production');
  await copyBundledKnowledgeText();
  const watch = process.argv.includes('--watch');
  const plugins = watch ? [problemMatcherLog] : [];
  const targets = [
    ...['node', 'browser'].map((platform) => extensionBuild(platform, { production, plugins })),
    cliBuild({ production, plugins }),
    webviewBuild({ production, plugins }),
  ];
  if (watch) {
    for (const options of targets) await (await esbuild.context(options)).watch();
  } else {
    const results = await Promise.all(targets.map((options) => esbuild.build({ ...options, metafile: true })));
    for (const [index, result] of results.entries()) {
      const bundles = Object.entries(result.metafile.outputs).filter(([name]) => /\.(js|css)$/.test(name));
      for (const [file, { bytes }] of bundles) {
        console.log(
          `${targets[index].platform.padEnd(7)} ${path.relative(root, file) || file} ${(bytes / 1024).toFixed(1)} KiB`,
        );
      }
      const bytes = bundles.find(([name]) => name.endsWith('.js'))[1].bytes;
      const webExtension = targets[index].outfile.endsWith(path.join('web', 'extension.js'));
      if (production && webExtension && bytes > webBundleBudgetKiB * 1024) {
        console.error(`✘ [ERROR] the web bundle is over its budget of ${webBundleBudgetKiB} KiB minified`);
        process.exitCode = 1;
      }
    }
  }
}
