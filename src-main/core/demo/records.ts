// Which rows belong to the demonstration programme, and how to take them out again.
// Everything is read from the database itself (tables, primary keys, foreign keys), so a table
// added later by another feature is covered without being named here.
import type { Context } from '../context';
import { AppError } from '../errors';
import { CONFIGURATION_TABLES } from '../db/configuration';

const BOOKKEEPING = new Set([
  'demo_records',
  '__drizzle_migrations',
  // Accounts, sessions and the audit trail (migration 0006_accounts): not programme data.
  'users',
  'user_pathways',
  'auth_sessions',
  'sign_in_failures',
  'audit_calls',
  'audit_changes',
  // Synchronisation's state (migration 0010_sync_capture): derived from the trail.
  'sync_installation',
  'sync_changes',
  'sync_heads',
]);

/** French names of the tables, for the message that explains why removal was refused. */
const LABELS: Record<string, string> = {
  organisations: 'organisations',
  organisation_status_changes: 'historique des statuts',
  agreements: 'conventions',
  documents: 'documents joints',
  diagnostics: 'diagnostics',
  diagnostic_scores: 'notes de diagnostic',
  diagnostic_needs: 'besoins prioritaires',
  criteria_sets: 'grilles de sélection',
  selection_criteria: 'critères de sélection',
  selection_rounds: 'comités de sélection',
  round_members: 'membres de comité',
  round_candidates: 'candidatures',
  round_conflicts: 'conflits d’intérêts',
  round_scores: 'notes du comité',
  participants: 'participants',
  training_modules: 'modules de formation',
  module_materials: 'supports de module',
  pathways: 'parcours',
  pathway_needs: 'besoins des parcours',
  pathway_participants: 'inscriptions aux parcours',
  pathway_steps: 'étapes de parcours',
  pathway_actions: 'actions de parcours',
  sessions: 'sessions',
  session_days: 'jours de session',
  session_trainers: 'formateurs',
  session_participants: 'inscriptions aux sessions',
  attendance: 'présences',
  evaluations: 'évaluations',
  follow_ups: 'suivis post-formation',
  follow_up_documents: 'pièces des suivis',
  indicator_values: 'valeurs d’indicateurs',
  user_pathways: 'parcours confiés aux formateurs',
};

interface ForeignKey {
  parent: string;
  /** Pairs of child and parent columns. */
  columns: { from: string; to: string }[];
}

interface Table {
  name: string;
  /** The SQL expression of a row's key: `json_array(<primary key columns>)`. */
  key: (alias: string) => string;
  foreignKeys: ForeignKey[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the programme's data with its key and its foreign keys. */
export function dataTables(ctx: Context): Table[] {
  const names = (
    ctx.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => !BOOKKEEPING.has(name));
  return names.map((name) => {
    const columns = ctx.sqlite.prepare(`PRAGMA table_info(${quote(name)})`).all() as {
      name: string;
      pk: number;
    }[];
    const primary = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const keyColumns = primary.length ? primary : ['rowid'];
    const list = ctx.sqlite.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as {
      id: number;
      table: string;
      from: string;
      to: string | null;
    }[];
    const byId = new Map<number, ForeignKey>();
    for (const fk of list) {
      const entry = byId.get(fk.id) ?? { parent: fk.table, columns: [] };
      entry.columns.push({ from: fk.from, to: fk.to ?? '' });
      byId.set(fk.id, entry);
    }
    return {
      name,
      key: (alias) => `json_array(${keyColumns.map((c) => `${alias}.${quote(c)}`).join(', ')})`,
      foreignKeys: [...byId.values()],
    };
  });
}

/** Fills in a foreign key's parent columns when it names none (it then refers to the primary key). */
function resolved(ctx: Context, fk: ForeignKey): ForeignKey {
  if (fk.columns.every((c) => c.to)) return fk;
  const primary = (
    ctx.sqlite.prepare(`PRAGMA table_info(${quote(fk.parent)})`).all() as { name: string; pk: number }[]
  )
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return { ...fk, columns: fk.columns.map((c, i) => ({ from: c.from, to: c.to || primary[i]! })) };
}

/** Whether the database holds any programme data (configuration aside). */
export function hasProgrammeData(ctx: Context): boolean {
  return dataTables(ctx).some(
    (t) =>
      !CONFIGURATION_TABLES.has(t.name) &&
      ctx.sqlite.prepare(`SELECT 1 FROM ${quote(t.name)} LIMIT 1`).get() !== undefined,
  );
}

/** The key of every row, table by table: taken before loading, to know afterwards what is new. */
export function snapshotKeys(ctx: Context): Map<string, Set<string>> {
  const snapshot = new Map<string, Set<string>>();
  for (const t of dataTables(ctx)) {
    const keys = ctx.sqlite
      .prepare(`SELECT ${t.key('t')} AS k FROM ${quote(t.name)} t`)
      .pluck()
      .all() as string[];
    snapshot.set(t.name, new Set(keys));
  }
  return snapshot;
}

/** Records as demonstration rows every row that was not in `before`. */
export function recordNewRows(ctx: Context, before: Map<string, Set<string>>): number {
  const insert = ctx.sqlite.prepare(
    'INSERT OR IGNORE INTO demo_records (table_name, record_key) VALUES (?, ?)',
  );
  let recorded = 0;
  for (const t of dataTables(ctx)) {
    const existing = before.get(t.name) ?? new Set<string>();
    const keys = ctx.sqlite
      .prepare(`SELECT ${t.key('t')} AS k FROM ${quote(t.name)} t`)
      .pluck()
      .all() as string[];
    for (const k of keys) {
      if (existing.has(k)) continue;
      insert.run(t.name, k);
      recorded += 1;
    }
  }
  return recorded;
}

export function countRecords(ctx: Context): number {
  return (ctx.sqlite.prepare('SELECT count(*) FROM demo_records').pluck().get() as number) ?? 0;
}

/** Children before parents: the order in which rows can be deleted with foreign keys on. */
function deletionOrder(tables: Table[]): Table[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const order: Table[] = [];
  while (remaining.size > 0) {
    // A table can go once no remaining table (other than itself) refers to it.
    const free = [...remaining.values()].filter(
      (t) =>
        ![...remaining.values()].some(
          (other) => other.name !== t.name && other.foreignKeys.some((fk) => fk.parent === t.name),
        ),
    );
    // A cycle (none today) would be left to the foreign keys themselves, which refuse a bad order.
    const next = free.length ? free : [...remaining.values()];
    for (const t of next) {
      order.push(t);
      remaining.delete(t.name);
    }
  }
  return order;
}

const REMOVAL = 'temp.demo_removal';

/**
 * Removes the demonstration in one go: its own rows, and the rows added since that concern only
 * them (a status change of a demonstration organisation, a mark in the register of a demonstration
 * session…: every row they refer to is a demonstration or configuration row). When a row added
 * since also refers to the user's own records, nothing is deleted and a CONFLICT explains why.
 */
export function removeDemoRows(ctx: Context): { removed: number; addedSince: number } {
  const tables = dataTables(ctx).map((t) => ({
    ...t,
    foreignKeys: t.foreignKeys.map((fk) => resolved(ctx, fk)),
  }));
  const byName = new Map(tables.map((t) => [t.name, t]));
  ctx.sqlite.exec(
    `DROP TABLE IF EXISTS ${REMOVAL}; CREATE TEMP TABLE demo_removal (table_name TEXT NOT NULL, record_key TEXT NOT NULL, PRIMARY KEY (table_name, record_key))`,
  );
  try {
    ctx.sqlite.prepare(`INSERT INTO ${REMOVAL} SELECT table_name, record_key FROM demo_records`).run();

    const marked = (table: string) =>
      `(SELECT record_key FROM ${REMOVAL} WHERE table_name = ${sqlString(table)})`;
    /** The row `c` refers, through `fk`, to a row to be removed. */
    const refersToMarked = (fk: ForeignKey) => {
      const parent = byName.get(fk.parent);
      if (!parent) return '0';
      const join = fk.columns.map((c) => `p.${quote(c.to)} = c.${quote(c.from)}`).join(' AND ');
      return `EXISTS (SELECT 1 FROM ${quote(fk.parent)} p WHERE ${join} AND ${parent.key('p')} IN ${marked(fk.parent)})`;
    };
    const isNull = (fk: ForeignKey) => fk.columns.map((c) => `c.${quote(c.from)} IS NULL`).join(' OR ');

    // Rows added since that only concern the demonstration go with it; repeated until nothing is added.
    let addedSince = 0;
    for (;;) {
      let added = 0;
      for (const t of tables) {
        if (CONFIGURATION_TABLES.has(t.name) || t.foreignKeys.length === 0) continue;
        const anyMarked = t.foreignKeys.map(refersToMarked).join(' OR ');
        const everyReference = t.foreignKeys
          .map((fk) =>
            CONFIGURATION_TABLES.has(fk.parent) ? '1' : `(${isNull(fk)} OR ${refersToMarked(fk)})`,
          )
          .join(' AND ');
        added += ctx.sqlite
          .prepare(
            `INSERT INTO ${REMOVAL} SELECT ${sqlString(t.name)}, ${t.key('c')} FROM ${quote(t.name)} c
             WHERE ${t.key('c')} NOT IN ${marked(t.name)} AND (${anyMarked}) AND ${everyReference}`,
          )
          .run().changes;
      }
      addedSince += added;
      if (added === 0) break;
    }

    // Anything else that refers to a row to be removed is the user's own: it blocks the removal.
    const blockers = new Map<string, number>();
    for (const t of tables) {
      const references = t.foreignKeys.filter((fk) => byName.has(fk.parent));
      if (references.length === 0) continue;
      const n = ctx.sqlite
        .prepare(
          `SELECT count(*) FROM ${quote(t.name)} c WHERE ${t.key('c')} NOT IN ${marked(t.name)} AND (${references.map(refersToMarked).join(' OR ')})`,
        )
        .pluck()
        .get() as number;
      if (n > 0) blockers.set(t.name, n);
    }
    if (blockers.size > 0) {
      const total = [...blockers.values()].reduce((a, b) => a + b, 0);
      const detail = [...blockers].map(([table, n]) => `${LABELS[table] ?? table} : ${n}`).join(' ; ');
      throw new AppError(
        'CONFLICT',
        `Rien n’a été supprimé : ${total} enregistrement(s) saisi(s) depuis le chargement relient vos propres données à la démonstration (${detail}). Retirez ces liens, puis supprimez la démonstration.`,
      );
    }

    let removed = 0;
    for (const t of deletionOrder(tables)) {
      removed += ctx.sqlite
        .prepare(`DELETE FROM ${quote(t.name)} WHERE ${t.key(quote(t.name))} IN ${marked(t.name)}`)
        .run().changes;
    }
    ctx.sqlite.prepare('DELETE FROM demo_records').run();
    return { removed, addedSince };
  } finally {
    ctx.sqlite.exec(`DROP TABLE IF EXISTS ${REMOVAL}`);
  }
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
