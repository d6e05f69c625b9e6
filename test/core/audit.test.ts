import fs from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import type { Sqlite } from '../../src-main/core/db/client';
import { MIGRATIONS, okCaller, organisationInput, tempDir } from '../fixtures/core';
import { as, openWithAdmin, PASSWORD, signIn } from '../fixtures/accounts';

/** A core whose connection the test holds too: raw SQL "through the app's connection". */
const opened: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
function openWithConnection(dataDir = tempDir()) {
  let sqlite: Sqlite | undefined;
  const core = createCore({
    dataDir,
    migrationsFolder: MIGRATIONS,
    now: () => new Date('2024-03-15T10:00:00Z'),
    validateOutput: true,
    onConnection: (connection) => (sqlite = connection),
    onInternalError: (e) => {
      throw e;
    },
  });
  opened.push({ core, dir: dataDir });
  return { core, dir: dataDir, sqlite: sqlite!, ok: okCaller(core) };
}

/** Rows of the trail, read beside the core. */
function trailCounts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { calls: n('audit_calls'), changes: n('audit_changes') };
  } finally {
    db.close();
  }
}

describe('the audit trail', () => {
  it('records who, when, which method and record, and the values before and after an update and a delete', async () => {
    const t = await openWithAdmin();
    const org = await t.admin.value('organisations.create', organisationInput());
    await t.admin.value('organisations.update', {
      id: org.id,
      fields: organisationInput({ acronym: 'CAFO-K', staffWomen: 14 }),
    });
    const changes = await t.admin.value('audit.list', { table: 'organisations', recordId: org.id });
    expect(changes.total).toBe(2);
    const [update, insert] = changes.items;
    expect(insert).toMatchObject({
      action: 'insert',
      method: 'organisations.create',
      userId: t.adminId,
      userName: 'Équipe PRC',
      at: '2024-03-15T10:00:00.000Z',
      recordId: org.id,
      before: null,
      after: { id: org.id, name: 'Coordination des Associations et ONG Féminines', acronym: 'CAFO' },
    });
    expect(update).toMatchObject({
      action: 'update',
      method: 'organisations.update',
      userName: 'Équipe PRC',
      before: { acronym: 'CAFO', staff_women: 12 },
      after: { acronym: 'CAFO-K', staff_women: 14 },
    });
    expect(update!.callId).not.toBe(insert!.callId);

    // A delete keeps the row as it was; a composite key is a JSON array.
    const ok = okCaller(t.core);
    const awa = ok('participants.create', {
      fields: { organisationId: org.id, firstName: 'Awa', lastName: 'Diallo', sex: 'F' },
    });
    const session = ok('sessions.create', {
      title: 'Atelier budget',
      phase: 'classroom',
      days: [{ date: '2024-03-12', startTime: '08:30', endTime: '16:30' }],
      trainers: [],
    });
    ok('sessions.addParticipants', { sessionId: session.id, participantIds: [awa.id], walkIn: true });
    await t.admin.value('sessions.removeParticipant', { sessionId: session.id, participantId: awa.id });
    const removed = await t.admin.value('audit.list', { method: 'sessions.removeParticipant' });
    expect(removed.items).toEqual([
      expect.objectContaining({
        action: 'delete',
        table: 'session_participants',
        recordId: JSON.stringify([session.id, awa.id]),
        before: { session_id: session.id, participant_id: awa.id, walk_in: 1 },
        after: null,
        userName: 'Équipe PRC',
      }),
    ]);
    // In-process calls (scripts, tests) are recorded too, without a person.
    expect((await t.admin.value('audit.list', { method: 'participants.create' })).items[0]).toMatchObject({
      userId: null,
      userName: null,
      after: { first_name: 'Awa' },
    });
  });

  it('is written once per call, by writes only: reads and refused writes leave it as it was', async () => {
    const t = await openWithAdmin();
    const reader = await t.account('reader', 'lecteur');
    const org = await t.admin.value('organisations.create', organisationInput());
    const before = trailCounts(t.core.databaseFile);
    for (const who of [t.admin, reader]) {
      await who.value('organisations.list', {});
      await who.value('organisations.get', { id: org.id });
      await who.value('indicators.figures', {});
      await who.value('reports.get', { request: { kind: 'organisation', organisationId: org.id } });
      await who.value('auth.me', {});
      await who.value('auth.status', {});
    }
    await t.admin.value('audit.list', {});
    await t.admin.value('audit.options', {});
    // Refused: by validation, by role, by the data.
    expect(await t.admin.request('organisations.create', { ...organisationInput(), name: '' })).toMatchObject(
      {
        ok: false,
      },
    );
    expect(
      await reader.request('organisations.update', { id: org.id, fields: organisationInput() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.admin.request('users.create', {
        login: 'lecteur',
        name: 'Doublon',
        role: 'reader',
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.admin.request('users.deactivate', { id: t.adminId })).toMatchObject({ ok: false });
    expect(trailCounts(t.core.databaseFile)).toEqual(before);

    // A register of many lines is one call with one change per line; saved again unchanged, nothing.
    const ok = okCaller(t.core);
    const people = (
      [
        ['Awa', 'Diallo', 'F'],
        ['Issa', 'Coulibaly', 'M'],
        ['Fanta', 'Keïta', 'F'],
        ['Oumar', 'Touré', 'M'],
      ] as const
    ).map(([firstName, lastName, sex]) =>
      ok('participants.create', { fields: { organisationId: org.id, firstName, lastName, sex } }),
    );
    const session = ok('sessions.create', {
      title: 'Atelier',
      phase: 'classroom',
      days: [
        { date: '2024-03-12', startTime: '08:30', endTime: '16:30' },
        { date: '2024-03-13', startTime: '08:30', endTime: '16:30' },
      ],
      trainers: [],
    });
    ok('sessions.addParticipants', {
      sessionId: session.id,
      participantIds: people.map((p) => p.id),
      walkIn: false,
    });
    const marks = session.days.flatMap((d) =>
      people.map((p) => ({ dayId: d.id, participantId: p.id, status: 'absent' as const })),
    );
    const beforeRegister = trailCounts(t.core.databaseFile);
    await t.admin.value('sessions.recordAttendance', { sessionId: session.id, marks });
    const saved = await t.admin.value('audit.list', {
      method: 'sessions.recordAttendance',
      table: 'attendance',
      pageSize: 100,
    });
    expect(saved.total).toBe(8);
    expect(new Set(saved.items.map((c) => c.callId)).size).toBe(1);
    expect(trailCounts(t.core.databaseFile).calls).toBe(beforeRegister.calls + 1);
    await t.admin.value('sessions.recordAttendance', { sessionId: session.id, marks });
    expect((await t.admin.value('audit.list', { table: 'attendance' })).total).toBe(8);
  });

  it('cannot be changed or erased, even by raw SQL through the application’s own connection', () => {
    const { core, sqlite, ok } = openWithConnection();
    ok('organisations.create', organisationInput());
    const refused = /Le journal des modifications ne peut être ni modifié ni effacé/;
    expect(() => sqlite.prepare("UPDATE audit_changes SET after = '{}'").run()).toThrow(refused);
    expect(() => sqlite.prepare("UPDATE audit_calls SET user_name = 'Quelqu’un d’autre'").run()).toThrow(
      refused,
    );
    expect(() => sqlite.prepare('DELETE FROM audit_changes').run()).toThrow(refused);
    expect(() => sqlite.prepare('DELETE FROM audit_calls').run()).toThrow(refused);
    // Nor by another program opening the file.
    const other = new Database(core.databaseFile);
    try {
      expect(() => other.prepare('DELETE FROM audit_changes').run()).toThrow(refused);
    } finally {
      other.close();
    }
    expect(trailCounts(core.databaseFile).changes).toBeGreaterThan(0);
    expect(sqlite.prepare("SELECT count(*) FROM audit_changes WHERE after = '{}'").pluck().get()).toBe(0);
  });

  it('covers every table, a table added by a later version included', () => {
    const dataDir = tempDir();
    const first = openWithConnection(dataDir);
    const triggered = (sqlite: Sqlite) =>
      new Set(
        sqlite
          .prepare("SELECT tbl_name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'audit_%'")
          .pluck()
          .all() as string[],
      );
    const tables = first.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const unaudited = [
      'audit_calls',
      'audit_changes',
      'auth_sessions',
      'sign_in_failures',
      '__drizzle_migrations',
      'demo_records',
      // Computed from the marks, whose changes are recorded.
      'attendance_summaries',
      // Synchronisation's state, derived from the trail itself (sync/capture.ts).
      'sync_installation',
      'sync_changes',
      'sync_heads',
      'sync_peers',
      'sync_quarantine',
      // A file on its way over the network, whose changes are recorded when it is applied.
      'sync_transfers',
      // Records kept out of their tables while their parent is gone: their changes are the record's.
      'sync_orphans',
      // Records kept out of their tables while another claims the same number or login: the same.
      'sync_claims',
      // The history of exchanges: what each file carried, whose changes the trail already holds.
      'sync_exchanges',
    ];
    expect([...triggered(first.sqlite)].sort()).toEqual(tables.filter((n) => !unaudited.includes(n)).sort());
    first.core.close();
    opened.splice(0);
    // A migration of a later version adds a table: at the next start it is covered.
    const file = `${dataDir}/parcours.sqlite`;
    const later = new Database(file);
    later.exec('CREATE TABLE field_notes (id TEXT PRIMARY KEY, note BLOB, text TEXT)');
    later.close();
    const second = openWithConnection(dataDir);
    expect(triggered(second.sqlite).has('field_notes')).toBe(true);
    second.sqlite.prepare("INSERT INTO field_notes VALUES ('n1', x'00010203', 'bonjour')").run();
    const row = second.ok('audit.list', { table: 'field_notes' }).items[0]!;
    // Bytes appear as their size; a write outside any call is the application's.
    expect(row).toMatchObject({ recordId: 'n1', method: 'application', after: { note: 4, text: 'bonjour' } });
  });

  it('shows documents as their size and never the password hashes', async () => {
    const t = await openWithAdmin();
    const module = await t.admin.value('modules.create', { title: 'Gestion financière', durationHours: 12 });
    const content = Buffer.from('%PDF-1.4 guide du trésorier');
    await t.admin.value('modules.attachMaterial', {
      id: module.id,
      document: { name: 'guide.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') },
    });
    const document = (await t.admin.value('audit.list', { table: 'documents' })).items[0]!;
    expect(document.after).toMatchObject({
      name: 'guide.pdf',
      size: content.length,
      content: content.length,
    });

    const trainer = await t.account('trainer', 'moussa');
    await t.admin.value('users.resetPassword', { id: trainer.id, password: 'un-autre-secret' });
    const users = await t.admin.value('audit.list', { table: 'users', recordId: trainer.id });
    expect(
      users.items.map((c) => [c.action, c.method, c.before?.password_hash ?? null, c.after?.password_hash]),
    ).toEqual([
      ['update', 'users.resetPassword', 'masqué', 'masqué (modifié)'],
      // Signing in is recorded (the last sign-in date), under the person's own name.
      ['update', 'auth.signIn', 'masqué', 'masqué'],
      ['insert', 'users.create', null, 'masqué'],
    ]);
    expect(users.items[1]).toMatchObject({
      userName: 'trainer moussa',
      after: { last_sign_in_at: '2024-03-15T10:00:00.000Z' },
    });
    const text = JSON.stringify(await t.admin.value('audit.list', { pageSize: 100 }));
    expect(text).not.toMatch(/scrypt\$/);
  });

  it('is filtered by person, period, table, record and method, page by page', async () => {
    let now = new Date('2024-03-15T10:00:00Z');
    const t = await openWithAdmin({ now: () => now });
    const { id: trainerId } = await t.account('trainer', 'moussa');
    const org = await t.admin.value('organisations.create', organisationInput());
    now = new Date('2024-04-02T09:00:00Z');
    const trainer = as(t.core, await signIn(t.core, 'moussa'));
    const admin = as(t.core, await signIn(t.core, 'admin'));
    for (const [i, firstName] of ['Awa', 'Fanta', 'Mariam'].entries()) {
      await trainer.value('participants.create', {
        fields: { organisationId: org.id, firstName, lastName: ['Diallo', 'Keïta', 'Sidibé'][i]!, sex: 'F' },
      });
    }
    const list = (filters: Parameters<typeof admin.value<'audit.list'>>[1]) =>
      admin.value('audit.list', filters);
    const byTrainer = await list({ userId: trainerId });
    expect(byTrainer.items.every((c) => c.userName === 'trainer moussa')).toBe(true);
    expect(byTrainer.items.filter((c) => c.table === 'participants')).toHaveLength(3);
    expect((await list({ from: '2024-04-01', to: '2024-04-30', table: 'participants' })).total).toBe(3);
    expect((await list({ to: '2024-03-31', table: 'participants' })).total).toBe(0);
    expect((await list({ from: '2024-03-15', to: '2024-03-15', table: 'organisations' })).total).toBe(1);
    expect((await list({ method: 'participants.create', pageSize: 2 })).items).toHaveLength(2);
    expect((await list({ method: 'participants.create', pageSize: 2, page: 2 })).items).toHaveLength(1);
    // A record's id finds the rows keyed by it, composite keys included.
    expect((await list({ recordId: org.id })).items.map((c) => c.table)).toEqual(['organisations']);
    const options = await admin.value('audit.options', {});
    expect(options.users.map((u) => u.name).sort()).toEqual(['trainer moussa', 'Équipe PRC']);
    expect(options.methods).toEqual(
      expect.arrayContaining(['organisations.create', 'participants.create', 'users.create']),
    );
    expect(options.tables).toEqual(expect.arrayContaining(['organisations', 'participants', 'users']));
  });

  it('exports the filtered changes to XLSX, before and after in words', async () => {
    const t = await openWithAdmin();
    const org = await t.admin.value('organisations.create', organisationInput());
    await t.admin.value('organisations.update', {
      id: org.id,
      fields: organisationInput({ acronym: 'CAFO-K' }),
    });
    const file = await t.admin.value('audit.export', { table: 'organisations' });
    expect(file.fileName).toBe('journal-des-modifications-2024-03-15.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    const sheet = workbook.getWorksheet('Journal')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Date et heure (UTC)',
      'Personne',
      'Opération',
      'Table',
      'Enregistrement',
      'Action',
      'Avant',
      'Après',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '15/03/2024 10:00:00',
      'Équipe PRC',
      'organisations.update',
      'Organisations',
      org.id,
      'Modification',
      // Only what changed (the clock of the tests stands still: updated_at did not).
      'acronym : CAFO',
      'acronym : CAFO-K',
    ]);
    expect(sheet.getRow(3).getCell(6).value).toBe('Création');
    expect(sheet.rowCount).toBe(3);
  });
});

describe('signing in and out in the trail', () => {
  it('shows sign-ins as the person’s own, and nothing of the session tokens', async () => {
    const t = await openWithAdmin();
    await signIn(t.core, 'admin');
    await as(t.core, t.adminSession).value('auth.signOut', {});
    const text = JSON.stringify(await okCaller(t.core)('audit.list', { pageSize: 100 }));
    expect(text).not.toContain(t.adminSession);
    expect(text).not.toContain('token_hash');
  });
});
