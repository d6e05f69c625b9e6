import { randomId } from '@mantine/hooks';
import { actionTypes, phases, type Pathway, type StepsInput } from '../../src-main/contract';

export type Phase = (typeof phases)[number];
export type ActionType = (typeof actionTypes)[number];

/** An action as edited: `key` identifies the row on screen, `sessions` how many were held (read only). */
export interface ActionValues {
  key: string;
  id?: string;
  type: ActionType | null;
  title: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  budgetFcfa: number | string;
  sessions: number;
  /** Of which held (the others are still to come). */
  held: number;
}

export interface StepValues {
  key: string;
  id?: string;
  phase: Phase;
  title: string;
  actions: ActionValues[];
}

export interface PlanValues {
  steps: StepValues[];
}

const phaseRank = (phase: Phase) => phases.indexOf(phase);

/** The saved plan as form values, steps kept in phase order (before, during, after). */
export function planFromPathway(p: Pathway): PlanValues {
  const steps = [...p.steps]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => phaseRank(a.s.phase) - phaseRank(b.s.phase) || a.i - b.i)
    .map(({ s }) => ({
      key: s.id,
      id: s.id,
      phase: s.phase,
      title: s.title,
      actions: s.actions.map((a) => ({
        key: a.id,
        id: a.id,
        type: a.type,
        title: a.title,
        plannedStart: a.plannedStart,
        plannedEnd: a.plannedEnd,
        budgetFcfa: a.budgetFcfa,
        sessions: a.sessions.length,
        held: a.sessions.filter((h) => h.held).length,
      })),
    }));
  return { steps };
}

/** What the core receives: the ids of what already exists, so its sessions stay attached. */
export function planInput(pathwayId: string, values: PlanValues): StepsInput {
  return {
    pathwayId,
    steps: values.steps.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      phase: s.phase,
      title: s.title,
      actions: s.actions.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        type: a.type as ActionType,
        title: a.title,
        plannedStart: a.plannedStart as string,
        plannedEnd: a.plannedEnd as string,
        budgetFcfa: a.budgetFcfa as number,
      })),
    })),
  };
}

export const newStep = (phase: Phase): StepValues => ({ key: randomId(), phase, title: '', actions: [] });

export const newAction = (): ActionValues => ({
  key: randomId(),
  type: null,
  title: '',
  plannedStart: null,
  plannedEnd: null,
  budgetFcfa: '',
  sessions: 0,
  held: 0,
});

/** Where a new step of a phase goes: after the steps of that phase and those before it. */
export const insertionIndex = (steps: StepValues[], phase: Phase) =>
  steps.filter((s) => phaseRank(s.phase) <= phaseRank(phase)).length;

export const stepBudget = (s: StepValues) =>
  s.actions.reduce((sum, a) => sum + (typeof a.budgetFcfa === 'number' ? a.budgetFcfa : 0), 0);
