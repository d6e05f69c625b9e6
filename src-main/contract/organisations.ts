import { z } from 'zod';
import { choiceError, count, id, isoDate, optionalText, page, requiredText, sortedListInput } from './common';
import { agreement, agreementTotals } from './agreements';

export const organisationTypes = [
  'std', // service technique déconcentré de l'État
  'local_government', // collectivité territoriale : commune, cercle, région
  'csu', // OSC faîtière
  'ngo',
  'community_association', // e.g. ASACO
  'women_group',
  'consular_chamber',
  'public_institution', // autonome / parapublique
  'private_provider',
] as const;
export const organisationType = z.enum(organisationTypes, choiceError);

export const levels = ['central', 'regional', 'local'] as const;
export const level = z.enum(levels, choiceError);

export const sectors = [
  'decentralisation',
  'rural_development',
  'gender',
  'environment',
  'health',
  'vocational_training',
  'digital',
] as const;
export const sector = z.enum(sectors);

export const organisationStatuses = [
  'identified',
  'diagnosed',
  'candidate',
  'selected',
  'waiting_list',
  'not_selected',
  'in_pathway',
  'completed',
  'suspended',
  'withdrawn',
] as const;
export const organisationStatus = z.enum(organisationStatuses, choiceError);
/** Statuses that can only be entered with a reason (e.g. insecurity). */
export const statusesNeedingReason: readonly OrganisationStatus[] = ['suspended', 'withdrawn'];
export type OrganisationStatus = z.infer<typeof organisationStatus>;

export const organisationFields = z.strictObject({
  name: requiredText(200),
  acronym: optionalText(40),
  type: organisationType,
  level: level,
  region: optionalText(80),
  cercle: optionalText(80),
  commune: optionalText(80),
  sectors: z.array(sector).max(sectors.length).default([]),
  mandate: optionalText(4000),
  keyFunctions: optionalText(4000),
  staffWomen: count.default(0),
  staffMen: count.default(0),
  contactName: optionalText(120),
  contactPosition: optionalText(120),
  contactPhone: optionalText(40),
  contactEmail: z
    .union([z.literal(''), z.email({ error: 'errors.emailInvalid' }).max(200)])
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type OrganisationFields = z.input<typeof organisationFields>;

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: organisationType,
  level: level,
  region: z.string().nullable(),
  cercle: z.string().nullable(),
  commune: z.string().nullable(),
  sectors: z.array(sector),
  mandate: z.string().nullable(),
  keyFunctions: z.string().nullable(),
  staffWomen: z.number().int(),
  staffMen: z.number().int(),
  contactName: z.string().nullable(),
  contactPosition: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  status: organisationStatus,
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisation>;

export const statusChange = z.object({
  id: z.string(),
  fromStatus: organisationStatus.nullable(),
  toStatus: organisationStatus,
  changedOn: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const organisationSortKeys = [
  'name',
  'type',
  'region',
  'status',
  'agreementsTotal',
  'updatedAt',
] as const;

export const listOrganisationsInput = sortedListInput(
  {
    type: organisationType.optional(),
    level: level.optional(),
    region: z.string().max(80).optional(),
    status: organisationStatus.optional(),
    archived: z.boolean().default(false),
  },
  organisationSortKeys,
  'name',
);
export type ListOrganisationsInput = z.input<typeof listOrganisationsInput>;

export const organisationRow = organisation
  .pick({
    id: true,
    name: true,
    acronym: true,
    type: true,
    level: true,
    region: true,
    status: true,
    staffWomen: true,
    staffMen: true,
    archivedAt: true,
    updatedAt: true,
  })
  .extend({ agreementsCount: z.number().int(), agreementsTotalFcfa: z.number().int() });

export const changeStatusInput = z
  .strictObject({
    id,
    status: organisationStatus,
    changedOn: isoDate,
    reason: optionalText(1000),
  })
  .refine((v) => !statusesNeedingReason.includes(v.status) || v.reason, {
    path: ['reason'],
    error: 'errors.reasonRequired',
  });
export type ChangeStatusInput = z.input<typeof changeStatusInput>;

export const organisationPage = page(organisationRow).extend({ totals: agreementTotals });
export const organisationDetail = organisation.extend({
  statusHistory: z.array(statusChange),
  agreements: z.array(agreement),
  agreementTotals,
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;
export const updateOrganisationInput = z.strictObject({ id, fields: organisationFields });
