import { z } from 'zod';
import { choiceError, id, optionalText, page, requiredText, sortedListInput } from './common';

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

export const listParticipantsInput = sortedListInput(
  { organisationId: id.optional(), sex: sex.optional() },
  ['name', 'organisation', 'createdAt'],
  'name',
);
export type ListParticipantsInput = z.input<typeof listParticipantsInput>;

export const participantPage = page(participant);
export const updateParticipantInput = z.strictObject({ id, fields: participantFields });
