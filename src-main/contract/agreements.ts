import { z } from 'zod';
import {
  choiceError,
  typeError,
  fcfa,
  id,
  isoDate,
  optionalText,
  page,
  requiredText,
  sortedListInput,
} from './common';

export const agreementStatuses = ['active', 'closed', 'terminated'] as const;
export const agreementStatus = z.enum(agreementStatuses, choiceError);

/** A duration in months with one decimal at most, as agreements state it (19,2 months). */
export const months = z
  .number(typeError('errors.numberRequired'))
  .min(0.1, { error: 'errors.durationMin' })
  .max(240, { error: 'errors.durationMax' })
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, { error: 'errors.oneDecimal' });

export const agreementFields = z
  .strictObject({
    number: requiredText(60),
    signedOn: isoDate,
    durationMonths: months,
    endOn: isoDate.nullish().transform((s) => s ?? null),
    amountFcfa: fcfa,
    status: agreementStatus.default('active'),
    terminationReason: optionalText(1000),
    notes: optionalText(4000),
  })
  .refine((v) => v.status !== 'terminated' || v.terminationReason, {
    path: ['terminationReason'],
    error: 'errors.reasonRequired',
  })
  .refine((v) => !v.endOn || v.endOn >= v.signedOn, {
    path: ['endOn'],
    error: 'errors.endBeforeStart',
  });
export type AgreementFields = z.input<typeof agreementFields>;

export const agreement = z.object({
  id: z.string(),
  organisationId: z.string(),
  number: z.string(),
  signedOn: z.string(),
  durationMonths: z.number(),
  /** The end date as entered, null when it is computed. */
  endOnEntered: z.string().nullable(),
  /** The end date in force: entered, or computed from signature and duration. */
  endOn: z.string(),
  amountFcfa: z.number().int(),
  amountEur: z.number(),
  status: agreementStatus,
  /** Still active although its end date has passed: shown as « échue », not counted as in force. */
  expired: z.boolean(),
  terminationReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof agreement>;

export const agreementTotals = z.object({
  count: z.number().int(),
  amountFcfa: z.number().int(),
  amountEur: z.number(),
  /** In force: active and not past their end date. */
  activeCount: z.number().int(),
  activeAmountFcfa: z.number().int(),
  /** Active but past their end date (« échues »): counted apart, never as in force. */
  expiredCount: z.number().int(),
  expiredAmountFcfa: z.number().int(),
});
export type AgreementTotals = z.infer<typeof agreementTotals>;

export const agreementSortKeys = ['signedOn', 'number', 'amountFcfa', 'organisation', 'status'] as const;

export const listAgreementsInput = sortedListInput(
  { status: agreementStatus.optional(), organisationId: id.optional() },
  agreementSortKeys,
  'signedOn',
  'desc',
);
export type ListAgreementsInput = z.input<typeof listAgreementsInput>;

export const agreementRow = agreement.extend({
  organisationName: z.string(),
  organisationAcronym: z.string().nullable(),
});

export const agreementPage = page(agreementRow).extend({ totals: agreementTotals });

export const createAgreementInput = z.strictObject({ organisationId: id, fields: agreementFields });
export const updateAgreementInput = z.strictObject({ id, fields: agreementFields });
