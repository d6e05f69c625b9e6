/**
 * The women's share the programme aims at among the people trained and the person-days.
 * A programme constant for now (the results framework holds yearly targets for R2.3).
 */
export const WOMEN_SHARE_TARGET = 0.4;

/** Below the target: orange when close to it (within 10 points), red further away. */
export function shareColor(ratio: number | null, target = WOMEN_SHARE_TARGET) {
  if (ratio === null) return 'gray';
  if (ratio >= target) return 'teal';
  return ratio >= target - 0.1 ? 'orange' : 'red';
}

export const sexColor = { women: 'grape.6', men: 'blue.6' } as const;
