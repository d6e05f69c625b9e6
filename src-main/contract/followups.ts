import { z } from 'zod';
import { choiceError, id, isoDate, optionalText, page, pageInput } from './common';
import { documentInfo, documentInput } from './documents';

export const followUpStatuses = ['scheduled', 'done', 'cancelled'] as const;
export const followUpMethods = ['visit', 'phone', 'workshop'] as const;
export const skillsApplied = ['not', 'partly', 'fully'] as const;

export const followUpSettings = z.strictObject({
  /** Months after the end of a session or a pathway at which each participant is followed up. */
  offsetsMonths: z
    .array(z.number().int().min(1, { error: 'errors.offsetMin' }).max(36))
    .min(1, { error: 'errors.required' })
    .max(6)
    .refine((v) => new Set(v).size === v.length, { error: 'errors.offsetDuplicate' }),
});
export type FollowUpSettings = z.infer<typeof followUpSettings>;

export const followUp = z.object({
  id: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  participantSex: z.enum(['F', 'M']),
  organisationId: z.string(),
  organisationName: z.string(),
  region: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  pathwayId: z.string().nullable(),
  pathwayTitle: z.string().nullable(),
  offsetMonths: z.number().int(),
  dueOn: z.string(),
  status: z.enum(followUpStatuses),
  trainerName: z.string().nullable(),
  reason: z.string().nullable(),
  doneOn: z.string().nullable(),
  method: z.enum(followUpMethods).nullable(),
  skillsApplied: z.enum(skillsApplied).nullable(),
  evidence: z.string().nullable(),
  obstacles: z.string().nullable(),
  supportNeeded: z.string().nullable(),
  changeObserved: z.string().nullable(),
  coachingActionId: z.string().nullable(),
  attachments: z.array(documentInfo),
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

export const listFollowUpsInput = z.strictObject({
  /** due: scheduled and due within the next 30 days or overdue; overdue: past due. */
  view: z.enum(['due', 'overdue', 'scheduled', 'done', 'cancelled', 'all']).default('due'),
  trainerName: z.string().max(120).optional(),
  organisationId: id.optional(),
  region: z.string().max(80).optional(),
  ...pageInput,
});
export type ListFollowUpsInput = z.input<typeof listFollowUpsInput>;

export const recordFollowUpInput = z.strictObject({
  id,
  doneOn: isoDate,
  method: z.enum(followUpMethods, choiceError),
  skillsApplied: z.enum(skillsApplied, choiceError),
  evidence: optionalText(4000),
  obstacles: optionalText(4000),
  supportNeeded: optionalText(4000),
  changeObserved: optionalText(4000),
  /** Turns the support needed into a coaching action in the "after" step of the participant's pathway. */
  createCoachingAction: z.boolean().default(false),
  attachments: z.array(documentInput).max(10).default([]),
});
export type RecordFollowUpInput = z.input<typeof recordFollowUpInput>;

export const rescheduleFollowUpInput = z.strictObject({
  id,
  dueOn: isoDate,
  trainerName: optionalText(120),
  reason: optionalText(1000).refine((v) => v !== null, { error: 'errors.reasonRequired' }),
});
export const cancelFollowUpInput = z.strictObject({
  id,
  reason: optionalText(1000).refine((v) => v !== null, { error: 'errors.reasonRequired' }),
});

export const followUpPage = page(followUp).extend({ trainers: z.array(z.string()) });
