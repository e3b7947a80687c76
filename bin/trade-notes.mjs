#!/usr/bin/env node
// The `trade-notes` command: runs the bundled program, dist/cli.js. `npm install` builds it in a clone
// (the `prepare` script), and a published package ships it; without it, say how to build it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const program = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (existsSync(program)) {
  createRequire(import.meta.url)(program);
} else {
  console.error(
    `trade-notes: ${program} is missing; run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}`,
  );
  process.exitCode = 2;
}
