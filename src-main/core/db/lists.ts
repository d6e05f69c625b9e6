// Child lists saved whole (a session's trainers, a diagnostic's scores, a set's criteria…) are
// written in place: rows that stay keep their id and are updated only where a value differs,
// only new rows are inserted and only removed rows deleted. A list saved unchanged writes nothing,
// and two installations editing one list never end with each other's rows duplicated.

import { eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from '../context';
import { newId } from '../ids';

export interface ListPlan<Old, New> {
  /** Each saved item with the row it continues (updated in place), or none (inserted). */
  items: { old: Old | undefined; item: New; position: number }[];
  /** Rows no saved item continues (deleted). */
  removed: Old[];
}

/**
 * Pairs the saved items with the existing rows: by `key` first (an id, or a natural key such as a
 * criterion id or a name), then the rows and items left, in order (a renamed item keeps its row).
 */
export function planList<Old, New>(
  existing: Old[],
  saved: New[],
  key: { old: (row: Old) => string; item: (item: New) => string },
  { pairLeftovers = true } = {},
): ListPlan<Old, New> {
  const byKey = new Map<string, Old[]>();
  for (const row of existing) {
    const k = key.old(row);
    byKey.set(k, [...(byKey.get(k) ?? []), row]);
  }
  const used = new Set<Old>();
  const items = saved.map((item, position) => {
    const old = byKey.get(key.item(item))?.shift();
    if (old) used.add(old);
    return { old, item, position };
  });
  const left = existing.filter((row) => !used.has(row));
  if (pairLeftovers) {
    for (const entry of items) {
      if (entry.old || left.length === 0) continue;
      entry.old = left.shift();
    }
  }
  return { items, removed: left };
}

/** The values that differ from the row's (what an update in place writes), or null when none does. */
export function changedValues<T extends Record<string, unknown>>(row: object, values: T): Partial<T> | null {
  const changed: Partial<T> = {};
  let any = false;
  for (const [k, v] of Object.entries(values) as [keyof T & string, T[keyof T & string]][]) {
    if ((row as Record<string, unknown>)[k] !== v) {
      changed[k] = v;
      any = true;
    }
  }
  return any ? changed : null;
}

/**
 * Writes a plan in place: `remove` the rows no item continues, `insert` each new item, `update` a
 * kept row with the values that differ (nothing when none does). `values` is what a row holds of
 * its item at its position, compared with the kept row.
 */
export function writePlan<Old extends object, New, Values extends Record<string, unknown>>(
  plan: ListPlan<Old, New>,
  values: (item: New, position: number) => Values,
  write: {
    remove: (rows: Old[]) => void;
    insert: (values: Values, item: New) => void;
    update: (old: Old, changed: Partial<Values>) => void;
  },
): void {
  if (plan.removed.length) write.remove(plan.removed);
  for (const { old, item, position } of plan.items) {
    const row = values(item, position);
    if (!old) write.insert(row, item);
    else {
      const changed = changedValues(old, row);
      if (changed) write.update(old, changed);
    }
  }
}

/**
 * `writePlan` for a table whose rows have their own id: removed rows deleted by id, new items
 * inserted with a new id and the `parent` columns, kept rows updated by id.
 */
export function writeRowsById<Old extends { id: string }, New, Values extends Record<string, unknown>>(
  ctx: Context,
  table: SQLiteTable & { id: SQLiteColumn },
  plan: ListPlan<Old, New>,
  values: (item: New, position: number) => Values,
  parent: Record<string, string>,
): void {
  writePlan(plan, values, {
    remove: (rows) =>
      ctx.db
        .delete(table)
        .where(
          inArray(
            table.id,
            rows.map((r) => r.id),
          ),
        )
        .run(),
    insert: (row) =>
      ctx.db
        .insert(table)
        .values({ id: newId(), ...parent, ...row } as never)
        .run(),
    update: (old, changed) =>
      ctx.db
        .update(table)
        .set(changed as never)
        .where(eq(table.id, old.id))
        .run(),
  });
}
