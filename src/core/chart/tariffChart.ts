/**
 * The data of the tariff chart: each tariff's steps over time, the events its steps link to, the note's date,
 * the axes, and the accessible table of the same data. Plain data, so the webview only draws it; the
 * extension builds it again whenever the knowledge or the active note changes.
 */
import { formatRate } from '../cards/tariffChanges';
import type { Knowledge } from '../knowledge/knowledge';
import { stepInForce } from '../knowledge/tariffSteps';
import type { Tariff } from '../knowledge/types';
import { describeAsOf, formatDate, parseIsoDate, shortMonthLabel, type CalendarDate } from '../timeline/dates';
import { describeEventDate } from '../timeline/timeline';
import { formatConjunction, t } from '../l10n/l10n';

const DAY_MS = 86_400_000;
/** The shortest time axis, in days, so that a tariff with one step still gets a readable chart. */
const MIN_SPAN_DAYS = 60;
const MAX_X_TICKS = 14;
const MAX_Y_TICKS = 6;

export interface ChartStep {
  /** Days since 1970-01-01 (UTC): the x value. */
  readonly day: number;
  /** ISO, `2025-05-14`. */
  readonly date: string;
  /** "14 May 2025". */
  readonly dateLabel: string;
  readonly rate: number;
  /** "30%". */
  readonly rateLabel: string;
  readonly eventId?: string;
}

export interface ChartSeries {
  readonly tariffId: string;
  readonly label: string;
  readonly steps: readonly ChartStep[];
}

export interface ChartEvent {
  readonly id: string;
  readonly day: number;
  /** "9–10 Jun 2025". */
  readonly date: string;
  readonly title: string;
}

export interface ChartTick {
  readonly value: number;
  readonly label: string;
}

/** A row of the accessible table: every step of every tariff, oldest first. */
export interface ChartRow {
  readonly date: string;
  readonly rate: string;
  readonly tariff: string;
  /** The linked event's title, or '' for none. */
  readonly event: string;
}

/** A day the keyboard cursor stops at (a step or an event), with what a screen reader says there. */
export interface ChartStop {
  readonly day: number;
  readonly description: string;
}

export interface TariffChart {
  /** "US tariffs on goods from China and China's tariffs on US goods". */
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly events: readonly ChartEvent[];
  readonly noteDate?: { readonly day: number; readonly date: string };
  readonly x: { readonly min: number; readonly max: number; readonly ticks: readonly ChartTick[] };
  readonly y: { readonly max: number; readonly ticks: readonly ChartTick[] };
  /**
   * The series on one set of days (uPlot's aligned data): `rates[s][i]` is the rate of series `s` in force
   * on `days[i]`, null before its first step and after the knowledge's date for it; `stepIndexes[s]` are the
   * indexes where series `s` has a step of its own.
   */
  readonly aligned: {
    readonly days: readonly number[];
    readonly rates: readonly (readonly (number | null)[])[];
    readonly stepIndexes: readonly (readonly number[])[];
  };
  readonly rows: readonly ChartRow[];
  readonly stops: readonly ChartStop[];
  /** "as of 31 Dec 2025": the earliest date up to which the shown tariffs' sources were checked. */
  readonly asOf?: string;
}

/** `2025-05-14` → its day number (days since 1970-01-01, UTC), or undefined for anything but a real date. */
export function dayOf(iso: string): number | undefined {
  const date = parseIsoDate(iso);
  return date && Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function calendarDateOf(day: number): CalendarDate {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The tariff the other way round (by and on swapped): the other side of a dispute. The first defined wins. */
export function counterpartOf(tariff: Tariff, knowledge: Knowledge): Tariff | undefined {
  for (const other of knowledge.tariffs.values()) {
    if (other.id !== tariff.id && other.by === tariff.on && other.on === tariff.by) return other;
  }
  return undefined;
}

/**
 * The tariffs a chart of `ids` shows: one id gives that tariff and its counterpart; several give exactly
 * those. Ids the knowledge lacks are listed as missing.
 */
export function tariffsToChart(
  ids: readonly string[],
  knowledge: Knowledge,
): { readonly tariffs: Tariff[]; readonly missing: string[] } {
  const unique = [...new Set(ids)];
  const tariffs = unique.map((id) => knowledge.tariffs.get(id)).filter((t): t is Tariff => t !== undefined);
  const missing = unique.filter((id) => !knowledge.tariffs.has(id));
  if (unique.length === 1 && tariffs.length === 1) {
    const counterpart = counterpartOf(tariffs[0], knowledge);
    if (counterpart) tariffs.push(counterpart);
  }
  return { tariffs, missing };
}

/**
 * The chart of `tariffs` (in that order) with the events their steps link to; `noteDate` (ISO), when the
 * active note has one, becomes a line.
 */
export function buildTariffChart(tariffs: readonly Tariff[], knowledge: Knowledge, noteDate?: string): TariffChart {
  const series = tariffs.map(seriesOf);
  const events = linkedEvents(series, knowledge);
  const noteDay = noteDate === undefined ? undefined : dayOf(noteDate);
  const asOfs = tariffs.map((t) => knowledge.asOfSourceOf(t));
  const asOfDays = asOfs.map((asOf) => (asOf === undefined ? undefined : dayOf(asOf)));
  const stepDays = series.flatMap((s) => s.steps.map((step) => step.day));
  const known = [...stepDays, ...events.map((e) => e.day), ...(noteDay === undefined ? [] : [noteDay])];
  const dataEnd = Math.max(...known, ...asOfDays.filter((d): d is number => d !== undefined));
  const dataStart = Math.min(...known);
  const x = xAxis(Number.isFinite(dataStart) ? dataStart : 0, Number.isFinite(dataEnd) ? dataEnd : 0);
  const maxRate = Math.max(0, ...series.flatMap((s) => s.steps.map((step) => step.rate)));
  // A series is drawn up to the date its source was checked to (asOf), or else to the end of the data.
  const knownUntil = series.map((s, index) => {
    const last = s.steps[s.steps.length - 1]?.day;
    const asOf = asOfDays[index];
    return asOf !== undefined && last !== undefined && asOf >= last ? asOf : dataEnd;
  });
  const sortedAsOfs = asOfs.filter((d): d is string => d !== undefined).sort();
  return {
    title: formatConjunction(series.map((s) => s.label)),
    series,
    events,
    noteDate:
      noteDay === undefined || noteDate === undefined ? undefined : { day: noteDay, date: formatDate(noteDate) },
    x,
    y: yAxis(maxRate),
    aligned: align(series, knownUntil),
    rows: tableRows(series, knowledge),
    stops: keyboardStops(series, events),
    asOf: sortedAsOfs.length > 0 ? describeAsOf(sortedAsOfs[0]) : undefined,
  };
}

function seriesOf(tariff: Tariff): ChartSeries {
  const steps = tariff.history.flatMap((step): ChartStep[] => {
    const day = dayOf(step.date);
    if (day === undefined) return [];
    return [
      {
        day,
        date: step.date,
        dateLabel: formatDate(step.date),
        rate: step.rate,
        rateLabel: formatRate(step.rate),
        eventId: step.event,
      },
    ];
  });
  return { tariffId: tariff.id, label: tariff.label, steps };
}

/** Events the steps link to (ids the knowledge lacks are skipped), by date, then title. */
function linkedEvents(series: readonly ChartSeries[], knowledge: Knowledge): ChartEvent[] {
  const events = new Map<string, ChartEvent>();
  for (const step of series.flatMap((s) => s.steps)) {
    const event = step.eventId === undefined ? undefined : knowledge.events.get(step.eventId);
    const day = event && dayOf(event.date);
    if (!event || day === undefined || events.has(event.id)) continue;
    events.set(event.id, { id: event.id, day, date: describeEventDate(event), title: event.title });
  }
  return [...events.values()].sort((a, b) => a.day - b.day || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/** The time axis: the data with a margin on both sides, and the first day of each month (or every n-th) as ticks. */
function xAxis(start: number, end: number): TariffChart['x'] {
  const span = Math.max(end - start, MIN_SPAN_DAYS);
  const margin = Math.max(7, Math.round(span * 0.04));
  const min = start - margin;
  const max = start + span + margin;
  const months: CalendarDate[] = [];
  let { year, month } = calendarDateOf(min);
  for (let first = Date.UTC(year, month - 1, 1) / DAY_MS; first <= max; first = Date.UTC(year, month - 1, 1) / DAY_MS) {
    if (first >= min) months.push({ year, month, day: 1 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  const stride = [1, 2, 3, 6, 12, 24, 60].find((n) => months.length / n <= MAX_X_TICKS) ?? 120;
  const shown = months.filter((m) => (m.year * 12 + m.month - 1) % stride === 0);
  const ticks = shown.map((date, index) => ({
    value: Date.UTC(date.year, date.month - 1, 1) / DAY_MS,
    label: shortMonthLabel(date, index === 0 || date.month === 1 || stride >= 12),
  }));
  return { min, max, ticks };
}

/** The rate axis from 0 to a round number above the highest rate, in at most {@link MAX_Y_TICKS} steps. */
function yAxis(maxRate: number): TariffChart['y'] {
  const top = maxRate > 0 ? maxRate * 1.08 : 10;
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const step =
    [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => top / s <= MAX_Y_TICKS - 1) ??
    10 * magnitude;
  const max = Math.ceil(top / step) * step;
  const ticks: ChartTick[] = [];
  for (let i = 0; i * step <= max + 1e-9; i++) {
    const value = Number((i * step).toFixed(6));
    ticks.push({ value, label: formatRate(value) });
  }
  return { max: ticks[ticks.length - 1].value, ticks };
}

function align(series: readonly ChartSeries[], knownUntil: readonly number[]): TariffChart['aligned'] {
  const days = [...new Set([...series.flatMap((s) => s.steps.map((step) => step.day)), ...knownUntil])].sort(
    (a, b) => a - b,
  );
  const rates = series.map((s, index) =>
    days.map((day) => {
      if (s.steps.length === 0 || day < s.steps[0].day || day > knownUntil[index]) return null;
      return stepInForce(s.steps, isoOf(day))?.rate ?? null;
    }),
  );
  const stepIndexes = series.map((s) => s.steps.map((step) => days.indexOf(step.day)));
  return { days, rates, stepIndexes };
}

function tableRows(series: readonly ChartSeries[], knowledge: Knowledge): ChartRow[] {
  const rows = series.flatMap((s, seriesIndex) =>
    s.steps.map((step) => ({
      day: step.day,
      seriesIndex,
      row: {
        date: step.dateLabel,
        rate: step.rateLabel,
        tariff: s.label,
        event: (step.eventId === undefined ? undefined : knowledge.events.get(step.eventId)?.title) ?? '',
      },
    })),
  );
  return rows.sort((a, b) => a.day - b.day || a.seriesIndex - b.seriesIndex).map((r) => r.row);
}

/** Every day with a step or an event, with each tariff's rate in force then and what happened. */
function keyboardStops(series: readonly ChartSeries[], events: readonly ChartEvent[]): ChartStop[] {
  const days = [...new Set([...series.flatMap((s) => s.steps.map((step) => step.day)), ...events.map((e) => e.day)])];
  return days
    .sort((a, b) => a - b)
    .map((day) => {
      const iso = isoOf(day);
      const rates = series.flatMap((s) => {
        const inForce = stepInForce(s.steps, iso);
        if (!inForce) return [];
        return [
          inForce.day === day
            ? t({
                message: '{0}: {1} (new)',
                args: [s.label, inForce.rateLabel],
                comment: 'a rate that starts that day',
              })
            : t({ message: '{0}: {1}', args: [s.label, inForce.rateLabel], comment: 'a tariff and its rate on a day' }),
        ];
      });
      const happened = events.filter((e) => e.day === day).map((e) => t('Event: {0}', e.title));
      const sentences = t({ message: '. ', comment: 'separates the sentences of a description read aloud' });
      return { day, description: [formatDate(iso), ...rates, ...happened].join(sentences) };
    });
}

function isoOf(day: number): string {
  const { year, month, day: dayOfMonth } = calendarDateOf(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
