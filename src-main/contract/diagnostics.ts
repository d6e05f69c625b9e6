import { z } from 'zod';
import { choiceError, id, isoDate, optionalText, plainText, requiredText, typeError } from './common';
import { documentInfo, documentInput } from './documents';

// ── Assessment frameworks (versioned) ────────────────────────────────────────────

export const frameworkCriterionFields = z.strictObject({
  name: requiredText(300),
  /** One French descriptor per level of the scale, lowest first. */
  descriptors: z.array(requiredText(500)).min(2).max(10),
});

export const frameworkDomainFields = z.strictObject({
  /** Stable across versions: diagnostics made with different versions are compared by code. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/, { error: 'errors.codeFormat' }),
  name: requiredText(200),
  criteria: z.array(frameworkCriterionFields).min(1, { error: 'errors.domainNeedsCriterion' }).max(30),
});

export const frameworkVersionFields = z
  .strictObject({
    frameworkId: id,
    scaleMin: z.number().int().min(0).max(1),
    scaleMax: z.number().int().min(2).max(10),
    notes: optionalText(2000),
    domains: z.array(frameworkDomainFields).min(1).max(30),
  })
  .superRefine((v, ctx) => {
    const size = v.scaleMax - v.scaleMin + 1;
    v.domains.forEach((d, i) =>
      d.criteria.forEach((c, j) => {
        if (c.descriptors.length !== size) {
          ctx.addIssue({
            code: 'custom',
            path: ['domains', i, 'criteria', j, 'descriptors'],
            message: 'errors.descriptorsCount',
          });
        }
      }),
    );
    const codes = v.domains.map((d) => d.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i)
        ctx.addIssue({ code: 'custom', path: ['domains', i, 'code'], message: 'errors.duplicateCode' });
    });
  });
export type FrameworkVersionFields = z.input<typeof frameworkVersionFields>;

export const frameworkCriterion = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  descriptors: z.array(z.string()),
});
export const frameworkDomain = z.object({
  id: z.string(),
  code: z.string(),
  position: z.number().int(),
  name: z.string(),
  criteria: z.array(frameworkCriterion),
});
export const frameworkVersion = z.object({
  id: z.string(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  version: z.number().int(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  domains: z.array(frameworkDomain),
  diagnosticsCount: z.number().int(),
});
export type FrameworkVersion = z.infer<typeof frameworkVersion>;
export type FrameworkDomain = z.infer<typeof frameworkDomain>;

export const frameworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  currentVersionId: z.string(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      createdAt: z.string(),
      diagnosticsCount: z.number().int(),
    }),
  ),
});

// ── Diagnostics ──────────────────────────────────────────────────────────────────

export const diagnosticMethods = [
  'facilitated_self_assessment',
  'external_assessment',
  'peer_review',
  'mixed',
] as const;
export const diagnosticLevels = ['individual', 'organisational', 'institutional'] as const;
export const diagnosticStatuses = ['draft', 'completed'] as const;
/** The technical committee's rating of the HR development plan. */
export const hrPlanRatings = ['insufficient', 'to_improve', 'satisfactory', 'good'] as const;

export const diagnosticFields = z.strictObject({
  conductedOn: isoDate,
  assessors: requiredText(500),
  method: z.enum(diagnosticMethods, choiceError),
  level: z.enum(diagnosticLevels, choiceError),
  notes: optionalText(4000),
  scores: z
    .array(
      z.strictObject({
        criterionId: id,
        score: z.number().int().nullable(),
        evidence: optionalText(2000),
      }),
    )
    .max(500),
  needs: z
    .array(
      z.strictObject({
        domainCode: plainText(typeError('errors.required')).min(1, { error: 'errors.required' }).max(40),
        description: requiredText(1000),
      }),
    )
    .max(50),
  hrPlanRating: z
    .enum(hrPlanRatings)
    .nullish()
    .transform((v) => v ?? null),
  hrPlanComment: optionalText(2000),
});
export type DiagnosticFields = z.input<typeof diagnosticFields>;

export const domainScore = z.object({
  code: z.string(),
  name: z.string(),
  /** Mean of the domain's scored criteria, on the version's scale; null when none is scored. */
  score: z.number().nullable(),
  scored: z.number().int(),
  criteria: z.number().int(),
});
export type DomainScore = z.infer<typeof domainScore>;

export const diagnosticSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  conductedOn: z.string(),
  status: z.enum(diagnosticStatuses),
  method: z.enum(diagnosticMethods),
  level: z.enum(diagnosticLevels),
  assessors: z.string(),
  frameworkVersion: z.number().int(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  /** Mean of the domain scores; null until a criterion is scored. */
  index: z.number().nullable(),
  isBaseline: z.boolean(),
});
export type DiagnosticSummary = z.infer<typeof diagnosticSummary>;

export const diagnostic = diagnosticSummary.extend({
  organisationName: z.string(),
  frameworkVersionId: z.string(),
  notes: z.string().nullable(),
  completedAt: z.string().nullable(),
  domains: z.array(frameworkDomain),
  scores: z.array(
    z.object({
      criterionId: z.string(),
      score: z.number().int().nullable(),
      evidence: z.string().nullable(),
    }),
  ),
  needs: z.array(
    z.object({ id: z.string(), domainCode: z.string(), priority: z.number().int(), description: z.string() }),
  ),
  domainScores: z.array(domainScore),
  hrPlan: documentInfo.nullable(),
  hrPlanRating: z.enum(hrPlanRatings).nullable(),
  hrPlanComment: z.string().nullable(),
});
export type Diagnostic = z.infer<typeof diagnostic>;

export const diagnosticComparison = z.object({
  baseline: diagnosticSummary.nullable(),
  latest: diagnosticSummary.nullable(),
  /** One row per domain code present in either diagnostic. */
  domains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      baseline: z.number().nullable(),
      latest: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
  indexChange: z.number().nullable(),
});
export type DiagnosticComparison = z.infer<typeof diagnosticComparison>;

export const createDiagnosticInput = z.strictObject({
  organisationId: id,
  frameworkVersionId: id.optional(),
  fields: diagnosticFields,
});
export const updateDiagnosticInput = z.strictObject({ id, fields: diagnosticFields });
export const attachHrPlanInput = z.strictObject({ id, document: documentInput });
