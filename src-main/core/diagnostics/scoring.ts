import type { DomainScore, FrameworkDomain } from '../../contract';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** Each domain's score is the mean of its scored criteria. */
export function domainScores(
  domains: FrameworkDomain[],
  scores: { criterionId: string; score: number | null }[],
): DomainScore[] {
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  return domains.map((d) => {
    const values = d.criteria
      .map((c) => byCriterion.get(c.id))
      .filter((v): v is number => typeof v === 'number');
    return {
      code: d.code,
      name: d.name,
      score: round2(mean(values)),
      scored: values.length,
      criteria: d.criteria.length,
    };
  });
}

/** The overall index is the mean of the domain scores: every domain weighs the same. */
export function capacityIndex(scores: DomainScore[]): number | null {
  return round2(mean(scores.map((d) => d.score).filter((v): v is number => v !== null)));
}

/**
 * A score as a share of its scale (0–100 %, unrounded: differences are rounded only once), so
 * that diagnostics made with framework versions of different scales can still be compared.
 */
export function shareOfScale(score: number | null, scaleMin: number, scaleMax: number): number | null {
  return score === null ? null : ((score - scaleMin) / (scaleMax - scaleMin)) * 100;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
