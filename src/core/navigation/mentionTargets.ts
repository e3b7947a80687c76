import { sameRate } from '../cards/tariffChanges';
import type { Knowledge } from '../knowledge/knowledge';
import type { SourceLocation, TimelineEvent } from '../knowledge/types';
import type { Mention } from '../matching/mention';
import { compareEvents } from '../timeline/timeline';
import type { EntryKind } from './knowledgeIndex';

/** Something knowledge defines and notes or knowledge files refer to. */
export interface Target {
  readonly kind: EntryKind;
  /** The id, or a country's code. */
  readonly id: string;
}

/**
 * What a mention refers to. A figure refers to its most likely tariff (the first of its card), so
 * "China cut its tariffs on US goods to 10%" counts for China's tariff and not for the US one.
 */
export function targetOfMention(mention: Mention): Target | undefined {
  switch (mention.kind) {
    case 'official':
      return { kind: 'official', id: mention.officialId };
    case 'country':
      return { kind: 'country', id: mention.code };
    case 'figure':
      return mention.tariffIds.length > 0 ? { kind: 'tariff', id: mention.tariffIds[0]! } : undefined;
  }
}

export function mentionRefersTo(mention: Mention, target: Target): boolean {
  const own = targetOfMention(mention);
  return own !== undefined && own.kind === target.kind && own.id === target.id;
}

/** Where a mention's entries are defined: every candidate tariff of a figure, most likely first. */
export function definitionsOfMention(mention: Mention, knowledge: Knowledge): SourceLocation[] {
  const targets: Target[] =
    mention.kind === 'figure' ? mention.tariffIds.map((id) => ({ kind: 'tariff', id })) : [targetOfMention(mention)!];
  return targets
    .map((target) => definitionOf(target, knowledge))
    .filter((source): source is SourceLocation => source !== undefined);
}

/** Where the merged knowledge takes a target's entry from. */
export function definitionOf(target: Target, knowledge: Knowledge): SourceLocation | undefined {
  switch (target.kind) {
    case 'official':
      return knowledge.officials.get(target.id)?.source;
    case 'tariff':
      return knowledge.tariffs.get(target.id)?.source;
    case 'event':
      return knowledge.events.get(target.id)?.source;
    case 'country':
      return knowledge.countries.get(target.id)?.source;
  }
}

/**
 * The timeline events a note is about: those an official it names took part in, and those linked to a
 * tariff change to a rate it names (for the tariff the figure most likely refers to). Oldest first.
 */
export function eventsOfNote(mentions: readonly Mention[], knowledge: Knowledge): TimelineEvent[] {
  const events = new Set<TimelineEvent>();
  for (const mention of mentions) {
    if (mention.kind === 'official') {
      for (const event of knowledge.eventsOf(mention.officialId)) events.add(event);
    } else if (mention.kind === 'figure' && mention.tariffIds.length > 0) {
      const tariff = knowledge.tariffs.get(mention.tariffIds[0]!);
      for (const step of tariff?.history ?? []) {
        const event = step.event === undefined ? undefined : knowledge.events.get(step.event);
        if (event && sameRate(step.rate, mention.rate)) events.add(event);
      }
    }
  }
  return [...events].sort(compareEvents);
}
