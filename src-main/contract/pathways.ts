import { z } from 'zod';
import { choiceError, fcfa, id, isoDate, optionalText, requiredText } from './common';
import { participant } from './participants';

// ── Skills pathways ──────────────────────────────────────────────────────────────

export const pathwayStatuses = [
  'draft',
  'submitted',
  'approved',
  'in_progress',
  'completed',
  'suspended',
] as const;
export type PathwayStatus = (typeof pathwayStatuses)[number];
/** The workflow: which status may follow which. Suspension needs a reason; a suspended pathway resumes in progress. */
export const pathwayTransitions: Record<PathwayStatus, PathwayStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['in_progress', 'suspended'],
  in_progress: ['completed', 'suspended'],
  completed: [],
  suspended: ['in_progress'],
};
export const phases = ['before', 'during', 'after'] as const;
export const actionTypes = [
  'training_session',
  'exchange_workshop',
  'deepening_workshop',
  'conference_debate',
  'coaching',
  'awareness_session',
  'study_trip',
  'peer_exchange',
] as const;

export const pathwayFields = z
  .strictObject({
    organisationId: id,
    title: requiredText(200),
    needIds: z.array(id).max(50).default([]),
    targetSkills: optionalText(4000),
    performanceObjective: optionalText(2000),
    startsOn: isoDate,
    endsOn: isoDate,
    budgetFcfa: fcfa,
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], error: 'errors.endBeforeStart' });
export type PathwayFields = z.input<typeof pathwayFields>;

export const actionFields = z
  .strictObject({
    id: id.optional(),
    type: z.enum(actionTypes, choiceError),
    title: requiredText(200),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    budgetFcfa: fcfa,
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, { path: ['plannedEnd'], error: 'errors.endBeforeStart' });

export const stepsInput = z.strictObject({
  pathwayId: id,
  /** The whole ordered plan, saved in one go. */
  steps: z
    .array(
      z.strictObject({
        id: id.optional(),
        phase: z.enum(phases, choiceError),
        title: requiredText(200),
        actions: z.array(actionFields).max(50),
      }),
    )
    .max(30),
});
export type StepsInput = z.input<typeof stepsInput>;

export const changePathwayStatusInput = z
  .strictObject({
    id,
    status: z.enum(pathwayStatuses, choiceError),
    on: isoDate,
    reference: optionalText(200),
    reason: optionalText(1000),
  })
  .refine((v) => v.status !== 'suspended' || v.reason, { path: ['reason'], error: 'errors.reasonRequired' })
  .refine((v) => v.status !== 'approved' || v.reference, { path: ['reference'], error: 'errors.required' });

export const pathwayAction = z.object({
  id: z.string(),
  type: z.enum(actionTypes),
  title: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  budgetFcfa: z.number().int(),
  /** Sessions of this action, held (first day on or before today) or still planned. */
  sessions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      firstDay: z.string().nullable(),
      lastDay: z.string().nullable(),
      costFcfa: z.number().int(),
      held: z.boolean(),
    }),
  ),
});
export const pathway = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  title: z.string(),
  needs: z.array(z.object({ id: z.string(), domainCode: z.string(), description: z.string() })),
  targetSkills: z.string().nullable(),
  performanceObjective: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  budgetFcfa: z.number().int(),
  plannedActionsBudgetFcfa: z.number().int(),
  spentFcfa: z.number().int(),
  status: z.enum(pathwayStatuses),
  approvedOn: z.string().nullable(),
  approvalReference: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  participants: z.array(participant),
  steps: z.array(
    z.object({ id: z.string(), phase: z.enum(phases), title: z.string(), actions: z.array(pathwayAction) }),
  ),
});
export type Pathway = z.infer<typeof pathway>;

export const pathwaySummary = pathway
  .pick({
    id: true,
    organisationId: true,
    organisationName: true,
    title: true,
    startsOn: true,
    endsOn: true,
    budgetFcfa: true,
    status: true,
  })
  .extend({ participantsCount: z.number().int(), actionsCount: z.number().int() });

export const listPathwaysInput = z.strictObject({ organisationId: id.optional() });
export const updatePathwayInput = z.strictObject({ id, fields: pathwayFields });
export const enrolInput = z.strictObject({ pathwayId: id, participantIds: z.array(id).min(1).max(500) });
export const unenrolInput = z.strictObject({ pathwayId: id, participantId: id });
