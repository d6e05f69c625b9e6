import { describe, expect, it } from 'vitest';
import { capacityIndex, domainScores, shareOfScale } from '../../src-main/core/diagnostics/scoring';
import { diagnose, openTestCore, organisationInput } from '../fixtures/core';

describe('diagnostic scoring', () => {
  const domains = [
    {
      id: 'd1',
      code: 'a',
      position: 0,
      name: 'A',
      criteria: [
        { id: 'c1', position: 0, name: '', descriptors: [] },
        { id: 'c2', position: 1, name: '', descriptors: [] },
      ],
    },
    {
      id: 'd2',
      code: 'b',
      position: 1,
      name: 'B',
      criteria: [{ id: 'c3', position: 0, name: '', descriptors: [] }],
    },
  ];

  it('averages criteria into domains and domains into the index, each domain weighing the same', () => {
    const scores = domainScores(domains, [
      { criterionId: 'c1', score: 1 },
      { criterionId: 'c2', score: 4 },
      { criterionId: 'c3', score: 3 },
    ]);
    expect(scores.map((s) => s.score)).toEqual([2.5, 3]);
    expect(capacityIndex(scores)).toBe(2.75); // (2.5 + 3) / 2, not (1 + 4 + 3) / 3
  });

  it('leaves unscored criteria out and says how many are scored', () => {
    const scores = domainScores(domains, [
      { criterionId: 'c1', score: 2 },
      { criterionId: 'c2', score: null },
    ]);
    expect(scores).toEqual([
      { code: 'a', name: 'A', score: 2, scored: 1, criteria: 2 },
      { code: 'b', name: 'B', score: null, scored: 0, criteria: 1 },
    ]);
    expect(capacityIndex(scores)).toBe(2);
  });

  it('expresses a score as a share of its scale', () => {
    expect(shareOfScale(1, 1, 4)).toBe(0);
    expect(shareOfScale(2.5, 1, 4)).toBe(50);
    expect(shareOfScale(4, 1, 4)).toBe(100);
    expect(shareOfScale(3, 1, 5)).toBe(50);
  });
});

describe('diagnostics', () => {
  it('ships the default grid: ten domains on a 1–4 scale with a French descriptor per level', () => {
    const { ok } = openTestCore();
    const grid = ok('grids.current', {});
    expect(grid.version).toBe(1);
    expect([grid.scaleMin, grid.scaleMax]).toEqual([1, 4]);
    expect(grid.domains.map((d) => d.code)).toEqual([
      'governance',
      'strategic_planning',
      'financial_management',
      'hr_management',
      'monitoring_evaluation',
      'resource_mobilisation',
      'partnership',
      'communication_advocacy',
      'gender',
      'digital',
    ]);
    expect(grid.domains.every((d) => d.criteria.every((c) => c.descriptors.length === 4))).toBe(true);
  });

  it('saves an incomplete draft, refuses to complete it, then completes it and makes it the baseline', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const grid = ok('grids.current', {});
    const first = grid.domains[0]!.criteria[0]!;
    const draft = ok('diagnostics.create', {
      organisationId: org.id,
      fields: {
        conductedOn: '2024-02-10',
        assessors: 'A. Traoré, M. Coulibaly',
        method: 'external_assessment',
        level: 'organisational',
        scores: [{ criterionId: first.id, score: 3, evidence: 'PV des AG 2022 et 2023' }],
        needs: [{ domainCode: 'financial_management', description: 'Manuel de procédures financières' }],
      },
    });
    expect(draft).toMatchObject({ status: 'draft', isBaseline: false, index: 3 });
    expect(draft.needs).toEqual([
      expect.objectContaining({ domainCode: 'financial_management', priority: 1 }),
    ]);
    const refused = core.invoke('diagnostics.complete', { id: draft.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const scores = grid.domains.flatMap((d) => d.criteria.map((c) => ({ criterionId: c.id, score: 2 })));
    const { conductedOn, assessors, method, level } = draft;
    ok('diagnostics.update', {
      id: draft.id,
      fields: { conductedOn, assessors, method, level, scores, needs: [] },
    });
    const done = ok('diagnostics.complete', { id: draft.id });
    expect(done).toMatchObject({ status: 'completed', isBaseline: true, index: 2 });
    const history = ok('organisations.get', { id: org.id });
    expect(history.status).toBe('diagnosed');
    expect(history.statusHistory).toContainEqual(
      expect.objectContaining({ fromStatus: 'identified', toStatus: 'diagnosed', changedOn: '2024-02-10' }),
    );
  });

  it('rejects a score outside the scale and a criterion of another grid, writing nothing', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const grid = ok('grids.current', {});
    const fields = (criterionId: string, score: number) => ({
      conductedOn: '2024-02-10',
      assessors: 'X',
      method: 'mixed' as const,
      level: 'institutional' as const,
      scores: [{ criterionId, score }],
      needs: [],
    });
    const high = core.invoke('diagnostics.create', {
      organisationId: org.id,
      fields: fields(grid.domains[0]!.criteria[0]!.id, 5),
    });
    expect(high).toMatchObject({ ok: false, error: { issues: [{ message: 'errors.scoreOutOfScale' }] } });
    const foreign = core.invoke('diagnostics.create', { organisationId: org.id, fields: fields('nope', 2) });
    expect(foreign).toMatchObject({ ok: false, error: { issues: [{ message: 'errors.unknownCriterion' }] } });
    // A grid version that does not exist (found by the hostile-input suite: it was an INTERNAL error).
    const unknownVersion = core.invoke('diagnostics.create', {
      organisationId: org.id,
      frameworkVersionId: '01a234bd-f895-73d5-b642-29319fc76863',
      fields: { ...fields(grid.domains[0]!.criteria[0]!.id, 2), scores: [] },
    });
    expect(unknownVersion).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok('diagnostics.listForOrganisation', { organisationId: org.id })).toEqual([]);
  });

  it('compares the latest diagnostic with the baseline; a new grid version changes no past score', () => {
    const { ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const baseline = diagnose(ok, org.id, '2024-01-15', () => 1);
    // The PRC team edits the grid: scale 1–5, a domain renamed, one removed, a criterion added.
    const v1 = ok('grids.current', {});
    const v2 = ok('grids.saveVersion', {
      frameworkId: v1.frameworkId,
      scaleMin: 1,
      scaleMax: 5,
      notes: 'Révision après le premier cycle',
      domains: v1.domains.slice(0, 9).map((d, i) => ({
        code: d.code,
        name: i === 0 ? 'Gouvernance et leadership' : d.name,
        criteria: [...d.criteria, ...(i === 0 ? [{ name: 'Nouveau critère', descriptors: [] }] : [])].map(
          (c) => ({
            name: c.name,
            descriptors: ['1', '2', '3', '4', '5'],
          }),
        ),
      })),
    });
    expect(v2.version).toBe(2);
    const latest = diagnose(ok, org.id, '2024-12-10', () => 4);

    // The baseline keeps its version, scale and index.
    const again = ok('diagnostics.get', { id: baseline.id });
    expect(again).toMatchObject({ frameworkVersion: 1, scaleMax: 4, index: 1, isBaseline: true });
    expect(latest).toMatchObject({ frameworkVersion: 2, scaleMax: 5, index: 4, isBaseline: false });

    const comparison = ok('diagnostics.compare', { organisationId: org.id });
    expect(comparison.baseline?.id).toBe(baseline.id);
    expect(comparison.latest?.id).toBe(latest.id);
    const governance = comparison.domains.find((d) => d.code === 'governance')!;
    // 1 on 1–4 is 0 %, 4 on 1–5 is 75 %.
    expect(governance).toEqual({
      code: 'governance',
      name: 'Gouvernance et leadership',
      baseline: 0,
      latest: 75,
      change: 75,
    });
    expect(comparison.domains.find((d) => d.code === 'digital')).toMatchObject({
      baseline: 0,
      latest: null,
      change: null,
    });
    expect(comparison.indexChange).toBe(75);
    expect(ok('grids.list', {})[0]!.versions.map((v) => [v.version, v.diagnosticsCount])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('attaches the HR development plan as a document stored with the data', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const d = diagnose(ok, org.id, '2024-01-15', () => 2);
    const content = Buffer.from('%PDF-1.4 plan RH').toString('base64');
    const withPlan = ok('diagnostics.attachHrPlan', {
      id: d.id,
      document: { name: 'plan-rh.pdf', mimeType: 'application/pdf', contentBase64: content },
    });
    expect(withPlan.hrPlan).toMatchObject({ name: 'plan-rh.pdf', size: 16 });
    expect(ok('documents.get', { id: withPlan.hrPlan!.id }).contentBase64).toBe(content);
    const empty = core.invoke('diagnostics.attachHrPlan', {
      id: d.id,
      document: { name: 'vide.pdf', mimeType: 'application/pdf', contentBase64: '' },
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('comparison rounding', () => {
  it('rounds a change once: 2 → 3 on a 1–4 scale is +33,3 points, not 66,7 − 33,3', () => {
    const { ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    diagnose(ok, org.id, '2024-01-15', () => 2);
    diagnose(ok, org.id, '2024-06-15', () => 3);
    const c = ok('diagnostics.compare', { organisationId: org.id });
    expect(c.domains[0]).toMatchObject({ baseline: 33.3, latest: 66.7, change: 33.3 });
    expect(c.indexChange).toBe(33.3);
  });
});
