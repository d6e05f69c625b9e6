import { z } from 'zod';
import { choiceError, fcfa, id, isoDate, optionalText, page, pageInput, requiredText } from './common';
import { participant, sex } from './participants';

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

export const sessionPage = page(sessionSummary);

export const updateSessionInput = z.strictObject({ id, fields: sessionFields });
export const addParticipantsInput = z.strictObject({
  sessionId: id,
  participantIds: z.array(id).min(1).max(500),
  walkIn: z.boolean(),
});
export const removeParticipantInput = z.strictObject({ sessionId: id, participantId: id });
