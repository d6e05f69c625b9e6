/**
 * Below the target (from the results framework): orange when close to it (within 10 points), red
 * further away; blue when no target is set.
 */
export function shareColor(ratio: number | null, target: number | null) {
  if (ratio === null) return 'gray';
  if (target === null) return 'blue';
  if (ratio >= target) return 'teal';
  return ratio >= target - 0.1 ? 'orange' : 'red';
}

export const sexColor = { women: 'grape.6', men: 'blue.6' } as const;
