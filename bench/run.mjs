// Runs the benchmark (npm run bench): bundles bench/main.ts with esbuild, then runs it in a fresh Node
// process with --expose-gc so that retained memory can be measured. Arguments are passed through
// (e.g. `npm run bench -- --quick`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { precompiledKnowledge } from '../esbuild.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = process.env.BENCH_ENTRY ?? path.join(here, 'main.ts');
const folder = mkdtempSync(path.join(os.tmpdir(), 'trade-notes-bench-'));
const outfile = path.join(folder, 'bench.cjs');
try {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    plugins: [precompiledKnowledge],
    // The bench measures the extension's bundle with esbuild's own API, which must stay a real package.
    external: ['esbuild'],
    logLevel: 'warning',
  });
  const { status } = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      cwd: path.dirname(here),
      // The bundle lives in a temporary folder: let it find esbuild in this project.
      env: { ...process.env, NODE_PATH: path.join(path.dirname(here), 'node_modules') },
    },
  );
  process.exitCode = status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
