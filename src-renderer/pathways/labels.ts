import type { PathwayStatus } from '../../src-main/contract';

/** Badge colours of the pathway workflow, from draft to completion. */
export const pathwayStatusColor: Record<PathwayStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  in_progress: 'green',
  completed: 'grape',
  suspended: 'red',
};

export const phaseColor = { before: 'blue', during: 'teal', after: 'grape' } as const;
