import type { IndicatorRow } from '../../src-main/contract';
import i18n from '../i18n';
import { formatNumber, formatPercent } from '../format';

const none = () => i18n.t('common.none');

/** A share (0–1) from the figures, or a dash when there was nothing to divide. */
export const formatShare = (ratio: number | null) => (ratio === null ? none() : formatPercent(ratio));

/** A count or a number of person-days: whole, or with one decimal (½ days). */
export const formatCount = (n: number | null) =>
  n === null ? none() : formatNumber(n, Number.isInteger(n) ? 0 : 1);

/**
 * Below the target (from the results framework): orange when close to it (within 10 points), red
 * further away; blue when no target is set.
 */
export function shareColor(ratio: number | null, target: number | null) {
  if (ratio === null) return 'gray';
  if (target === null) return 'blue';
  if (ratio >= target) return 'teal';
  return ratio >= target - 0.1 ? 'orange' : 'red';
}

/** An indicator's value in its unit (the framework gives percentages as 0–100). */
export function formatIndicatorValue(unit: IndicatorRow['unit'], value: number | null) {
  if (value === null) return none();
  const n = formatCount(value);
  if (unit === 'percent') return `${n}\u00a0%`;
  return n;
}

export const sexColor = { women: 'grape.6', men: 'blue.6' } as const;
