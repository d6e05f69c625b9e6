import type { UseFormReturnType } from '@mantine/form';
import type { Session } from '../../src-main/contract';

/** The session form as typed: empty choices are null until the contract checks them. */
export type SessionFormValues = {
  /** Only to choose the action: not sent. */
  pathwayId: string | null;
  title: string;
  pathwayActionId: string | null;
  moduleId: string | null;
  phase: Session['phase'] | null;
  region: string;
  commune: string;
  venue: string;
  costFcfa: number | string;
  days: { id?: string; date: string | null; startTime: string; endTime: string; halfDay: boolean }[];
  trainers: {
    name: string;
    sex: Session['trainers'][number]['sex'] | null;
    kind: Session['trainers'][number]['kind'] | null;
  }[];
};

export type SessionForm = UseFormReturnType<SessionFormValues>;
