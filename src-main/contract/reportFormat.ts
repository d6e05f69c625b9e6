// Shared by the core's PDF writer and the report screen, so both print the same figures.
import type { Cell, ColumnFormat } from './reports';

// French Intl groups thousands with U+202F, missing from many fonts: a plain no-break space instead.
const spaces = (s: string) => s.replace(/\u202f/g, '\u00a0');
// Made once: building a formatter costs far more than formatting (a report prints thousands of cells).
const formats = {
  integer: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, minimumFractionDigits: 0 }),
  decimal: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  number: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }),
  percent: new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }),
};
const formatted = (n: number, kind: keyof typeof formats) => spaces(formats[kind].format(n));

/** `dd/mm/yyyy` from an ISO date. */
export const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A cell as French text, the way the PDF prints it (the XLSX keeps the number). */
export function formatCell(value: Cell, format: ColumnFormat): string {
  if (value === null) return '—';
  if (value === '') return '';
  if (typeof value === 'string') return format === 'date' ? frenchDate(value) : value;
  switch (format) {
    case 'integer':
    case 'decimal':
    case 'number':
    case 'percent':
      return formatted(value, format);
    case 'fcfa':
      return `${formatted(value, 'integer')}\u00a0F\u00a0CFA`;
    default:
      return String(value);
  }
}
