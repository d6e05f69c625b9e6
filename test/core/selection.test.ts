import { describe, expect, it } from 'vitest';
import type { CriteriaSetFields } from '../../src-main/contract';
import { scoreCandidates } from '../../src-main/core/selection/scoring';
import { diagnose, openTestCore, organisationInput } from '../fixtures/core';

describe('selection scoring', () => {
  const criteria = [
    { id: 'relevance', weight: 50 },
    { id: 'capacity', weight: 30 },
    { id: 'gender', weight: 20 },
  ];

  it('weights the members’ mean scores into a total out of 100', () => {
    const [result] = scoreCandidates({
      criteria,
      scoreMax: 5,
      scoringMemberIds: ['m1', 'm2'],
      candidateIds: ['A'],
      conflicts: [],
      scores: [
        { memberId: 'm1', candidateId: 'A', criterionId: 'relevance', score: 4 },
        { memberId: 'm2', candidateId: 'A', criterionId: 'relevance', score: 5 },
        { memberId: 'm1', candidateId: 'A', criterionId: 'capacity', score: 3 },
        { memberId: 'm2', candidateId: 'A', criterionId: 'capacity', score: 2 },
        { memberId: 'm1', candidateId: 'A', criterionId: 'gender', score: 5 },
        { memberId: 'm2', candidateId: 'A', criterionId: 'gender', score: 4 },
      ],
    });
    // means 4.5, 2.5, 4.5 → 50×4.5/5 + 30×2.5/5 + 20×4.5/5 = 45 + 15 + 18
    expect(result).toMatchObject({ total: 78, complete: true, rank: 1, tied: false });
    expect(result!.criteria.map((c) => c.mean)).toEqual([4.5, 2.5, 4.5]);
  });

  it('leaves a member with a conflict of interest out of that candidate’s averages only', () => {
    const all = (memberId: string, candidateId: string, score: number) =>
      criteria.map((c) => ({ memberId, candidateId, criterionId: c.id, score }));
    const results = scoreCandidates({
      criteria,
      scoreMax: 5,
      scoringMemberIds: ['m1', 'm2', 'm3'],
      candidateIds: ['A', 'B'],
      conflicts: [{ memberId: 'm3', candidateId: 'A' }],
      // m3 would have given A a 5, but declared a conflict: that score must not count.
      scores: [
        ...all('m1', 'A', 2),
        ...all('m2', 'A', 4),
        ...all('m3', 'A', 5),
        ...all('m1', 'B', 3),
        ...all('m2', 'B', 3),
        ...all('m3', 'B', 3),
      ],
    });
    expect(results.map((r) => [r.candidateId, r.total, r.complete])).toEqual([
      ['A', 60, true], // mean 3 of m1 and m2 only → 60
      ['B', 60, true],
    ]);
    expect(results.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it('ranks ties as ties and skips the next rank; an unscored candidate has no rank', () => {
    const one = (candidateId: string, score: number) =>
      criteria.map((c) => ({ memberId: 'm1', candidateId, criterionId: c.id, score }));
    const results = scoreCandidates({
      criteria,
      scoreMax: 5,
      scoringMemberIds: ['m1'],
      candidateIds: ['A', 'B', 'C', 'D', 'E'],
      conflicts: [],
      scores: [
        ...one('A', 5),
        ...one('B', 4),
        ...one('C', 4),
        ...one('D', 1),
        { memberId: 'm1', candidateId: 'E', criterionId: 'gender', score: 5 },
      ],
    });
    expect(results.map((r) => [r.candidateId, r.total, r.rank, r.tied, r.complete])).toEqual([
      ['A', 100, 1, false, true],
      ['B', 80, 2, true, true],
      ['C', 80, 2, true, true],
      ['D', 20, 4, false, true],
      ['E', null, null, false, false],
    ]);
  });
});

const criteriaSet: CriteriaSetFields = {
  name: 'Critères de sélection 2024',
  scoreMax: 5,
  criteria: [
    { name: 'Pertinence du mandat', weight: 40 },
    { name: 'Capacité d’engagement', weight: 35 },
    { name: 'Place des femmes', weight: 25 },
  ],
  eligibility: { requireCompletedDiagnostic: true, allowedStatuses: ['diagnosed'], allowedTypes: [] },
};

describe('criteria sets', () => {
  it('requires weights that add up to 100', () => {
    const { core } = openTestCore();
    const result = core.invoke('criteriaSets.create', {
      ...criteriaSet,
      criteria: [
        { name: 'A', weight: 60 },
        { name: 'B', weight: 30 },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['criteria'], message: 'errors.weightsTotal' }] },
    });
  });

  it('locks a validated set; a change makes a new draft version', () => {
    const { core, ok } = openTestCore();
    const set = ok('criteriaSets.create', criteriaSet);
    expect(set).toMatchObject({ version: 1, status: 'draft' });
    const validated = ok('criteriaSets.validate', {
      id: set.id,
      validatedOn: '2024-03-01',
      validationReference: 'CP-2024-02',
    });
    expect(validated).toMatchObject({ status: 'validated', validatedOn: '2024-03-01' });
    const locked = core.invoke('criteriaSets.update', { id: set.id, fields: criteriaSet });
    expect(locked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const v2 = ok('criteriaSets.newVersion', { id: set.id });
    expect(v2).toMatchObject({ version: 2, status: 'draft', previousVersionId: set.id });
    expect(v2.criteria.map((c) => c.weight)).toEqual([40, 35, 25]);
    ok('criteriaSets.update', {
      id: v2.id,
      fields: { ...criteriaSet, criteria: [{ name: 'Unique', weight: 100 }] },
    });
    expect(ok('criteriaSets.get', { id: set.id }).criteria).toHaveLength(3);
  });
});

describe('selection rounds', () => {
  function setUp() {
    const t = openTestCore();
    const { ok } = t;
    const set = ok('criteriaSets.create', criteriaSet);
    ok('criteriaSets.validate', { id: set.id, validatedOn: '2024-03-01', validationReference: 'CP-2024-02' });
    const round = ok('rounds.create', {
      title: 'Comité technique n° 1',
      criteriaSetId: set.id,
      meetingOn: '2024-04-10',
      quorum: 2,
    });
    const orgs = ['CAFO', 'CNSC', 'AOPP', 'DRA'].map((acronym) => {
      const o = ok('organisations.create', organisationInput({ name: `Organisation ${acronym}`, acronym }));
      diagnose(ok, o.id, '2024-02-01', () => 2);
      return o;
    });
    return { ...t, set, round, orgs };
  }

  it('refuses a round on a criteria set that is not validated', () => {
    const { core, ok } = openTestCore();
    const set = ok('criteriaSets.create', criteriaSet);
    const r = core.invoke('rounds.create', {
      title: 'X',
      criteriaSetId: set.id,
      meetingOn: '2024-04-10',
      quorum: 1,
    });
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: ['criteriaSetId'] }] } });
  });

  it('admits only eligible organisations and says why the others cannot be', () => {
    const { core, ok, round } = setUp();
    const fresh = ok('organisations.create', organisationInput({ name: 'Sans diagnostic', acronym: 'SD' }));
    const rows = ok('rounds.eligibility', { roundId: round.id });
    expect(rows.find((r) => r.organisationId === fresh.id)).toMatchObject({
      eligible: false,
      reasons: ['selection.reasons.noDiagnostic', 'selection.reasons.status'],
    });
    const refused = core.invoke('rounds.addCandidate', { roundId: round.id, organisationId: fresh.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ok('rounds.get', { id: round.id }).candidates).toEqual([]);
  });

  it('runs a whole round: scores, a conflict of interest, quorum, ranking, decisions and statuses', () => {
    const { core, ok, round, set, orgs } = setUp();
    const [c1, c2, c3] = set.criteria.map((c) => c.id) as [string, string, string];
    let r = ok('rounds.addMember', { roundId: round.id, fields: { name: 'Awa Diarra', role: 'chair' } });
    r = ok('rounds.addMember', { roundId: round.id, fields: { name: 'Moussa Keïta', role: 'member' } });
    r = ok('rounds.addMember', { roundId: round.id, fields: { name: 'Fatoumata Sidibé', role: 'member' } });
    r = ok('rounds.addMember', {
      roundId: round.id,
      fields: { name: 'Observateur DRPIA', role: 'observer' },
    });
    const [awa, moussa, fatoumata, observer] = r.members;
    for (const o of orgs) r = ok('rounds.addCandidate', { roundId: round.id, organisationId: o.id });
    expect(ok('organisations.get', { id: orgs[0]!.id }).status).toBe('candidate');

    const cand = (acronym: string) => r.candidates.find((c) => c.organisationAcronym === acronym)!.id;
    const score = (member: { id: string }, acronym: string, s: [number, number, number]) =>
      (r = ok('rounds.recordScores', {
        roundId: round.id,
        memberId: member.id,
        candidateId: cand(acronym),
        conflictOfInterest: false,
        scores: [
          { criterionId: c1, score: s[0] },
          { criterionId: c2, score: s[1] },
          { criterionId: c3, score: s[2] },
        ],
      }));
    // An observer does not score.
    const byObserver = core.invoke('rounds.recordScores', {
      roundId: round.id,
      memberId: observer!.id,
      candidateId: cand('CAFO'),
      conflictOfInterest: false,
      scores: [],
    });
    expect(byObserver).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    score(awa!, 'CAFO', [5, 4, 5]);
    score(moussa!, 'CAFO', [4, 4, 5]);
    // Fatoumata sits on CAFO's board: she declares it and does not score it.
    r = ok('rounds.recordScores', {
      roundId: round.id,
      memberId: fatoumata!.id,
      candidateId: cand('CAFO'),
      conflictOfInterest: true,
      conflictReason: 'Membre du bureau de la CAFO',
      scores: [],
    });
    score(awa!, 'CNSC', [4, 3, 3]);
    score(moussa!, 'CNSC', [4, 3, 3]);
    score(fatoumata!, 'CNSC', [4, 3, 3]);
    score(awa!, 'AOPP', [4, 3, 3]);
    score(moussa!, 'AOPP', [4, 3, 3]);
    score(fatoumata!, 'AOPP', [4, 3, 3]);
    score(awa!, 'DRA', [2, 2, 1]);
    score(moussa!, 'DRA', [3, 2, 1]);

    const result = (acronym: string) => r.candidates.find((c) => c.organisationAcronym === acronym)!;
    // CAFO: means 4.5, 4, 5 → 40×.9 + 35×.8 + 25×1 = 36 + 28 + 25 = 89
    expect(result('CAFO')).toMatchObject({ total: 89, rank: 1, tied: false, complete: true });
    // CNSC and AOPP: 4, 3, 3 → 32 + 21 + 15 = 68, tied second
    expect(result('CNSC')).toMatchObject({ total: 68, rank: 2, tied: true });
    expect(result('AOPP')).toMatchObject({ total: 68, rank: 2, tied: true });
    // DRA: Fatoumata has not scored yet → incomplete; means 2.5, 2, 1 → 20 + 14 + 5 = 39
    expect(result('DRA')).toMatchObject({ total: 39, rank: 4, complete: false });
    // Ranked, ties by name.
    expect(r.candidates.map((c) => c.organisationAcronym)).toEqual(['CAFO', 'AOPP', 'CNSC', 'DRA']);

    const early = core.invoke('rounds.decide', {
      roundId: round.id,
      candidateId: cand('DRA'),
      decision: 'not_selected',
      justification: 'Score insuffisant',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    score(fatoumata!, 'DRA', [1, 2, 1]);

    // Quorum: with Moussa absent there is still the chair and Fatoumata (2 of 2).
    ok('rounds.decide', {
      roundId: round.id,
      candidateId: cand('CAFO'),
      decision: 'selected',
      justification: 'Meilleur score, forte implication des femmes',
    });
    ok('rounds.decide', {
      roundId: round.id,
      candidateId: cand('CNSC'),
      decision: 'selected',
      justification: 'Ex aequo, rôle de faîtière',
    });
    ok('rounds.decide', {
      roundId: round.id,
      candidateId: cand('AOPP'),
      decision: 'waiting_list',
      justification: 'Ex aequo, budget limité',
    });
    r = ok('rounds.decide', {
      roundId: round.id,
      candidateId: cand('DRA'),
      decision: 'not_selected',
      justification: 'Score insuffisant',
    });

    const cafo = ok('organisations.get', { id: orgs[0]!.id });
    expect(cafo.status).toBe('selected');
    expect(cafo.statusHistory[0]).toMatchObject({
      fromStatus: 'candidate',
      toStatus: 'selected',
      changedOn: '2024-04-10',
      reason: 'Meilleur score, forte implication des femmes',
    });
    expect(ok('organisations.get', { id: orgs[2]!.id }).status).toBe('waiting_list');

    r = ok('rounds.conclude', {
      id: round.id,
      consensus: false,
      steeringValidatedOn: '2024-05-02',
      steeringReference: 'SMCL-2024-05',
    });
    expect(r).toMatchObject({ consensus: false, steeringValidatedOn: '2024-05-02' });
    expect(ok('rounds.list', {})[0]).toMatchObject({ candidatesCount: 4, decidedCount: 4, consensus: false });
  });

  it('records no decision without quorum', () => {
    const { core, ok, round, set, orgs } = setUp();
    let r = ok('rounds.addMember', { roundId: round.id, fields: { name: 'Seule présente', role: 'chair' } });
    r = ok('rounds.addMember', {
      roundId: round.id,
      fields: { name: 'Absent', role: 'member', present: false },
    });
    r = ok('rounds.addCandidate', { roundId: round.id, organisationId: orgs[0]!.id });
    r = ok('rounds.recordScores', {
      roundId: round.id,
      memberId: r.members[0]!.id,
      candidateId: r.candidates[0]!.id,
      conflictOfInterest: false,
      scores: set.criteria.map((c) => ({ criterionId: c.id, score: 3 })),
    });
    expect(r).toMatchObject({ presentScoringMembers: 1, quorumReached: false });
    const d = core.invoke('rounds.decide', {
      roundId: round.id,
      candidateId: r.candidates[0]!.id,
      decision: 'selected',
      justification: 'x',
    });
    expect(d).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('quorum') },
    });
  });
});
