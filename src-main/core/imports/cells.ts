// Reading one cell as the value a field expects: dates, amounts and choices as French users write them.
import type { ImportField } from '../../contract';
import { fold } from '../text';
import type { Cell } from './read';

export type Params = Record<string, string | number>;
/** A cell read one way although it could be read another: said beside what was understood. */
export interface Warning {
  message: string;
  params: Params;
}
export type Parsed =
  { ok: true; value: unknown; warning?: Warning } | { ok: false; message: string; params?: Params };
/** Reads a cell; `format` says how the preview shows what it read. */
export type Parser = ((cell: Exclude<Cell, null>) => Parsed) & { format: ImportField['format'] };

export const parser = (format: ImportField['format'], read: (cell: Exclude<Cell, null>) => Parsed): Parser =>
  Object.assign(read, { format });

const ok = (value: unknown, warning?: Warning): Parsed =>
  warning ? { ok: true, value, warning } : { ok: true, value };

// French Intl groups thousands with U+202F, missing from many fonts: a plain no-break space instead.
const french = (n: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }).format(n).replace(/\u202f/g, '\u00a0');
const fail = (message: string, cell: Exclude<Cell, null>, params: Params = {}): Parsed => ({
  ok: false,
  message,
  params: { value: display(cell), ...params },
});

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** A cell as the spreadsheet shows it, for the preview and the messages. */
export function display(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const iso = dateOf(cell);
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
  }
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  const text = String(cell);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Folded, punctuation as spaces: how names, labels and references are compared. */
export const key = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// ── Text ─────────────────────────────────────────────────────────────────────────

export const text = parser('text', (cell) => ok(display(cell)));

/** A phone typed as a number in Excel (76 12 34 56 → 76123456) keeps its digits. */
export const phone = parser('text', (cell) =>
  ok(typeof cell === 'number' ? String(Math.round(cell)) : display(cell)),
);

// ── Dates ────────────────────────────────────────────────────────────────────────

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? isoOf(y, m, d)
    : null;
}

/** Excel stores dates as UTC midnight: the day is read in UTC (rounded, for times near midnight). */
function dateOf(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return new Date(Math.round(date.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
}

/** An Excel serial number (days since 30/12/1899), for a date cell formatted as a number. */
function serialDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 3000 || n > 80_000) return null; // 1908 to 2119
  return dateOf(new Date(Date.UTC(1899, 11, 30) + n * 86_400_000));
}

/** `05/07/2023`, `5/7/23`, `05-07-23` (the programme's tables), `05.07.2023`, or `2023-07-05`. */
export function parseDateText(value: string): string | null {
  return readDateText(value)?.iso ?? null;
}

/** A date as typed; `swapped` is the other reading when day and month could trade places (05/07). */
function readDateText(value: string): { iso: string; swapped: string | null } | null {
  const s = value.trim();
  let match = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/);
  if (match) {
    const [, d, m, y] = match as unknown as [string, string, string, string];
    const year = y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y);
    const iso = validDate(year, Number(m), Number(d));
    if (!iso) return null;
    const swapped = Number(d) !== Number(m) ? validDate(year, Number(d), Number(m)) : null;
    return { iso, swapped };
  }
  match = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/);
  if (match) {
    const [, y, m, d] = match as unknown as [string, string, string, string];
    const iso = validDate(Number(y), Number(m), Number(d));
    return iso ? { iso, swapped: null } : null;
  }
  return null;
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The warning of a date that reads both ways: a sheet whose column proves the order drops it. */
export const DATE_ORDER_WARNING = 'imports.warnings.dateOrder';

/** Text dates with a first number above 12 prove that the column writes the day first. */
export function provesDayFirst(cell: Cell): boolean {
  const match = typeof cell === 'string' && cell.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/);
  return Boolean(match && Number(match[1]) > 12 && Number(match[2]) <= 12);
}

export const date = parser('date', (cell) => {
  if (cell instanceof Date) {
    const iso = dateOf(cell);
    return iso ? ok(iso) : fail('errors.importDate', cell);
  }
  if (typeof cell === 'number') {
    const iso = serialDate(cell);
    return iso ? ok(iso) : fail('errors.importDate', cell);
  }
  const read = typeof cell === 'string' ? readDateText(cell) : null;
  if (!read) return fail('errors.importDate', cell);
  return ok(
    read.iso,
    read.swapped
      ? {
          message: DATE_ORDER_WARNING,
          params: { value: display(cell), read: frenchDate(read.iso), other: frenchDate(read.swapped) },
        }
      : undefined,
  );
});

// ── Numbers and amounts ──────────────────────────────────────────────────────────

/**
 * A number written the French way: `92.001.000`, `92 001 000`, `1 500,5`, `-5 000`, with or
 * without a unit (`FCFA`, `F CFA`, `mois`). Null when it is not a number.
 */
export function parseNumberText(value: string, units: RegExp): number | null {
  return readNumberText(value, units)?.value ?? null;
}

/** A number as typed, with a warning when its separators could be read another way. */
function readNumberText(value: string, units: RegExp): { value: number; warning?: Warning } | null {
  let s = value
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(units, '')
    .replace(/^\((.*)\)$/, '-$1'); // (5000): a negative amount in accounting style
  if (!/^[+-]?[\d.,']+$/.test(s) || !/\d/.test(s)) return null;
  s = s.replace(/'/g, '');
  let other: number | null = null;
  let both = false;
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    // 92.001.000; a single group (1.500) could also be 1,5.
    if (s.split('.').length === 2) other = Number(s);
    s = s.replace(/\./g, '');
  } else if (/^[+-]?\d{1,3}(,\d{3}){2,}$/.test(s)) {
    s = s.replace(/,/g, ''); // 92,001,000
  } else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) {
    s = s.replace(/\./g, '').replace(',', '.'); // 1.500,50
    both = true;
  } else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) {
    s = s.replace(/,/g, ''); // 1,500.50
    both = true;
  } else {
    // 19,2 or 19.2; a comma before exactly three digits (1,500) could also be 1 500.
    if (/^[+-]?\d{1,3},\d{3}$/.test(s)) other = Number(s.replace(',', ''));
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  const params = { value: value.trim(), read: french(n) };
  if (both) return { value: n, warning: { message: 'imports.warnings.separators', params } };
  if (other !== null) {
    return {
      value: n,
      warning: { message: 'imports.warnings.separator', params: { ...params, other: french(other) } },
    };
  }
  return { value: n };
}

/** A number as a cell holds it, or as French text, `units` after it allowed; else the line's `error`. */
const numberWith = (format: ImportField['format'], units: RegExp, error: string) =>
  parser(format, (cell) => {
    if (typeof cell === 'number') return ok(cell);
    if (typeof cell === 'string') {
      const read = readNumberText(cell, units);
      if (read) return ok(read.value, read.warning);
    }
    return fail(error, cell);
  });

const MONEY_UNITS = /(fcfa|francscfa|francs|franc|cfa|xof|f)$/i;

/** An amount in FCFA: a number, or French text; decimals and negatives are left for the field's rules. */
export const amount = numberWith('fcfa', MONEY_UNITS, 'errors.importAmount');

const COUNT_UNITS = /(moisetdemi|mois|months|month|ans|personnes|pers)$/i;

export const number = numberWith('number', COUNT_UNITS, 'errors.importNumber');

// ── Choices ──────────────────────────────────────────────────────────────────────

export interface Choice<T extends string = string> {
  value: T;
  /** The French label shown in the application and in the template. */
  label: string;
  /** Other ways to write it: the English label, abbreviations, codes used on paper. */
  also?: string[];
}

/** A cell naming one of the choices by its code, its French or English label, or a usual abbreviation. */
export function choice<T extends string>(choices: readonly Choice<T>[]): Parser {
  const byKey = new Map<string, T>();
  for (const c of choices)
    for (const name of [c.value, c.label, ...(c.also ?? [])]) byKey.set(key(name), c.value);
  return parser('choice', (cell) => {
    const found = byKey.get(key(display(cell)));
    return found
      ? ok(found)
      : fail('errors.importChoice', cell, { allowed: choices.map((c) => c.label).join(', ') });
  });
}

/** Several choices in one cell, separated by `;`, `,`, `/` or line breaks. */
export function choices<T extends string>(list: readonly Choice<T>[]): Parser {
  const one = choice(list);
  return parser('choices', (cell) => {
    const values: T[] = [];
    for (const part of display(cell).split(/[;,/\n]+/)) {
      if (!part.trim()) continue;
      const parsed = one(part.trim());
      if (!parsed.ok) return fail('errors.importChoice', part.trim(), parsed.params);
      if (!values.includes(parsed.value as T)) values.push(parsed.value as T);
    }
    return ok(values);
  });
}

const YES = new Set(['oui', 'o', 'x', '1', 'vrai', 'yes', 'y', 'true']);
const NO = new Set(['non', 'n', '0', 'faux', 'no', 'false']);

export const yesNo = parser('yesNo', (cell) => {
  if (typeof cell === 'boolean') return ok(cell);
  const k = key(display(cell));
  if (YES.has(k)) return ok(true);
  if (NO.has(k)) return ok(false);
  return fail('errors.importYesNo', cell);
});
