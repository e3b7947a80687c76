import type { TimeSlices } from '../scheduling/timeSlices';
import { runSteps, runStepsInSlices, type Steps } from '../scheduling/steps';
import type {
  Country,
  KnowledgeFile,
  KnowledgeProblem,
  Official,
  SourceLocation,
  Tariff,
  TariffStep,
  TimelineEvent,
} from './types';

export interface LinkedStep {
  readonly tariff: Tariff;
  readonly step: TariffStep;
}

/**
 * The merged, read-only view of every knowledge source, with the lookups features need.
 * Built once per change by {@link mergeKnowledge}; never mutated afterwards.
 */
export class Knowledge {
  readonly countries = new Map<string, Country>();
  readonly officials = new Map<string, Official>();
  readonly tariffs = new Map<string, Tariff>();
  readonly events = new Map<string, TimelineEvent>();
  /** The `asOf` date of each source that has one, by the source's URI. */
  readonly asOfBySource = new Map<string, string>();
  private eventsByOfficial?: Map<string, TimelineEvent[]>;
  private stepsByEvent?: Map<string, LinkedStep[]>;

  /** The date up to which the file that defines `entry` was checked, when it says (`asOf`). */
  asOfSourceOf(entry: { readonly source: SourceLocation }): string | undefined {
    return this.asOfBySource.get(entry.source.uri);
  }

  /**
   * The earliest `asOf` of the sources: every source that gives a date was checked at least up to it.
   * Undefined when no source gives one.
   */
  get asOf(): string | undefined {
    let earliest: string | undefined;
    for (const date of this.asOfBySource.values()) if (earliest === undefined || date < earliest) earliest = date;
    return earliest;
  }

  /** Timeline events the official took part in, in definition order (sort with the timeline's compareEvents). */
  eventsOf(officialId: string): readonly TimelineEvent[] {
    if (!this.eventsByOfficial) {
      this.eventsByOfficial = new Map();
      for (const event of this.events.values()) {
        for (const participant of new Set(event.participants)) {
          const list = this.eventsByOfficial.get(participant) ?? [];
          list.push(event);
          this.eventsByOfficial.set(participant, list);
        }
      }
    }
    return this.eventsByOfficial.get(officialId) ?? [];
  }

  /** Tariff changes whose history entry links to the event. */
  stepsLinkedTo(eventId: string): readonly LinkedStep[] {
    if (!this.stepsByEvent) {
      this.stepsByEvent = new Map();
      for (const tariff of this.tariffs.values()) {
        for (const step of tariff.history) {
          if (!step.event) continue;
          const list = this.stepsByEvent.get(step.event) ?? [];
          list.push({ tariff, step });
          this.stepsByEvent.set(step.event, list);
        }
      }
    }
    return this.stepsByEvent.get(eventId) ?? [];
  }
}

export interface MergeResult {
  readonly knowledge: Knowledge;
  /** Cross-file problems: duplicate ids between workspace files, unresolved references. */
  readonly problems: KnowledgeProblem[];
}

/**
 * Merges the bundled knowledge (lowest priority) with workspace files.
 * A workspace entry replaces a bundled entry with the same id; two workspace files defining
 * the same id is a problem on the later one (files are taken in the given order), and the first wins.
 */
export function mergeKnowledge(bundled: KnowledgeFile | undefined, workspace: readonly KnowledgeFile[]): MergeResult {
  return runSteps(mergeInSteps(bundled, workspace));
}

/**
 * {@link mergeKnowledge} with the same result, in time slices: for tens of thousands of entries,
 * which take longer to merge than the host may be blocked.
 */
export function mergeKnowledgeInSlices(
  bundled: KnowledgeFile | undefined,
  workspace: readonly KnowledgeFile[],
  slices: TimeSlices,
): Promise<MergeResult> {
  return runStepsInSlices(mergeInSteps(bundled, workspace), slices);
}

/** Entries and references merged between two looks at the clock. */
const ITEMS_PER_STEP = 4096;

function* mergeInSteps(bundled: KnowledgeFile | undefined, workspace: readonly KnowledgeFile[]): Steps<MergeResult> {
  const knowledge = new Knowledge();
  const problems: KnowledgeProblem[] = [];
  let items = 0;
  const stepEnds = (): boolean => ++items % ITEMS_PER_STEP === 0;
  for (const file of bundled ? [bundled, ...workspace] : workspace)
    if (file.asOf !== undefined) knowledge.asOfBySource.set(file.uri, file.asOf);
  if (bundled) {
    for (const c of bundled.countries) knowledge.countries.set(c.code, c);
    for (const o of bundled.officials) knowledge.officials.set(o.id, o);
    for (const t of bundled.tariffs) knowledge.tariffs.set(t.id, t);
    for (const e of bundled.timeline) knowledge.events.set(e.id, e);
  }
  const bundledUri = bundled?.uri;
  const add = <T extends { source: { uri: string; range: KnowledgeProblem['range'] } }>(
    map: Map<string, T>,
    key: string,
    entry: T,
    what: string,
  ): void => {
    const existing = map.get(key);
    if (existing && existing.source.uri !== bundledUri && existing.source.uri !== entry.source.uri) {
      problems.push({
        uri: entry.source.uri,
        range: entry.source.range,
        severity: 'error',
        code: 'duplicate-id',
        message: `Duplicate ${what} '${key}': already defined in ${existing.source.uri} (line ${existing.source.range.start.line + 1}); this entry is ignored.`,
      });
      return;
    }
    map.set(key, entry);
  };
  for (const file of workspace) {
    for (const c of file.countries) {
      if (stepEnds()) yield;
      add(knowledge.countries, c.code, c, 'country');
    }
    for (const o of file.officials) {
      if (stepEnds()) yield;
      add(knowledge.officials, o.id, o, 'official id');
    }
    for (const t of file.tariffs) {
      if (stepEnds()) yield;
      add(knowledge.tariffs, t.id, t, 'tariff id');
    }
    for (const e of file.timeline) {
      if (stepEnds()) yield;
      add(knowledge.events, e.id, e, 'timeline id');
    }
  }
  const lookups = { country: knowledge.countries, official: knowledge.officials, event: knowledge.events } as const;
  const words = { country: 'country code', official: 'official id', event: 'timeline event id' } as const;
  for (const file of bundled ? [bundled, ...workspace] : workspace) {
    for (const ref of file.references) {
      if (stepEnds()) yield;
      if (!lookups[ref.target].has(ref.id)) {
        problems.push({
          uri: file.uri,
          range: ref.range,
          severity: 'warning',
          code: `unknown-${ref.target}`,
          message: `Unknown ${words[ref.target]} '${ref.id}'.`,
        });
      }
    }
  }
  return { knowledge, problems };
}
