// Changes written by an older Parcours, brought to this schema before they are received.
import type { Change } from './change';
import { compareSchemas } from './file';
import type { Batch } from './replica';

/**
 * One step per migration that renames or reshapes something a change names (a table, a field, a
 * value's form): `schema` is that migration's tag, and `change` rewrites a change written before
 * it. Since synchronisation began (0010_sync_capture) no migration has done so: the migrations
 * since have only added tables, columns and indexes, which an older change simply does not name.
 */
export interface Upgrade {
  schema: string;
  change: (change: Change) => Change;
}

export const UPGRADES: Upgrade[] = [];

/** The batch as this schema writes it: each step whose migration the sender lacked, in order. */
export function upgradeBatch(batch: Batch, senderSchema: string, upgrades = UPGRADES): Batch {
  const steps = upgrades.filter((u) => compareSchemas(senderSchema, u.schema) < 0);
  if (steps.length === 0) return batch;
  return { ...batch, changes: batch.changes.map((c) => steps.reduce((done, u) => u.change(done), c)) };
}
