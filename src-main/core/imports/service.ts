import type {
  ImportIssue,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportRow,
  ParsedInput,
} from '../../contract';
import { transaction, type Context } from '../context';
import { AppError } from '../errors';
import { fold } from '../text';
import { agreementsKind } from './agreements';
import { attendanceKind } from './attendance';
import { display } from './cells';
import type { Kind } from './kind';
import { organisationsKind } from './organisations';
import { participantsKind } from './participants';
import { readFile, type Grid, type Line } from './read';

export const kinds: Record<ImportKind, Kind> = {
  organisations: organisationsKind as Kind,
  agreements: agreementsKind as Kind,
  participants: participantsKind as Kind,
  attendance: attendanceKind as Kind,
};

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

interface Sheet {
  headerLine: number;
  columns: ImportPreview['columns'];
  lines: Line[];
}

/** Every name a field's column may have, folded. */
const namesOf = (kind: Kind) =>
  new Map(kind.fields.map((f) => [f.key, [f.header, ...f.aliases].map(headerKey)] as const));

/**
 * The header line: among the first lines, the one naming the most fields (a title above
 * the table is skipped); the first line when none does.
 */
function locateHeader(grid: Grid, kind: Kind): Sheet {
  const known = new Set([...namesOf(kind).values()].flat());
  let best = 0;
  let bestScore = 0;
  grid.lines.slice(0, 20).forEach((line, i) => {
    const score = line.cells.filter((c) => c !== null && known.has(headerKey(display(c)))).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  const header = grid.lines[best]!;
  const lines = grid.lines.slice(best + 1);
  const width = Math.max(header.cells.length, ...lines.slice(0, 1000).map((l) => l.cells.length));
  const columns = Array.from({ length: width }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: display(header.cells[index] ?? null),
  }));
  return { headerLine: header.number, columns, lines };
}

/** Each field's column, found by its header: exact names first, then a header that starts with one. */
function suggestMapping(kind: Kind, sheet: Sheet): Record<string, number | null> {
  const names = namesOf(kind);
  const keys = sheet.columns.map((c) => headerKey(c.header));
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

/** The mapping asked for, checked against the kind's fields and the file's columns. */
function checkMapping(kind: Kind, sheet: Sheet, mapping: ImportMapping): Record<string, number | null> {
  const issues: ImportIssue[] = [];
  const checked: Record<string, number | null> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (!kind.fields.some((f) => f.key === field)) {
      issues.push({ field, message: 'errors.importUnknownField' });
    } else if (column !== null && column >= sheet.columns.length) {
      issues.push({ field, message: 'errors.importUnknownColumn' });
    }
  }
  if (issues.length) {
    throw new AppError(
      'VALIDATION',
      'Les colonnes choisies ne correspondent pas au fichier.',
      issues.map((i) => ({ path: ['mapping', i.field!], message: i.message })),
    );
  }
  for (const f of kind.fields) checked[f.key] = mapping[f.key] ?? null;
  return checked;
}

const missingFields = (kind: Kind, mapping: Record<string, number | null>) =>
  kind.fields.filter((f) => f.required && mapping[f.key] === null).map((f) => f.key);

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

/** Reads and checks every line against the database as it is now (call inside a transaction). */
function evaluate(
  ctx: Context,
  kind: Kind,
  sheet: Sheet,
  mapping: Record<string, number | null>,
): Evaluated[] {
  const lookup = kind.load(ctx);
  const rows: Evaluated[] = [];
  for (const line of sheet.lines) {
    if (isExample(kind, mapping, line)) continue;
    const values: Record<string, unknown> = {};
    const shown: Record<string, string> = {};
    const cellErrors: ImportIssue[] = [];
    for (const field of kind.fields) {
      const column = mapping[field.key];
      if (column === null || column === undefined) continue;
      const cell = line.cells[column] ?? null;
      shown[field.key] = display(cell);
      if (cell === null) continue;
      const parsed = field.parse(cell);
      if (parsed.ok) values[field.key] = parsed.value;
      else cellErrors.push({ field: field.key, message: parsed.message, params: parsed.params });
    }
    const checked = kind.check(values, line.number, lookup, cellErrors.length > 0);
    // A cell that could not be read is absent from the values: its "required" is not news.
    const failed = new Set(cellErrors.map((e) => e.field));
    const errors = [...cellErrors, ...checked.errors.filter((e) => !e.field || !failed.has(e.field))];
    const status = errors.length ? 'error' : checked.duplicate ? 'duplicate' : 'valid';
    rows.push({
      line: line.number,
      status,
      values: shown,
      errors,
      duplicate: errors.length ? null : checked.duplicate,
      notices: status === 'valid' ? checked.notices : [],
      item: status === 'valid' ? checked.item : undefined,
    });
  }
  return rows;
}

const count = (rows: Evaluated[], status: ImportRow['status']) =>
  rows.filter((r) => r.status === status).length;

export async function previewImport(
  ctx: Context,
  input: ParsedInput<'imports.preview'>,
): Promise<ImportPreview> {
  const kind = kinds[input.kind];
  const sheet = locateHeader(await readFile(input.file), kind);
  const mapping = input.mapping ? checkMapping(kind, sheet, input.mapping) : suggestMapping(kind, sheet);
  const missing = missingFields(kind, mapping);
  const rows = missing.length ? [] : transaction(ctx, () => evaluate(ctx, kind, sheet, mapping));
  const kept =
    input.only === 'errors'
      ? rows.filter((r) => r.status === 'error')
      : input.only === 'duplicates'
        ? rows.filter((r) => r.status === 'duplicate')
        : rows;
  const start = (input.page - 1) * input.pageSize;
  return {
    kind: input.kind,
    headerLine: sheet.headerLine,
    columns: sheet.columns,
    fields: kind.fields.map((f) => ({ key: f.key, header: f.header, required: f.required })),
    mapping,
    missingFields: missing,
    total: missing.length ? sheet.lines.length : rows.length,
    validCount: count(rows, 'valid'),
    errorCount: count(rows, 'error'),
    duplicateCount: count(rows, 'duplicate'),
    rows: kept.slice(start, start + input.pageSize).map(({ item: _, ...row }) => row),
    matching: kept.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * Reads and checks the file again (a preview proves nothing about the file sent now), then
 * writes its valid lines in one transaction: in `all` mode, nothing when a line has an error.
 */
export async function runImport(ctx: Context, input: ParsedInput<'imports.run'>): Promise<ImportResult> {
  const kind = kinds[input.kind];
  const sheet = locateHeader(await readFile(input.file), kind);
  const mapping = checkMapping(kind, sheet, input.mapping);
  const missing = missingFields(kind, mapping);
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      'Associez une colonne du fichier à chaque champ obligatoire.',
      missing.map((field) => ({ path: ['mapping', field], message: 'errors.importMissingColumns' })),
    );
  }
  return transaction(ctx, () => {
    const rows = evaluate(ctx, kind, sheet, mapping);
    const failed = rows.filter((r) => r.status === 'error');
    if (input.mode === 'all' && failed.length) {
      throw new AppError(
        'VALIDATION',
        `${failed.length} ligne(s) contiennent des erreurs : rien n’a été importé.`,
        failed.slice(0, 20).map((r) => ({ path: ['rows', r.line], message: 'errors.importHasErrors' })),
      );
    }
    const items = rows.filter((r) => r.status === 'valid').map((r) => r.item);
    const written = kind.write(ctx, items);
    return {
      kind: input.kind,
      created: written.created,
      skippedDuplicates: count(rows, 'duplicate'),
      skippedErrors: failed.length,
      sessions: written.sessions ?? [],
      walkIns: written.walkIns ?? 0,
    };
  });
}
