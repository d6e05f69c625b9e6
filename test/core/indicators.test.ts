import { describe, expect, it } from 'vitest';
import { diagnose, openTestCore, organisationInput } from '../fixtures/core';

/**
 * A small programme whose figures were worked out by hand (see each expectation).
 *   Organisation A (civil-society umbrella, Koulikoro): Awa (F, decision-maker), Issa (M), Moussa (M)
 *   Organisation B (women's group, Ségou): Mariam (F), Oumou (F, decision-maker)
 *   Session 1, pathway of A, 04–05/03/2024, two full days, trainer Kadiatou (F):
 *     day 1: Awa present, Issa present, Moussa present, Mariam late
 *     day 2: Awa present, Issa absent, Moussa present, Mariam excused
 *   Session 2, stand-alone, 10/06/2024, one half-day, trainer Bakary (M): Oumou present, Awa present
 */
function programme() {
  const t = openTestCore({ now: () => new Date('2024-07-20T09:00:00Z') });
  const { ok } = t;
  const a = ok('organisations.create', organisationInput({ name: 'A', type: 'csu', region: 'Koulikoro' }));
  const b = ok(
    'organisations.create',
    organisationInput({ name: 'B', type: 'women_group', region: 'Ségou' }),
  );
  const person = (organisationId: string, firstName: string, sex: 'F' | 'M', decisionMaker = false) =>
    ok('participants.create', {
      fields: { organisationId, firstName, lastName: 'Test', sex, decisionMaker },
      confirmedNotDuplicate: true,
    }).id;
  const awa = person(a.id, 'Awa', 'F', true);
  const issa = person(a.id, 'Issa', 'M');
  const moussa = person(a.id, 'Moussa', 'M');
  const mariam = person(b.id, 'Mariam', 'F');
  const oumou = person(b.id, 'Oumou', 'F', true);

  const pathway = ok('pathways.create', {
    organisationId: a.id,
    title: 'Parcours A',
    startsOn: '2024-01-01',
    endsOn: '2024-12-31',
    budgetFcfa: 0,
  });
  const plan = ok('pathways.saveSteps', {
    pathwayId: pathway.id,
    steps: [
      {
        phase: 'during',
        title: 'Formation',
        actions: [
          {
            type: 'training_session',
            title: 'Formation',
            plannedStart: '2024-03-04',
            plannedEnd: '2024-03-05',
            budgetFcfa: 0,
          },
        ],
      },
    ],
  });
  let s1 = ok('sessions.create', {
    title: 'Session 1',
    pathwayActionId: plan.steps[0]!.actions[0]!.id,
    phase: 'classroom',
    days: [
      { date: '2024-03-04', startTime: '08:30', endTime: '16:30' },
      { date: '2024-03-05', startTime: '08:30', endTime: '16:30' },
    ],
    trainers: [{ name: 'Kadiatou', sex: 'F', kind: 'external' }],
  });
  s1 = ok('sessions.addParticipants', {
    sessionId: s1.id,
    participantIds: [awa, issa, moussa, mariam],
    walkIn: false,
  });
  const [d1, d2] = [s1.days[0]!.id, s1.days[1]!.id];
  ok('sessions.recordAttendance', {
    sessionId: s1.id,
    marks: [
      { dayId: d1, participantId: awa, status: 'present' },
      { dayId: d1, participantId: issa, status: 'present' },
      { dayId: d1, participantId: moussa, status: 'present' },
      { dayId: d1, participantId: mariam, status: 'late' },
      { dayId: d2, participantId: awa, status: 'present' },
      { dayId: d2, participantId: issa, status: 'absent' },
      { dayId: d2, participantId: moussa, status: 'present' },
      { dayId: d2, participantId: mariam, status: 'excused' },
    ],
  });
  let s2 = ok('sessions.create', {
    title: 'Session 2',
    phase: 'coaching',
    days: [{ date: '2024-06-10', startTime: '08:30', endTime: '12:30', halfDay: true }],
    trainers: [{ name: 'Bakary', sex: 'M', kind: 'internal' }],
  });
  s2 = ok('sessions.addParticipants', { sessionId: s2.id, participantIds: [oumou, awa], walkIn: false });
  ok('sessions.recordAttendance', {
    sessionId: s2.id,
    marks: [oumou, awa].map((participantId) => ({
      dayId: s2.days[0]!.id,
      participantId,
      status: 'present' as const,
    })),
  });
  ok('sessions.recordEvaluations', {
    sessionId: s1.id,
    evaluations: [
      { participantId: awa, satisfaction: 5, preScore: 40, postScore: 80 },
      { participantId: issa, satisfaction: 3, preScore: 50, postScore: 50 },
    ],
  });
  ok('sessions.recordEvaluations', {
    sessionId: s2.id,
    evaluations: [{ participantId: oumou, satisfaction: 4, preScore: 30, postScore: 50 }],
  });

  // Follow-ups of session 1: Awa at 3 months applies fully, Issa at 3 months not; Mariam at 6 months partly, Moussa at 6 months not.
  const followUps = ok('followUps.list', { view: 'all', pageSize: 100 }).items.filter(
    (f) => f.sessionId === s1.id,
  );
  const record = (participantId: string, offset: number, skillsApplied: 'not' | 'partly' | 'fully') => {
    const f = followUps.find((x) => x.participantId === participantId && x.offsetMonths === offset)!;
    ok('followUps.record', { id: f.id, doneOn: '2024-07-15', method: 'visit', skillsApplied });
  };
  record(awa, 3, 'fully');
  record(issa, 3, 'not');
  record(mariam, 6, 'partly');
  record(moussa, 6, 'not');

  // Organisation A: baseline all 1, then all 3 (1–4 scale): 0 % → 66,7 %, gender domain included.
  diagnose(ok, a.id, '2024-01-15', () => 1);
  diagnose(ok, a.id, '2024-07-01', () => 3);
  diagnose(ok, b.id, '2024-01-20', () => 2);
  return { ...t, pathway };
}

describe('programme figures', () => {
  it('match the hand-computed figures', () => {
    const { ok } = programme();
    const f = ok('indicators.figures', {});
    expect(f).toEqual({
      organisationsAccompanied: 2,
      womenOrganisationsSupported: 1,
      sessions: 2,
      participantsTrained: { women: 3, men: 2, total: 5 }, // Awa, Mariam, Oumou / Issa, Moussa
      personDays: { women: 4, men: 3, total: 7 }, // Awa 2½, Mariam 1, Oumou ½ / Issa 1, Moussa 2
      decisionMakersTrained: { women: 2, men: 0, total: 2 },
      trainers: { women: 1, men: 1, total: 2 },
      womenShareParticipants: 0.6,
      womenSharePersonDays: expect.closeTo(4 / 7, 9),
      womenShareDecisionMakers: 1,
      womenShareTrainers: 0.5,
      parityIndex: 1.5,
      // ≥ 80 % of one's days: Awa 2½/2½, Moussa 2/2, Oumou ½/½ yes; Issa 1/2, Mariam 1/2 no
      completionRate: { women: expect.closeTo(2 / 3, 9), men: 0.5, total: 0.6 },
      applicationRate: { women: 1, men: 0, total: 0.5 },
      applicationRate6Months: { women: 1, men: 0, total: 0.5 },
      meanSatisfaction: 4, // (5 + 3 + 4) / 3
      meanGain: 20, // (40 + 0 + 20) / 3
      meanIndexChange: 66.7,
      genderProgressShare: 1,
      // Still scheduled on 20/07/2024: the 3-month follow-ups of Moussa and Mariam, due 05/06 (overdue)
      followUpsDue: 2,
      followUpsOverdue: 2,
      followUpsDone: 4,
    });
  });

  it('follow the filters: region, type of organisation, period and pathway', () => {
    const { ok, pathway } = programme();
    const segou = ok('indicators.figures', { region: 'Ségou' });
    expect(segou.participantsTrained).toEqual({ women: 2, men: 0, total: 2 }); // Mariam, Oumou
    expect(segou.personDays).toEqual({ women: 1.5, men: 0, total: 1.5 });
    expect(ok('indicators.figures', { organisationType: 'women_group' }).participantsTrained).toEqual(
      segou.participantsTrained,
    );
    const june = ok('indicators.figures', { from: '2024-06-01', to: '2024-06-30' });
    expect(june.participantsTrained).toEqual({ women: 2, men: 0, total: 2 }); // Oumou, Awa
    expect(june.personDays.total).toBe(1);
    expect(june.followUpsDone).toBe(0); // done in July
    const inPathway = ok('indicators.figures', { pathwayId: pathway.id });
    expect(inPathway.participantsTrained).toEqual({ women: 2, men: 2, total: 4 });
    expect(inPathway.personDays).toEqual({ women: 3, men: 3, total: 6 });
    expect(inPathway.meanIndexChange).toBe(66.7);
    const behind = ok('indicators.trainedParticipants', { sex: 'F' });
    expect(behind.items.map((p) => [p.firstName, p.personDays])).toEqual([
      ['Awa', 2.5],
      ['Mariam', 1],
      ['Oumou', 0.5],
    ]);
    expect(ok('indicators.trainedParticipants', { region: 'Ségou' }).total).toBe(2);
    // A: Awa, Issa, Moussa (5½ days); B: Mariam, Oumou (1½ days)
    expect(
      ok('indicators.accompaniedOrganisations', {}).items.map((o) => [
        o.name,
        o.participantsTrained,
        o.womenTrained,
        o.personDays,
      ]),
    ).toEqual([
      ['A', 3, 1, 5.5],
      ['B', 2, 2, 1.5],
    ]);
    const nothing = ok('indicators.figures', { region: 'Kidal' });
    expect(nothing).toMatchObject({
      womenShareParticipants: null,
      parityIndex: null,
      meanGain: null,
      completionRate: { total: null },
    });
  });
});

describe('results framework', () => {
  it('loads R1–R4 with computed indicators valued from the data of the year', () => {
    const { ok } = programme();
    const framework = ok('indicators.framework', { year: 2024 });
    expect(framework.results.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4']);
    const indicator = (code: string) =>
      framework.results.flatMap((r) => r.indicators).find((i) => i.code === code)!;
    expect(indicator('R1.1').value).toEqual({ total: 2, women: null, men: null });
    expect(indicator('R2.1').value).toEqual({ total: 5, women: 3, men: 2 });
    expect(indicator('R2.2').value).toEqual({ total: 7, women: 4, men: 3 });
    expect(indicator('R2.3')).toMatchObject({ value: { total: 60 }, unit: 'percent' });
    expect(indicator('R3.1').value).toEqual({ total: 50, women: 100, men: 0 });
    expect(indicator('R3.2').value.total).toBe(66.7);
    expect(ok('indicators.framework', { year: 2023 }).results[1]!.indicators[0]!.value).toEqual({
      total: 0,
      women: 0,
      men: 0,
    });
  });

  it('never lets a computed indicator be typed over; entered values keep their source and survive a change of disaggregation', () => {
    const { core, ok } = openTestCore();
    const framework = ok('indicators.framework', { year: 2025 });
    const all = framework.results.flatMap((r) => r.indicators);
    const computed = all.find((i) => i.code === 'R2.1')!;
    const typed = core.invoke('indicators.recordValue', {
      indicatorId: computed.id,
      year: 2025,
      value: 999,
      source: 'Estimation',
      recordedOn: '2025-03-01',
    });
    expect(typed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const entered = all.find((i) => i.code === 'R4.1')!;
    ok('indicators.recordValue', {
      indicatorId: entered.id,
      year: 2025,
      value: 3,
      source: 'Rapport du fonds, T1',
      recordedOn: '2025-03-31',
    });
    ok('indicators.recordValue', {
      indicatorId: entered.id,
      year: 2025,
      value: 5,
      source: 'Rapport du fonds, T2',
      recordedOn: '2025-06-30',
    });
    const after = () =>
      ok('indicators.framework', { year: 2025 }).results[3]!.indicators.find((i) => i.code === 'R4.1')!;
    expect(after().value.total).toBe(5); // the latest value entered
    const { id: _, value: _v, target: _t, entered: _e, ...fields } = after();
    ok('indicators.update', { id: entered.id, fields: { ...fields, bySex: true } });
    ok('indicators.update', { id: entered.id, fields: { ...fields, bySex: false } });
    expect(after().entered.map((v) => [v.value, v.source])).toEqual([
      [5, 'Rapport du fonds, T2'],
      [3, 'Rapport du fonds, T1'],
    ]);
  });
});
