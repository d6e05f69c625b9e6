import { fcfaToEur, type IndicatorRow } from '../src-main/contract';
import i18n from './i18n';

const none = () => i18n.t('common.none');

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'fr-FR');

// French Intl groups thousands with U+202F; shown as a plain no-break space for old fonts.
const spaces = (s: string) => s.replace(/\u202f/g, '\u00a0');

export const formatNumber = (n: number, digits = 0) =>
  spaces(
    new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      n,
    ),
  );

/** A number with its decimals as stored, up to `digits` (`14`, `19,2`). */
export const formatUpTo = (n: number, digits = 1) =>
  spaces(new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n));

/** `1 234 567 F CFA` */
export const formatFcfa = (amount: number) => `${formatNumber(amount)}\u00a0F\u00a0CFA`;

/** `1 882,03 €` */
export const formatEur = (amount: number) =>
  spaces(new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(amount));

export const formatFcfaWithEur = (amount: number) =>
  `${formatFcfa(amount)} (${formatEur(fcfaToEur(amount))})`;

/** Today's date on this computer, `YYYY-MM-DD`. */
export const todayIso = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** `YYYY-MM-DD` → `dd/mm/yyyy`, whatever the language. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A share, given from 0 to 1, as a percentage (`40 %`, `33,3 %` with one digit); a dash when there
 * was nothing to divide.
 */
export const formatShare = (ratio: number | null, digits = 0) =>
  ratio === null
    ? none()
    : spaces(
        new Intl.NumberFormat(locale(), {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(ratio),
      );

/**
 * A share shown beside its target: with as many decimals as it takes not to read as the target
 * while it is not reached (« 44,7 % », « 44,95 % » under a 45 % target, never « 45 % » or « 45,0 % »
 * beside « Sous la cible »).
 */
export function formatShareAgainst(ratio: number | null, target: number | null) {
  if (ratio === null || target === null || ratio >= target) return formatShare(ratio);
  for (let digits = 0; digits < 4; digits++) {
    const shown = formatShare(ratio, digits);
    if (shown !== formatShare(target, digits)) return shown;
  }
  return formatShare(ratio, 4);
}

/** A count or a number of person-days: whole, or with one decimal (½ days); a dash for none. */
export const formatCount = (n: number | null) =>
  n === null ? none() : formatNumber(n, Number.isInteger(n) ? 0 : 1);

/** An indicator's value in its unit (the results framework gives percentages as 0–100). */
export function formatIndicatorValue(unit: IndicatorRow['unit'], value: number | null) {
  if (value === null) return none();
  const n = formatCount(value);
  if (unit === 'percent') return `${n}\u00a0%`;
  return n;
}

/** `2,75 / 4`: a diagnostic's score on the scale of its grid version. */
export const formatScore = (score: number, scaleMax: number) =>
  i18n.t('diagnostics.score', { value: formatNumber(score, 2), max: scaleMax });

/** `+33,3 points`, `−5 points`: a change between two shares (in points), with a true minus sign. */
export function formatChange(points: number) {
  const sign = points > 0 ? '+' : points < 0 ? '\u2212' : '';
  return i18n.t('diagnostics.points', { value: `${sign}${formatNumber(Math.abs(points), 1)}` });
}

/** `850 o`, `12 Ko`, `3,4 Mo` in French; `12 KB`, `3.4 MB` in English. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return i18n.t('common.size.bytes', { value: formatNumber(bytes) });
  if (bytes < 1024 * 1024)
    return i18n.t('common.size.kilobytes', { value: formatNumber(Math.round(bytes / 1024)) });
  return i18n.t('common.size.megabytes', { value: formatNumber(bytes / 1024 / 1024, 1) });
}
