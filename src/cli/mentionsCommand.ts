import { statSync } from 'node:fs';
import path from 'node:path';
import { MAX_NOTE_BYTES } from '../core/navigation/noteMentionIndex';
import { mentionsJson, mentionsText } from '../core/reports/mentionReport';
import { CommandLineError, ExitCode } from './commandLineError';
import { readGuarded } from './nodeFiles';
import type { Terminal } from './terminal';
import { knowledgeOfFolders, type CommandContext, type KnowledgeOptions } from './workspace';

export const MENTIONS_FORMATS = ['text', 'json'] as const;

export interface MentionsOptions extends KnowledgeOptions {
  readonly format: (typeof MENTIONS_FORMATS)[number];
  readonly workspace?: readonly string[];
}

/** `trade-notes mentions FILE`: what the editor recognises in a text, with the knowledge of the workspace folders. */
export async function mentions(
  file: string,
  options: MentionsOptions,
  terminal: Terminal,
  context: CommandContext,
): Promise<number> {
  const resolved = path.resolve(terminal.cwd, file);
  const read = readGuarded(resolved, MAX_NOTE_BYTES);
  if (read.kind === 'refused') throw new CommandLineError(`${file}: ${read.problem.message}`);
  if (read.kind !== 'text') {
    const isFolder = statSync(resolved, { throwIfNoEntry: false })?.isDirectory() === true;
    throw new CommandLineError(`${file}: ${isFolder ? 'a folder: name one file' : 'no such file'}`);
  }
  const store = await knowledgeOfFolders(options.workspace ?? ['.'], options, terminal, context);
  const found = (await store.mentionMatcher()).scan(read.text);
  terminal.write(options.format === 'json' ? mentionsJson(read.text, found) : mentionsText(read.text, found));
  return ExitCode.clean;
}
