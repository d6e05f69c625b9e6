import { z } from 'zod';
import { choiceError, id, isoDate, optionalText, requiredText, typeError } from './common';
import { organisationStatus, organisationType } from './organisations';

// ── Criteria sets (validated ex-ante by the steering committee) ──────────────────

export const eligibilityRules = z.strictObject({
  requireCompletedDiagnostic: z.boolean().default(true),
  /** Programme statuses an organisation must have to be added as a candidate. */
  allowedStatuses: z
    .array(organisationStatus)
    .min(1, { error: 'errors.required' })
    .default(['diagnosed', 'candidate']),
  /** Types of organisation admitted; empty means all. */
  allowedTypes: z.array(organisationType).default([]),
});

export const criteriaSetFields = z
  .strictObject({
    name: requiredText(200),
    scoreMax: z.number(typeError('errors.numberRequired')).int().min(2).max(20).default(5),
    criteria: z
      .array(
        z.strictObject({
          name: requiredText(300),
          description: optionalText(1000),
          weight: z
            .number(typeError('errors.numberRequired'))
            .int({ error: 'errors.wholeNumber' })
            .min(1, { error: 'errors.weightMin' })
            .max(100),
        }),
      )
      .min(1, { error: 'errors.criteriaRequired' })
      .max(30),
    eligibility: eligibilityRules,
  })
  .refine((v) => v.criteria.reduce((sum, c) => sum + (c.weight || 0), 0) === 100, {
    path: ['criteria'],
    error: 'errors.weightsTotal',
  });
export type CriteriaSetFields = z.input<typeof criteriaSetFields>;

export const criteriaSet = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  previousVersionId: z.string().nullable(),
  scoreMax: z.number().int(),
  status: z.enum(['draft', 'validated']),
  validatedOn: z.string().nullable(),
  validationReference: z.string().nullable(),
  eligibility: eligibilityRules,
  criteria: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      name: z.string(),
      description: z.string().nullable(),
      weight: z.number().int(),
    }),
  ),
  roundsCount: z.number().int(),
  createdAt: z.string(),
});
export type CriteriaSet = z.infer<typeof criteriaSet>;

export const validateCriteriaSetInput = z.strictObject({
  id,
  validatedOn: isoDate,
  validationReference: requiredText(200),
});

// ── Rounds (committee meetings) ─────────────────────────────────────────────────

export const memberRoles = ['chair', 'member', 'rapporteur', 'observer'] as const;
/** Observers attend but do not score. */
export const scoringRoles: readonly (typeof memberRoles)[number][] = ['chair', 'member', 'rapporteur'];
export const decisions = ['selected', 'waiting_list', 'not_selected'] as const;
export type Decision = (typeof decisions)[number];

export const roundFields = z.strictObject({
  title: requiredText(200),
  criteriaSetId: id,
  meetingOn: isoDate,
  place: optionalText(200),
  /** Minimum number of present scoring members for decisions to be recorded. */
  quorum: z.number(typeError('errors.numberRequired')).int().min(1, { error: 'errors.quorumMin' }).max(50),
  notes: optionalText(4000),
});
export type RoundFields = z.input<typeof roundFields>;

export const memberFields = z.strictObject({
  name: requiredText(120),
  role: z.enum(memberRoles, choiceError),
  institution: optionalText(200),
  present: z.boolean().default(true),
});
export type MemberFields = z.input<typeof memberFields>;

/** A member's score on a criterion: a whole number from 0 to the grid's maximum (checked against the grid). */
export const criterionScore = z
  .number(typeError('errors.numberRequired'))
  .int({ error: 'errors.wholeNumber' })
  .min(0, { error: 'errors.scoreOutOfScale' });

export const recordScoresInput = z.strictObject({
  roundId: id,
  memberId: id,
  candidateId: id,
  /** A declared conflict of interest: the member does not score this candidate. */
  conflictOfInterest: z.boolean(),
  conflictReason: optionalText(500),
  scores: z.array(z.strictObject({ criterionId: id, score: criterionScore.nullable() })).max(30),
});
export type RecordScoresInput = z.input<typeof recordScoresInput>;

export const decideInput = z.strictObject({
  roundId: id,
  candidateId: id,
  decision: z.enum(decisions, choiceError),
  justification: requiredText(2000),
});

export const concludeRoundInput = z.strictObject({
  id,
  consensus: z.boolean(typeError('errors.required')),
  steeringValidatedOn: isoDate.nullish().transform((v) => v ?? null),
  steeringReference: optionalText(200),
});

export const roundSummary = z.object({
  id: z.string(),
  title: z.string(),
  meetingOn: z.string(),
  criteriaSetName: z.string(),
  criteriaSetVersion: z.number().int(),
  candidatesCount: z.number().int(),
  decidedCount: z.number().int(),
  consensus: z.boolean().nullable(),
  steeringValidatedOn: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

const criterionResult = z.object({
  criterionId: z.string(),
  /** Mean of the scoring members' scores, on the set's scale. */
  mean: z.number().nullable(),
  scores: z.array(z.object({ memberId: z.string(), score: z.number().int().nullable() })),
});

export const candidateResult = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationAcronym: z.string().nullable(),
  organisationStatus: organisationStatus,
  criteria: z.array(criterionResult),
  /** Weighted total out of 100. */
  total: z.number().nullable(),
  /** Competition ranking: equal totals share a rank (1, 2, 2, 4). */
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  complete: z.boolean(),
  conflicts: z.array(z.object({ memberId: z.string(), reason: z.string().nullable() })),
  decision: z.enum(decisions).nullable(),
  justification: z.string().nullable(),
});
export type CandidateResult = z.infer<typeof candidateResult>;

export const round = z.object({
  id: z.string(),
  title: z.string(),
  meetingOn: z.string(),
  place: z.string().nullable(),
  quorum: z.number().int(),
  notes: z.string().nullable(),
  consensus: z.boolean().nullable(),
  steeringValidatedOn: z.string().nullable(),
  steeringReference: z.string().nullable(),
  criteriaSet: criteriaSet,
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(memberRoles),
      institution: z.string().nullable(),
      present: z.boolean(),
      scores: z.boolean(),
    }),
  ),
  presentScoringMembers: z.number().int(),
  quorumReached: z.boolean(),
  candidates: z.array(candidateResult),
});
export type Round = z.infer<typeof round>;

export const eligibilityRow = z.object({
  organisationId: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  status: organisationStatus,
  eligible: z.boolean(),
  /** i18n keys of the rules the organisation does not meet. */
  reasons: z.array(z.string()),
  alreadyCandidate: z.boolean(),
});
export type EligibilityRow = z.infer<typeof eligibilityRow>;

export const updateCriteriaSetInput = z.strictObject({ id, fields: criteriaSetFields });
export const updateRoundInput = z.strictObject({ id, fields: roundFields });
export const addMemberInput = z.strictObject({ roundId: id, fields: memberFields });
export const updateMemberInput = z.strictObject({ id, fields: memberFields });
export const addCandidateInput = z.strictObject({ roundId: id, organisationId: id });
export const removeCandidateInput = z.strictObject({ roundId: id, candidateId: id });
