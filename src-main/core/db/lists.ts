// Child lists saved whole (a session's trainers, a diagnostic's scores, a set's criteria…) are
// written in place: rows that stay keep their id and are updated only where a value differs,
// only new rows are inserted and only removed rows deleted. A list saved unchanged writes nothing,
// and two installations editing one list never end with each other's rows duplicated.

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
