import type { DiagnosticSummary } from '../../src-main/contract';
import { formatNumber } from '../format';
import i18n from '../i18n';

/** `2,75 / 4`: a score on the scale of its grid version. */
export const formatScore = (score: number, scaleMax: number) =>
  i18n.t('diagnostics.score', { value: formatNumber(score, 2), max: scaleMax });

/** `33,3 %`: a score as a share of its scale. */
export const formatShare = (percent: number) =>
  i18n.t('diagnostics.percent', { value: formatNumber(percent, 1) });

/** `+33,3 points`, `−5 points`: a change between two shares, with a true minus sign. */
export function formatChange(points: number) {
  const sign = points > 0 ? '+' : points < 0 ? '\u2212' : '';
  return i18n.t('diagnostics.points', { value: `${sign}${formatNumber(Math.abs(points), 1)}` });
}

export const changeColor = (points: number | null) =>
  points === null || points === 0 ? 'dimmed' : points > 0 ? 'teal.8' : 'red.7';

export const statusColor: Record<DiagnosticSummary['status'], string> = {
  draft: 'yellow',
  completed: 'teal',
};
