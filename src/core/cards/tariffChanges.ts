/** Plain-text wording of tariff rates and changes, shared by the tariff and event cards. Escape before use. */
import type { TariffStep } from '../knowledge/types';
import { displayLocale, intlFormatter, t } from '../l10n/l10n';
import { describeAsOf, formatDate } from '../timeline/dates';

/**
 * 145 → "145%", 7.5 → "7.5%", as notes write rates: no trailing zeros, and no floating-point noise such
 * as 0.30000000000000004. For text that goes into a note (completion, quick fixes).
 */
export function writtenRate(rate: number): string {
  // Most rates are whole: they need no rounding (toFixed is the slow part of a fact-check finding).
  return Number.isInteger(rate) ? `${rate}%` : `${Number(rate.toFixed(4))}%`;
}

/** A rate as cards and messages show it: {@link writtenRate} in English, the locale's percent format otherwise. */
export function formatRate(rate: number): string {
  const locale = displayLocale();
  if (locale === undefined) return writtenRate(rate);
  return intlFormatter(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }),
  ).format(rate / 100);
}

/** Rates equal up to floating-point noise, so `7.5` from a note matches `7.5%` from YAML however each was computed. */
export function sameRate(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** "Raised from 20% to 145% on 10 Apr 2025", "Lowered from …", "Kept at …", or "First recorded rate: …". */
export function describeChange(history: readonly TariffStep[], index: number): string {
  const step = history[index];
  const rate = formatRate(step.rate);
  const on = formatDate(step.date);
  if (index === 0) return t('First recorded rate: {0} on {1}', rate, on);
  const previous = history[index - 1];
  if (sameRate(previous.rate, step.rate)) return t('Kept at {0} on {1}', rate, on);
  return step.rate > previous.rate
    ? t('Raised from {0} to {1} on {2}', formatRate(previous.rate), rate, on)
    : t('Lowered from {0} to {1} on {2}', formatRate(previous.rate), rate, on);
}

/**
 * What followed the step: "then lowered to 30% on 14 May 2025", or "still the latest recorded rate", with
 * "as of 31 Dec 2025" when the knowledge says up to when it was checked (`asOf`): never "current".
 */
export function describeNext(history: readonly TariffStep[], index: number, asOf?: string): string {
  if (index === history.length - 1)
    return asOf === undefined
      ? t('still the latest recorded rate')
      : t('still the latest recorded rate {0}', describeAsOf(asOf));
  const step = history[index];
  const next = history[index + 1];
  const rate = formatRate(next.rate);
  const on = formatDate(next.date);
  if (sameRate(step.rate, next.rate)) return t('then kept at {0} on {1}', rate, on);
  return next.rate > step.rate ? t('then raised to {0} on {1}', rate, on) : t('then lowered to {0} on {1}', rate, on);
}
