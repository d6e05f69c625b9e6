// What a person decides after an exchange: a conflict (a field changed on two installations, an
// edit made to a record deleted elsewhere) and a record held in quarantine (a trainer's change its
// role may not make). Each decision is a write of headquarters over every value it holds, so it
// travels to every installation like any other change and ends the conflict there too.
import type { z } from 'zod';
import type {
  resolveConflictInput,
  quarantinedRecordInput,
  SyncConflict,
  SyncQuarantined,
  SyncVersion,
} from '../../contract';
import { frenchDate } from '../../contract/reportFormat';
import type { Context } from '../context';
import { currentCall, timestamp } from '../context';
import { AppError } from '../errors';
import { APPLICATION_AUTHOR, captureDecisions, type Decision } from './capture';
import { DELETED, recordKey, type Change, type Value } from './change';
import { versionOf, type Version } from './replica';
import { parcoursRules } from './scope';
import { conflictsIn, materialiseAll, Store } from './store';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How a person names a record: its name, title or number (a participant: first and last name). */
function recordLabel(store: Store, table: string, recordId: string): string {
  const names = new Set(store.columnsOf(table).map((c) => c.name));
  const expression = names.has('first_name')
    ? `first_name || ' ' || last_name`
    : ['name', 'title', 'number'].find((n) => names.has(n));
  if (!expression || !names.has('id')) return recordId;
  const label = store.sqlite
    .prepare(`SELECT ${expression} FROM main.${quote(table)} WHERE id = ?`)
    .pluck()
    .get(recordId) as string | undefined;
  return label ?? recordId;
}

/** Who and where, in words: an account's name, a laptop's label. */
function namer(store: Store) {
  const users = new Map(
    (store.sqlite.prepare('SELECT id, name FROM users').all() as { id: string; name: string }[]).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const self = store.self();
  const devices = new Map([...store.peers().values()].map((p) => [p.device, p.label]));
  devices.set(self.device, self.role === 'headquarters' ? 'siège' : 'ce poste');
  return {
    author: (id: string) => (id === APPLICATION_AUTHOR ? 'Parcours' : (users.get(id) ?? id)),
    device: (id: string) => devices.get(id) ?? id,
  };
}

export function conflictList(ctx: Context): SyncConflict[] {
  const store = new Store(ctx.sqlite);
  const names = namer(store);
  const version = (v: Version): SyncVersion => ({
    changeId: v.changeId,
    value: v.value,
    author: names.author(v.author),
    device: names.device(v.device),
    // A change's hybrid clock without its counter: the wall time it was made.
    at: v.at.slice(0, 24),
  });
  const hq = store.headquarters();
  const rules = parcoursRules(hq);
  return conflictsIn(store, rules).flatMap((c): SyncConflict[] => {
    if (c.kind === 'unique') {
      const [held, waiting] = c.records.map((r) => ({
        ...version(r),
        recordId: r.recordId,
        record: claimantLabel(store, c.table, r.recordId, hq),
      }));
      return [
        {
          kind: 'unique',
          table: c.table,
          recordId: waiting!.recordId,
          record: String(c.value),
          field: c.field,
          versions: [held!, waiting!],
          edits: [],
          parent: null,
          deletable: store.softDeletes(c.table),
        },
      ];
    }
    const base = { table: c.table, recordId: c.recordId, record: recordLabel(store, c.table, c.recordId) };
    if (c.kind === 'field')
      return [
        {
          ...base,
          kind: 'field',
          field: c.field,
          versions: c.versions.map(version),
          edits: [],
          parent: null,
        },
      ];
    if (c.kind === 'orphan') {
      const shown = [...store.shownRecord(c.table, c.recordId, hq).values()];
      const participant = shown.find((ch) => ch.field === 'participant_id')?.value;
      return [
        {
          ...base,
          kind: 'orphan',
          ...(typeof participant === 'string' && { record: recordLabel(store, 'participants', participant) }),
          field: c.field,
          versions: store
            .headChanges(c.parentTable, c.parent, DELETED, hq)
            .filter((ch) => ch.value === true)
            .map((ch) => version(versionOf(ch))),
          // What was entered, but for the references and bookkeeping (the parent is named apart).
          edits: shown
            .filter(
              (ch) =>
                ch.field !== DELETED && !ch.field.endsWith('_id') && !rules.bookkeeping?.includes(ch.field),
            )
            .map((ch) => ({ ...version(versionOf(ch)), field: ch.field })),
          parent: parentLabel(store, c.parentTable, c.parent, hq),
        },
      ];
    }
    return [
      {
        ...base,
        kind: 'deletedEdited',
        field: DELETED,
        versions: c.deletion.map(version),
        edits: c.edits.map((e) => ({ ...version(e), field: e.field })),
        parent: null,
      },
    ];
  });
}

/** A removed record as people name it, from the values it had: « la journée du 19/07/2024 ». */
function parentLabel(store: Store, table: string, id: string, hq: string): string {
  const shown = store.shownRecord(table, id, hq);
  const date = shown.get('date')?.value;
  if (table === 'session_days' && typeof date === 'string') return `la journée du ${frenchDate(date)}`;
  const name = ['title', 'name', 'number'].map((f) => shown.get(f)?.value).find((v) => typeof v === 'string');
  return typeof name === 'string' ? name : id;
}

/** One of two records claiming the same value, told apart: an agreement's organisation and date. */
function claimantLabel(store: Store, table: string, id: string, hq: string): string {
  const shown = store.shownRecord(table, id, hq);
  const value = (field: string) => shown.get(field)?.value;
  if (table === 'agreements') {
    const organisation = value('organisation_id');
    const name = typeof organisation === 'string' ? recordLabel(store, 'organisations', organisation) : '';
    const signed = value('signed_on');
    return typeof signed === 'string' ? `${name}, signée le ${frenchDate(signed)}` : name;
  }
  const name = value('name');
  return typeof name === 'string' ? name : id;
}

/** Decisions are headquarters' own: a laptop receives them with its next file. */
function assertAtHeadquarters(store: Store) {
  if (store.self().role !== 'headquarters')
    throw new AppError(
      'FORBIDDEN',
      'Les conflits et la quarantaine se décident au siège ; la décision arrive ensuite sur ce poste.',
    );
}

const authorOf = () => currentCall()?.user?.id ?? APPLICATION_AUTHOR;

/** Writes the decisions and the records they touch; what the tables' triggers record is history only. */
function decide(
  ctx: Context,
  store: Store,
  decisions: Decision[],
  records: { table: string; recordId: string }[],
) {
  captureDecisions(ctx.sqlite, decisions, authorOf(), timestamp(ctx));
  materialiseAll(store, records, store.headquarters(), {
    subject: 'Cette décision ne peut pas être enregistrée',
    undone: 'Rien n’a été changé.',
  });
  store.s.skipCapture.run();
}

/** A refusal of the value chosen, shown beside it. */
const invalidValue = (message: string) => new AppError('VALIDATION', message, [{ path: ['value'], message }]);

const kindOf = (value: Value) => (value === null ? 'null' : typeof value);

export function resolveConflict(ctx: Context, input: z.output<typeof resolveConflictInput>) {
  const store = new Store(ctx.sqlite);
  assertAtHeadquarters(store);
  const claim = conflictList(ctx).find(
    (c) =>
      c.kind === 'unique' &&
      c.table === input.table &&
      (input.field === c.field || input.field === DELETED) &&
      c.versions.some((v) => v.recordId === input.recordId),
  );
  if (claim) return resolveClaim(ctx, store, claim, input);
  const conflict = conflictList(ctx).find(
    (c) => c.table === input.table && c.recordId === input.recordId && c.field === input.field,
  );
  if (!conflict) throw new AppError('CONFLICT', 'Ce conflit a déjà été décidé (ou n’existe plus).');
  const values = conflict.versions.map((v) => v.value);
  if (conflict.kind === 'orphan') {
    if (typeof input.value !== 'boolean')
      throw invalidValue('Choisissez : retirer cette saisie, ou rétablir la fiche supprimée.');
    const orphan = store.s.orphanRow.get(input.table, input.recordId) as {
      parentTable: string;
      parentId: string;
    };
    // Given back, the parent takes every entry kept out with it; let go, this entry is deleted.
    const target = input.value
      ? { table: input.table, recordId: input.recordId }
      : { table: orphan.parentTable, recordId: orphan.parentId };
    decide(ctx, store, [{ ...target, field: DELETED, value: input.value }], [target]);
    return { remaining: conflictList(ctx).length };
  }
  if (conflict.kind === 'deletedEdited') {
    if (typeof input.value !== 'boolean')
      throw invalidValue('Choisissez : garder la suppression, ou rétablir la fiche.');
  } else if (!values.some((v) => v === input.value)) {
    // A third value typed by the administrator: of the same kind as the values in conflict.
    const kinds = new Set(values.filter((v) => v !== null).map(kindOf));
    const kind = kindOf(input.value);
    if (kinds.size !== 1 || !kinds.has(kind) || (kind !== 'string' && kind !== 'number'))
      throw invalidValue('Cette valeur n’est pas du même genre que les valeurs en conflit.');
    if (kind === 'string' && (input.value as string).trim() === '')
      throw invalidValue('Saisissez une valeur, ou gardez l’une des valeurs proposées.');
    if (kind === 'number' && !Number.isInteger(input.value))
      throw invalidValue('Saisissez un nombre entier.');
  }
  decide(
    ctx,
    store,
    [{ table: input.table, recordId: input.recordId, field: input.field, value: input.value }],
    [input],
  );
  return { remaining: conflictList(ctx).length };
}

/**
 * Two records claim one value: the administrator gives one of them another value, or deletes one
 * (an agreement entered twice). The other then takes the value, on every installation.
 */
function resolveClaim(
  ctx: Context,
  store: Store,
  claim: SyncConflict,
  input: z.output<typeof resolveConflictInput>,
) {
  if (input.field === DELETED) {
    if (input.value !== true || !store.softDeletes(input.table))
      throw invalidValue('Donnez une autre valeur à l’une des deux fiches.');
  } else {
    const value = typeof input.value === 'string' ? input.value.trim() : '';
    if (value === '') throw invalidValue('Saisissez la nouvelle valeur de cette fiche.');
    if (value !== input.value) throw invalidValue('Saisissez la valeur sans espace au début ni à la fin.');
    const holder = store.holderOf(input.table, input.recordId, input.field, value);
    if (holder || claim.versions.some((v) => v.recordId !== input.recordId && v.value === value))
      throw invalidValue('Cette valeur est déjà celle d’une autre fiche : saisissez-en une autre.');
  }
  const other = claim.versions.find((v) => v.recordId !== input.recordId)!.recordId!;
  decide(
    ctx,
    store,
    [{ table: input.table, recordId: input.recordId, field: input.field, value: input.value }],
    [input, { table: input.table, recordId: other }],
  );
  return { remaining: conflictList(ctx).length };
}

interface QuarantineRow {
  table: string;
  recordId: string;
  change: string;
  sender: string;
  reason: string;
  receivedAt: string;
}

const quarantineRows = (store: Store, where = '', ...args: unknown[]) =>
  store.sqlite
    .prepare(
      `SELECT table_name AS "table", record_id AS recordId, change, sender, reason, received_at AS receivedAt
       FROM sync_quarantine ${where} ORDER BY received_at, device, seq`,
    )
    .all(...args) as QuarantineRow[];

export function quarantineList(ctx: Context): SyncQuarantined[] {
  const store = new Store(ctx.sqlite);
  const names = namer(store);
  const records = new Map<string, SyncQuarantined>();
  for (const row of quarantineRows(store)) {
    const key = recordKey(row.table, row.recordId);
    const change = JSON.parse(row.change) as Change;
    const record = records.get(key) ?? {
      table: row.table,
      recordId: row.recordId,
      record: recordLabel(store, row.table, row.recordId),
      sender: names.device(row.sender),
      author: names.author(change.author),
      reason: row.reason,
      receivedAt: row.receivedAt,
      changes: [],
    };
    record.changes.push({ field: change.field, value: change.value });
    records.set(key, record);
  }
  return [...records.values()];
}

/** The record's quarantined changes, taken out of the quarantine (the caller applies them). */
function takeQuarantined(store: Store, table: string, recordId: string): Change[] {
  const rows = quarantineRows(store, 'WHERE table_name = ? AND record_id = ?', table, recordId);
  if (rows.length === 0) throw new AppError('CONFLICT', 'Cette fiche n’est plus en quarantaine.');
  store.sqlite
    .prepare('DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ?')
    .run(table, recordId);
  return rows.map((r) => JSON.parse(r.change) as Change);
}

/** The administrator accepts a quarantined record: its changes apply as if they had been permitted. */
export function releaseQuarantined(ctx: Context, input: z.output<typeof quarantinedRecordInput>) {
  const store = new Store(ctx.sqlite);
  assertAtHeadquarters(store);
  for (const c of takeQuarantined(store, input.table, input.recordId)) store.apply(c);
  decide(ctx, store, [], [input]);
  return { remaining: quarantineList(ctx).length };
}

/**
 * The administrator refuses a quarantined record. Its changes are kept as history (what they
 * superseded on the laptop stays superseded here), and headquarters writes over each that would
 * show: the value shown before, or the deletion of a record only they created. The laptop that
 * made them comes back in line with its next file.
 */
export function rejectQuarantined(ctx: Context, input: z.output<typeof quarantinedRecordInput>) {
  const store = new Store(ctx.sqlite);
  assertAtHeadquarters(store);
  const hq = store.headquarters();
  const before = store.shownRecord(input.table, input.recordId, hq);
  const live = before.size > 0 && before.get(DELETED)?.value !== true;
  const changes = takeQuarantined(store, input.table, input.recordId);
  for (const c of changes) store.apply(c);
  const ids = new Set(changes.map((c) => c.id));
  const shows = (field: string) => store.heads(input.table, input.recordId, field).some((id) => ids.has(id));
  const fields = [...new Set(changes.map((c) => c.field))].filter(shows);
  const decisions: Decision[] = !live
    ? [{ ...input, field: DELETED, value: true }]
    : fields.map((field) => ({
        ...input,
        field,
        value: before.get(field)?.value ?? (field === DELETED ? false : null),
      }));
  decide(ctx, store, decisions, [input]);
  return { remaining: quarantineList(ctx).length };
}
