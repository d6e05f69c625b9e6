import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src-main/core/methods';
import { gain, mean, personDays, phoneKey, similarNames } from '../../src-main/core/sessions/figures';
import { diagnose, openTestCore, organisationInput } from '../fixtures/core';

describe('training figures', () => {
  const days = [
    { id: 'd1', halfDay: false },
    { id: 'd2', halfDay: false },
    { id: 'd3', halfDay: true },
  ];

  it('counts person-days: present and late count, absent and excused do not, a half-day counts ½', () => {
    const marks = [
      { dayId: 'd1', participantId: 'a', status: 'present' },
      { dayId: 'd2', participantId: 'a', status: 'late' },
      { dayId: 'd3', participantId: 'a', status: 'present' },
      { dayId: 'd1', participantId: 'b', status: 'absent' },
      { dayId: 'd2', participantId: 'b', status: 'excused' },
      { dayId: 'd3', participantId: 'b', status: 'present' },
    ];
    expect(personDays(days, marks)).toBe(3); // a: 1 + 1 + ½, b: ½
    expect(personDays(days, marks, new Set(['b']))).toBe(0.5);
  });

  it('computes gains only when both tests were taken, and their mean', () => {
    expect(gain(40, 75)).toBe(35);
    expect(gain(60, 55)).toBe(-5);
    expect(gain(null, 80)).toBeNull();
    expect(mean([35, -5, null])).toBe(15);
    expect(mean([null])).toBeNull();
  });

  it('recognises the same person: names in another order or a letter apart, the same phone', () => {
    const aminata = { firstName: 'Aminata', lastName: 'Traoré' };
    expect(similarNames(aminata, { firstName: 'Traore', lastName: 'Aminata' })).toBe(true);
    expect(similarNames(aminata, { firstName: 'Aminatou', lastName: 'TRAORE' })).toBe(true);
    expect(similarNames(aminata, { firstName: 'Mariam', lastName: 'Traoré' })).toBe(false);
    expect(phoneKey('+223 76 12 34 56')).toBe('76123456');
    expect(phoneKey('76-12-34-56')).toBe('76123456');
    expect(phoneKey('1234')).toBeNull();
  });
});

function setUp() {
  const t = openTestCore();
  const org = t.ok('organisations.create', organisationInput());
  const person = (firstName: string, lastName: string, sex: 'F' | 'M', phone?: string) =>
    t.ok('participants.create', { fields: { organisationId: org.id, firstName, lastName, sex, phone } }).id;
  return { ...t, org, person };
}

describe('participants', () => {
  it('warns of a likely duplicate and offers the existing person; creates on confirmation', () => {
    const { core, ok, org, person } = setUp();
    const first = person('Aminata', 'Traoré', 'F', '+223 76 12 34 56');
    const again = core.invoke('participants.create', {
      fields: { organisationId: org.id, firstName: 'Aminatou', lastName: 'Traore', sex: 'F' },
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['duplicates', first] }] },
    });
    const other = ok('organisations.create', organisationInput({ name: 'Autre' }));
    const samePhone = ok('participants.checkDuplicates', {
      fields: {
        organisationId: other.id,
        firstName: 'Awa',
        lastName: 'Keïta',
        sex: 'F',
        phone: '76 12 34 56',
      },
    });
    expect(samePhone.map((p) => p.id)).toEqual([first]);
    ok('participants.create', {
      fields: { organisationId: org.id, firstName: 'Aminatou', lastName: 'Traore', sex: 'F' },
      confirmedNotDuplicate: true,
    });
    expect(ok('participants.list', { organisationId: org.id }).total).toBe(2);
    expect(ok('participants.list', { search: 'aminatou' }).items.map((p) => p.firstName)).toEqual([
      'Aminatou',
    ]);
  });
});

describe('pathways and sessions', () => {
  function pathwayWithPlan() {
    const t = setUp();
    const d = diagnose(t.ok, t.org.id, '2024-01-10', () => 2);
    const need = t.ok('diagnostics.update', {
      id: d.id,
      fields: {
        conductedOn: d.conductedOn,
        assessors: d.assessors,
        method: d.method,
        level: d.level,
        scores: d.scores.map(({ criterionId, score }) => ({ criterionId, score })),
        needs: [{ domainCode: 'financial_management', description: 'Procédures financières écrites' }],
      },
    }).needs[0]!;
    const p = t.ok('pathways.create', {
      organisationId: t.org.id,
      title: 'Parcours gestion financière',
      needIds: [need.id],
      targetSkills: 'Tenir une comptabilité',
      startsOn: '2024-03-01',
      endsOn: '2024-12-31',
      budgetFcfa: 12_000_000,
    });
    const action = (
      type: Input<'pathways.saveSteps'>['steps'][number]['actions'][number]['type'],
      title: string,
      budget: number,
    ) => ({
      type,
      title,
      plannedStart: '2024-04-01',
      plannedEnd: '2024-04-05',
      budgetFcfa: budget,
    });
    const planned = t.ok('pathways.saveSteps', {
      pathwayId: p.id,
      steps: [
        {
          phase: 'before',
          title: 'Préparation',
          actions: [action('awareness_session', 'Sensibilisation', 500_000)],
        },
        {
          phase: 'during',
          title: 'Formation-action',
          actions: [
            action('training_session', 'Comptabilité', 3_000_000),
            action('coaching', 'Coaching', 1_000_000),
          ],
        },
        {
          phase: 'after',
          title: 'Suivi',
          actions: [action('peer_exchange', 'Échange entre pairs', 800_000)],
        },
      ],
    });
    return { ...t, pathway: planned, need };
  }

  it('plans steps before, during and after, with budgets totalled', () => {
    const { pathway, need } = pathwayWithPlan();
    expect(pathway.needs.map((n) => n.id)).toEqual([need.id]);
    expect(pathway.steps.map((s) => [s.phase, s.actions.length])).toEqual([
      ['before', 1],
      ['during', 2],
      ['after', 1],
    ]);
    expect(pathway.plannedActionsBudgetFcfa).toBe(5_300_000);
    expect(pathway.status).toBe('draft');
  });

  it('follows the status workflow and moves the organisation into and out of its pathway', () => {
    const { core, ok, pathway, org } = pathwayWithPlan();
    const skip = core.invoke('pathways.changeStatus', {
      id: pathway.id,
      status: 'in_progress',
      on: '2024-03-01',
    });
    expect(skip).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok('pathways.changeStatus', { id: pathway.id, status: 'submitted', on: '2024-02-20' });
    const noRef = core.invoke('pathways.changeStatus', {
      id: pathway.id,
      status: 'approved',
      on: '2024-02-25',
    });
    expect(noRef).toMatchObject({ ok: false, error: { issues: [{ path: ['reference'] }] } });
    ok('pathways.changeStatus', {
      id: pathway.id,
      status: 'approved',
      on: '2024-02-25',
      reference: 'CT-2024-03',
    });
    ok('pathways.changeStatus', { id: pathway.id, status: 'in_progress', on: '2024-03-01' });
    expect(ok('organisations.get', { id: org.id }).status).toBe('in_pathway');
    const noReason = core.invoke('pathways.changeStatus', {
      id: pathway.id,
      status: 'suspended',
      on: '2024-06-01',
    });
    expect(noReason).toMatchObject({ ok: false, error: { issues: [{ path: ['reason'] }] } });
    const suspended = ok('pathways.changeStatus', {
      id: pathway.id,
      status: 'suspended',
      on: '2024-06-01',
      reason: 'Insécurité',
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Insécurité',
      approvalReference: 'CT-2024-03',
    });
  });

  it('runs a two-day session: register with a walk-in and an absence, person-days and gains', () => {
    const { core, ok, pathway, person, org } = pathwayWithPlan();
    const awa = person('Awa', 'Diarra', 'F');
    const issa = person('Issa', 'Coulibaly', 'M');
    const mariam = person('Mariam', 'Sangaré', 'F');
    ok('pathways.enrol', { pathwayId: pathway.id, participantIds: [awa, issa, mariam] });
    const training = pathway.steps[1]!.actions[0]!;
    let s = ok('sessions.create', {
      title: 'Comptabilité de base',
      pathwayActionId: training.id,
      phase: 'classroom',
      region: 'Koulikoro',
      venue: 'Salle de la mairie',
      costFcfa: 1_450_000,
      days: [
        { date: '2024-04-02', startTime: '08:30', endTime: '16:30' },
        { date: '2024-04-03', startTime: '08:30', endTime: '12:30', halfDay: true },
      ],
      trainers: [{ name: 'Kadiatou Maïga', sex: 'F', kind: 'external' }],
    });
    expect(s.participants.map((p) => p.firstName).sort()).toEqual(['Awa', 'Issa', 'Mariam']);
    const walkIn = ok('participants.create', {
      fields: { organisationId: org.id, firstName: 'Oumar', lastName: 'Touré', sex: 'M' },
    }).id;
    s = ok('sessions.addParticipants', { sessionId: s.id, participantIds: [walkIn], walkIn: true });
    const day1 = s.days[0]!;
    const day2 = s.days[1]!;
    const all = [awa, issa, mariam, walkIn];
    s = ok('sessions.recordAttendance', {
      sessionId: s.id,
      marks: [
        ...all.map((participantId) => ({ dayId: day1.id, participantId, status: 'present' as const })),
        { dayId: day2.id, participantId: awa, status: 'present' },
        { dayId: day2.id, participantId: issa, status: 'absent' },
        { dayId: day2.id, participantId: mariam, status: 'late' },
        { dayId: day2.id, participantId: walkIn, status: 'excused' },
      ],
    });
    // Day 1: 4 × 1; day 2 (half-day): Awa and Mariam × ½ → 5; women 1 + 1 + ½ + ½ = 3, men 2.
    expect(s.figures).toMatchObject({
      personDays: 5,
      personDaysWomen: 3,
      personDaysMen: 2,
      participantsWomen: 2,
      participantsMen: 2,
    });

    s = ok('sessions.recordEvaluations', {
      sessionId: s.id,
      evaluations: [
        { participantId: awa, satisfaction: 5, preScore: 40, postScore: 75 },
        { participantId: issa, satisfaction: 4, preScore: 50, postScore: 60 },
        { participantId: mariam, satisfaction: 3, preScore: 30, postScore: null },
      ],
    });
    expect(s.evaluations.find((e) => e.participantId === awa)?.gain).toBe(35);
    expect(s.figures).toMatchObject({ satisfaction: 4, meanGain: 22.5 });

    const outsider = core.invoke('sessions.recordAttendance', {
      sessionId: s.id,
      marks: [{ dayId: day1.id, participantId: 'someone-else', status: 'present' }],
    });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badScore = core.invoke('sessions.recordEvaluations', {
      sessionId: s.id,
      evaluations: [{ participantId: awa, satisfaction: 6, preScore: 40, postScore: 120 }],
    });
    expect(badScore).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ok('sessions.get', { id: s.id }).figures.satisfaction).toBe(4);

    const planned = ok('pathways.get', { id: pathway.id });
    expect(planned.steps[1]!.actions[0]!.sessions).toEqual([
      expect.objectContaining({
        title: 'Comptabilité de base',
        firstDay: '2024-04-02',
        lastDay: '2024-04-03',
        costFcfa: 1_450_000,
        held: false,
      }),
    ]);
    // Today is 15/03/2024: the session of April is planned, not yet held, so nothing is spent.
    expect(planned.spentFcfa).toBe(0);
    expect(ok('sessions.list', { month: '2024-04' }).items.map((x) => x.title)).toEqual([
      'Comptabilité de base',
    ]);
    expect(ok('sessions.list', { month: '2024-05' }).total).toBe(0);

    // An action with sessions cannot be removed from the plan; the others can.
    const dropHeld = core.invoke('pathways.saveSteps', { pathwayId: pathway.id, steps: [] });
    expect(dropHeld).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { sessions: _, ...trainingAction } = training;
    const kept = ok('pathways.saveSteps', {
      pathwayId: pathway.id,
      steps: [{ phase: 'during', title: 'Formation-action', actions: [trainingAction] }],
    });
    expect(kept.steps[0]!.actions[0]).toMatchObject({
      id: training.id,
      sessions: [expect.objectContaining({ costFcfa: 1_450_000 })],
    });
  });

  it('saves a 40-person, 5-day register in one call', () => {
    const { ok, org } = setUp();
    const ids = Array.from(
      { length: 40 },
      (_, i) =>
        ok('participants.create', {
          fields: {
            organisationId: org.id,
            firstName: `Prénom${i}`,
            lastName: `Nom${i}`,
            sex: i % 2 ? 'M' : 'F',
          },
          confirmedNotDuplicate: true,
        }).id,
    );
    let s = ok('sessions.create', {
      title: 'Grande session',
      phase: 'classroom',
      days: ['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10'].map((date) => ({
        date,
        startTime: '08:00',
        endTime: '17:00',
      })),
      trainers: [],
    });
    s = ok('sessions.addParticipants', { sessionId: s.id, participantIds: ids, walkIn: false });
    s = ok('sessions.recordAttendance', {
      sessionId: s.id,
      marks: s.days.flatMap((d) =>
        ids.map((participantId) => ({ dayId: d.id, participantId, status: 'present' as const })),
      ),
    });
    expect(s.attendance).toHaveLength(200);
    expect(s.figures.personDays).toBe(200);
  });
});

describe('lists', () => {
  it('lists pathways with their counts, and sessions with their organisation', () => {
    const { ok, org, person } = setUp();
    const p = ok('pathways.create', {
      organisationId: org.id,
      title: 'P',
      startsOn: '2024-01-01',
      endsOn: '2024-06-30',
      budgetFcfa: 1,
    });
    ok('pathways.saveSteps', {
      pathwayId: p.id,
      steps: [
        {
          phase: 'during',
          title: 'Étape',
          actions: [
            {
              type: 'coaching',
              title: 'A',
              plannedStart: '2024-02-01',
              plannedEnd: '2024-02-02',
              budgetFcfa: 0,
            },
          ],
        },
      ],
    });
    ok('pathways.enrol', { pathwayId: p.id, participantIds: [person('Awa', 'Diarra', 'F')] });
    const other = ok('organisations.create', organisationInput({ name: 'Autre' }));
    ok('pathways.create', {
      organisationId: other.id,
      title: 'Q',
      startsOn: '2023-01-01',
      endsOn: '2023-06-30',
      budgetFcfa: 1,
    });
    expect(ok('pathways.list', {}).map((x) => [x.title, x.participantsCount, x.actionsCount])).toEqual([
      ['P', 1, 1],
      ['Q', 0, 0],
    ]);
    const action = ok('pathways.get', { id: p.id }).steps[0]!.actions[0]!;
    ok('sessions.create', {
      title: 'S',
      pathwayActionId: action.id,
      phase: 'coaching',
      days: [{ date: '2024-02-01', startTime: '09:00', endTime: '12:00' }],
      trainers: [],
    });
    ok('sessions.create', {
      title: 'Seule',
      phase: 'classroom',
      days: [{ date: '2024-02-03', startTime: '09:00', endTime: '12:00' }],
      trainers: [],
    });
    expect(
      ok('sessions.list', {}).items.map((x) => [
        x.title,
        x.organisationName,
        x.participantsCount,
        x.daysCount,
      ]),
    ).toEqual([
      ['Seule', null, 0, 1],
      ['S', org.name, 1, 1],
    ]);
    expect(ok('sessions.list', { pathwayId: p.id }).items.map((x) => x.title)).toEqual(['S']);
  });

  it('pages all sessions by latest first day then id, as a filtered list orders them', () => {
    const { ok, core } = setUp();
    const day = (date: string) => ({ date, startTime: '09:00', endTime: '12:00' });
    const create = (title: string, dates: string[]) =>
      ok('sessions.create', { title, phase: 'classroom', days: dates.map(day), trainers: [] }).id;
    create('Atelier long', ['2024-01-10', '2024-03-01']);
    create('Atelier B', ['2024-02-01']);
    create('Atelier A', ['2024-02-01', '2024-02-02']);
    create('Atelier récent', ['2024-02-20']);
    const undated = create('Atelier sans jour', ['2024-05-01']);
    const undatedToo = create('Atelier sans jour 2', ['2024-05-02']);
    const deleted = create('Atelier supprimé', ['2024-06-01']);
    // Written by another connection, as an import or a synchronisation may leave them.
    const other = new Database(core.databaseFile);
    other.prepare('DELETE FROM session_days WHERE session_id IN (?, ?)').run(undated, undatedToo);
    other.prepare("UPDATE sessions SET deleted_at = '2024-03-15' WHERE id = ?").run(deleted);
    other.close();
    const all = ok('sessions.list', { pageSize: 100 }).items;
    const byFirstDay = [...all].sort(
      (a, b) =>
        (b.firstDay ?? '').localeCompare(a.firstDay ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(all.map((s) => s.id)).toEqual(byFirstDay.map((s) => s.id));
    expect(all.slice(0, 4).map((s) => s.title)).toEqual([
      'Atelier récent',
      ...['Atelier A', 'Atelier B'].sort((a, b) => {
        const id = (t: string) => all.find((s) => s.title === t)!.id;
        return id(a) < id(b) ? -1 : 1;
      }),
      'Atelier long',
    ]);
    expect(all).toHaveLength(6);
    // The same pages, two by two, as the search (another query) gives them.
    for (const page of [1, 2, 3, 4]) {
      const plain = ok('sessions.list', { page, pageSize: 2 });
      const searched = ok('sessions.list', { page, pageSize: 2, search: 'atelier' });
      expect(plain).toEqual(searched);
      expect(plain.total).toBe(6);
    }
  });
});
