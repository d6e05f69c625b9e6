import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src-main/contract';
import { openTestCore, organisationInput } from '../fixtures/core';
import { oneActionSteps } from '../fixtures/inputs';

describe('follow-up scheduling', () => {
  it('adds months, keeping the day or the end of a short month', () => {
    expect(addMonths('2024-04-03', 3)).toBe('2024-07-03');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
  });

  function setUp(today = '2024-07-20') {
    const t = openTestCore({ now: () => new Date(`${today}T09:00:00Z`) });
    const { ok } = t;
    const org = ok('organisations.create', organisationInput({ region: 'Koulikoro' }));
    const person = (firstName: string, sex: 'F' | 'M') =>
      ok('participants.create', {
        fields: { organisationId: org.id, firstName, lastName: 'Diarra', sex },
        confirmedNotDuplicate: true,
      }).id;
    const people = { awa: person('Awa', 'F'), issa: person('Issa', 'M'), absent: person('Absente', 'F') };
    const p = ok('pathways.create', {
      organisationId: org.id,
      title: 'Parcours',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      budgetFcfa: 0,
    });
    const plan = ok('pathways.saveSteps', {
      pathwayId: p.id,
      steps: oneActionSteps({ plannedStart: '2024-04-01', plannedEnd: '2024-04-03' }),
    });
    ok('pathways.enrol', { pathwayId: p.id, participantIds: Object.values(people) });
    let s = ok('sessions.create', {
      title: 'Planification',
      pathwayActionId: plan.steps[0]!.actions[0]!.id,
      phase: 'classroom',
      days: [
        { date: '2024-04-02', startTime: '08:30', endTime: '16:30' },
        { date: '2024-04-03', startTime: '08:30', endTime: '16:30' },
      ],
      trainers: [{ name: 'Kadiatou Maïga', sex: 'F', kind: 'external' }],
    });
    s = ok('sessions.recordAttendance', {
      sessionId: s.id,
      marks: s.days.flatMap((d) => [
        { dayId: d.id, participantId: people.awa, status: 'present' as const },
        { dayId: d.id, participantId: people.issa, status: 'late' as const },
        { dayId: d.id, participantId: people.absent, status: 'absent' as const },
      ]),
    });
    return { ...t, org, people, session: s, pathway: p };
  }

  it('schedules each attendee at 3 and 6 months after the last day, once, with the session’s trainer', () => {
    const { ok, session, people } = setUp();
    ok('sessions.recordAttendance', { sessionId: session.id, marks: [] }); // saving again schedules nothing new
    const all = ok('followUps.list', { view: 'all' });
    expect(all.items.map((f) => [f.participantName, f.offsetMonths, f.dueOn, f.trainerName]).sort()).toEqual([
      ['Awa Diarra', 3, '2024-07-03', 'Kadiatou Maïga'],
      ['Awa Diarra', 6, '2024-10-03', 'Kadiatou Maïga'],
      ['Issa Diarra', 3, '2024-07-03', 'Kadiatou Maïga'],
      ['Issa Diarra', 6, '2024-10-03', 'Kadiatou Maïga'],
    ]);
    expect(all.items.some((f) => f.participantId === people.absent)).toBe(false);
    expect(all.trainers).toEqual(['Kadiatou Maïga']);
  });

  it('lists what is due and overdue, filtered by trainer, organisation and region', () => {
    const { ok, org } = setUp('2024-07-20');
    const overdue = ok('followUps.list', { view: 'overdue' });
    expect(overdue.total).toBe(2); // the 3-month ones, due 03/07
    expect(overdue.items.every((f) => f.overdue)).toBe(true);
    expect(ok('followUps.list', { view: 'due' }).total).toBe(2); // 6-month ones are due in October
    expect(
      ok('followUps.list', {
        view: 'scheduled',
        trainerName: 'Kadiatou Maïga',
        organisationId: org.id,
        region: 'Koulikoro',
      }).total,
    ).toBe(4);
    expect(ok('followUps.list', { view: 'scheduled', region: 'Gao' }).total).toBe(0);
  });

  it('uses the offsets the PRC team sets', () => {
    const { core, ok } = openTestCore();
    expect(ok('followUps.settings', {})).toEqual({ offsetsMonths: [3, 6] });
    expect(ok('followUps.updateSettings', { offsetsMonths: [12, 1] })).toEqual({ offsetsMonths: [1, 12] });
    expect(core.invoke('followUps.updateSettings', { offsetsMonths: [3, 3] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(ok('followUps.settings', {})).toEqual({ offsetsMonths: [1, 12] });
  });

  it('reschedules and cancels with a reason; records a follow-up and turns the support needed into coaching', () => {
    const { core, ok, pathway } = setUp();
    const [first, second, third] = ok('followUps.list', { view: 'all' }).items;
    expect(core.invoke('followUps.cancel', { id: first!.id, reason: '' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['reason'] }] },
    });
    expect(
      ok('followUps.reschedule', { id: first!.id, dueOn: '2024-08-15', reason: 'Saison des pluies' }),
    ).toMatchObject({ dueOn: '2024-08-15', reason: 'Saison des pluies' });
    expect(ok('followUps.cancel', { id: second!.id, reason: 'A quitté l’organisation' }).status).toBe(
      'cancelled',
    );
    const done = ok('followUps.record', {
      id: third!.id,
      doneOn: '2024-07-25',
      method: 'visit',
      skillsApplied: 'partly',
      evidence: 'Plan de travail annuel rédigé',
      obstacles: 'Manque d’ordinateur',
      supportNeeded: 'Appui à la budgétisation',
      changeObserved: 'Réunions de planification mensuelles',
      createCoachingAction: true,
      attachments: [
        {
          name: 'plan.pdf',
          mimeType: 'application/pdf',
          contentBase64: Buffer.from('%PDF').toString('base64'),
        },
      ],
    });
    expect(done).toMatchObject({
      status: 'done',
      skillsApplied: 'partly',
      attachments: [expect.objectContaining({ name: 'plan.pdf' })],
    });
    const after = ok('pathways.get', { id: pathway.id }).steps.find((s) => s.phase === 'after')!;
    expect(after.actions).toEqual([
      expect.objectContaining({ id: done.coachingActionId, type: 'coaching', plannedStart: '2024-07-25' }),
    ]);
    expect(
      core.invoke('followUps.record', {
        id: third!.id,
        doneOn: '2024-07-26',
        method: 'phone',
        skillsApplied: 'fully',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('schedules the enrolled participants when a pathway is completed', () => {
    const { ok, pathway } = setUp();
    for (const [status, on, reference] of [
      ['submitted', '2024-01-10', null],
      ['approved', '2024-01-20', 'CT-01'],
      ['in_progress', '2024-02-01', null],
      ['completed', '2024-12-15', null],
    ] as const) {
      ok('pathways.changeStatus', { id: pathway.id, status, on, reference });
    }
    const fromPathway = ok('followUps.list', { view: 'all', pageSize: 100 }).items.filter(
      (f) => f.pathwayId === pathway.id,
    );
    expect(fromPathway.map((f) => f.dueOn).sort()).toEqual([
      '2025-03-15',
      '2025-03-15',
      '2025-03-15',
      '2025-06-15',
      '2025-06-15',
      '2025-06-15',
    ]);
  });
});
