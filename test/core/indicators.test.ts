import { describe, expect, it } from 'vitest';
import { diagnose, openTestCore, organisationInput } from '../fixtures/core';
import { programme } from '../fixtures/smallProgramme';

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
    const framework = ok('indicators.resultsFramework', { year: 2024 });
    expect(framework.results.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4']);
    const indicator = (code: string) =>
      framework.results.flatMap((r) => r.indicators).find((i) => i.code === code)!;
    expect(indicator('R1.1').value).toEqual({ total: 2, women: null, men: null });
    expect(indicator('R2.1').value).toEqual({ total: 5, women: 3, men: 2 });
    expect(indicator('R2.2').value).toEqual({ total: 7, women: 4, men: 3 });
    expect(indicator('R2.3')).toMatchObject({ value: { total: 60 }, unit: 'percent' });
    expect(indicator('R3.1').value).toEqual({ total: 50, women: 100, men: 0 });
    expect(indicator('R3.2').value.total).toBe(66.7);
    expect(ok('indicators.resultsFramework', { year: 2023 }).results[1]!.indicators[0]!.value).toEqual({
      total: 0,
      women: 0,
      men: 0,
    });
  });

  it('never lets a computed indicator be typed over; entered values keep their source and survive a change of disaggregation', () => {
    const { core, ok } = openTestCore();
    const framework = ok('indicators.resultsFramework', { year: 2025 });
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
      ok('indicators.resultsFramework', { year: 2025 }).results[3]!.indicators.find(
        (i) => i.code === 'R4.1',
      )!;
    expect(after().value.total).toBe(5); // the latest value entered
    const { id: _, value: _v, target: _t, reached: _r, entered: _e, ...fields } = after();
    ok('indicators.update', { id: entered.id, fields: { ...fields, bySex: true } });
    ok('indicators.update', { id: entered.id, fields: { ...fields, bySex: false } });
    expect(after().entered.map((v) => [v.value, v.source])).toEqual([
      [5, 'Rapport du fonds, T2'],
      [3, 'Rapport du fonds, T1'],
    ]);
  });
});

describe('breakdowns of the gender report', () => {
  it('give each type and region the figures of the query layer filtered on it', () => {
    const { ok } = programme();
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const report = ok('reports.get', { request: { kind: 'gender', ...period, filters: {} } });
    const table = (sheet: string) =>
      report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table' && b.sheet === sheet) as {
        rows: (string | number | null)[][];
      };
    const expected = (filters: object) => {
      const f = ok('indicators.figures', { ...period, ...filters });
      return [
        f.participantsTrained.women,
        f.participantsTrained.total,
        f.personDays.women,
        f.personDays.total,
      ];
    };
    const row = (r: (string | number | null)[]) => [r[1], r[2], r[4], r[5]];
    expect(table('Par type de structure').rows.map(row)).toEqual([
      expected({ organisationType: 'csu' }),
      expected({ organisationType: 'women_group' }),
    ]);
    expect(table('Par région').rows.map(row)).toEqual([
      expected({ region: 'Koulikoro' }),
      expected({ region: 'Ségou' }),
    ]);
  });
});

describe('dashboard', () => {
  it('gives in one call the figures and their breakdowns, each equal to the figures filtered on its group', () => {
    const { ok } = programme();
    // A session across two months (and two quarters) and one going on today (20/07/2024): each
    // month counts only its own days, from the marks.
    const [awa, issa] = ['Awa', 'Issa'].map(
      (name) => ok('participants.list', { pageSize: 100 }).items.find((p) => p.firstName === name)!.id,
    );
    const day = (date: string, halfDay = false) => ({ date, startTime: '08:30', endTime: '16:30', halfDay });
    for (const days of [
      [day('2024-03-29'), day('2024-04-01', true), day('2024-04-02')],
      [day('2024-07-19'), day('2024-07-22')],
    ]) {
      const created = ok('sessions.create', { title: 'À cheval', phase: 'classroom', days, trainers: [] });
      const s = ok('sessions.addParticipants', {
        sessionId: created.id,
        participantIds: [awa!, issa!],
        walkIn: false,
      });
      ok('sessions.recordAttendance', {
        sessionId: s.id,
        marks: [
          ...s.days.map((d) => ({ dayId: d.id, participantId: awa!, status: 'present' as const })),
          { dayId: s.days[0]!.id, participantId: issa!, status: 'present' as const },
        ],
      });
    }
    expect(ok('indicators.figures', { from: '2024-04-01', to: '2024-04-30' }).personDays).toEqual({
      women: 1.5,
      men: 0,
      total: 1.5,
    });
    const d = ok('indicators.dashboard', { year: 2024 });
    expect(d.figures).toEqual(ok('indicators.figures', {}));
    for (const g of d.byMonth) {
      const [year, month] = g.group.split('-').map(Number);
      const last = new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10);
      const f = ok('indicators.figures', { from: `${g.group}-01`, to: last });
      expect([g.women, g.total, g.personDaysWomen, g.personDays], g.group).toEqual([
        f.participantsTrained.women,
        f.participantsTrained.total,
        f.personDays.women,
        f.personDays.total,
      ]);
    }
    expect(d.byMonth.reduce((n, g) => n + g.personDays, 0)).toBe(d.figures.personDays.total);
    for (const g of d.byType) {
      const f = ok('indicators.figures', { organisationType: g.group as 'ngo' });
      expect([g.women, g.total]).toEqual([f.participantsTrained.women, f.participantsTrained.total]);
    }
    for (const g of d.byRegion) {
      const f = ok('indicators.figures', { region: g.group });
      expect([g.women, g.total]).toEqual([f.participantsTrained.women, f.participantsTrained.total]);
    }
  });

  it('reads the women’s share target from the results framework, where the team edits it', () => {
    const { ok } = programme();
    // R2.3 aims at 40 % in 2025 and 45 % in 2026; before 2025, the first target set applies.
    expect(ok('indicators.dashboard', { year: 2026 }).targets.womenShareParticipants).toBe(0.45);
    expect(ok('indicators.targets', { year: 2025 }).womenShareParticipants).toBe(0.4);
    expect(ok('indicators.targets', { year: 2024 }).womenShareParticipants).toBe(0.4);
    const r23 = ok('indicators.resultsFramework', { year: 2025 })
      .results.flatMap((r) => r.indicators)
      .find((i) => i.code === 'R2.3')!;
    expect(r23.target).toBe(40);
    const { id, value: _v, target: _t, reached: _r, entered: _e, ...fields } = r23;
    ok('indicators.update', { id, fields: { ...fields, targets: { '2025': 50 } } });
    expect(ok('indicators.targets', { year: 2026 }).womenShareParticipants).toBe(0.5);
    expect(
      ok('indicators.resultsFramework', { year: 2026 }).results[1]!.indicators.find((i) => i.code === 'R2.3')!
        .target,
    ).toBe(50);
    // A lower-is-better indicator reaches its target at or below it.
    const r23In = (year: number) =>
      ok('indicators.resultsFramework', { year }).results[1]!.indicators.find((i) => i.code === 'R2.3')!;
    const share = r23In(2024).value.total!; // 60 % of the people trained are women
    ok('indicators.update', { id, fields: { ...fields, targets: { '2024': 50 } } });
    expect([share, r23In(2024).reached]).toEqual([60, true]);
    ok('indicators.update', { id, fields: { ...fields, targets: { '2024': 50 }, direction: 'lower' } });
    expect(r23In(2024)).toMatchObject({ direction: 'lower', reached: false });
  });
});
