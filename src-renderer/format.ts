import { fcfaToEur } from '../src-main/contract';
import i18n from './i18n';

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

/** `YYYY-MM-DD` → `dd/mm/yyyy`, whatever the language. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export const formatPercent = (ratio: number) =>
  spaces(new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio));

/** `850 o`, `12 Ko`, `3,4 Mo` in French; `12 KB`, `3.4 MB` in English. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return i18n.t('common.size.bytes', { value: formatNumber(bytes) });
  if (bytes < 1024 * 1024)
    return i18n.t('common.size.kilobytes', { value: formatNumber(Math.round(bytes / 1024)) });
  return i18n.t('common.size.megabytes', { value: formatNumber(bytes / 1024 / 1024, 1) });
}
