import { Command, CommanderError, Option } from 'commander';
import type { KnowledgeFile } from '../core/knowledge/types';
import type { Logger } from '../services/logger';
import { CHECK_FORMATS, check, FAIL_ON, type CheckOptions } from './checkCommand';
import { CommandLineError, ExitCode } from './commandLineError';
import { mentions, MENTIONS_FORMATS, type MentionsOptions } from './mentionsCommand';
import type { Terminal } from './terminal';
import { timeline, TIMELINE_FORMATS, type TimelineOptions } from './timelineCommand';

/** What the program is built with: the bundled knowledge and the version, fixed when it was built. */
export interface Build {
  readonly bundled: KnowledgeFile;
  readonly version: string;
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Runs `trade-notes` with the arguments after the program's name; resolves to the exit code. Nothing
 * throws out of it: usage errors and failures print a message (never a stack trace) and give 2.
 */
export async function runCommandLine(args: readonly string[], terminal: Terminal, build: Build): Promise<number> {
  let exitCode: number = ExitCode.clean;
  const logger: Logger = {
    error: (message, error) =>
      terminal.writeError(`trade-notes: ${message}${error === undefined ? '' : `: ${messageOf(error)}`}\n`),
    info: () => undefined,
  };
  const context = { ...build, logger };

  const program = new Command('trade-notes')
    .description(
      'Checks knowledge files and policy notes, and exports the talks timeline, as the Trade Notes extension does.',
    )
    .version(build.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => terminal.write(text), writeErr: (text) => terminal.writeError(text) })
    .showHelpAfterError('(add --help for usage)');

  // Options every command shares: where knowledge comes from.
  const knowledgeOptions = (command: Command): Command =>
    command
      .option('--no-bundled', 'leave out the bundled knowledge of the 2025 US–China talks')
      .option(
        '--knowledge <glob>',
        "knowledge files of every folder (repeatable; default: each folder's tradeNotes.knowledgeFiles setting, else **/*.trade.yaml)",
        collect,
      )
      .option('--ignore <pattern>', 'leave out files matching this .gitignore-style pattern (repeatable)', collect);

  knowledgeOptions(
    program
      .command('check')
      .description(
        'report every problem of the knowledge files, as the editor does, and the findings of the note checks',
      )
      .argument('[paths...]', 'folders to search and files to check', ['.'])
      .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
      .addOption(
        new Option('--fail-on <severity>', 'exit with 1 when a finding is this severe or more')
          .choices(FAIL_ON)
          .default('error'),
      )
      .option('--hints', 'also hint at names after a title that the knowledge lacks (unknown officials)')
      .option('--no-fact-check', 'do not check figures and titles in notes against the dated knowledge'),
  ).action(async (paths: string[], options: CheckOptions) => {
    exitCode = await check(paths, options, terminal, context);
  });

  knowledgeOptions(
    program
      .command('timeline')
      .description('print the merged talks timeline (bundled and workspace knowledge), by month')
      .argument('[folders...]', 'folders whose knowledge files are loaded', ['.'])
      .addOption(new Option('--format <format>', 'output format').choices(TIMELINE_FORMATS).default('markdown'))
      .option('--from <date>', 'only events ending on or after this ISO date')
      .option('--to <date>', 'only events starting on or before this ISO date')
      .option('--kind <kind>', 'only events of this kind (repeatable, or comma-separated)', collect)
      .option('--participant <id>', 'only events with this official (repeatable, or comma-separated)', collect)
      .option('--newest-first', 'newest month and event first'),
  ).action(async (folders: string[], options: TimelineOptions) => {
    exitCode = await timeline(folders, options, terminal, context);
  });

  knowledgeOptions(
    program
      .command('mentions')
      .description('list the mentions the editor recognises in a text file')
      .argument('<file>', 'the text to scan (a note, or any text file)')
      .addOption(new Option('--format <format>', 'output format').choices(MENTIONS_FORMATS).default('text'))
      .option(
        '-w, --workspace <folder>',
        'a folder whose knowledge files are loaded (repeatable; default: .)',
        collect,
      ),
  ).action(async (file: string, options: MentionsOptions) => {
    exitCode = await mentions(file, options, terminal, context);
  });

  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.clean : ExitCode.failure;
    terminal.writeError(`trade-notes: ${messageOf(error)}\n`);
    return ExitCode.failure;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof CommandLineError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error ? `${code ? `${code}: ` : ''}${error.message}` : String(error);
}
