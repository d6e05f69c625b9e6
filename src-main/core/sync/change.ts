// The unit of synchronisation: one field of one record, written once by one installation.
// Pure TypeScript (zod only): the SQLite capture and the file format build on these types.
import { z } from 'zod';

/** A field's value as it travels: what a SQLite column holds, bytes excepted (documents go by hash). */
export type Value = null | string | number | boolean;

/** The reserved field that deletes a record (true) or restores it (false). */
export const DELETED = '_deleted';

export interface Change {
  /** `device:seq`: unique without coordination, and checkable against the two fields it repeats. */
  id: string;
  device: string;
  /** Per device, from 1, contiguous: a hole is a missing file. */
  seq: number;
  table: string;
  recordId: string;
  field: string;
  value: Value;
  /** The account that wrote it (users.id). */
  author: string;
  /** Hybrid logical clock (see clock.ts): sortable as a string. */
  at: string;
  /** The heads of this field (all fields for a deletion) that the writer's installation had. */
  supersedes: string[];
}

export const changeId = (device: string, seq: number): string => `${device}:${seq}`;

/** Where a change belongs: one record of one table. */
export const recordKey = (table: string, recordId: string): string => `${table}\u001f${recordId}`;

const name = z.string().min(1).max(200);

export const changeSchema = z
  .object({
    id: name,
    device: name.regex(/^[^:]+$/),
    seq: z.number().int().min(1),
    table: name,
    recordId: name,
    field: name,
    value: z.union([z.null(), z.string(), z.number().finite(), z.boolean()]),
    author: name,
    at: name,
    supersedes: z.array(name),
  })
  .strict()
  .refine((c) => c.id === changeId(c.device, c.seq), { message: 'id ≠ device:seq' })
  .refine((c) => c.field !== DELETED || typeof c.value === 'boolean', { message: '_deleted non booléen' });

/** Two copies of one change are the same change only if every field agrees. */
export function sameChange(a: Change, b: Change): boolean {
  return (
    a.id === b.id &&
    a.device === b.device &&
    a.seq === b.seq &&
    a.table === b.table &&
    a.recordId === b.recordId &&
    a.field === b.field &&
    a.value === b.value &&
    a.author === b.author &&
    a.at === b.at &&
    a.supersedes.length === b.supersedes.length &&
    a.supersedes.every((s, i) => s === b.supersedes[i])
  );
}
