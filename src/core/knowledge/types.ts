/**
 * Knowledge format v1: the model the rest of the core works on.
 * Every entry remembers where it was defined so features can point back at it.
 */

/** A zero-based position in a text, as line/character, like VS Code's. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Where an entry or a problem lives: a URI string (never a file path) and a range in that file. */
export interface SourceLocation {
  readonly uri: string;
  readonly range: Range;
}

export interface Country {
  /** The key under `countries:`, e.g. `US`. */
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly flag?: string;
  readonly source: SourceLocation;
}

export interface Official {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country?: string;
  /** The official's title now (or last): what cards show. */
  readonly title: string;
  readonly organization?: string;
  /** Titles over time, when the official had several (optional); empty when the file gives none. */
  readonly titles: readonly DatedTitle[];
  readonly note?: string;
  readonly links: readonly string[];
  readonly source: SourceLocation;
}

/** A title an official held from one date to another; either end may be open. */
export interface DatedTitle {
  readonly title: string;
  readonly organization?: string;
  /** ISO dates, both inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly source: SourceLocation;
}

export interface TariffStep {
  /** ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The rate in percent, e.g. 145 or 7.5. */
  readonly rate: number;
  readonly note?: string;
  /** Id of a timeline event. */
  readonly event?: string;
  /** Sources of this step's rate; a fact-check finding about the step cites the first http(s) one. */
  readonly links: readonly string[];
  readonly source: SourceLocation;
}

export interface Tariff {
  readonly id: string;
  readonly by: string;
  readonly on: string;
  readonly label: string;
  readonly links: readonly string[];
  /** Sorted by date, oldest first. */
  readonly history: readonly TariffStep[];
  readonly source: SourceLocation;
}

export const EVENT_KINDS = ['talks', 'call', 'statement', 'measure', 'deadline'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface TimelineEvent {
  readonly id: string;
  readonly date: string;
  readonly end?: string;
  readonly title: string;
  readonly place?: string;
  readonly kind?: EventKind;
  readonly participants: readonly string[];
  readonly summary?: string;
  readonly links: readonly string[];
  readonly source: SourceLocation;
}

/** The content of one knowledge file (or of the bundled knowledge). */
export interface KnowledgeFile {
  readonly uri: string;
  /** ISO date up to which the file's content was checked (`asOf:`), when the file says. */
  readonly asOf?: string;
  readonly countries: readonly Country[];
  readonly officials: readonly Official[];
  readonly tariffs: readonly Tariff[];
  readonly timeline: readonly TimelineEvent[];
  /** Every id this file refers to, checked once all sources are merged. */
  readonly references: readonly KnowledgeReference[];
}

export type Severity = 'error' | 'warning';

export interface KnowledgeProblem {
  readonly uri: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** A stable code, so tests and quick fixes need not parse messages. */
  readonly code: string;
}

/** A use of an id inside a knowledge file (`country: US`, `participants: [...]`, `event: ...`). */
export interface KnowledgeReference {
  readonly target: 'country' | 'official' | 'event';
  readonly id: string;
  readonly range: Range;
}
