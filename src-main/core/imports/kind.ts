// What every kind of import defines: its columns, how a line is checked, and how lines are written.
import type { z } from 'zod';
import { issueMessage } from '../../contract';
import type {
  ImportIssue,
  ImportKind,
  LineRef,
  NewOrganisation,
  Resemblance,
  StoredValue,
} from '../../contract';
import type { Context } from '../context';
import { key, type Choice, type Parser } from './cells';
import type { Cell } from './read';

export interface Field {
  key: string;
  /** The column's French header in the template. */
  header: string;
  /** Other headers taken as this field (French variants, English, the programme's own tables). */
  aliases: string[];
  /** Needs a column, or (when `fixable`) one value for every line. */
  required: boolean;
  parse: Parser;
  /** May take one value for every line of a sheet that has no column for it (Type, Région, Statut). */
  fixable?: boolean;
  /** The template's example line. */
  example: Cell;
  /** Template column width (characters) and Excel number format. */
  width: number;
  numFmt?: string;
  /** A hint shown as the header's comment in the template. */
  hint?: string;
  /** The allowed values, listed on the template's second sheet. */
  choices?: readonly Choice[];
  /** Several values may be given in one cell. */
  multiple?: boolean;
}

/** A line's parsed cells: absent when the cell is blank or the field has neither column nor value. */
export type Values = Record<string, unknown>;

export interface Checked<Item> {
  errors: ImportIssue[];
  duplicate: ImportIssue | null;
  notices: ImportIssue[];
  /** What will be stored, where it is not the cell's value as read (a resolved organisation…). */
  stored?: Record<string, StoredValue>;
  /** The line resembles a participant: the user may say it is the same person, or another. */
  resemblance?: boolean;
  /** What to write, when the line has no error. */
  item?: Item;
}

export interface Written {
  created: number;
  organisationsCreated?: number;
  sessions?: { id: string; title: string }[];
  walkIns?: number;
}

/** Values of the template's second sheet that come from the data (registered organisations, sessions). */
export interface TemplateList {
  header: string;
  values: string[];
  /** The field whose column offers these values as a drop-down list. */
  field?: string;
}

/** What the user decided beyond the columns: organisations to create, who resembling lines are. */
export interface Decisions {
  newOrganisations: NewOrganisation[];
  resemblances: Resemblance[];
}

export interface Kind<Lookup = unknown, Item = unknown> {
  kind: ImportKind;
  /** Sheet name and file name of the template. */
  sheet: string;
  fileName: string;
  fields: Field[];
  /** The field whose amounts a total line adds up (agreements: the amount). */
  totalField?: string;
  /** Lines naming unknown organisations may create them. */
  createsOrganisations?: boolean;
  /** What the lines are checked against, read once per import (never once per line). */
  load: (ctx: Context, decisions: Decisions) => Lookup;
  /**
   * Checks one line (lines come in file order, sheet after sheet). A valid line is remembered in
   * `lookup` so that a later line with the same key is a duplicate, or a clash when its content
   * differs. `unreadable`: a cell of the line could not be read (its field is absent from `values`);
   * the other cells are still checked.
   */
  check: (values: Values, at: LineRef, lookup: Lookup, unreadable: boolean) => Checked<Item>;
  write: (ctx: Context, items: Item[], lookup: Lookup) => Written;
  lists?: (ctx: Context) => TemplateList[];
}

/** The zod issues of a line as issues of its fields (`rename` maps a schema key to a field). */
export function fieldIssues(
  error: z.ZodError,
  fields: readonly string[],
  rename: Record<string, string> = {},
): ImportIssue[] {
  return error.issues.map((issue) => {
    const head = issue.path.find((p): p is string => typeof p === 'string' && p !== 'fields');
    const field = head === undefined ? null : (rename[head] ?? head);
    return { field: field && fields.includes(field) ? field : null, ...issueMessage(issue) };
  });
}

const same = (a: StoredValue | undefined, b: StoredValue | undefined): boolean => {
  const blank = (v: StoredValue | undefined) =>
    v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join('|') === [...b].sort().join('|');
  // Text is compared as people read it: case, accents and punctuation aside.
  if (typeof a === 'string' && typeof b === 'string') return key(a) === key(b);
  return a === b;
};

/**
 * The fields where a line says something else than the record (or the earlier line) with the same
 * key. A field the line leaves blank contradicts nothing.
 */
export function differences(
  fields: readonly string[],
  line: Record<string, StoredValue | undefined>,
  recorded: Record<string, StoredValue | undefined>,
): NonNullable<ImportIssue['differences']> {
  return fields
    .filter((f) => line[f] !== undefined && line[f] !== null && line[f] !== '' && !same(line[f], recorded[f]))
    .map((f) => ({ field: f, file: line[f] ?? null, recorded: recorded[f] ?? null }));
}

/** A line of the file already seen under a key: where, and what it said. */
export interface Seen {
  at: LineRef;
  stored: Record<string, StoredValue | undefined>;
}

/** Where an earlier line is, for messages: its line, and its sheet when another. */
export const placeOf = (earlier: LineRef, now: LineRef): Record<string, string | number> =>
  earlier.sheet === now.sheet ? { line: earlier.line } : { line: earlier.line, sheet: earlier.sheet };

/**
 * A line whose key an earlier line of the file had: the same content is a duplicate of it, other
 * content an error to settle, shown side by side. Null when the key is new (it is then remembered).
 */
export function againInFile(
  seen: Map<string, Seen>,
  keys: string[],
  at: LineRef,
  stored: Record<string, StoredValue | undefined>,
  compared: readonly string[],
): { duplicate: ImportIssue } | { error: ImportIssue } | null {
  for (const k of keys) {
    const earlier = seen.get(k);
    if (!earlier) continue;
    const place = placeOf(earlier.at, at);
    const diff = differences(compared, stored, earlier.stored);
    const where = 'sheet' in place ? 'InSheet' : '';
    return diff.length
      ? {
          error: {
            field: null,
            message: `errors.importClashInFile${where}`,
            params: place,
            differences: diff,
          },
        }
      : { duplicate: { field: null, message: `errors.importDuplicateInFile${where}`, params: place } };
  }
  for (const k of keys) seen.set(k, { at, stored });
  return null;
}
