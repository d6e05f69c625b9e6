// The attendance summaries equal a full recomputation from the marks after every kind of write.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import type { Core } from '../../src-main/core';
import { summariesDiffer } from '../../src-main/core/indicators/summaries';
import { openTestCore, organisationInput } from '../fixtures/core';

/** Rows stored that a full recomputation would not write, and the reverse (0 when they agree). */
function differences(core: Core) {
  const reader = new Database(core.databaseFile, { readonly: true });
  try {
    const rows = (reader.prepare('SELECT count(*) AS n FROM attendance_summaries').get() as { n: number }).n;
    return { rows, differ: summariesDiffer(reader) };
  } finally {
    reader.close();
  }
}

function setUp() {
  const t = openTestCore({ now: () => new Date('2024-06-15T10:00:00Z') });
  const request = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const envelope = (await t.core.request(method, input)) as Envelope<Output<M>>;
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  const same = () => {
    const d = differences(t.core);
    expect(d.differ).toBe(0);
    return d.rows;
  };
  return { ...t, request, same };
}

describe('attendance summaries', () => {
  it('equal a full recomputation after registers, walk-ins, session edits, deletions, imports and restores', async () => {
    const { ok, request, same } = setUp();
    const organisation = ok('organisations.create', organisationInput());
    const person = (firstName: string, sex: 'F' | 'M') =>
      ok('participants.create', {
        fields: { organisationId: organisation.id, firstName, lastName: 'Diallo', sex },
      }).id;
    const [awa, issa, oumar] = [person('Awa', 'F'), person('Issa', 'M'), person('Oumar', 'M')];
    const days = [
      { date: '2024-03-12', startTime: '08:30', endTime: '16:30' },
      { date: '2024-03-13', startTime: '08:30', endTime: '12:30', halfDay: true },
    ];
    let session = ok('sessions.create', {
      title: 'Gestion financière',
      phase: 'classroom',
      days,
      trainers: [],
    });
    ok('sessions.addParticipants', { sessionId: session.id, participantIds: [awa, issa], walkIn: false });
    expect(same()).toBe(2);
    const [day1, day2] = session.days;
    const mark = (status: 'present' | 'late' | 'absent' | null, ...ids: string[]) =>
      ok('sessions.recordAttendance', {
        sessionId: session.id,
        marks: ids.flatMap((id) => [day1!, day2!].map((d) => ({ dayId: d.id, participantId: id, status }))),
      });
    mark('present', awa, issa);
    same();
    mark('late', awa);
    mark('absent', issa);
    same();
    // A walk-in, then the register corrected and a line erased.
    ok('sessions.addParticipants', { sessionId: session.id, participantIds: [oumar], walkIn: true });
    mark('present', oumar);
    expect(same()).toBe(3);
    mark(null, oumar);
    ok('sessions.removeParticipant', { sessionId: session.id, participantId: oumar });
    expect(same()).toBe(2);
    // The session's days changed: a day added, the half-day made whole.
    session = ok('sessions.update', {
      id: session.id,
      fields: {
        title: 'Gestion financière',
        phase: 'classroom',
        days: [
          { id: day1!.id, date: '2024-03-12', startTime: '08:30', endTime: '16:30' },
          { id: day2!.id, date: '2024-03-13', startTime: '08:30', endTime: '16:30', halfDay: false },
          { date: '2024-03-14', startTime: '08:30', endTime: '16:30' },
        ],
        trainers: [],
      },
    });
    same();
    // A participant's sex corrected: the summaries follow.
    ok('participants.update', {
      id: issa,
      fields: { organisationId: organisation.id, firstName: 'Issa', lastName: 'Diallo', sex: 'F' },
    });
    same();

    // An import of attendance.
    const content = Buffer.from(
      [
        'Session;Date;Nom;Prénom;Organisation;Téléphone;Présence',
        'Gestion financière;14/03/2024;Diallo;Awa;;;P',
      ].join('\n'),
      'utf8',
    ).toString('base64');
    const importFile = { name: 'registre.csv', contentBase64: content };
    const preview = await request('imports.preview', { kind: 'attendance', file: importFile });
    await request('imports.run', {
      kind: 'attendance',
      file: importFile,
      sheets: preview.sheets
        .filter((s) => s.included)
        .map((s) => ({ name: s.name, mapping: s.mapping, values: s.values })),
      mode: 'validOnly',
    });
    expect(ok('sessions.get', { id: session.id }).attendance.length).toBe(5);
    same();

    // A backup made now, more marks, then the backup restored: the restored summaries are recomputed.
    const backup = await request('backups.create', {});
    mark('absent', awa);
    same();
    await request('backups.restore', { source: { from: 'backup', id: backup.id } });
    expect(same()).toBe(2);
  });

  // Loading the demonstration takes about 3 s on an idle machine.
  it(
    'equal a full recomputation after the demonstration is loaded and removed',
    { timeout: 30_000 },
    async () => {
      const { request, same } = setUp();
      await request('demo.load', {});
      expect(same()).toBeGreaterThan(100);
      await request('demo.remove', {});
      expect(same()).toBe(0);
    },
  );
});
