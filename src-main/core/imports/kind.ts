// What every kind of import defines: its columns, how a line is checked, and how lines are written.
import type { z } from 'zod';
import type { ImportIssue, ImportKind } from '../../contract';
import type { Context } from '../context';
import type { Choice, Parser } from './cells';
import type { Cell } from './read';

export interface Field {
  key: string;
  /** The column's French header in the template. */
  header: string;
  /** Other headers taken as this field (French variants, English, the programme's own tables). */
  aliases: string[];
  required: boolean;
  parse: Parser;
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

/** A line's parsed cells: absent when the cell is blank or the field has no column. */
export type Values = Record<string, unknown>;

export interface Checked<Item> {
  errors: ImportIssue[];
  duplicate: ImportIssue | null;
  notices: ImportIssue[];
  /** What to write, when the line has no error. */
  item?: Item;
}

export interface Written {
  created: number;
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

export interface Kind<Lookup = unknown, Item = unknown> {
  kind: ImportKind;
  /** Sheet name and file name of the template. */
  sheet: string;
  fileName: string;
  fields: Field[];
  /** What the lines are checked against, read once per import (never once per line). */
  load: (ctx: Context) => Lookup;
  /**
   * Checks one line (lines come in file order). A valid line is remembered in `lookup`
   * so that a later line repeating it is a duplicate. `unreadable`: a cell of the line could
   * not be read (its field is absent from `values`); the other cells are still checked.
   */
  check: (values: Values, line: number, lookup: Lookup, unreadable: boolean) => Checked<Item>;
  write: (ctx: Context, items: Item[]) => Written;
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
    return { field: field && fields.includes(field) ? field : null, message: issue.message };
  });
}

/** Remembers a valid line under its keys, unless an earlier line of the file had one of them. */
export function firstSeen(seen: Map<string, number>, keys: string[], line: number): ImportIssue | null {
  for (const k of keys) {
    const earlier = seen.get(k);
    if (earlier !== undefined) {
      return { field: null, message: 'errors.importDuplicateInFile', params: { line: earlier } };
    }
  }
  for (const k of keys) seen.set(k, line);
  return null;
}
