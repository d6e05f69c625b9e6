import type { Participant, PathwayStatus } from '../../src-main/contract';

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

export const fullName = (p: Pick<Participant, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

/** The organisation as people name it: its acronym when it has one. */
export const organisationShort = (p: Pick<Participant, 'organisationName' | 'organisationAcronym'>) =>
  p.organisationAcronym ?? p.organisationName;

export const todayIso = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
