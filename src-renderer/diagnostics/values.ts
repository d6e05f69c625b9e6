import type { UseFormReturnType } from '@mantine/form';
import type { Diagnostic, DiagnosticFields, FrameworkDomain } from '../../src-main/contract';

/** The grid a diagnostic is scored on: its own framework version, never another one. */
export interface Grid {
  id: string;
  version: number;
  scaleMin: number;
  scaleMax: number;
  domains: FrameworkDomain[];
}

/** The form holds one score row per criterion of the grid, in the grid's order. */
export type DiagnosticFormValues = DiagnosticFields & {
  scores: { criterionId: string; score: number | null; evidence: string }[];
};
export type DiagnosticFormType = UseFormReturnType<DiagnosticFormValues>;

export const levelsOf = (grid: Grid) =>
  Array.from({ length: grid.scaleMax - grid.scaleMin + 1 }, (_, i) => grid.scaleMin + i);

export const criteriaOf = (grid: Grid) => grid.domains.flatMap((d) => d.criteria);

export function emptyValues(grid: Grid): DiagnosticFormValues {
  return {
    conductedOn: null as never,
    assessors: '',
    method: null as never,
    level: null as never,
    notes: '',
    scores: criteriaOf(grid).map((c) => ({ criterionId: c.id, score: null, evidence: '' })),
    needs: [],
    hrPlanRating: null,
    hrPlanComment: '',
  };
}

export function fromDiagnostic(d: Diagnostic, grid: Grid): DiagnosticFormValues {
  const saved = new Map(d.scores.map((s) => [s.criterionId, s]));
  return {
    conductedOn: d.conductedOn,
    assessors: d.assessors,
    method: d.method,
    level: d.level,
    notes: d.notes ?? '',
    scores: criteriaOf(grid).map((c) => ({
      criterionId: c.id,
      score: saved.get(c.id)?.score ?? null,
      evidence: saved.get(c.id)?.evidence ?? '',
    })),
    needs: d.needs.map((n) => ({ domainCode: n.domainCode, description: n.description })),
    hrPlanRating: d.hrPlanRating,
    hrPlanComment: d.hrPlanComment ?? '',
  };
}

/** Domains that still have unscored criteria, with how many. */
export function unscoredByDomain(grid: Grid, values: DiagnosticFormValues) {
  const scored = new Set(values.scores.filter((s) => s.score !== null).map((s) => s.criterionId));
  return grid.domains
    .map((d) => ({ name: d.name, missing: d.criteria.filter((c) => !scored.has(c.id)).length }))
    .filter((d) => d.missing > 0);
}
