import { escapeMarkdownInline, formatLink } from '../cards/markdown';
import type { Knowledge } from '../knowledge/knowledge';
import type { TimelineEvent } from '../knowledge/types';
import { describeEventDate, type MonthGroup } from './timeline';

/** An official's name, or the id when the knowledge has no such official. */
function participantName(knowledge: Knowledge, id: string): string {
  return knowledge.officials.get(id)?.name ?? id;
}

/**
 * The timeline as Markdown: a heading and a table per month, as the Talks Timeline groups it. Text from
 * knowledge files shows literally (only what could be syntax is escaped, so the file reads well as text,
 * and a `|` cannot break a table); only http(s) links become links.
 */
export function timelineMarkdown(groups: readonly MonthGroup[], knowledge: Knowledge): string {
  const lines = ['# Talks timeline', ''];
  if (groups.length === 0) lines.push('No events.', '');
  for (const group of groups) {
    lines.push(`## ${escapeMarkdownInline(group.label)}`, '');
    lines.push('| Date | Event | Kind | Place | Participants | Sources |', '| --- | --- | --- | --- | --- | --- |');
    for (const event of group.events) {
      const cells = [
        escapeMarkdownInline(describeEventDate(event)),
        `**${escapeMarkdownInline(event.title)}**${event.summary ? ` — ${escapeMarkdownInline(event.summary)}` : ''}`,
        escapeMarkdownInline(event.kind ?? ''),
        escapeMarkdownInline(event.place ?? ''),
        event.participants.map((id) => escapeMarkdownInline(participantName(knowledge, id))).join(', '),
        event.links.flatMap((link) => formatLink(link, escapeMarkdownInline) ?? []).join(', '),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The timeline as JSON, for scripts: months in the timeline's order, each event with its participants' names. */
export function timelineJson(groups: readonly MonthGroup[], knowledge: Knowledge): string {
  const months = groups.map((group) => ({
    month: group.key,
    label: group.label,
    events: group.events.map((event: TimelineEvent) => ({
      id: event.id,
      date: event.date,
      end: event.end,
      title: event.title,
      kind: event.kind,
      place: event.place,
      participants: event.participants.map((id) => ({ id, name: participantName(knowledge, id) })),
      summary: event.summary,
      links: event.links,
    })),
  }));
  return JSON.stringify({ version: 1, months }, null, 2) + '\n';
}
