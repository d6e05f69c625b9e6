// Shared by the core's PDF writer and the report screen, so both print the same figures.
import type { Cell, ColumnFormat } from './reports';

// French Intl groups thousands with U+202F, missing from many fonts: a plain no-break space instead.
const spaces = (s: string) => s.replace(/\u202f/g, '\u00a0');
const number = (n: number, digits = 0) =>
  spaces(
    new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      n,
    ),
  );

/** `dd/mm/yyyy` from an ISO date. */
export const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A cell as French text, the way the PDF prints it (the XLSX keeps the number). */
export function formatCell(value: Cell, format: ColumnFormat): string {
  if (value === null) return '—';
  if (value === '') return '';
  if (typeof value === 'string') return format === 'date' ? frenchDate(value) : value;
  switch (format) {
    case 'integer':
      return number(value);
    case 'decimal':
      return number(value, 1);
    case 'number':
      return spaces(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value));
    case 'percent':
      return spaces(
        new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(value),
      );
    case 'fcfa':
      return `${number(value)}\u00a0F\u00a0CFA`;
    default:
      return String(value);
  }
}
