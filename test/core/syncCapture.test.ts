// The capture of every write as synchronisation changes (core/sync/capture.ts), on a real core:
// per field, in the call's transaction, seqs contiguous, derived columns never exchanged, and the
// engine fed with every captured change shows exactly the database's rows.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import type { ImportPreview } from '../../src-main/contract';
import { DELETED, type Change, type Value } from '../../src-main/core/sync/change';
import { parseAt } from '../../src-main/core/sync/clock';
import { NOT_EXCHANGED } from '../../src-main/core/sync/capture';
import { createReplica, FORMAT, receive, shownRecord } from '../../src-main/core/sync/replica';
import { parcoursRules } from '../../src-main/core/sync/scope';
import { UNAUDITED_TABLES } from '../../src-main/core/audit/tables';
import { chosenSheets, openTestCore, organisationInput } from '../fixtures/core';
import { openWithAdmin } from '../fixtures/accounts';
import { programme } from '../fixtures/smallProgramme';

type Captured = Change & { neverSent: boolean; callId: string | null };

/** Reads beside the core (WAL lets a second connection read what is committed). */
function read<T>(core: Core, work: (db: Database.Database) => T): T {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function changes(core: Core): Captured[] {
  return read(core, (db) =>
    (
      db
        .prepare(
          `SELECT id, device, seq, table_name AS "table", record_id AS recordId, field, value, author, at,
                supersedes, never_sent AS neverSent, call_id AS callId FROM sync_changes ORDER BY seq`,
        )
        .all() as (Omit<Captured, 'value' | 'supersedes' | 'neverSent'> & {
        value: string;
        supersedes: string;
        neverSent: number;
      })[]
    ).map((c) => ({
      ...c,
      value: JSON.parse(c.value) as Value,
      supersedes: JSON.parse(c.supersedes) as string[],
      neverSent: c.neverSent === 1,
    })),
  );
}

const installation = (core: Core) =>
  read(core, (db) => db.prepare('SELECT * FROM sync_installation').all()) as {
    device: string;
    role: string;
    next_seq: number;
  }[];

/** Changes as `{ field: value }` (the last value of each field). */
const fieldsOf = (list: Captured[]) => Object.fromEntries(list.map((c) => [c.field, c.value]));

function row(core: Core, table: string, id: string) {
  return read(core, (db) => db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id)) as Record<
    string,
    Value
  >;
}

/** The exchanged columns of a row: what its changes must hold. */
function exchanged(table: string, r: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(r).filter(
      ([column]) => column !== 'deleted_at' && !NOT_EXCHANGED.has(`${table}.${column}`),
    ),
  );
}

function expectContiguous(list: Captured[]) {
  list.forEach((c, i) => {
    expect(c.seq).toBe(i + 1);
    expect(c.id).toBe(`${c.device}:${c.seq}`);
  });
  expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
  const ats = list.map((c) => c.at);
  expect(ats.every((at) => parseAt(at) !== null)).toBe(true);
  expect([...ats].sort()).toEqual(ats);
}

describe('the installation', () => {
  it('is headquarters with a uuid device id, existing data kept as it was', () => {
    const { core } = openTestCore();
    const rows = installation(core);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'headquarters', next_seq: 1 });
    expect(rows[0]!.device).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the capture', () => {
  it('writes one change per field of a created record, then only the fields an update changes, over their heads', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    // The creation writes the organisation and its first status (organisation_status_changes).
    const created = changes(core).filter((c) => c.table === 'organisations');
    expect(
      changes(core).every((c) => ['organisations', 'organisation_status_changes'].includes(c.table)),
    ).toBe(true);
    const device = installation(core)[0]!.device;
    expect(fieldsOf(created)).toEqual(exchanged('organisations', row(core, 'organisations', org.id)));
    expect(created.every((c) => c.recordId === org.id)).toBe(true);
    expect(created.every((c) => c.device === device && c.author === 'application')).toBe(true);
    expect(created.every((c) => c.supersedes.length === 0 && !c.neverSent && c.callId)).toBe(true);

    ok('organisations.update', {
      id: org.id,
      fields: organisationInput({ acronym: 'CAFO-K', staffWomen: 14 }),
    });
    const updated = changes(core).slice(changes(core).length - 2);
    expect(changes(core).filter((c) => c.table === 'organisations')).toHaveLength(created.length + 2);
    expect(fieldsOf(updated)).toEqual({ acronym: 'CAFO-K', staff_women: 14 });
    const head = (field: string) => created.find((c) => c.field === field)!.id;
    for (const c of updated) expect(c.supersedes).toEqual([head(c.field)]);
    // The update's time is the same wall time: the clock's counter orders it after the creation.
    expectContiguous(changes(core));
    expect(installation(core)[0]!.next_seq).toBe(changes(core).length + 1);
  });

  it('turns a deletion into `_deleted` over the heads of every field, and never exchanges derived columns', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const agreement = ok('agreements.create', {
      organisationId: org.id,
      fields: {
        number: 'DDRK23-002-APO',
        signedOn: '2023-07-05',
        durationMonths: 14,
        amountFcfa: 92_001_000,
      },
    });
    const person = ok('participants.create', {
      fields: {
        organisationId: org.id,
        firstName: 'Awa',
        lastName: 'Diallo',
        sex: 'F',
        phone: '76 12 34 56',
      },
    });
    const before = changes(core);
    expect(before.some((c) => c.table === 'agreements' && c.field === 'number_key')).toBe(false);
    expect(before.filter((c) => c.table === 'participants').map((c) => c.field)).not.toEqual(
      expect.arrayContaining(['sort_name']),
    );
    for (const field of ['sort_name', 'search_text', 'phone_digits'])
      expect(before.some((c) => c.table === 'participants' && c.field === field)).toBe(false);
    expect(fieldsOf(before.filter((c) => c.recordId === person.id))).toMatchObject({ phone: '76 12 34 56' });

    ok('agreements.remove', { id: agreement.id });
    const removed = changes(core).slice(before.length);
    expect(removed.map((c) => c.field)).toEqual(expect.arrayContaining([DELETED]));
    expect(removed.some((c) => c.field === 'deleted_at')).toBe(false);
    const deletion = removed.find((c) => c.field === DELETED)!;
    expect(deletion).toMatchObject({ table: 'agreements', recordId: agreement.id, value: true });
    // Every field's head at the time: the creation's changes, and the removal's other fields.
    const heads = [...before, ...removed]
      .filter((c) => c.recordId === agreement.id && c.field !== DELETED)
      .reduce((m, c) => m.set(c.field, c.id), new Map<string, string>());
    expect(deletion.supersedes).toEqual([...heads.values()].sort());
  });

  it('reads a password hash from the row (masked in the trail) and marks it never sent', async () => {
    const t = await openWithAdmin();
    const hash = changes(t.core).find((c) => c.table === 'users' && c.field === 'password_hash')!;
    expect(hash.neverSent).toBe(true);
    expect(hash.value).toBe(row(t.core, 'users', hash.recordId).password_hash);
    expect(hash.value).not.toMatch(/masqué/);
    expect(
      changes(t.core)
        .filter((c) => c.neverSent)
        .map((c) => c.field),
    ).toEqual(['password_hash']);
    // The account's author is the account itself once signed in; the first one is the application's.
    expectContiguous(changes(t.core));
  });

  it('captures a register with composite keys, writes nothing when it is saved again, and one change per mark that changes', () => {
    const t = programme();
    const session = t.ok('sessions.list', {}).items.find((s) => s.title === 'Session 1')!;
    const full = t.ok('sessions.get', { id: session.id });
    const marks = (status: 'present' | 'late') =>
      full.days.flatMap((d) => full.participants.map((p) => ({ dayId: d.id, participantId: p.id, status })));
    t.ok('sessions.recordAttendance', { sessionId: session.id, marks: marks('present') });
    const saved = changes(t.core);
    t.ok('sessions.recordAttendance', { sessionId: session.id, marks: marks('present') });
    expect(changes(t.core)).toHaveLength(saved.length);

    t.ok('sessions.recordAttendance', { sessionId: session.id, marks: marks('late') });
    const toggled = changes(t.core).slice(saved.length);
    expect(toggled).toHaveLength(marks('late').length);
    for (const c of toggled) {
      expect(c).toMatchObject({ table: 'attendance', field: 'status', value: 'late' });
      const [dayId, participantId] = JSON.parse(c.recordId) as string[];
      expect(marks('late').some((m) => m.dayId === dayId && m.participantId === participantId)).toBe(true);
      const previous = saved.filter((s) => s.recordId === c.recordId && s.field === 'status').at(-1)!;
      expect(c.supersedes).toEqual([previous.id]);
    }
    // No summary row: the summaries are computed, their changes are the marks'.
    expect(changes(t.core).some((c) => c.table === 'attendance_summaries')).toBe(false);
    expectContiguous(changes(t.core));
  });

  it('keeps the rows of lists saved again unchanged: no change, same ids', () => {
    const t = programme();
    const { core, ok } = t;
    const session = ok('sessions.list', {}).items.find((s) => s.title === 'Session 1')!;
    const s = ok('sessions.get', { id: session.id });
    const trainerIds = () =>
      read(core, (db) =>
        db
          .prepare('SELECT id FROM session_trainers WHERE session_id = ? ORDER BY position')
          .pluck()
          .all(s.id),
      );
    const ids = trainerIds();
    const fields = {
      title: s.title,
      pathwayActionId: s.pathwayActionId,
      phase: s.phase,
      days: s.days.map((d) => ({
        id: d.id,
        date: d.date,
        startTime: d.startTime,
        endTime: d.endTime,
        halfDay: d.halfDay,
      })),
      trainers: s.trainers.map((tr) => ({ name: tr.name, sex: tr.sex, kind: tr.kind })),
    };
    let count = changes(core).length;
    ok('sessions.update', { id: s.id, fields });
    const listTables = (from: number) =>
      changes(core)
        .slice(from)
        .map((c) => c.table);
    expect(listTables(count).filter((table) => table === 'session_trainers')).toEqual([]);
    expect(trainerIds()).toEqual(ids);
    // A trainer added keeps the others' rows.
    count = changes(core).length;
    ok('sessions.update', {
      id: s.id,
      fields: { ...fields, trainers: [...fields.trainers, { name: 'Bakary', sex: 'M', kind: 'internal' }] },
    });
    expect(trainerIds().slice(0, ids.length)).toEqual(ids);
    expect(
      new Set(
        changes(core)
          .slice(count)
          .filter((c) => c.table === 'session_trainers')
          .map((c) => c.recordId),
      ).size,
    ).toBe(1);

    const set = ok('criteriaSets.create', {
      name: 'Critères 2024',
      scoreMax: 5,
      criteria: [
        { name: 'Pertinence du mandat', weight: 40 },
        { name: 'Capacité d’engagement', weight: 60 },
      ],
      eligibility: { requireCompletedDiagnostic: true, allowedStatuses: ['diagnosed'], allowedTypes: [] },
    });
    const saveSet = (criteria: { name: string; description?: string | null; weight: number }[]) =>
      ok('criteriaSets.update', {
        id: set.id,
        fields: { name: set.name, scoreMax: set.scoreMax, criteria, eligibility: set.eligibility },
      });
    count = changes(core).length;
    const saved = saveSet(
      set.criteria.map((c) => ({ name: c.name, description: c.description, weight: c.weight })),
    );
    expect(listTables(count).filter((table) => table === 'selection_criteria')).toEqual([]);
    expect(saved.criteria.map((c) => c.id)).toEqual(set.criteria.map((c) => c.id));
    // A weight changed: that criterion's row is updated in place, one field.
    count = changes(core).length;
    const reweighted = saveSet([
      { name: 'Pertinence du mandat', weight: 50 },
      { name: 'Capacité d’engagement', weight: 50 },
    ]);
    expect(reweighted.criteria.map((c) => c.id)).toEqual(set.criteria.map((c) => c.id));
    expect(
      changes(core)
        .slice(count)
        .filter((c) => c.table === 'selection_criteria')
        .map((c) => [c.field, c.value]),
    ).toEqual([
      ['weight', 50],
      ['weight', 50],
    ]);

    const grid = ok('grids.current', {});
    const diagnosticFields = {
      conductedOn: '2024-07-10',
      assessors: 'Équipe PRC',
      method: 'facilitated_self_assessment' as const,
      level: 'organisational' as const,
      scores: grid.domains.flatMap((d) => d.criteria.map((c) => ({ criterionId: c.id, score: 2 }))),
      needs: [],
    };
    const draft = ok('diagnostics.create', {
      organisationId: t.pathway.organisationId,
      fields: diagnosticFields,
    });
    count = changes(core).length;
    ok('diagnostics.update', { id: draft.id, fields: diagnosticFields });
    expect(listTables(count).filter((table) => table === 'diagnostic_scores')).toEqual([]);
    const rescored = diagnosticFields.scores.map((sc, i) => (i === 0 ? { ...sc, score: 3 } : sc));
    ok('diagnostics.update', { id: draft.id, fields: { ...diagnosticFields, scores: rescored } });
    expect(
      changes(core)
        .slice(count)
        .filter((c) => c.table === 'diagnostic_scores')
        .map((c) => [c.recordId, c.field, c.value]),
    ).toEqual([[JSON.stringify([draft.id, rescored[0]!.criterionId]), 'score', 3]]);

    const pathway = ok('pathways.get', { id: t.pathway.id });
    count = changes(core).length;
    ok('pathways.update', {
      id: pathway.id,
      fields: {
        organisationId: pathway.organisationId,
        title: pathway.title,
        startsOn: pathway.startsOn,
        endsOn: pathway.endsOn,
        budgetFcfa: pathway.budgetFcfa,
        needIds: pathway.needs.map((n) => n.id),
      },
    });
    expect(listTables(count).filter((table) => table === 'pathway_needs')).toEqual([]);
  });

  it('captures each transaction of an import, and a call refused leaves no change', async () => {
    const { core, ok } = openTestCore();
    ok('organisations.create', organisationInput());
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Feuil1');
    sheet.addRow([
      'Organisation',
      'Numéro',
      'Date de signature',
      'Durée (mois)',
      'Montant (F CFA)',
      'Statut',
    ]);
    sheet.addRow(['CAFO', 'APO-1', '15/01/2024', 12, '5 000 000', 'Active']);
    sheet.addRow(['CAFO', 'APO-2', '16/01/2024', 24, 7_500_000, 'active']);
    sheet.addRow(['CAFO', 'APO-3', '15/01/2024', 12, -1, 'Active']);
    const file = {
      name: 'conventions.xlsx',
      contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    };
    const preview = await core.request('imports.preview', { kind: 'agreements', file });
    if (!preview.ok) throw new Error(preview.error.message);
    const sheets = chosenSheets(preview.value as ImportPreview);
    const before = changes(core).length;
    const run = (mode: 'all' | 'validOnly') =>
      core.request('imports.run', { kind: 'agreements', file, sheets, mode });
    const refused = await run('all');
    expect(refused.ok).toBe(false);
    expect(changes(core)).toHaveLength(before);

    const done = await run('validOnly');
    expect(done.ok).toBe(true);
    const imported = changes(core).slice(before);
    const agreements = read(core, (db) =>
      db.prepare('SELECT * FROM agreements ORDER BY number').all(),
    ) as Record<string, Value>[];
    expect(agreements).toHaveLength(2);
    for (const a of agreements)
      expect(fieldsOf(imported.filter((c) => c.recordId === a.id))).toEqual(exchanged('agreements', a));
    expectContiguous(changes(core));
  });
});

describe('the engine fed with every captured change', () => {
  it('shows, for every live record, the values of the database rows', async () => {
    const t = programme();
    const { core, ok } = t;
    // More kinds of writes over the programme: updates, a deletion, a list edited.
    const org = ok('organisations.list', {}).items[0]!;
    ok('organisations.update', { id: org.id, fields: organisationInput({ name: org.name, acronym: 'A-2' }) });
    const agreement = ok('agreements.create', {
      organisationId: org.id,
      fields: { number: 'A-1', signedOn: '2024-01-05', durationMonths: 12, amountFcfa: 1_000_000 },
    });
    ok('agreements.create', {
      organisationId: org.id,
      fields: { number: 'A-2', signedOn: '2024-01-05', durationMonths: 6, amountFcfa: 500_000 },
    });
    ok('agreements.remove', { id: agreement.id });

    const all = changes(core);
    expectContiguous(all);
    const hq = installation(core)[0]!.device;
    const rules = parcoursRules(hq);
    const hqInstallation = { device: hq, user: 'u-admin', role: 'admin', label: 'siège' };
    const laptop = createReplica({ device: 'portable', user: 'u-admin', role: 'admin', label: 'portable' }, [
      hqInstallation,
    ]);
    const out = receive(laptop, rules, {
      format: FORMAT,
      sender: hq,
      receiver: 'portable',
      number: 1,
      lastSeq: null,
      holds: {},
      changes: all.map(({ neverSent: _n, callId: _c, ...c }) => c),
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.report.received).toBe(all.length);

    const tables = read(core, (db) =>
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .pluck()
          .all() as string[]
      ).filter((name) => !UNAUDITED_TABLES.has(name)),
    );
    // Rows inserted before the trail existed (the default grid at first start) have no creation to capture.
    const insertedSince = read(
      core,
      (db) =>
        new Set(
          db
            .prepare("SELECT table_name || ' ' || record_id AS k FROM audit_changes WHERE action = 'insert'")
            .pluck()
            .all() as string[],
        ),
    );
    let compared = 0;
    const live = new Set<string>();
    for (const table of tables) {
      const key = read(core, (db) =>
        (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      );
      const rows = read(core, (db) => db.prepare(`SELECT * FROM "${table}"`).all()) as Record<
        string,
        Value
      >[];
      for (const r of rows) {
        const recordId = key.length === 1 ? String(r[key[0]!]) : JSON.stringify(key.map((k) => r[k]));
        const shown = shownRecord(out.replica, rules, table, recordId);
        const expected = exchanged(table, r);
        if (r.deleted_at) {
          expect(shown?.[DELETED], `${table} ${recordId}`).toBe(true);
          continue;
        }
        live.add(`${table} ${recordId}`);
        if (!insertedSince.has(`${table} ${recordId}`)) {
          // Only what was changed since: each of those fields as in the row.
          for (const [field, value] of Object.entries(shown ?? {}))
            if (field !== DELETED) expect(value, `${table}.${field}`).toEqual(expected[field]);
          continue;
        }
        const { [DELETED]: deleted, ...fields } = shown ?? {};
        expect(deleted ?? false, `${table} ${recordId}`).toBe(false);
        expect(fields, `${table} ${recordId}`).toEqual(
          Object.fromEntries(
            Object.entries(expected).filter(([c]) => !(table === 'documents' && c === 'content')),
          ),
        );
        compared++;
      }
    }
    // Every record the engine shows as live is a row of the database.
    for (const record of out.replica.records.values()) {
      const shown = shownRecord(out.replica, rules, record.table, record.recordId)!;
      if (shown[DELETED] === true) continue;
      expect(live.has(`${record.table} ${record.recordId}`), `${record.table} ${record.recordId}`).toBe(true);
    }
    expect(compared).toBeGreaterThan(100);

    // `sync_heads` is kept for speed: it equals the heads recomputed from every captured change
    // (per field, the changes that no change of the same field supersedes).
    const fieldOf = (c: Captured) => JSON.stringify([c.table, c.recordId, c.field]);
    const superseded = new Set(all.flatMap((c) => c.supersedes.map((id) => `${fieldOf(c)} ${id}`)));
    const recomputed = new Map<string, string[]>();
    for (const c of all) {
      const k = fieldOf(c);
      if (!superseded.has(`${k} ${c.id}`)) recomputed.set(k, [...(recomputed.get(k) ?? []), c.id]);
    }
    const stored = read(core, (db) =>
      db.prepare('SELECT table_name, record_id, field, change_ids FROM sync_heads').all(),
    ) as { table_name: string; record_id: string; field: string; change_ids: string }[];
    expect(
      new Map(
        stored.map((h) => [
          JSON.stringify([h.table_name, h.record_id, h.field]),
          (JSON.parse(h.change_ids) as string[]).sort(),
        ]),
      ),
    ).toEqual(new Map([...recomputed].map(([k, ids]) => [k, ids.sort()])));
  });
});
