import type { z } from 'zod';
import type {
  ImportIssue,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportRow,
  ImportSheet,
  ImportSheetChoice,
  LineRef,
  previewImportInput,
  runImportInput,
  StoredValue,
} from '../../contract';
import { formatCell } from '../../contract/reportFormat';
import { transaction, type Context } from '../context';
import { beginStep } from '../system/progress';
import { AppError } from '../errors';
import { fold } from '../text';
import { agreementsKind } from './agreements';
import { attendanceKind } from './attendance';
import { DATE_ORDER_WARNING, display, key, provesDayFirst } from './cells';
import type { Decisions, Field, Kind, Values } from './kind';
import { organisationsKind } from './organisations';
import { participantsKind } from './participants';
import { readFile, type Cell, type Line, type Sheet, type Workbook } from './read';
import type { OrganisationIndex } from './references';

export const kinds: Record<ImportKind, Kind> = {
  organisations: organisationsKind as Kind,
  agreements: agreementsKind as Kind,
  participants: participantsKind as Kind,
  attendance: attendanceKind as Kind,
};

/** The templates' second sheet, which lists the allowed values: never a sheet to import. */
export const VALUES_SHEET = 'Valeurs autorisées';

/** A header as compared: folded, letters and digits only (`Montant (F CFA)` → `montantfcfa`). */
const headerKey = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

/** 0 → A, 25 → Z, 26 → AA: how the spreadsheet names a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet's table: its header line, its columns and the lines below. */
interface Table {
  headerLine: number;
  columns: ImportSheet['columns'];
  lines: Line[];
  /** How many fields the header names. */
  known: number;
}

/** Every name a field's column may have, folded. */
const namesOf = (kind: Kind) =>
  new Map(kind.fields.map((f) => [f.key, [f.header, ...f.aliases].map(headerKey)] as const));

/**
 * The header line: among the first lines, the one naming the most fields by one of their known
 * headers (a title above the table is skipped); the first line when none does.
 */
function locateHeader(sheet: Sheet, kind: Kind): Table {
  if (sheet.lines.length === 0) return { headerLine: 1, columns: [], lines: [], known: 0 };
  const names = new Set([...namesOf(kind).values()].flat());
  let best = 0;
  let known = 0;
  sheet.lines.slice(0, 20).forEach((line, i) => {
    const score = line.cells.filter((c) => c !== null && names.has(headerKey(display(c)))).length;
    if (score > known) [best, known] = [i, score];
  });
  const header = sheet.lines[best]!;
  const lines = sheet.lines.slice(best + 1);
  const width = Math.max(header.cells.length, ...lines.slice(0, 1000).map((l) => l.cells.length));
  const columns = Array.from({ length: width }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: display(header.cells[index] ?? null),
  }));
  return { headerLine: header.number, columns, lines, known };
}

/** Each field's column, found by its header: exact names first, then a header that starts with one. */
function suggestMapping(kind: Kind, headers: string[]): Record<string, number | null> {
  const names = namesOf(kind);
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping: Record<string, number | null> = Object.fromEntries(kind.fields.map((f) => [f.key, null]));
  const pass = (matches: (column: string, name: string) => boolean, onlyFirstName: boolean) => {
    for (const field of kind.fields) {
      if (mapping[field.key] !== null) continue;
      const candidates = onlyFirstName ? names.get(field.key)!.slice(0, 1) : names.get(field.key)!;
      const index = keys.findIndex((k, i) => !used.has(i) && k && candidates.some((n) => matches(k, n)));
      if (index >= 0) {
        mapping[field.key] = index;
        used.add(index);
      }
    }
  };
  pass((k, n) => k === n, true); // the template's own header
  pass((k, n) => k === n, false); // another known name
  pass((k, n) => n.length >= 4 && k.startsWith(n), false); // "Montant convention FCFA"
  return mapping;
}

const refused = (message: string, issues: { path: (string | number)[]; message: string }[]) =>
  new AppError('VALIDATION', message, issues);

/** The mapping asked for, checked against the kind's fields and the sheet's columns. */
function checkMapping(kind: Kind, table: Table, mapping: ImportMapping, sheet: string) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!kind.fields.some((f) => f.key === field)) {
      issues.push({ path: ['sheets', sheet, 'mapping', field], message: 'errors.importUnknownField' });
    } else if (column !== null && column >= table.columns.length) {
      issues.push({ path: ['sheets', sheet, 'mapping', field], message: 'errors.importUnknownColumn' });
    }
  }
  if (issues.length) throw refused('Les colonnes choisies ne correspondent pas au fichier.', issues);
  return Object.fromEntries(kind.fields.map((f) => [f.key, mapping[f.key] ?? null]));
}

/** A sheet as the import reads it: chosen or not (and why), its columns, its values for every line. */
interface Planned {
  sheet: Sheet;
  table: Table;
  included: boolean;
  reason: ImportSheet['reason'];
  mapping: Record<string, number | null>;
  /** The values for every line as typed, and as read. */
  values: Record<string, string>;
  fixed: Values;
  valueErrors: ImportIssue[];
  missing: string[];
}

function plan(kind: Kind, workbook: Workbook, choices: ImportSheetChoice[] | undefined): Planned[] {
  const tables = workbook.sheets.map((sheet) => ({ sheet, table: locateHeader(sheet, kind) }));
  const usable = ({ sheet, table }: (typeof tables)[number]) =>
    !sheet.hidden && table.lines.length > 0 && sheet.name !== VALUES_SHEET;
  const unknown = (choices ?? []).filter((c) => !workbook.sheets.some((s) => s.name === c.name));
  if (unknown.length) {
    throw refused(
      `Le fichier n’a pas de feuille « ${unknown[0]!.name} ».`,
      unknown.map((c) => ({ path: ['sheets', c.name], message: 'errors.importUnknownSheet' })),
    );
  }
  // Without a choice: the sheets whose headers name fields, else the first sheet with lines.
  const recognised = tables.filter((t) => usable(t) && t.table.known > 0);
  const byDefault = new Set(
    (recognised.length ? recognised : tables.filter(usable).slice(0, 1)).map((t) => t.sheet),
  );

  return tables.map(({ sheet, table }) => {
    const choice = choices?.find((c) => c.name === sheet.name);
    const included = table.lines.length > 0 && (choices ? Boolean(choice) : byDefault.has(sheet));
    const reason: ImportSheet['reason'] = included
      ? null
      : table.lines.length === 0
        ? 'empty'
        : choices
          ? 'notChosen'
          : sheet.hidden
            ? 'hidden'
            : sheet.name === VALUES_SHEET
              ? 'valuesSheet'
              : 'unrecognised';
    const mapping = choice?.mapping
      ? checkMapping(kind, table, choice.mapping, sheet.name)
      : suggestMapping(
          kind,
          table.columns.map((c) => c.header),
        );
    const values = Object.fromEntries(
      Object.entries(choice?.values ?? {}).filter(([field, v]) => v !== '' && mapping[field] === null),
    );
    const { fixed, valueErrors } = readValues(kind, values, sheet.name);
    const missing = kind.fields
      .filter((f) => f.required && mapping[f.key] === null && !(f.key in values))
      .map((f) => f.key);
    return { sheet, table, included, reason, mapping, values, fixed, valueErrors, missing };
  });
}

/** The values given for every line, read as their fields read a cell. */
function readValues(kind: Kind, values: Record<string, string>, sheet: string) {
  const fixed: Values = {};
  const valueErrors: ImportIssue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = kind.fields.find((f) => f.key === key);
    if (!field?.fixable) {
      throw refused('Ce champ ne prend pas une valeur pour toutes les lignes.', [
        { path: ['sheets', sheet, 'values', key], message: 'errors.importUnknownField' },
      ]);
    }
    const parsed = field.parse(value);
    if (parsed.ok) fixed[key] = parsed.value;
    else valueErrors.push({ field: key, message: parsed.message, params: parsed.params });
  }
  return { fixed, valueErrors };
}

interface Evaluated extends ImportRow {
  item?: unknown;
}

/** The template's example line, left in the file: not a line to import. */
function isExample(kind: Kind, mapping: Record<string, number | null>, line: Line): boolean {
  const compared = kind.fields.filter((f) => mapping[f.key] !== null);
  return (
    compared.filter((f) => f.example !== null).length >= 3 &&
    compared.every((f) => display(line.cells[mapping[f.key]!] ?? null) === display(f.example))
  );
}

/** "Total", "Sous-total Kidal", "TOTAL GÉNÉRAL", "Totaux": how a typed total line is labelled. */
const TOTAL_LABEL = /^(sous total|sous totaux|grand total|total|totaux)\b/;

const fcfa = (n: number) => formatCell(n, 'fcfa');

/** Adds up the amounts of the data lines, since the last total line and for the whole sheet. */
class Sums {
  block = { sum: 0, lines: 0 };
  sheet = { sum: 0, lines: 0 };
  totals = 0;
  add(amount: number) {
    this.block.sum += amount;
    this.block.lines += 1;
    this.sheet.sum += amount;
    this.sheet.lines += 1;
  }
  /** A total line closes a block; a grand total covers the whole sheet. */
  close(typed: number | null) {
    const block = this.block;
    const covered =
      typed !== null && typed !== block.sum && this.totals > 0 && typed === this.sheet.sum
        ? this.sheet
        : block;
    this.block = { sum: 0, lines: 0 };
    this.totals += 1;
    return { ...covered };
  }
}

/**
 * A line typed as a total: labelled so (Total, Sous-total…) or bearing the sum of the lines above
 * it, and in either case leaving blank a column that a line to import fills.
 */
function isTotalLine(kind: Kind, p: Planned, line: Line, amount: number | null, sums: Sums): boolean {
  const labelColumns = line.cells.flatMap((c, i) =>
    typeof c === 'string' && TOTAL_LABEL.test(key(c)) ? [i] : [],
  );
  const amountColumn = kind.totalField ? p.mapping[kind.totalField] : null;
  const leavesBlank = kind.fields.some((f) => {
    const column = p.mapping[f.key];
    return (
      f.required &&
      column !== null &&
      column !== amountColumn &&
      !labelColumns.includes(column!) &&
      (line.cells[column!] ?? null) === null
    );
  });
  if (!leavesBlank) return false;
  return labelColumns.length > 0 || (amount !== null && sums.block.lines >= 2 && amount === sums.block.sum);
}

const emptyRow = (at: LineRef, cells: Record<string, string>): Evaluated => ({
  ...at,
  status: 'valid',
  cells,
  stored: {},
  errors: [],
  duplicate: null,
  notices: [],
  warnings: [],
  resemblance: false,
});

interface Evaluation {
  rows: Evaluated[];
  lookup: unknown;
  /** Per sheet: each typed total beside the sum of its lines. */
  totals: Map<string, ImportSheet['totals']>;
}

/** Reads and checks every line of the chosen sheets against the database as it is now (in a transaction). */
function evaluate(ctx: Context, kind: Kind, planned: Planned[], decisions: Decisions): Evaluation {
  const lookup = kind.load(ctx, decisions);
  const rows: Evaluated[] = [];
  const totals = new Map<string, ImportSheet['totals']>();
  for (const p of planned) {
    if (!p.included || p.missing.length || p.valueErrors.length) continue;
    const sheetTotals: ImportSheet['totals'] = [];
    totals.set(p.sheet.name, sheetTotals);
    const sums = new Sums();
    // A column with a date such as 25/09/2023 writes the day first: its 05/07/2023 is not ambiguous.
    const dayFirst = new Set(
      kind.fields
        .filter((f) => f.parse.format === 'date' && p.mapping[f.key] !== null)
        .filter((f) => p.table.lines.some((l) => provesDayFirst(l.cells[p.mapping[f.key]!] ?? null)))
        .map((f) => f.key),
    );
    for (const line of p.table.lines) {
      const at = { sheet: p.sheet.name, line: line.number };
      const cells: Record<string, string> = {};
      const values: Values = { ...p.fixed };
      const stored: Record<string, StoredValue> = { ...(p.fixed as Record<string, StoredValue>) };
      const cellErrors: ImportIssue[] = [];
      const warnings: ImportIssue[] = [];
      for (const field of kind.fields) {
        const column = p.mapping[field.key];
        if (column === null || column === undefined) continue;
        const cell: Cell = line.cells[column] ?? null;
        cells[field.key] = display(cell);
        if (cell === null) continue;
        const parsed = field.parse(cell);
        if (!parsed.ok) {
          cellErrors.push({ field: field.key, message: parsed.message, params: parsed.params });
          continue;
        }
        values[field.key] = parsed.value;
        stored[field.key] = parsed.value as StoredValue;
        const warning = parsed.warning;
        if (warning && !(warning.message === DATE_ORDER_WARNING && dayFirst.has(field.key))) {
          warnings.push({ field: field.key, ...warning });
        }
      }

      if (isExample(kind, p.mapping, line)) {
        rows.push({
          ...emptyRow(at, cells),
          status: 'ignored',
          notices: [{ field: null, message: 'imports.notices.exampleLine' }],
        });
        continue;
      }
      const amount =
        kind.totalField && typeof values[kind.totalField] === 'number'
          ? (values[kind.totalField] as number)
          : null;
      if (isTotalLine(kind, p, line, amount, sums)) {
        const covered = sums.close(amount);
        const row: Evaluated = { ...emptyRow(at, cells), status: 'ignored', stored };
        row.notices.push({ field: null, message: 'imports.notices.totalLine' });
        if (amount !== null) {
          sheetTotals.push({ line: line.number, typed: amount, sum: covered.sum, lines: covered.lines });
          const params = { typed: fcfa(amount), sum: fcfa(covered.sum), lines: covered.lines };
          if (amount === covered.sum) {
            row.notices.push({ field: kind.totalField!, message: 'imports.notices.totalAgrees', params });
          } else {
            row.warnings.push({ field: kind.totalField!, message: 'imports.warnings.totalDiffers', params });
          }
        }
        rows.push(row);
        continue;
      }
      if (amount !== null) sums.add(amount);

      // A blank cell of a required field: said once, as required (a cell that could not be read is said so).
      const failed = new Set(cellErrors.map((e) => e.field));
      const blank = kind.fields
        .filter((f) => f.required && values[f.key] === undefined && !failed.has(f.key))
        .map((f) => ({ field: f.key, message: 'errors.required' }));
      const checked = kind.check(values, at, lookup, cellErrors.length > 0);
      const said = new Set([...failed, ...blank.map((b) => b.field)]);
      const errors = [
        ...cellErrors,
        ...blank,
        ...checked.errors.filter((e) => !e.field || !said.has(e.field)),
      ];
      const status = errors.length ? 'error' : checked.duplicate ? 'duplicate' : 'valid';
      rows.push({
        ...at,
        status,
        cells,
        stored: { ...stored, ...checked.stored },
        errors,
        duplicate: errors.length ? null : checked.duplicate,
        notices: status === 'valid' ? checked.notices : [],
        warnings,
        resemblance: Boolean(checked.resemblance),
        item: status === 'valid' ? checked.item : undefined,
      });
    }
  }
  return { rows, lookup, totals };
}

const countsOf = (rows: Evaluated[], lines = rows.length) => ({
  total: lines,
  valid: rows.filter((r) => r.status === 'valid').length,
  error: rows.filter((r) => r.status === 'error').length,
  duplicate: rows.filter((r) => r.status === 'duplicate').length,
  ignored: rows.filter((r) => r.status === 'ignored').length,
});

function sheetsOf(kind: Kind, planned: Planned[], evaluation: Evaluation | null): ImportSheet[] {
  return planned.map((p) => {
    const rows = evaluation?.rows.filter((r) => r.sheet === p.sheet.name) ?? [];
    const checked = evaluation?.totals.has(p.sheet.name) ?? false;
    const amounts = kind.totalField
      ? rows.filter((r) => r.status === 'valid' && typeof r.stored[kind.totalField!] === 'number')
      : [];
    return {
      name: p.sheet.name,
      lineCount: p.sheet.lines.length,
      included: p.included,
      reason: p.reason,
      headerLine: p.table.headerLine,
      columns: p.table.columns,
      mapping: p.mapping,
      values: p.values,
      missingFields: p.missing,
      valueErrors: p.valueErrors,
      counts: countsOf(rows, p.included ? (checked ? rows.length : p.table.lines.length) : 0),
      sum:
        kind.totalField && checked
          ? {
              field: kind.totalField,
              lines: amounts.length,
              value: amounts.reduce((n, r) => n + (r.stored[kind.totalField!] as number), 0),
            }
          : null,
      totals: evaluation?.totals.get(p.sheet.name) ?? [],
    };
  });
}

const fieldsOf = (kind: Kind): ImportPreview['fields'] =>
  kind.fields.map((f: Field) => ({
    key: f.key,
    header: f.header,
    required: f.required,
    format: f.parse.format,
    choices: f.choices?.map((c) => ({ value: c.value, label: c.label })),
    fixable: Boolean(f.fixable),
  }));

const decisionsOf = (
  input: z.output<typeof previewImportInput> | z.output<typeof runImportInput>,
): Decisions => {
  const references = new Set<string>();
  for (const o of input.newOrganisations) {
    if (references.has(key(o.reference))) {
      throw refused(`L’organisation « ${o.reference} » est proposée deux fois.`, [
        { path: ['newOrganisations', o.reference], message: 'errors.importOrganisationTwice' },
      ]);
    }
    references.add(key(o.reference));
  }
  return { newOrganisations: input.newOrganisations, resemblances: input.resemblances };
};

export async function previewImport(
  ctx: Context,
  input: z.output<typeof previewImportInput>,
): Promise<ImportPreview> {
  const kind = kinds[input.kind];
  await beginStep(ctx, 'read');
  const planned = plan(kind, await readFile(input.file), input.sheets);
  const decisions = decisionsOf(input);
  await beginStep(ctx, 'check');
  const evaluation = transaction(ctx, () => evaluate(ctx, kind, planned, decisions));
  const { rows } = evaluation;
  const kept =
    input.only === 'errors'
      ? rows.filter((r) => r.status === 'error')
      : input.only === 'duplicates'
        ? rows.filter((r) => r.status === 'duplicate')
        : input.only === 'ignored'
          ? rows.filter((r) => r.status === 'ignored')
          : input.only === 'warnings'
            ? rows.filter((r) => r.warnings.length > 0)
            : rows;
  const start = (input.page - 1) * input.pageSize;
  const sheets = sheetsOf(kind, planned, evaluation);
  const organisations = (evaluation.lookup as { organisations?: OrganisationIndex }).organisations;
  return {
    kind: input.kind,
    fields: fieldsOf(kind),
    sheets,
    counts: { ...countsOf(rows), total: sheets.reduce((n, s) => n + s.counts.total, 0) },
    warningCount: rows.filter((r) => r.warnings.length > 0).length,
    rows: kept.slice(start, start + input.pageSize).map(({ item: _, ...row }) => row),
    matching: kept.length,
    page: input.page,
    pageSize: input.pageSize,
    unknownOrganisations:
      kind.createsOrganisations && organisations ? [...organisations.unknown.values()] : [],
    canCreateOrganisations: Boolean(kind.createsOrganisations),
  };
}

/**
 * Reads and checks the file again (a preview proves nothing about the file sent now), then
 * writes its valid lines, every sheet together, in one transaction: in `all` mode, nothing when a
 * line has an error.
 */
export async function runImport(ctx: Context, input: z.output<typeof runImportInput>): Promise<ImportResult> {
  const kind = kinds[input.kind];
  await beginStep(ctx, 'read');
  const planned = plan(kind, await readFile(input.file), input.sheets);
  const decisions = decisionsOf(input);
  const incomplete = planned.filter((p) => p.included && (p.missing.length || p.valueErrors.length));
  if (incomplete.length) {
    throw refused(
      'Associez une colonne du fichier, ou une valeur pour toutes les lignes, à chaque champ obligatoire.',
      incomplete.flatMap((p) => [
        ...p.missing.map((field) => ({
          path: ['sheets', p.sheet.name, 'mapping', field],
          message: 'errors.importMissingColumns',
        })),
        ...p.valueErrors.map((e) => ({
          path: ['sheets', p.sheet.name, 'values', e.field!],
          message: e.message,
        })),
      ]),
    );
  }
  await beginStep(ctx, 'record');
  return transaction(ctx, () => {
    const evaluation = evaluate(ctx, kind, planned, decisions);
    const { rows } = evaluation;
    const failed = rows.filter((r) => r.status === 'error');
    if (input.mode === 'all' && failed.length) {
      throw refused(
        `${failed.length} ligne(s) contiennent des erreurs : rien n’a été importé.`,
        failed
          .slice(0, 20)
          .map((r) => ({ path: ['rows', r.sheet, r.line], message: 'errors.importHasErrors' })),
      );
    }
    const valid = rows.filter((r) => r.status === 'valid');
    const written = kind.write(
      ctx,
      valid.map((r) => r.item),
      evaluation.lookup,
    );
    const skipped = rows.filter((r) => r.status !== 'valid');
    return {
      kind: input.kind,
      created: written.created,
      organisationsCreated: written.organisationsCreated ?? 0,
      skippedDuplicates: skipped.filter((r) => r.status === 'duplicate').length,
      skippedErrors: failed.length,
      skippedIgnored: skipped.filter((r) => r.status === 'ignored').length,
      sheets: sheetsOf(kind, planned, evaluation)
        .filter((s) => s.included)
        .map((s) => ({ name: s.name, created: s.counts.valid, counts: s.counts })),
      skipped: skipped.slice(0, 500).map((r) => ({
        sheet: r.sheet,
        line: r.line,
        status: r.status as 'error' | 'duplicate' | 'ignored',
      })),
      sessions: written.sessions ?? [],
      walkIns: written.walkIns ?? 0,
    };
  });
}
