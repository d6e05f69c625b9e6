// The committee's arithmetic, kept pure so that it can be checked by hand in tests.

export interface ScoringInput {
  criteria: { id: string; weight: number }[];
  scoreMax: number;
  /** Members who score: present, and not observers. */
  scoringMemberIds: string[];
  candidateIds: string[];
  conflicts: { memberId: string; candidateId: string }[];
  scores: { memberId: string; candidateId: string; criterionId: string; score: number }[];
}

export interface CandidateScore {
  candidateId: string;
  criteria: { criterionId: string; mean: number | null }[];
  /** Σ weight × mean / scoreMax: out of 100 when the weights add up to 100. */
  total: number | null;
  /** Every member without a conflict has scored every criterion. */
  complete: boolean;
  rank: number | null;
  tied: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreCandidates(input: ScoringInput): CandidateScore[] {
  const conflicted = new Set(input.conflicts.map((c) => `${c.memberId}|${c.candidateId}`));
  const scoring = new Set(input.scoringMemberIds);
  const results = input.candidateIds.map((candidateId) => {
    // A member with a conflict of interest is left out of this candidate's averages.
    const judges = input.scoringMemberIds.filter((m) => !conflicted.has(`${m}|${candidateId}`));
    const criteria = input.criteria.map((criterion) => {
      const values = input.scores
        .filter(
          (s) =>
            s.candidateId === candidateId &&
            s.criterionId === criterion.id &&
            scoring.has(s.memberId) &&
            !conflicted.has(`${s.memberId}|${candidateId}`),
        )
        .map((s) => s.score);
      return {
        criterionId: criterion.id,
        mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
        count: values.length,
      };
    });
    const complete = judges.length > 0 && criteria.every((c) => c.count === judges.length);
    const total = criteria.every((c) => c.mean !== null)
      ? round2(
          criteria.reduce((sum, c, i) => sum + (input.criteria[i]!.weight * c.mean!) / input.scoreMax, 0),
        )
      : null;
    return {
      candidateId,
      criteria: criteria.map(({ criterionId, mean }) => ({
        criterionId,
        mean: mean === null ? null : round2(mean),
      })),
      total,
      complete,
    };
  });
  // Competition ranking: equal totals share a rank and the next rank is skipped (1, 2, 2, 4).
  return results.map((r) => {
    if (r.total === null) return { ...r, rank: null, tied: false };
    const better = results.filter((o) => o.total !== null && o.total > r.total!).length;
    const same = results.filter((o) => o.total === r.total).length;
    return { ...r, rank: better + 1, tied: same > 1 };
  });
}
