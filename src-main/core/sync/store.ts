// The merge engine's rules (replica.ts) kept in SQLite: the changes held (`sync_changes`, own ones
// captured by capture.ts, others received here), each field's heads (`sync_heads`), the peers and
// the quarantine. Receiving a batch applies its changes to the heads by the engine's rule, then
// writes each touched record's shown values into its table, in one transaction: the programme's
// tables always show what the heads say. The scope and permission rules are the engine's own
// (scope.ts), read through a View over these tables.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import { compactKey } from '../text';
import { derived as participantKeys } from '../participants/service';
import { DELETED, recordKey, type Change, type Value } from './change';
import { formatAt, observe, parseAt, startClock } from './clock';
import { missing, type Ranges } from './ranges';
import { NEVER_SENT, PARENTS, UNIQUE } from './scope';
import {
  checkChanges,
  conflicts,
  FORMAT,
  parseBatch,
  showOrder,
  summarise,
  type Batch,
  type Conflict,
  type Gap,
  type Installation,
  type ReceiveReport,
  type RecordState,
  type Refusal,
  type SyncRules,
  type View,
  versionOf,
} from './replica';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns a local write derives from others, recomputed from the fields that arrive. */
const DERIVED: Record<string, (row: Record<string, Value>) => Record<string, Value>> = {
  participants: (r) => {
    const keys = participantKeys({
      firstName: String(r.first_name ?? ''),
      lastName: String(r.last_name ?? ''),
      phone: typeof r.phone === 'string' ? r.phone : null,
    });
    return { phone_digits: keys.phoneDigits, sort_name: keys.sortName, search_text: keys.searchText };
  },
  agreements: (r) => ({ number_key: compactKey(String(r.number ?? '')) }),
};
export const DERIVED_COLUMNS = Object.entries(DERIVED).flatMap(([table, f]) =>
  Object.keys(f({})).map((column) => `${table}.${column}`),
);

/** A change as its row holds it: `value` and `supersedes` still JSON. */
type StoredChange = Omit<Change, 'value' | 'supersedes'> & { value: string; supersedes: string };

const toChange = (r: StoredChange): Change => ({
  ...r,
  value: JSON.parse(r.value) as Value,
  supersedes: JSON.parse(r.supersedes) as string[],
});

export interface PeerRow {
  device: string;
  userId: string;
  role: string;
  label: string;
  headquarters: number;
  secret: string;
  holds: string;
  announced: number;
  lastBatchReceived: number;
  lastBatchSent: number;
  enrolledAt: string;
}

interface Column {
  name: string;
  pk: number;
  notnull: number;
}

const CHANGE = `id, device, seq, table_name AS "table", record_id AS recordId, field, value, author, at, supersedes`;

function statements(sqlite: Sqlite) {
  return {
    self: sqlite.prepare('SELECT device, role, user_id AS userId, clock FROM sync_installation'),
    nextSeq: sqlite.prepare('SELECT next_seq FROM sync_installation').pluck(),
    peers: sqlite.prepare(
      `SELECT device, user_id AS userId, role, label, headquarters, secret, holds, announced, enrolled_at AS enrolledAt,
              last_batch_received AS lastBatchReceived, last_batch_sent AS lastBatchSent FROM sync_peers`,
    ),
    change: sqlite.prepare(`SELECT ${CHANGE} FROM sync_changes WHERE id = ?`),
    quarantined: sqlite.prepare('SELECT change FROM sync_quarantine WHERE change_id = ?').pluck(),
    heads: sqlite
      .prepare('SELECT change_ids FROM sync_heads WHERE table_name = ? AND record_id = ? AND field = ?')
      .pluck(),
    recordChanges: sqlite.prepare(
      `SELECT ${CHANGE} FROM sync_changes WHERE table_name = ? AND record_id = ?`,
    ),
    recordHeads: sqlite.prepare(
      'SELECT field, change_ids AS ids FROM sync_heads WHERE table_name = ? AND record_id = ?',
    ),
    tableHeads: sqlite.prepare(
      'SELECT record_id AS recordId, change_ids AS ids FROM sync_heads WHERE table_name = ? AND field = ?',
    ),
    held: sqlite.prepare('SELECT 1 FROM sync_heads WHERE table_name = ? AND record_id = ? LIMIT 1').pluck(),
    insert: sqlite.prepare(
      `INSERT INTO sync_changes (id, device, seq, table_name, record_id, field, value, author, at, supersedes, never_sent, call_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    setHeads: sqlite.prepare(
      'INSERT OR REPLACE INTO sync_heads (table_name, record_id, field, change_ids) VALUES (?, ?, ?, ?)',
    ),
    fieldOf: sqlite
      .prepare('SELECT field FROM sync_changes WHERE id = ? AND table_name = ? AND record_id = ?')
      .pluck(),
    superseded: sqlite
      .prepare(
        `SELECT 1 FROM sync_changes x, json_each(x.supersedes) j
       WHERE x.table_name = ? AND x.record_id = ? AND x.field = ? AND j.value = ? LIMIT 1`,
      )
      .pluck(),
    quarantine: sqlite.prepare(
      `INSERT INTO sync_quarantine (change_id, device, seq, table_name, record_id, change, sender, reason, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    waiting: sqlite
      .prepare('SELECT 1 FROM sync_quarantine WHERE table_name = ? AND record_id = ? LIMIT 1')
      .pluck(),
    holds: sqlite.prepare(
      `SELECT device, min(seq) AS a, max(seq) AS b FROM (
         SELECT device, seq, seq - row_number() OVER (PARTITION BY device ORDER BY seq) AS run
         FROM (SELECT device, seq FROM sync_changes UNION ALL SELECT device, seq FROM sync_quarantine))
       GROUP BY device, run ORDER BY device, a`,
    ),
    hasSeq: sqlite
      .prepare(
        `SELECT 1 FROM sync_changes WHERE device = ? AND seq = ?
       UNION ALL SELECT 1 FROM sync_quarantine WHERE device = ? AND seq = ? LIMIT 1`,
      )
      .pluck(),
    savePeer: sqlite.prepare(
      `UPDATE sync_peers SET holds = ?, announced = ?, last_batch_received = ?, last_batch_sent = ? WHERE device = ?`,
    ),
    saveClock: sqlite.prepare('UPDATE sync_installation SET clock = ?'),
    // The rows written here become audit rows (history), never changes of this installation.
    orphan: sqlite.prepare(
      `INSERT OR REPLACE INTO sync_orphans (table_name, record_id, field, parent_table, parent_id)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    adopted: sqlite.prepare('DELETE FROM sync_orphans WHERE table_name = ? AND record_id = ?'),
    orphansOf: sqlite.prepare(
      'SELECT table_name AS "table", record_id AS recordId FROM sync_orphans WHERE parent_table = ? AND parent_id = ?',
    ),
    orphanRow: sqlite.prepare(
      'SELECT parent_table AS parentTable, parent_id AS parentId FROM sync_orphans WHERE table_name = ? AND record_id = ?',
    ),
    orphans: sqlite.prepare(
      `SELECT table_name AS "table", record_id AS recordId, field, parent_table AS parentTable, parent_id AS parent
       FROM sync_orphans ORDER BY table_name, record_id`,
    ),
    claim: sqlite.prepare(
      'INSERT OR REPLACE INTO sync_claims (table_name, record_id, field, holder_id) VALUES (?, ?, ?, ?)',
    ),
    unclaimed: sqlite.prepare('DELETE FROM sync_claims WHERE table_name = ? AND record_id = ?'),
    waitsAside: sqlite.prepare('SELECT 1 FROM sync_claims WHERE table_name = ? AND record_id = ?').pluck(),
    claimsOn: sqlite
      .prepare('SELECT record_id FROM sync_claims WHERE table_name = ? AND holder_id = ?')
      .pluck(),
    claims: sqlite.prepare(
      `SELECT table_name AS "table", record_id AS recordId, field, holder_id AS holderId
       FROM sync_claims ORDER BY table_name, record_id`,
    ),
    skipCapture: sqlite.prepare(
      'UPDATE sync_installation SET captured_through = coalesce((SELECT max(id) FROM audit_changes), 0)',
    ),
    own: sqlite.prepare(`SELECT ${CHANGE} FROM sync_changes WHERE device = ? ORDER BY seq`),
    // Its own changes too: a laptop restored from a backup lacks the ones it had sent since.
    sendable: sqlite.prepare(`SELECT ${CHANGE} FROM sync_changes WHERE never_sent = 0 ORDER BY device, seq`),
  };
}

type Statements = ReturnType<typeof statements>;
const prepared = new WeakMap<Sqlite, Statements>();

/** One installation's synchronisation state, read and written in its database. */
export class Store {
  readonly s: Statements;
  private columns = new Map<string, Column[]>();
  /** The contents of the documents a file brings, by SHA-256. */
  documents = new Map<string, Buffer>();

  constructor(readonly sqlite: Sqlite) {
    let s = prepared.get(sqlite);
    if (!s) prepared.set(sqlite, (s = statements(sqlite)));
    this.s = s;
  }

  self(): { device: string; role: 'headquarters' | 'field'; userId: string | null; clock: string | null } {
    return this.s.self.get() as ReturnType<Store['self']>;
  }

  peers(): Map<string, PeerRow> {
    return new Map((this.s.peers.all() as PeerRow[]).map((p) => [p.device, p]));
  }

  /** The device id of headquarters: this one, or the peer enrolled as headquarters. */
  headquarters(): string {
    const self = this.self();
    if (self.role === 'headquarters') return self.device;
    const hq = [...this.peers().values()].find((p) => p.headquarters === 1);
    if (!hq) throw new Error('This field installation has no headquarters peer');
    return hq.device;
  }

  change(id: string): Change | undefined {
    const row = this.s.change.get(id) as StoredChange | undefined;
    return row && toChange(row);
  }

  heldCopy(c: Change): Change | undefined {
    const held = this.change(c.id);
    if (held) return held;
    const q = this.s.quarantined.get(c.id) as string | undefined;
    return q ? (JSON.parse(q) as Change) : undefined;
  }

  heads(table: string, recordId: string, field: string): string[] {
    const ids = this.s.heads.get(table, recordId, field) as string | undefined;
    return ids ? (JSON.parse(ids) as string[]) : [];
  }

  /** The heads of a field, shown one first (the engine's order). */
  headChanges(table: string, recordId: string, field: string, hq: string): Change[] {
    return this.heads(table, recordId, field)
      .map((id) => this.change(id)!)
      .sort(showOrder(hq));
  }

  /** The shown value of each field of a record that has heads. */
  shownRecord(table: string, recordId: string, hq: string): Map<string, Change> {
    const out = new Map<string, Change>();
    for (const { field, ids } of this.s.recordHeads.all(table, recordId) as {
      field: string;
      ids: string;
    }[]) {
      const heads = (JSON.parse(ids) as string[]).map((id) => this.change(id)!).sort(showOrder(hq));
      if (heads[0]) out.set(field, heads[0]);
    }
    return out;
  }

  /** What this installation holds, per device: the ranges of seqs applied or quarantined. */
  holds(): Map<string, Ranges> {
    const out = new Map<string, Ranges>();
    for (const { device, a, b } of this.s.holds.all() as { device: string; a: number; b: number }[])
      out.set(device, [...(out.get(device) ?? []), [a, b]]);
    return out;
  }

  hasSeq(device: string, seq: number): boolean {
    return this.s.hasSeq.get(device, seq, device, seq) !== undefined;
  }

  /**
   * Adds a change to the heads of its field, by the engine's rule (replica.ts `apply`): it takes
   * away the heads of the same field it supersedes, and is a head unless a change held already
   * supersedes it (changes may arrive in any order).
   */
  apply(c: Change): void {
    this.s.insert.run(
      c.id,
      c.device,
      c.seq,
      c.table,
      c.recordId,
      c.field,
      JSON.stringify(c.value),
      c.author,
      c.at,
      JSON.stringify(c.supersedes),
      NEVER_SENT.includes(`${c.table}.${c.field}`) ? 1 : 0,
    );
    let heads = this.heads(c.table, c.recordId, c.field);
    const taken = new Set(c.supersedes.filter((s) => this.s.fieldOf.get(s, c.table, c.recordId) === c.field));
    heads = heads.filter((id) => !taken.has(id));
    if (this.s.superseded.get(c.table, c.recordId, c.field, c.id) === undefined) heads.push(c.id);
    this.s.setHeads.run(c.table, c.recordId, c.field, JSON.stringify(heads.sort()));
  }

  /** The statements of `materialise`, built once per table and set of columns. */
  private statements = new Map<string, Statement>();
  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.sqlite.prepare(sql)));
    return statement;
  }

  columnsOf(table: string): Column[] {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = this.sqlite.prepare(`PRAGMA main.table_info(${quote(table)})`).all() as Column[];
      this.columns.set(table, columns);
    }
    return columns;
  }

  /** A table that keeps its deleted records, marked by `deleted_at`. */
  softDeletes(table: string): boolean {
    return this.columnsOf(table).some((c) => c.name === 'deleted_at');
  }

  /**
   * Writes a record's shown values into its table: inserted, updated, marked deleted (a table with
   * `deleted_at`) or removed (one without). Derived columns are recomputed, never received.
   */
  materialise(table: string, recordId: string, hq: string): void {
    const columns = this.columnsOf(table);
    if (columns.length === 0) throw new Error(`Unknown table ${table}`);
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const keyValues: Value[] = key.length === 1 ? [recordId] : (JSON.parse(recordId) as Value[]);
    const where = key.map((c) => `${quote(c.name)} = ?`).join(' AND ');
    const exists =
      this.prepare(`SELECT 1 FROM main.${quote(table)} WHERE ${where}`).get(...keyValues) !== undefined;
    const shown = this.shownRecord(table, recordId, hq);
    const deletion = shown.get(DELETED);
    const deleted = deletion?.value === true;
    const softDelete = this.softDeletes(table);
    const remove = () => {
      if (exists) this.prepare(`DELETE FROM main.${quote(table)} WHERE ${where}`).run(...keyValues);
    };
    const orphanOf = deleted ? undefined : this.missingParent(table, shown, hq);
    if (orphanOf) {
      // Kept out of its table, as a conflict, until the parent is given back or the record let go.
      this.s.orphan.run(table, recordId, orphanOf.field, orphanOf.target, orphanOf.id);
      return remove();
    }
    this.s.adopted.run(table, recordId);
    const claim = deleted ? undefined : this.claimed(table, recordId, shown);
    if (claim) {
      // The record written here first keeps the value; this one waits aside, as a conflict.
      this.s.claim.run(table, recordId, claim.field, claim.holderId);
      remove();
      return this.rematerialiseChildren(table, recordId, hq);
    }
    this.s.unclaimed.run(table, recordId);
    if (deleted && !softDelete) {
      remove();
      this.rematerialiseChildren(table, recordId, hq);
      return this.reconsiderClaims(table, recordId, hq);
    }
    const row: Record<string, Value> = {};
    for (const c of columns) {
      const change = shown.get(c.name);
      if (change) row[c.name] = change.value;
      // Never sent (a password hash): empty here, so that nobody signs in with it on this laptop.
      else if (!exists && NEVER_SENT.includes(`${table}.${c.name}`)) row[c.name] = '';
    }
    Object.assign(row, DERIVED[table]?.(row));
    // A document's content travels beside the changes, by its hash (file.ts), never as a field.
    if (table === 'documents' && !exists)
      row.content = (this.documents.get(String(row.sha256)) ?? null) as Value;
    // The deletion's wall time (its clock without the counter) stands for the time it was made.
    if (softDelete) row.deleted_at = deleted ? deletion!.at.slice(0, 24) : null;
    const names = Object.keys(row).filter((n) => !key.some((k) => k.name === n));
    const values = names.map((n) => row[n] ?? null);
    if (exists) {
      if (names.length)
        this.prepare(
          `UPDATE main.${quote(table)} SET ${names.map((n) => `${quote(n)} = ?`).join(', ')} WHERE ${where}`,
        ).run(...values, ...keyValues);
    } else {
      const all = [...key.map((k) => k.name), ...names];
      this.prepare(
        `INSERT INTO main.${quote(table)} (${all.map(quote).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
      ).run(...keyValues, ...values);
      // Given back: the records kept out while it was gone go back into their tables.
      for (const o of this.s.orphansOf.all(table, recordId) as { table: string; recordId: string }[])
        this.materialise(o.table, o.recordId, hq);
    }
    this.reconsiderClaims(table, recordId, hq);
  }

  /** The record in the table that already holds a unique value this record shows, if any. */
  holderOf(table: string, recordId: string, field: string, value: string): string | undefined {
    const rule = UNIQUE.find((u) => u.table === table && u.field === field);
    if (!rule) return undefined;
    const live = this.softDeletes(table) ? 'AND deleted_at IS NULL' : '';
    const key = rule.key(value);
    if (rule.keyColumn)
      return this.prepare(
        `SELECT id FROM main.${quote(table)} WHERE ${quote(rule.keyColumn)} = ? AND id <> ? ${live} LIMIT 1`,
      )
        .pluck()
        .get(key, recordId) as string | undefined;
    const rows = this.prepare(
      `SELECT id, ${quote(field)} AS value FROM main.${quote(table)} WHERE id <> ? ${live}`,
    ).all(recordId) as { id: string; value: unknown }[];
    return rows.find((r) => typeof r.value === 'string' && rule.key(r.value) === key)?.id;
  }

  private claimed(table: string, recordId: string, shown: Map<string, Change>) {
    for (const { field } of UNIQUE.filter((u) => u.table === table)) {
      const value = shown.get(field)?.value;
      const holderId = typeof value === 'string' ? this.holderOf(table, recordId, field, value) : undefined;
      if (holderId) return { field, holderId };
    }
    return undefined;
  }

  /** A record written or removed: those kept aside for the value it held may now take it. */
  private reconsiderClaims(table: string, recordId: string, hq: string) {
    for (const waiting of this.s.claimsOn.all(table, recordId) as string[])
      this.materialise(table, waiting, hq);
  }

  private whereKey(table: string, recordId: string) {
    const key = this.columnsOf(table)
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk);
    const values: Value[] = key.length === 1 ? [recordId] : (JSON.parse(recordId) as Value[]);
    return { where: key.map((c) => `${quote(c.name)} = ?`).join(' AND '), values };
  }

  /** Takes a record's row out of its table: it leaves this installation, nothing is written of it. */
  remove(table: string, recordId: string): void {
    const { where, values } = this.whereKey(table, recordId);
    this.prepare(`DELETE FROM main.${quote(table)} WHERE ${where}`).run(...values);
  }

  /** Forgets what this installation held of a record: the changes received, the heads, an orphan's mark. */
  forget(table: string, recordId: string): void {
    for (const t of ['sync_changes', 'sync_heads', 'sync_orphans'])
      this.prepare(`DELETE FROM ${t} WHERE table_name = ? AND record_id = ?`).run(table, recordId);
  }

  /** The records that rows still in the tables point to and that are no longer there. */
  violations(): { table: string; recordId: string }[] {
    const found = this.sqlite.prepare('PRAGMA foreign_key_check').all() as {
      table: string;
      rowid: number;
      parent: string;
      fkid: number;
    }[];
    return found.map((v) => {
      const fk = (
        this.sqlite.prepare(`PRAGMA foreign_key_list(${quote(v.table)})`).all() as {
          id: number;
          from: string;
        }[]
      ).find((f) => f.id === v.fkid)!;
      const id = this.prepare(`SELECT ${quote(fk.from)} FROM main.${quote(v.table)} WHERE rowid = ?`)
        .pluck()
        .get(v.rowid);
      return { table: v.parent, recordId: String(id) };
    });
  }

  /**
   * The parent a live record points to, when that parent is not in its table: removed (a table
   * without `deleted_at`), or kept aside for a value another record holds.
   */
  private missingParent(table: string, shown: Map<string, Change>, hq: string) {
    const ref = PARENTS[table];
    const id = ref && shown.get(ref.field)?.value;
    if (!ref || typeof id !== 'string') return undefined;
    if (this.s.waitsAside.get(ref.target, id) !== undefined) return { ...ref, id };
    if (this.softDeletes(ref.target)) return undefined;
    const gone = this.headChanges(ref.target, id, DELETED, hq)[0]?.value === true;
    return gone ? { ...ref, id } : undefined;
  }

  /** A record taken out: its children still in their tables are now orphans, kept out (FKs hold at commit). */
  private rematerialiseChildren(table: string, recordId: string, hq: string) {
    for (const [child, ref] of Object.entries(PARENTS)) {
      if (ref.target !== table) continue;
      const key = this.columnsOf(child)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const rows = this.prepare(
        `SELECT ${key.map(quote).join(', ')} FROM main.${quote(child)} WHERE ${quote(ref.field)} = ?`,
      )
        .raw()
        .all(recordId) as Value[][];
      for (const values of rows)
        this.materialise(child, key.length === 1 ? String(values[0]) : JSON.stringify(values), hq);
    }
  }
}

/** The engine's View over the database; `forget` drops the indexes of a table just written. */
export function storeView(store: Store, hq: string): View & { forget(table: string): void } {
  const value = (table: string, recordId: string, field: string) =>
    store.headChanges(table, recordId, field, hq)[0]?.value;
  const indexes = new Map<string, Map<string, string[]>>();
  return {
    forget: (table) => {
      for (const name of indexes.keys()) if (name.startsWith(recordKey(table, ''))) indexes.delete(name);
    },
    value,
    held: (table, recordId) => store.s.held.get(table, recordId) !== undefined,
    deleted: (table, recordId) => value(table, recordId, DELETED) === true,
    find: (table, field, wanted) => {
      const name = recordKey(table, field);
      let index = indexes.get(name);
      if (!index) {
        index = new Map();
        for (const { recordId } of store.s.tableHeads.all(table, field) as { recordId: string }[]) {
          const v = JSON.stringify(value(table, recordId, field) ?? null);
          index.set(v, [...(index.get(v) ?? []), recordId]);
        }
        indexes.set(name, index);
      }
      return index.get(JSON.stringify(wanted)) ?? [];
    },
  };
}

const installationOf = (p: PeerRow): Installation => ({
  device: p.device,
  user: p.userId,
  role: p.role,
  label: p.label,
});

const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });

/** Seqs a sender announced that never arrived: files lost on the way (the engine's `gaps`). */
export function gapsOf(store: Store): Gap[] {
  const holds = store.holds();
  const out: Gap[] = [];
  for (const peer of [...store.peers().values()].sort((a, b) => (a.device < b.device ? -1 : 1))) {
    for (const [from, to] of missing(holds.get(peer.device) ?? [], peer.announced))
      out.push({
        device: peer.device,
        from,
        to,
        message:
          from === to
            ? `séquence ${from} du ${peer.label} manque`
            : `séquences ${from}–${to} du ${peer.label} manquent`,
      });
  }
  return out;
}

/**
 * The conflicts a person must decide, by the engine's own definition (`conflicts`), over the
 * records that can hold one: a field with several heads, or a deleted record (an edit made
 * elsewhere without knowing of the deletion); and the records kept out of their tables, their parent
 * removed (orphans) or their unique value held by another (claims), as materialise found them.
 */
export function conflictsIn(store: Store, rules: SyncRules): Conflict[] {
  const candidates = store.sqlite
    .prepare(
      `SELECT DISTINCT table_name AS "table", record_id AS recordId FROM sync_heads
       WHERE json_array_length(change_ids) > 1 OR field = '${DELETED}'`,
    )
    .all() as { table: string; recordId: string }[];
  const records = new Map<string, RecordState>();
  for (const { table, recordId } of candidates) {
    const changes = (store.s.recordChanges.all(table, recordId) as StoredChange[]).map(toChange);
    const heads = new Map<string, Set<string>>();
    for (const { field, ids } of store.s.recordHeads.all(table, recordId) as { field: string; ids: string }[])
      heads.set(field, new Set(JSON.parse(ids) as string[]));
    records.set(recordKey(table, recordId), {
      table,
      recordId,
      changes: new Map(changes.map((c) => [c.id, c])),
      superseded: new Map(),
      heads,
    });
  }
  // A record kept out while its parent waits aside comes back with it: the parent's is the conflict.
  const orphans = (store.s.orphans.all() as Extract<Conflict, { kind: 'orphan' }>[]).filter(
    (o) => store.s.waitsAside.get(o.parentTable, o.parent) === undefined,
  );
  const claims = store.s.claims.all() as {
    table: string;
    recordId: string;
    field: string;
    holderId: string;
  }[];
  const claim = (c: (typeof claims)[number]): Conflict[] => {
    const head = (id: string) => store.headChanges(c.table, id, c.field, rules.headquarters)[0];
    const [held, waiting] = [head(c.holderId), head(c.recordId)];
    if (!held || !waiting) return [];
    return [
      {
        kind: 'unique',
        table: c.table,
        field: c.field,
        value: held.value,
        records: [
          { ...versionOf(held), recordId: c.holderId },
          { ...versionOf(waiting), recordId: c.recordId },
        ],
      },
    ];
  };
  return [
    ...conflicts({ records }, rules).filter((c) => c.kind === 'field' || c.kind === 'deletedEdited'),
    ...orphans.map((o) => ({ ...o, kind: 'orphan' as const })),
    ...claims.flatMap(claim),
  ];
}

/** Why a record cannot be written here, in words (the call's transaction undoes the rest). */
function unwritable(table: string, error: unknown, what: Unwritable): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return new AppError(
      'CONFLICT',
      `${what.subject} : une fiche (${table}) y porte la même valeur qu’une fiche de ce poste (numéro de convention, identifiant de connexion). ${what.undone}`,
    );
  if (code === 'SQLITE_CONSTRAINT_NOTNULL')
    return new AppError(
      'VALIDATION',
      `${what.subject} : une fiche (${table}) y arrive incomplète (un document sans son contenu, par exemple). Rien n’a été appliqué.`,
    );
  if (code === 'SQLITE_CONSTRAINT_CHECK')
    return new AppError(
      'VALIDATION',
      `${what.subject} : une valeur n’est pas admise pour une fiche (${table}).`,
    );
  return error as Error;
}

interface Unwritable {
  subject: string;
  undone: string;
}
const fileUnwritable: Unwritable = {
  subject: 'Ce fichier ne peut pas être appliqué',
  undone: 'Rien n’a été appliqué : faites changer l’une des deux, puis importez le fichier à nouveau.',
};

/** Writes each record's shown values into its table; a record that cannot be written is refused in words. */
export function materialiseAll(
  store: Store,
  records: Iterable<{ table: string; recordId: string }>,
  hq: string,
  what: Unwritable = fileUnwritable,
) {
  for (const { table, recordId } of records) {
    try {
      store.materialise(table, recordId, hq);
    } catch (error) {
      throw unwritable(table, error, what);
    }
  }
}

/**
 * Applies a batch to the database, all or nothing (call it inside the call's transaction): the
 * engine's `receive`, with the same checks and refusals, over the tables.
 */
export function receiveBatch(
  sqlite: Sqlite,
  rules: (headquarters: string) => SyncRules,
  input: unknown,
  receivedAt: string,
  documents: Map<string, Buffer> = new Map(),
): { ok: true; report: ReceiveReport } | Refusal {
  const store = new Store(sqlite);
  store.documents = documents;
  const self = store.self();
  const parsed = parseBatch(input, self.device);
  if (!parsed.ok) return parsed;
  const { batch } = parsed;
  const peer = store.peers().get(batch.sender);
  if (!peer) return refuse('UNKNOWN_SENDER', 'Ce fichier vient d’un poste qui n’est pas inscrit ici.');
  const hq = store.headquarters();
  const r = rules(hq);
  const atHq = self.device === hq;
  const fromHq = batch.sender === hq;

  const checked = checkChanges(
    batch,
    self.device,
    fromHq,
    (c) => store.heldCopy(c),
    // Below the next seq, a change of its own it does not hold was written before a restore.
    (c) => c.seq < (store.s.nextSeq.get() as number),
  );
  if (!checked.ok) return checked;
  const inBatch = checked.changes;

  const report = (counts: {
    received: number;
    duplicates: number;
    quarantined: number;
    outdated: boolean;
  }) => {
    const full = { ...counts, conflicts: conflictsIn(store, r).length, gaps: gapsOf(store) };
    return { ok: true as const, report: { ...full, summary: summarise(full) } };
  };
  if (fromHq && !atHq && batch.number <= peer.lastBatchReceived)
    return report({ received: 0, duplicates: batch.changes.length, quarantined: 0, outdated: true });

  // Parents are written after their children within the transaction: checked at its end.
  sqlite.pragma('defer_foreign_keys = ON');
  const v = storeView(store, hq);
  const sender = installationOf(peer);
  const touched = new Map<string, { table: string; recordId: string }>();
  const refused = new Map<string, string>();
  let received = 0;
  let duplicates = 0;
  let quarantined = 0;
  let clock = (self.clock && parseAt(self.clock)) || startClock;
  // At headquarters a record with one refused change waits whole in quarantine (the engine
  // repeats its passes until the refused set is stable; here refusals are decided before writing).
  const changes = [...inBatch.values()];
  if (atHq) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of changes) {
        const key = recordKey(c.table, c.recordId);
        if (refused.has(key) || store.hasSeq(c.device, c.seq)) continue;
        const reason =
          store.s.waiting.get(c.table, c.recordId) !== undefined
            ? 'En attente : une autre modification de cette fiche est en quarantaine.'
            : r.permit(c, sender, v);
        if (reason !== null) {
          refused.set(key, reason);
          grew = true;
        }
      }
    }
  }
  for (const c of changes) {
    if (store.hasSeq(c.device, c.seq)) {
      duplicates++;
      continue;
    }
    clock = observe(clock, parseAt(c.at)!);
    const reason = refused.get(recordKey(c.table, c.recordId));
    if (reason !== undefined) {
      store.s.quarantine.run(
        c.id,
        c.device,
        c.seq,
        c.table,
        c.recordId,
        JSON.stringify(c),
        sender.device,
        reason,
        receivedAt,
      );
      quarantined++;
      continue;
    }
    store.apply(c);
    v.forget(c.table);
    touched.set(recordKey(c.table, c.recordId), { table: c.table, recordId: c.recordId });
    received++;
  }
  materialiseAll(store, touched.values(), hq);
  // An assignment changed: what left the laptop's scope leaves the laptop.
  if (!atHq && changes.some((c) => c.table === 'user_pathways')) settleScope(store, r, hq);

  const announced = batch.lastSeq === null ? peer.announced : Math.max(peer.announced, batch.lastSeq);
  const holds = batch.number > peer.lastBatchReceived ? JSON.stringify(batch.holds) : peer.holds;
  store.s.savePeer.run(
    holds,
    announced,
    Math.max(peer.lastBatchReceived, batch.number),
    peer.lastBatchSent,
    peer.device,
  );
  if (clock !== startClock) store.s.saveClock.run(formatAt(clock));
  store.s.skipCapture.run();
  return report({ received, duplicates, quarantined, outdated: false });
}

/**
 * On a laptop: the records that left its scope (a trainer taken off a pathway) leave it, without
 * any deletion written, and their changes with them, so that headquarters sends them again if they
 * come back (the acknowledgement is what the laptop holds). A record with a change of the laptop's
 * own stays (its own work, perhaps not yet sent), and so does any record a remaining row points to.
 */
function settleScope(store: Store, rules: SyncRules, hq: string) {
  const self = store.self();
  const role = store.sqlite.prepare('SELECT role FROM users WHERE id = ?').pluck().get(self.userId) as string;
  const installation: Installation = { device: self.device, user: self.userId!, role, label: '' };
  const v = storeView(store, hq);
  const records = store.sqlite
    .prepare(
      `SELECT DISTINCT table_name AS "table", record_id AS recordId FROM sync_heads h
       WHERE NOT EXISTS (SELECT 1 FROM sync_changes c
                         WHERE c.table_name = h.table_name AND c.record_id = h.record_id AND c.device = ?)`,
    )
    .all(self.device) as { table: string; recordId: string }[];
  const leaving = records.filter((r) => !rules.scope(installation, r.table, r.recordId, v));
  if (leaving.length === 0) return;
  for (const r of leaving) store.remove(r.table, r.recordId);
  // A row that stays and points to one removed keeps it (foreign keys hold at the commit).
  const kept = new Set<string>();
  for (let violations = store.violations(); violations.length; violations = store.violations())
    for (const { table, recordId } of violations) {
      kept.add(recordKey(table, recordId));
      store.materialise(table, recordId, hq);
    }
  for (const r of leaving) if (!kept.has(recordKey(r.table, r.recordId))) store.forget(r.table, r.recordId);
}

const inRanges = (ranges: [number, number][] | undefined, seq: number) =>
  !!ranges && ranges.some(([a, b]) => a <= seq && seq <= b);

/**
 * The batch for `receiver` (the engine's `exportBatch`, « unacknowledged » mode): a laptop sends
 * its own changes that headquarters has not acknowledged; headquarters every change in the
 * laptop's scope that the laptop has not acknowledged. Call it inside a transaction.
 */
export function exportBatch(
  sqlite: Sqlite,
  rules: (headquarters: string) => SyncRules,
  receiver: string,
): Batch {
  const store = new Store(sqlite);
  const self = store.self();
  const peer = store.peers().get(receiver);
  if (!peer) throw new Error(`Poste inconnu : ${receiver}`);
  const hq = store.headquarters();
  const acknowledged = JSON.parse(peer.holds) as Record<string, [number, number][]>;
  let changes: Change[];
  let lastSeq: number | null = null;
  if (self.device === hq) {
    const r = rules(hq);
    const v = storeView(store, hq);
    const installation = installationOf(peer);
    const inScope = new Map<string, boolean>();
    changes = (store.s.sendable.all() as StoredChange[])
      .filter((c) => !inRanges(acknowledged[c.device], c.seq))
      .filter((c) => {
        const key = recordKey(c.table, c.recordId);
        let yes = inScope.get(key);
        if (yes === undefined) inScope.set(key, (yes = r.scope(installation, c.table, c.recordId, v)));
        return yes;
      })
      .map(toChange)
      .sort((a, b) => (a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1));
  } else {
    const own = (store.s.own.all(self.device) as StoredChange[]).map(toChange);
    changes = own.filter((c) => !inRanges(acknowledged[self.device], c.seq));
    lastSeq = own.length ? own[own.length - 1]!.seq : 0;
  }
  const number = peer.lastBatchSent + 1;
  store.s.savePeer.run(peer.holds, peer.announced, peer.lastBatchReceived, number, peer.device);
  const holds = Object.fromEntries(
    [...store.holds()].map(([device, ranges]) => [
      device,
      ranges.map(([a, b]) => [a, b] as [number, number]),
    ]),
  );
  return { format: FORMAT, sender: self.device, receiver, number, lastSeq, holds, changes };
}

/** The contents of the documents a batch creates, to travel with it (each once, by its hash). */
export function documentsOf(sqlite: Sqlite, batch: Batch): Buffer[] {
  const read = sqlite.prepare('SELECT content FROM documents WHERE sha256 = ? LIMIT 1').pluck();
  const hashes = new Set(
    batch.changes.filter((c) => c.table === 'documents' && c.field === 'sha256').map((c) => String(c.value)),
  );
  return [...hashes].flatMap((h) => {
    const content = read.get(h) as Buffer | undefined;
    return content ? [content] : [];
  });
}
