import { EVENT_KINDS, type EventKind } from '../core/knowledge/types';
import { parseIsoDate } from '../core/timeline/dates';
import { timelineCalendar } from '../core/timeline/icalendar';
import { buildTimeline } from '../core/timeline/timeline';
import { timelineJson, timelineMarkdown } from '../core/timeline/timelineExport';
import { filterTimeline, type TimelineFilter } from '../core/timeline/timelineFilter';
import { CommandLineError, ExitCode } from './commandLineError';
import type { Terminal } from './terminal';
import { knowledgeOfFolders, type CommandContext, type KnowledgeOptions } from './workspace';

export const TIMELINE_FORMATS = ['markdown', 'json', 'ics'] as const;

export interface TimelineOptions extends KnowledgeOptions {
  readonly format: (typeof TIMELINE_FORMATS)[number];
  readonly from?: string;
  readonly to?: string;
  readonly kind?: readonly string[];
  readonly participant?: readonly string[];
  readonly newestFirst?: boolean;
}

/**
 * `trade-notes timeline`: the merged timeline (bundled and workspace knowledge, as in the Talks Timeline)
 * as Markdown, JSON or iCalendar. Knowledge files with errors are left out, as in the editor, and said so.
 */
export async function timeline(
  paths: readonly string[],
  options: TimelineOptions,
  terminal: Terminal,
  context: CommandContext,
): Promise<number> {
  const filter = timelineFilter(options);
  const store = await knowledgeOfFolders(paths, options, terminal, context);
  const knowledge = store.knowledge;
  for (const id of filter.participants ?? []) {
    if (!knowledge.officials.has(id)) terminal.writeError(`trade-notes: no official has the id '${id}'.\n`);
  }
  const groups = filterTimeline(
    buildTimeline(knowledge, options.newestFirst ? 'newest-first' : 'oldest-first'),
    filter,
  );
  if (options.format === 'markdown') terminal.write(timelineMarkdown(groups, knowledge));
  else if (options.format === 'json') terminal.write(timelineJson(groups, knowledge));
  else
    terminal.write(
      timelineCalendar(
        groups.flatMap((group) => group.events),
        knowledge,
        terminal.now(),
      ),
    );
  return ExitCode.clean;
}

/** The filter of the options, checked: a date that is not a real ISO date or an unknown kind is a usage error. */
function timelineFilter({ from, to, kind, participant }: TimelineOptions): TimelineFilter {
  for (const [option, date] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (date !== undefined && !parseIsoDate(date)) {
      throw new CommandLineError(`${option} ${date}: write an ISO date such as 2025-06-09`);
    }
  }
  const kinds = (kind ?? []).flatMap((list) => list.split(',')).map((text) => text.trim());
  const unknown = kinds.find((text) => !(EVENT_KINDS as readonly string[]).includes(text));
  if (unknown !== undefined) throw new CommandLineError(`--kind ${unknown}: use one of ${EVENT_KINDS.join(', ')}`);
  const participants = (participant ?? []).flatMap((list) => list.split(',')).map((text) => text.trim());
  return {
    from,
    to,
    kinds: kinds.length > 0 ? (kinds as EventKind[]) : undefined,
    participants: participants.length > 0 ? participants : undefined,
  };
}
