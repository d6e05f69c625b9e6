// The audit trail is written by SQLite itself: an AFTER INSERT / UPDATE / DELETE trigger on every
// table records the row before and after, tagged with the call being answered. The triggers are
// TEMP triggers, (re)created on each connection from the tables found in the database, so a
// table added by a later migration is covered without being named here, and a tool that opens
// the file elsewhere (sqlite3, a backup check) never meets a function it does not know.
// The trail's own tables refuse UPDATE and DELETE (permanent triggers, migration 0006).
import type { Sqlite } from '../db/client';
import { currentCall, type CurrentCall } from '../context';
import { newId } from '../ids';
import { MASKED, UNAUDITED_TABLES } from './tables';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export interface Column {
  name: string;
  type: string;
  pk: number;
}

/** The row as JSON, as the trail keeps it; `row` is NEW, OLD, or a table's alias in a query. */
export function rowJson(table: string, columns: Column[], row: string, changedMark = false): string {
  const pairs = columns.map((c) => {
    const value = `${row}.${quote(c.name)}`;
    let expression = value;
    if (MASKED.has(`${table}.${c.name}`)) {
      expression = changedMark
        ? `CASE WHEN OLD.${quote(c.name)} IS NEW.${quote(c.name)} THEN 'masqué' ELSE 'masqué (modifié)' END`
        : `CASE WHEN ${value} IS NULL THEN NULL ELSE 'masqué' END`;
    } else if (c.type.toUpperCase().includes('BLOB')) {
      // A document's bytes would copy every file into the trail: its size is enough.
      expression = `length(${value})`;
    } else {
      // A value stored as bytes in a column declared otherwise cannot enter JSON either.
      expression = `CASE WHEN typeof(${value}) = 'blob' THEN length(${value}) ELSE ${value} END`;
    }
    return `${literal(c.name)}, ${expression}`;
  });
  return `json_object(${pairs.join(', ')})`;
}

/** The record's key as the trail writes it: the id, or the JSON array of a composite key. */
export function recordKey(columns: Column[], row: string): string {
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (key.length === 0) return `${row}.rowid`;
  if (key.length === 1) return `CAST(${row}.${quote(key[0]!.name)} AS TEXT)`;
  return `json_array(${key.map((c) => `${row}.${quote(c.name)}`).join(', ')})`;
}

const RECORD_CALL = `INSERT INTO audit_calls (id, at, user_id, user_name, method)
    SELECT audit_call('id'), audit_call('at'), audit_call('user_id'), audit_call('user_name'), audit_call('method')
    WHERE NOT EXISTS (SELECT 1 FROM audit_calls WHERE id = audit_call('id'));`;

function triggers(table: string, columns: Column[]): string[] {
  const t = quote(table);
  const change = (action: string, row: 'NEW' | 'OLD', before: string, after: string) =>
    `INSERT INTO audit_changes (call_id, table_name, record_id, action, before, after)
    VALUES (audit_call('id'), ${literal(table)}, ${recordKey(columns, row)}, '${action}', ${before}, ${after});`;
  const changed = columns.map((c) => `OLD.${quote(c.name)} IS NOT NEW.${quote(c.name)}`).join(' OR ');
  const name = (action: string) => quote(`audit_${table}_${action}`);
  return [
    `CREATE TEMP TRIGGER ${name('insert')} AFTER INSERT ON main.${t} BEGIN
    ${RECORD_CALL}
    ${change('insert', 'NEW', 'NULL', rowJson(table, columns, 'NEW'))}
  END`,
    // A write that leaves the row as it was (a register saved again) is not a change.
    `CREATE TEMP TRIGGER ${name('update')} AFTER UPDATE ON main.${t} WHEN ${changed || '0'} BEGIN
    ${RECORD_CALL}
    ${change('update', 'NEW', rowJson(table, columns, 'OLD'), rowJson(table, columns, 'NEW', true))}
  END`,
    `CREATE TEMP TRIGGER ${name('delete')} AFTER DELETE ON main.${t} BEGIN
    ${RECORD_CALL}
    ${change('delete', 'OLD', rowJson(table, columns, 'OLD'), 'NULL')}
  END`,
  ];
}

/**
 * Gets a connection ready to keep the trail: the `audit_call()` function the triggers read the
 * current call from, and the triggers of every table. Run on each connection the core opens.
 */
export function installAudit(sqlite: Sqlite, now: () => Date): void {
  // Writes outside any call (scripts run in-process) are kept under one call of the application.
  let outside: CurrentCall | undefined;
  const call = () =>
    currentCall() ??
    (outside ??= {
      id: newId(),
      method: 'application',
      at: now().toISOString(),
      user: null,
      sessionHash: null,
      trusted: true,
    });
  sqlite.function('audit_call', { deterministic: false }, (field: unknown) => {
    const c = call();
    switch (field) {
      case 'id':
        return c.id;
      case 'at':
        return c.at;
      case 'user_id':
        return c.user?.id ?? null;
      case 'user_name':
        return c.user?.name ?? null;
      case 'method':
        return c.method;
      default:
        return null;
    }
  });
  const names = new Set(
    (
      sqlite
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((t) => t.name),
  );
  // A database of an older release (before migration 0006) has no trail to write to.
  if (!names.has('audit_calls') || !names.has('audit_changes')) return;
  const tables = [...names].filter((name) => !UNAUDITED_TABLES.has(name));
  const statements = tables.flatMap((table) => {
    const columns = sqlite.prepare(`PRAGMA main.table_info(${quote(table)})`).all() as Column[];
    return [
      ...['insert', 'update', 'delete'].map(
        (action) => `DROP TRIGGER IF EXISTS temp.${quote(`audit_${table}_${action}`)}`,
      ),
      ...triggers(table, columns),
    ];
  });
  sqlite.transaction(() => {
    for (const statement of statements) sqlite.exec(statement);
  })();
}
