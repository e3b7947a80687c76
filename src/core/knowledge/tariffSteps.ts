/** Which step of a tariff's history was in force when: shared by the cards and the fact check. */
import type { TariffStep } from './types';

/** The step in force on `iso` (`YYYY-MM-DD`): the last one dated on or before it; none before the first. */
export function stepInForce<T extends Pick<TariffStep, 'date'>>(history: readonly T[], iso: string): T | undefined {
  let found: T | undefined;
  for (const step of history) {
    if (step.date > iso) break;
    found = step;
  }
  return found;
}

/** Every step in force on some day from `from` to `to` (ISO dates, inclusive), oldest first. */
export function stepsInForceDuring(history: readonly TariffStep[], from: string, to: string): TariffStep[] {
  const first = stepInForce(history, from);
  const later = history.filter((step) => step.date > from && step.date <= to);
  return first ? [first, ...later] : later;
}
