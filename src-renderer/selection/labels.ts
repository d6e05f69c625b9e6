import type { Decision, RoundSummary } from '../../src-main/contract';

export const decisionColor: Record<Decision, string> = {
  selected: 'teal',
  waiting_list: 'yellow',
  not_selected: 'gray',
};

/** Where a round stands: open, concluded (with or without consensus), validated by the steering committee. */
export function roundState(r: Pick<RoundSummary, 'consensus' | 'steeringValidatedOn'>) {
  if (r.steeringValidatedOn) return { key: 'validated', color: 'teal' } as const;
  if (r.consensus === false) return { key: 'referred', color: 'orange' } as const;
  if (r.consensus === true) return { key: 'consensus', color: 'blue' } as const;
  return { key: 'open', color: 'gray' } as const;
}
