import type { z } from 'zod';
import type {
  AuditChange,
  auditChangePage,
  auditFilterOptions,
  auditFilters,
  FileOutput,
  listChangesInput,
} from '../../contract';
import { transaction, type Context } from '../context';
import { baseReport } from '../reports/build';
import { renderXlsx } from '../reports/xlsx';
import { frenchDate } from '../../contract/reportFormat';
import { tableLabel } from './labels';

type Filters = Omit<z.output<typeof listChangesInput>, 'page' | 'pageSize'>;

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of the filters, with its parameters (never the values in the SQL). */
function where(filters: Filters): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const condition = (clause: string, value: string | undefined) => {
    if (!value) return;
    parts.push(clause);
    params.push(value);
  };
  condition('c.user_id = ?', filters.userId);
  condition('c.at >= ?', filters.from);
  condition('c.at < ?', filters.to && nextDay(filters.to));
  condition('ch.table_name = ?', filters.table);
  condition('c.method = ?', filters.method);
  if (filters.recordId) {
    // A composite key (a register line: [day, person]) is found by either of its ids.
    parts.push(`(ch.record_id = ? OR ch.record_id LIKE ? ESCAPE '\\')`);
    params.push(filters.recordId, `%"${escapeLike(filters.recordId)}"%`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const FROM = 'FROM audit_changes ch JOIN audit_calls c ON c.id = ch.call_id';

interface Row {
  id: number;
  callId: string;
  at: string;
  userId: string | null;
  userName: string | null;
  method: string;
  tableName: string;
  recordId: string;
  action: AuditChange['action'];
  before: string | null;
  after: string | null;
}

const SELECT = `SELECT ch.id, ch.call_id AS callId, c.at, c.user_id AS userId, c.user_name AS userName,
  c.method, ch.table_name AS tableName, ch.record_id AS recordId, ch.action, ch.before, ch.after`;

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

const toChange = (r: Row): AuditChange => ({
  id: r.id,
  callId: r.callId,
  at: r.at,
  userId: r.userId,
  userName: r.userName,
  method: r.method,
  table: r.tableName,
  recordId: r.recordId,
  action: r.action,
  before: parse(r.before),
  after: parse(r.after),
});

export function listChanges(
  ctx: Context,
  input: z.output<typeof listChangesInput>,
): z.output<typeof auditChangePage> {
  const { page, pageSize, ...filters } = input;
  const w = where(filters);
  const total = ctx.sqlite
    .prepare(`SELECT count(*) ${FROM} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const rows = ctx.sqlite
    .prepare(`${SELECT} ${FROM} ${w.sql} ORDER BY ch.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, pageSize, (page - 1) * pageSize) as Row[];
  return { items: rows.map(toChange), total, page, pageSize };
}

export function auditOptions(ctx: Context): z.output<typeof auditFilterOptions> {
  const users = ctx.sqlite
    .prepare(
      // The name of each person's latest call (names may have changed since).
      `SELECT user_id AS id, user_name AS name, max(at) AS latest FROM audit_calls
       WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY user_name`,
    )
    .all() as { id: string; name: string; latest: string }[];
  const methods = ctx.sqlite
    .prepare('SELECT DISTINCT method FROM audit_calls ORDER BY method')
    .pluck()
    .all() as string[];
  const tables = ctx.sqlite
    .prepare('SELECT DISTINCT table_name FROM audit_changes ORDER BY table_name')
    .pluck()
    .all() as string[];
  return { users: users.map(({ id, name }) => ({ id, name })), methods, tables };
}

const EXPORT_LIMIT = 100_000;
/** Excel keeps at most 32 767 characters in a cell. */
const CELL_LIMIT = 32_000;

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** `field : value` lines; for an update, only the fields that changed. */
export function describeValues(change: AuditChange): { before: string; after: string } {
  const lines = (values: Record<string, unknown> | null, keys: string[]) =>
    values
      ? keys
          .map((k) => `${k} : ${show(values[k])}`)
          .join('\n')
          .slice(0, CELL_LIMIT)
      : '';
  const keys = Object.keys(change.after ?? change.before ?? {});
  const changed =
    change.action === 'update'
      ? keys.filter((k) => JSON.stringify(change.before?.[k]) !== JSON.stringify(change.after?.[k]))
      : keys;
  return { before: lines(change.before, changed), after: lines(change.after, changed) };
}

const ACTIONS = { insert: 'Création', update: 'Modification', delete: 'Suppression' } as const;

const dateTime = (iso: string) => `${frenchDate(iso)} ${iso.slice(11, 19)}`;

export async function exportChanges(
  ctx: Context,
  filters: z.output<typeof auditFilters>,
): Promise<FileOutput> {
  const w = where(filters);
  const rows = transaction(
    ctx,
    () =>
      ctx.sqlite
        .prepare(`${SELECT} ${FROM} ${w.sql} ORDER BY ch.id DESC LIMIT ?`)
        .all(...w.params, EXPORT_LIMIT) as Row[],
  );
  const scope = [
    filters.from || filters.to
      ? `Période : ${filters.from ? frenchDate(filters.from) : '…'} – ${filters.to ? frenchDate(filters.to) : '…'}`
      : null,
    filters.userId ? `Personne : ${rows[0]?.userName ?? filters.userId}` : null,
    filters.method ? `Opération : ${filters.method}` : null,
    filters.table ? `Table : ${tableLabel(filters.table)}` : null,
    filters.recordId ? `Enregistrement : ${filters.recordId}` : null,
    rows.length === EXPORT_LIMIT ? `Limité aux ${EXPORT_LIMIT} modifications les plus récentes.` : null,
  ].filter((s): s is string => s !== null);
  const report = baseReport(ctx, {
    kind: 'audit',
    fileName: `journal-des-modifications-${ctx.now().toISOString().slice(0, 10)}`,
    title: 'Journal des modifications',
    subtitle: `${rows.length} modification(s)`,
    scope,
    sections: [
      {
        title: 'Modifications',
        blocks: [
          {
            type: 'table',
            sheet: 'Journal',
            title: 'Modifications',
            columns: [
              { label: 'Date et heure (UTC)', format: 'text' },
              { label: 'Personne', format: 'text' },
              { label: 'Opération', format: 'text' },
              { label: 'Table', format: 'text' },
              { label: 'Enregistrement', format: 'text' },
              { label: 'Action', format: 'text' },
              { label: 'Avant', format: 'text' },
              { label: 'Après', format: 'text' },
            ],
            rows: rows.map((r) => {
              const change = toChange(r);
              const values = describeValues(change);
              return [
                dateTime(r.at),
                r.userName ?? 'Application',
                r.method,
                tableLabel(r.tableName),
                r.recordId,
                ACTIONS[r.action],
                values.before,
                values.after,
              ];
            }),
          },
        ],
      },
    ],
  });
  const bytes = await renderXlsx(report);
  return {
    fileName: `${report.fileName}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: bytes.toString('base64'),
  };
}
