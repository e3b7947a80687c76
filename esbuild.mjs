// Bundles the extension for the desktop (Node) and web (worker) extension hosts.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const shared = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  minify: production,
  sourcemap: production ? 'external' : 'linked',
  sourcesContent: false,
  external: ['vscode'],
  // The bundled knowledge is embedded as text, parsed at activation like any workspace file.
  loader: { '.yaml': 'text' },
  logLevel: 'warning',
  plugins: watch ? [problemMatcherLog] : [],
};

const targets = [
  { ...shared, platform: 'node', target: 'node18', outfile: 'dist/extension.js' },
  { ...shared, platform: 'browser', target: 'es2022', outfile: 'dist/web/extension.js' },
];

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(targets.map((options) => esbuild.build({ ...options, metafile: true })));
  for (const [index, result] of results.entries()) {
    const [file, { bytes }] = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('.js'));
    console.log(`${targets[index].platform.padEnd(7)} ${file} ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
