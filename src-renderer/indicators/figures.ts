import type { IndicatorRow } from '../../src-main/contract';
import i18n from '../i18n';
import { formatNumber, formatPercent } from '../format';

/**
 * The women's share the programme aims at among the people trained and the person-days.
 * A programme constant for now (the results framework holds yearly targets for R2.3).
 */
export const WOMEN_SHARE_TARGET = 0.4;

const none = () => i18n.t('common.none');

/** A share (0–1) from the figures, or a dash when there was nothing to divide. */
export const formatShare = (ratio: number | null) => (ratio === null ? none() : formatPercent(ratio));

/** A count or a number of person-days: whole, or with one decimal (½ days). */
export const formatCount = (n: number | null) =>
  n === null ? none() : formatNumber(n, Number.isInteger(n) ? 0 : 1);

/** Below the target: orange when close to it (within 10 points), red further away. */
export function shareColor(ratio: number | null, target = WOMEN_SHARE_TARGET) {
  if (ratio === null) return 'gray';
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
