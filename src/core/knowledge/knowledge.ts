import type { TimeSlices } from '../scheduling/timeSlices';
import { runSteps, runStepsInSlices, type Steps } from '../scheduling/steps';
import { t } from '../l10n/l10n';
import type {
  Country,
  KnowledgeFile,
  KnowledgeProblem,
  KnowledgeReference,
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
    for (const tariff of bundled.tariffs) knowledge.tariffs.set(tariff.id, tariff);
    for (const e of bundled.timeline) knowledge.events.set(e.id, e);
  }
  const bundledUri = bundled?.uri;
  const add = <T extends { source: { uri: string; range: KnowledgeProblem['range'] } }>(
    map: Map<string, T>,
    key: string,
    entry: T,
    kind: EntryKind,
  ): void => {
    const existing = map.get(key);
    if (existing && existing.source.uri !== bundledUri && existing.source.uri !== entry.source.uri) {
      problems.push({
        uri: entry.source.uri,
        range: entry.source.range,
        severity: 'error',
        code: 'duplicate-id',
        message: duplicateMessage(kind, key, existing.source.uri, existing.source.range.start.line + 1),
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
      add(knowledge.officials, o.id, o, 'official');
    }
    for (const tariff of file.tariffs) {
      if (stepEnds()) yield;
      add(knowledge.tariffs, tariff.id, tariff, 'tariff');
    }
    for (const e of file.timeline) {
      if (stepEnds()) yield;
      add(knowledge.events, e.id, e, 'event');
    }
  }
  const lookups = { country: knowledge.countries, official: knowledge.officials, event: knowledge.events } as const;
  for (const file of bundled ? [bundled, ...workspace] : workspace) {
    for (const ref of file.references) {
      if (stepEnds()) yield;
      if (!lookups[ref.target].has(ref.id)) {
        problems.push({
          uri: file.uri,
          range: ref.range,
          severity: 'warning',
          code: `unknown-${ref.target}`,
          message: unknownReferenceMessage(ref.target, ref.id),
        });
      }
    }
  }
  return { knowledge, problems };
}

type EntryKind = 'country' | 'official' | 'tariff' | 'event';

function duplicateMessage(kind: EntryKind, id: string, uri: string, line: number): string {
  switch (kind) {
    case 'country':
      return t("Duplicate country '{0}': already defined in {1} (line {2}); this entry is ignored.", id, uri, line);
    case 'official':
      return t("Duplicate official id '{0}': already defined in {1} (line {2}); this entry is ignored.", id, uri, line);
    case 'tariff':
      return t("Duplicate tariff id '{0}': already defined in {1} (line {2}); this entry is ignored.", id, uri, line);
    case 'event':
      return t("Duplicate timeline id '{0}': already defined in {1} (line {2}); this entry is ignored.", id, uri, line);
  }
}

function unknownReferenceMessage(target: KnowledgeReference['target'], id: string): string {
  switch (target) {
    case 'country':
      return t("Unknown country code '{0}'.", id);
    case 'official':
      return t("Unknown official id '{0}'.", id);
    case 'event':
      return t("Unknown timeline event id '{0}'.", id);
  }
}
