import { z } from 'zod';
import {
  choiceError,
  fcfa,
  id,
  isoDate,
  optionalText,
  page,
  pageInput,
  requiredText,
  sortDirection,
  typeError,
} from './common';
import { documentInfo } from './diagnostics';

// ── Participants: one identity per person across pathways and sessions ──────────

export const sexes = ['F', 'M'] as const;
export const sex = z.enum(sexes, choiceError);
export type Sex = z.infer<typeof sex>;
export const ageBands = ['under_25', '25_34', '35_49', '50_plus'] as const;

export const participantFields = z.strictObject({
  organisationId: id,
  firstName: requiredText(80),
  lastName: requiredText(80),
  sex,
  ageBand: z
    .enum(ageBands)
    .nullish()
    .transform((v) => v ?? null),
  position: optionalText(120),
  decisionMaker: z.boolean().default(false),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ().-]*$/, { error: 'errors.phoneInvalid' })
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type ParticipantFields = z.input<typeof participantFields>;

export const participant = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationAcronym: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  sex,
  ageBand: z.enum(ageBands).nullable(),
  position: z.string().nullable(),
  decisionMaker: z.boolean(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export type Participant = z.infer<typeof participant>;

export const createParticipantInput = z.strictObject({
  fields: participantFields,
  /** Set after the user has seen the likely duplicates and confirmed this is someone else. */
  confirmedNotDuplicate: z.boolean().default(false),
});

export const listParticipantsInput = z.strictObject({
  search: z.string().trim().max(200).default(''),
  organisationId: id.optional(),
  sex: sex.optional(),
  sort: z.enum(['name', 'organisation', 'createdAt']).default('name'),
  direction: sortDirection,
  ...pageInput,
});
export type ListParticipantsInput = z.input<typeof listParticipantsInput>;

// ── Training module library ──────────────────────────────────────────────────────

export const moduleFields = z.strictObject({
  title: requiredText(200),
  theme: optionalText(120),
  objectives: optionalText(4000),
  durationHours: z
    .number(typeError('errors.numberRequired'))
    .min(0.5, { error: 'errors.durationHoursMin' })
    .max(1000),
  targetPublic: optionalText(1000),
});
export type ModuleFields = z.input<typeof moduleFields>;

export const trainingModule = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  objectives: z.string().nullable(),
  durationHours: z.number(),
  targetPublic: z.string().nullable(),
  materials: z.array(documentInfo),
  sessionsCount: z.number().int(),
});
export type TrainingModule = z.infer<typeof trainingModule>;

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

// ── Training-action sessions, attendance and evaluations ─────────────────────────

export const sessionPhases = ['classroom', 'workplace_support', 'coaching'] as const;
export const attendanceStatuses = ['present', 'absent', 'late', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const trainerKinds = ['internal', 'external'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'errors.timeInvalid' });

export const sessionFields = z
  .strictObject({
    title: requiredText(200),
    pathwayActionId: id.nullish().transform((v) => v ?? null),
    moduleId: id.nullish().transform((v) => v ?? null),
    phase: z.enum(sessionPhases, choiceError),
    region: optionalText(80),
    commune: optionalText(80),
    venue: optionalText(200),
    costFcfa: fcfa.default(0),
    days: z
      .array(
        z.strictObject({
          id: id.optional(),
          date: isoDate,
          startTime: time,
          endTime: time,
          halfDay: z.boolean().default(false),
        }),
      )
      .min(1, { error: 'errors.daysRequired' })
      .max(60),
    trainers: z
      .array(z.strictObject({ name: requiredText(120), sex, kind: z.enum(trainerKinds, choiceError) }))
      .max(20),
  })
  .superRefine((v, ctx) => {
    v.days.forEach((d, i) => {
      if (d.endTime <= d.startTime)
        ctx.addIssue({ code: 'custom', path: ['days', i, 'endTime'], message: 'errors.endBeforeStart' });
    });
    const dates = v.days.map((d) => d.date);
    dates.forEach((d, i) => {
      if (dates.indexOf(d) !== i)
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'errors.duplicateDay' });
    });
  });
export type SessionFields = z.input<typeof sessionFields>;

export const sessionDay = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  halfDay: z.boolean(),
});

export const session = z.object({
  id: z.string(),
  title: z.string(),
  pathwayActionId: z.string().nullable(),
  pathway: z
    .object({ id: z.string(), title: z.string(), organisationName: z.string(), actionTitle: z.string() })
    .nullable(),
  moduleId: z.string().nullable(),
  moduleTitle: z.string().nullable(),
  phase: z.enum(sessionPhases),
  region: z.string().nullable(),
  commune: z.string().nullable(),
  venue: z.string().nullable(),
  costFcfa: z.number().int(),
  days: z.array(sessionDay),
  trainers: z.array(z.object({ name: z.string(), sex, kind: z.enum(trainerKinds) })),
  participants: z.array(participant.extend({ walkIn: z.boolean() })),
  attendance: z.array(
    z.object({ dayId: z.string(), participantId: z.string(), status: z.enum(attendanceStatuses) }),
  ),
  evaluations: z.array(
    z.object({
      participantId: z.string(),
      satisfaction: z.number().int().nullable(),
      preScore: z.number().nullable(),
      postScore: z.number().nullable(),
      gain: z.number().nullable(),
    }),
  ),
  figures: z.object({
    personDays: z.number(),
    personDaysWomen: z.number(),
    personDaysMen: z.number(),
    participantsWomen: z.number().int(),
    participantsMen: z.number().int(),
    /** Mean of the participants' satisfaction (1–5). */
    satisfaction: z.number().nullable(),
    /** Mean gain of the participants with both tests. */
    meanGain: z.number().nullable(),
  }),
});
export type Session = z.infer<typeof session>;

export const sessionSummary = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.enum(sessionPhases),
  organisationName: z.string().nullable(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  daysCount: z.number().int(),
  participantsCount: z.number().int(),
  region: z.string().nullable(),
  venue: z.string().nullable(),
});

export const recordAttendanceInput = z.strictObject({
  sessionId: id,
  /** The whole register (or part of it): one line per participant and day, written in one transaction. */
  marks: z
    .array(z.strictObject({ dayId: id, participantId: id, status: z.enum(attendanceStatuses).nullable() }))
    .max(20_000),
});
export type RecordAttendanceInput = z.input<typeof recordAttendanceInput>;

export const recordEvaluationsInput = z.strictObject({
  sessionId: id,
  evaluations: z
    .array(
      z.strictObject({
        participantId: id,
        satisfaction: z
          .number()
          .int()
          .min(1, { error: 'errors.satisfactionScale' })
          .max(5, { error: 'errors.satisfactionScale' })
          .nullable(),
        preScore: z
          .number()
          .min(0, { error: 'errors.testScale' })
          .max(100, { error: 'errors.testScale' })
          .nullable(),
        postScore: z
          .number()
          .min(0, { error: 'errors.testScale' })
          .max(100, { error: 'errors.testScale' })
          .nullable(),
      }),
    )
    .max(2000),
});

export const listSessionsInput = z.strictObject({
  /** A month as `YYYY-MM` for the calendar, or nothing for the paginated list. */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  pathwayId: id.optional(),
  search: z.string().trim().max(200).default(''),
  ...pageInput,
});
export type ListSessionsInput = z.input<typeof listSessionsInput>;

export const sessionPage = page(sessionSummary);
