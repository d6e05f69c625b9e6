import type { Participant } from '../../src-main/contract';

export const fullName = (p: Pick<Participant, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

/** The organisation as people name it: its acronym when it has one. */
export const organisationShort = (p: Pick<Participant, 'organisationName' | 'organisationAcronym'>) =>
  p.organisationAcronym ?? p.organisationName;
