import { z } from 'zod';
import {
  calendarYear,
  choiceError,
  id,
  isoDate,
  optionalText,
  page,
  requiredText,
  typeError,
} from './common';
import { organisationType } from './organisations';

/** Filters shared by every indicator, the dashboard and the reports. */
export const indicatorFilters = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  region: z.string().max(80).optional(),
  organisationType: organisationType.optional(),
  pathwayId: id.optional(),
  organisationId: id.optional(),
});
export type IndicatorFilters = z.input<typeof indicatorFilters>;

const bySex = z.object({ women: z.number(), men: z.number(), total: z.number() });
export type BySex = z.infer<typeof bySex>;

/** Every figure of the programme for a set of filters, computed from the records. */
export const programmeFigures = z.object({
  organisationsAccompanied: z.number().int(),
  womenOrganisationsSupported: z.number().int(),
  sessions: z.number().int(),
  participantsTrained: bySex,
  personDays: bySex,
  decisionMakersTrained: bySex,
  trainers: bySex,
  /** Shares are ratios 0–1, null when there is nothing to divide. */
  womenShareParticipants: z.number().nullable(),
  womenSharePersonDays: z.number().nullable(),
  womenShareDecisionMakers: z.number().nullable(),
  womenShareTrainers: z.number().nullable(),
  /** Women per man among people trained. */
  parityIndex: z.number().nullable(),
  /** Participants present on at least 80 % of the days of their sessions, among those registered. */
  completionRate: z.object({
    women: z.number().nullable(),
    men: z.number().nullable(),
    total: z.number().nullable(),
  }),
  /** Follow-ups done where the skills are applied partly or fully, among follow-ups done. */
  applicationRate: z.object({
    women: z.number().nullable(),
    men: z.number().nullable(),
    total: z.number().nullable(),
  }),
  applicationRate6Months: z.object({
    women: z.number().nullable(),
    men: z.number().nullable(),
    total: z.number().nullable(),
  }),
  /** The four levels: reaction (satisfaction 1–5), learning (gain in points), behaviour, results. */
  meanSatisfaction: z.number().nullable(),
  meanGain: z.number().nullable(),
  /** Mean change of the capacity index against the baseline, in points of %, for organisations diagnosed twice. */
  meanIndexChange: z.number().nullable(),
  /** Share of organisations diagnosed twice whose gender domain improved. */
  genderProgressShare: z.number().nullable(),
  followUpsDue: z.number().int(),
  followUpsOverdue: z.number().int(),
  followUpsDone: z.number().int(),
});
export type ProgrammeFigures = z.infer<typeof programmeFigures>;

/** The figures an indicator can be computed from (never typed over). */
export const computedKeys = [
  'organisationsAccompanied',
  'womenOrganisationsSupported',
  'participantsTrained',
  'personDays',
  'decisionMakersTrained',
  'womenShareParticipants',
  'womenSharePersonDays',
  'womenShareTrainers',
  'parityIndex',
  'completionRate',
  'applicationRate6Months',
  'meanSatisfaction',
  'meanGain',
  'meanIndexChange',
  'genderProgressShare',
] as const;
export type ComputedKey = (typeof computedKeys)[number];
export const units = ['number', 'percent', 'person_days', 'index', 'points'] as const;
/** Whether a higher or a lower value of an indicator is better. */
export const directions = ['higher', 'lower'] as const;

export const indicatorFields = z
  .strictObject({
    resultId: id,
    code: requiredText(20),
    name: requiredText(300),
    definition: optionalText(2000),
    unit: z.enum(units, choiceError),
    bySex: z.boolean().default(false),
    kind: z.enum(['computed', 'entered'], choiceError),
    computedKey: z
      .enum(computedKeys)
      .nullish()
      .transform((v) => v ?? null),
    baseline: z.number(typeError('errors.numberRequired')).nullable().default(null),
    /** Yearly targets: { "2025": 40 }. */
    targets: z.record(z.string().regex(/^\d{4}$/), z.number()).default({}),
    direction: z.enum(directions, choiceError).default('higher'),
  })
  .refine((v) => v.kind !== 'computed' || v.computedKey, { path: ['computedKey'], error: 'errors.required' });
export type IndicatorFields = z.input<typeof indicatorFields>;

export const indicatorValueInput = z.strictObject({
  indicatorId: id,
  year: calendarYear,
  sex: z
    .enum(['F', 'M'])
    .nullish()
    .transform((v) => v ?? null),
  value: z.number(typeError('errors.numberRequired')),
  source: requiredText(500),
  recordedOn: isoDate,
});

export const indicatorRow = z.object({
  id: z.string(),
  resultId: z.string(),
  code: z.string(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.enum(units),
  bySex: z.boolean(),
  kind: z.enum(['computed', 'entered']),
  computedKey: z.enum(computedKeys).nullable(),
  baseline: z.number().nullable(),
  targets: z.record(z.string(), z.number()),
  direction: z.enum(directions),
  /** The value for the year asked: computed from the data, or the last one entered. */
  value: z.object({ total: z.number().nullable(), women: z.number().nullable(), men: z.number().nullable() }),
  target: z.number().nullable(),
  /** The value reaches the target of the year, in the indicator's direction; null without both. */
  reached: z.boolean().nullable(),
  entered: z.array(
    z.object({
      id: z.string(),
      year: z.number().int(),
      sex: z.enum(['F', 'M']).nullable(),
      value: z.number(),
      source: z.string(),
      recordedOn: z.string(),
    }),
  ),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;

export const resultsFramework = z.object({
  year: z.number().int(),
  results: z.array(
    z.object({ id: z.string(), code: z.string(), title: z.string(), indicators: z.array(indicatorRow) }),
  ),
});
export type ResultsFramework = z.infer<typeof resultsFramework>;

/** People trained and person-days by sex in one group (a month, a type of organisation, a region). */
export const groupParticipation = z.object({
  group: z.string(),
  women: z.number().int(),
  total: z.number().int(),
  personDaysWomen: z.number(),
  personDays: z.number(),
});

/** The women's shares the programme aims at (0–1), from the results framework; null where none is set. */
export const shareTargets = z.object({
  womenShareParticipants: z.number().nullable(),
  womenSharePersonDays: z.number().nullable(),
});
export type ShareTargets = z.infer<typeof shareTargets>;

/** Everything the dashboard shows, in one call: the figures and their breakdowns. */
export const dashboardInput = indicatorFilters.extend({ year: calendarYear });
export const dashboard = z.object({
  figures: programmeFigures,
  /** The twelve months of `year` (whatever the other filters). */
  byMonth: z.array(groupParticipation),
  byType: z.array(groupParticipation),
  byRegion: z.array(groupParticipation),
  targets: shareTargets,
});
export type Dashboard = z.infer<typeof dashboard>;

export const trainedParticipantsInput = indicatorFilters.extend({
  sex: z.enum(['F', 'M']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export const trainedParticipant = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  sex: z.enum(['F', 'M']),
  decisionMaker: z.boolean(),
  organisationId: z.string(),
  organisationName: z.string(),
  region: z.string().nullable(),
  personDays: z.number(),
});

export const accompaniedOrganisationsInput = indicatorFilters.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export const accompaniedOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: organisationType,
  region: z.string().nullable(),
  participantsTrained: z.number().int(),
  womenTrained: z.number().int(),
  personDays: z.number(),
});

export const trainedParticipantPage = page(trainedParticipant);
export const accompaniedOrganisationPage = page(accompaniedOrganisation);
export const resultsFrameworkInput = z.strictObject({ year: calendarYear });
export const updateIndicatorInput = z.strictObject({ id, fields: indicatorFields });
/** What creating or changing an indicator answers. */
export const indicatorId = z.object({ id: z.string() });
