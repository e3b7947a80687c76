/** Plain-text wording of tariff rates and changes, shared by the tariff and event cards. Escape before use. */
import type { TariffStep } from '../knowledge/types';
import { describeAsOf, formatDate } from '../timeline/dates';

/** 145 → "145%", 7.5 → "7.5%": no trailing zeros, and no floating-point noise such as 0.30000000000000004. */
export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(4))}%`;
}

/** Rates equal up to floating-point noise, so `7.5` from a note matches `7.5%` from YAML however each was computed. */
export function sameRate(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** "Raised from 20% to 145% on 10 Apr 2025", "Lowered from …", "Kept at …", or "First recorded rate: …". */
export function describeChange(history: readonly TariffStep[], index: number): string {
  const step = history[index];
  const on = `on ${formatDate(step.date)}`;
  if (index === 0) return `First recorded rate: ${formatRate(step.rate)} ${on}`;
  const previous = history[index - 1];
  if (sameRate(previous.rate, step.rate)) return `Kept at ${formatRate(step.rate)} ${on}`;
  const verb = step.rate > previous.rate ? 'Raised' : 'Lowered';
  return `${verb} from ${formatRate(previous.rate)} to ${formatRate(step.rate)} ${on}`;
}

/**
 * What followed the step: "then lowered to 30% on 14 May 2025", or "still the latest recorded rate", with
 * "as of 31 Dec 2025" when the knowledge says up to when it was checked (`asOf`): never "current".
 */
export function describeNext(history: readonly TariffStep[], index: number, asOf?: string): string {
  if (index === history.length - 1)
    return asOf === undefined
      ? 'still the latest recorded rate'
      : `still the latest recorded rate ${describeAsOf(asOf)}`;
  const step = history[index];
  const next = history[index + 1];
  const on = `on ${formatDate(next.date)}`;
  if (sameRate(step.rate, next.rate)) return `then kept at ${formatRate(next.rate)} ${on}`;
  const verb = next.rate > step.rate ? 'raised' : 'lowered';
  return `then ${verb} to ${formatRate(next.rate)} ${on}`;
}
