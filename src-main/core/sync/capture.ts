// The capture: at the end of every transaction that wrote (context.ts `transaction`), the audit
// trail's new rows (one per row touched, before and after) become synchronisation changes, one per
// field, in the same transaction. The trail stays the single capture point (SQLite triggers);
// this function is the only one that derives `sync_changes` from it, through a cursor
// (`sync_installation.captured_through`), so a write is captured once whichever transaction ends.
import type { Sqlite } from '../db/client';
import { MASKED } from '../audit/tables';
import { changeId, DELETED, type Value } from './change';
import { formatAt, parseAt, startClock, tick, type Clock } from './clock';
import { NEVER_SENT } from './scope';

/**
 * Columns not exchanged. Derived ones are recomputed on arrival (store.ts `DERIVED`), with the same
 * helper as a local write; documents' bytes travel by content hash (`documents.sha256`), not as a
 * value; a sign-in is a fact of the installation it happened on (each one's audit trail shows it).
 */
export const NOT_EXCHANGED = new Set([
  'participants.sort_name',
  'participants.search_text',
  'participants.phone_digits',
  'agreements.number_key',
  'documents.content',
  'users.last_sign_in_at',
]);

/** Not a field either: a record's deletion is the reserved field `_deleted` (change.ts). */
const DELETED_AT = 'deleted_at';

/** The author of writes made by the application itself (start-up, scripts: no account). */
export const APPLICATION_AUTHOR = 'application';

const neverSent = new Set(NEVER_SENT);

/** A row as the trail gives it: `before` / `after` are its JSON (null for an insert / a delete). */
export interface RowChange {
  callId: string | null;
  table: string;
  recordId: string;
  action: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
  author: string;
  /** Wall time of the write (ISO), which the hybrid clock never goes behind. */
  at: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function statements(sqlite: Sqlite) {
  return {
    installation: sqlite.prepare(
      'SELECT device, next_seq AS nextSeq, clock, captured_through AS capturedThrough FROM sync_installation',
    ),
    pending: sqlite.prepare(
      `SELECT ch.id, ch.call_id AS callId, ch.table_name AS "table", ch.record_id AS recordId, ch.action,
              ch.before, ch.after, coalesce(c.user_id, '${APPLICATION_AUTHOR}') AS author, c.at
       FROM audit_changes ch JOIN audit_calls c ON c.id = ch.call_id WHERE ch.id > ? ORDER BY ch.id`,
    ),
    heads: sqlite.prepare(
      'SELECT field, change_ids AS ids FROM sync_heads WHERE table_name = ? AND record_id = ?',
    ),
    value: sqlite.prepare('SELECT value FROM sync_changes WHERE id = ?').pluck(),
    insert: sqlite.prepare(
      `INSERT INTO sync_changes (id, device, seq, table_name, record_id, field, value, author, at, supersedes, never_sent, call_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setHeads: sqlite.prepare(
      'INSERT OR REPLACE INTO sync_heads (table_name, record_id, field, change_ids) VALUES (?, ?, ?, ?)',
    ),
    save: sqlite.prepare('UPDATE sync_installation SET next_seq = ?, clock = ?, captured_through = ?'),
  };
}

const prepared = new WeakMap<Sqlite, ReturnType<typeof statements> | null>();
/** The capture's statements, or null on a database of an older schema (before migration 0010). */
const statementsOf = (sqlite: Sqlite) => {
  let s = prepared.get(sqlite);
  if (s === undefined) {
    const migrated = sqlite
      .prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'sync_installation'")
      .get();
    prepared.set(sqlite, (s = migrated ? statements(sqlite) : null));
  }
  return s;
};

interface Installation {
  device: string;
  nextSeq: number;
  clock: string | null;
  capturedThrough: number;
}

function installationOf(s: ReturnType<typeof statements>): Installation {
  const installation = s.installation.get() as Installation | undefined;
  // Created by the migration that created the table: without it no write could be captured.
  if (!installation) throw new Error('sync_installation is empty: this database has no device id');
  return installation;
}

/** Writes the changes of rows, one after the other, each over the heads the previous ones left. */
class Writer {
  private seq: number;
  private clock: Clock;
  written = 0;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly s: ReturnType<typeof statements>,
    private readonly installation: Installation,
  ) {
    this.seq = installation.nextSeq;
    this.clock = (installation.clock && parseAt(installation.clock)) || startClock;
  }

  /** The current value of a masked column (the trail only says whether it changed). */
  private readMasked(table: string, recordId: string, column: string): Value | undefined {
    const row = this.sqlite
      .prepare(`SELECT ${quote(column)} AS v FROM ${quote(table)} WHERE id = ?`)
      .get(recordId) as { v: Value } | undefined;
    return row?.v;
  }

  private headsOf(table: string, recordId: string) {
    const heads = new Map<string, string[]>();
    for (const h of this.s.heads.all(table, recordId) as { field: string; ids: string }[]) {
      heads.set(h.field, JSON.parse(h.ids) as string[]);
    }
    return heads;
  }

  /** One field written over every head it holds: a person's decision (decisions.ts). */
  field(edit: Decision, author: string, at: string) {
    const r = { callId: null, table: edit.table, recordId: edit.recordId, author, at };
    this.write(r, this.headsOf(edit.table, edit.recordId), edit.field, edit.value);
  }

  row(r: RowChange) {
    const heads = this.headsOf(r.table, r.recordId);
    const deletedHead = () => {
      const ids = heads.get(DELETED);
      return ids ? ids.some((id) => this.s.value.get(id) === 'true') : false;
    };
    const before = r.before === null ? null : (JSON.parse(r.before) as Record<string, Value>);
    const after = r.after === null ? null : (JSON.parse(r.after) as Record<string, Value>);
    const fields: [string, Value][] = [];
    let deleted: boolean | null = null;
    if (r.action === 'delete') {
      if (!deletedHead()) deleted = true;
    } else if (after) {
      for (const [column, value] of Object.entries(after)) {
        const name = `${r.table}.${column}`;
        if (NOT_EXCHANGED.has(name)) continue;
        const old = before ? before[column] : undefined;
        if (column === DELETED_AT) {
          const was = before ? old !== null : deletedHead();
          if ((value !== null) !== was) deleted = value !== null;
          continue;
        }
        if (MASKED.has(name)) {
          // Insert: 'masqué' or null; update: 'masqué' (unchanged) or 'masqué (modifié)'.
          if (before && value === 'masqué') continue;
          const current = value === null ? null : this.readMasked(r.table, r.recordId, column);
          if (current !== undefined) fields.push([column, current]);
          continue;
        }
        if (before && old === value) continue;
        fields.push([column, value]);
      }
      // A record inserted again under the key of a deleted one (a composite key) is live again.
      if (!before && deleted === null && heads.has(DELETED) && deletedHead()) deleted = false;
    }
    for (const [field, value] of fields) this.write(r, heads, field, value);
    if (deleted !== null) this.write(r, heads, DELETED, deleted);
  }

  private write(
    r: Pick<RowChange, 'callId' | 'table' | 'recordId' | 'author' | 'at'>,
    heads: Map<string, string[]>,
    field: string,
    value: Value,
  ) {
    const seq = this.seq++;
    const id = changeId(this.installation.device, seq);
    this.clock = tick(this.clock, Date.parse(r.at));
    // A deletion supersedes the heads of every field: what the deleting person had seen.
    const supersedes = (field === DELETED ? [...heads.values()].flat() : (heads.get(field) ?? [])).sort();
    this.s.insert.run(
      id,
      this.installation.device,
      seq,
      r.table,
      r.recordId,
      field,
      JSON.stringify(value),
      r.author,
      formatAt(this.clock),
      JSON.stringify(supersedes),
      neverSent.has(`${r.table}.${field}`) ? 1 : 0,
      r.callId,
    );
    this.s.setHeads.run(r.table, r.recordId, field, JSON.stringify([id]));
    heads.set(field, [id]);
    this.written++;
  }

  save(capturedThrough: number) {
    this.s.save.run(this.seq, this.clock === startClock ? null : formatAt(this.clock), capturedThrough);
  }
}

/**
 * Writes `rows` as changes of this installation, as if the trail had recorded them (the baseline
 * of rows written before the capture existed: baseline.ts). Returns the number of changes.
 */
export function captureRows(sqlite: Sqlite, rows: RowChange[]): number {
  const s = statementsOf(sqlite);
  if (!s || rows.length === 0) return 0;
  const installation = installationOf(s);
  const writer = new Writer(sqlite, s, installation);
  for (const row of rows) writer.row(row);
  writer.save(installation.capturedThrough);
  return writer.written;
}

/** A field set by a person over every value it holds (`_deleted` for the record itself). */
export interface Decision {
  table: string;
  recordId: string;
  field: string;
  value: Value;
}

/**
 * Writes decisions as changes of this installation, each superseding every head of its field (a
 * deletion, every head of the record): the resolution of a conflict. The caller writes the
 * tables (store.ts `materialise`). Returns the number of changes.
 */
export function captureDecisions(sqlite: Sqlite, decisions: Decision[], author: string, at: string): number {
  const s = statementsOf(sqlite);
  if (!s || decisions.length === 0) return 0;
  const installation = installationOf(s);
  const writer = new Writer(sqlite, s, installation);
  for (const decision of decisions) writer.field(decision, author, at);
  writer.save(installation.capturedThrough);
  return writer.written;
}

/**
 * Turns the trail's rows written since the last capture into changes: call it inside the
 * transaction that wrote them (context.ts does, at the end of each). Returns the number of changes.
 */
export function captureChanges(sqlite: Sqlite): number {
  const s = statementsOf(sqlite);
  if (!s) return 0;
  const installation = installationOf(s);
  const rows = s.pending.all(installation.capturedThrough) as (RowChange & { id: number })[];
  if (rows.length === 0) return 0;
  const writer = new Writer(sqlite, s, installation);
  for (const row of rows) writer.row(row);
  writer.save(rows[rows.length - 1]!.id);
  return writer.written;
}
