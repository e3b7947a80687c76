// The `trade-notes` program (bundled by esbuild.mjs as dist/cli.js): the command line over process.
import { knowledge as bundled } from '../bundled/us-china-2025.trade.yaml';
import { ExitCode } from './commandLineError';
import { runCommandLine } from './program';
import type { Terminal } from './terminal';

/** Put in by esbuild.mjs: package.json's version. */
declare const TRADE_NOTES_VERSION: string;

const terminal: Terminal = {
  write: (text) => void process.stdout.write(text),
  writeError: (text) => void process.stderr.write(text),
  colour: process.stdout.isTTY === true && process.stdout.hasColors(),
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
  now: () => new Date(),
};

// A reader that stops early (`trade-notes timeline | head`) is not a failure of the program.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? ExitCode.clean : ExitCode.failure);
});

void runCommandLine(process.argv.slice(2), terminal, { bundled, version: TRADE_NOTES_VERSION }).then((code) => {
  process.exitCode = code;
});
