import { z } from 'zod';
import { calendarYear, id, ok, page, type MessageParams } from './common';
import { reportMethods } from './reports';
import { demoMethods } from './demo';
import { backupMethods } from './backups';
import { importMethods } from './imports';
import { authMethods } from './auth';
import { usersMethods } from './users';
import { auditMethods } from './audit';
import { systemMethods } from './system';
import {
  changeStatusInput,
  listOrganisationsInput,
  organisation,
  organisationFields,
  organisationRow,
  statusChange,
} from './organisations';
import {
  agreement,
  agreementFields,
  agreementPage,
  agreementTotals,
  listAgreementsInput,
} from './agreements';
import {
  diagnostic,
  diagnosticComparison,
  diagnosticFields,
  diagnosticSummary,
  documentInfo,
  documentInput,
  frameworkSummary,
  frameworkVersion,
  frameworkVersionFields,
} from './diagnostics';
import {
  concludeRoundInput,
  criteriaSet,
  criteriaSetFields,
  decideInput,
  eligibilityRow,
  memberFields,
  recordScoresInput,
  round,
  roundFields,
  roundSummary,
  validateCriteriaSetInput,
} from './selection';
import {
  changePathwayStatusInput,
  createParticipantInput,
  listParticipantsInput,
  listSessionsInput,
  moduleFields,
  participant,
  participantFields,
  pathway,
  pathwayFields,
  pathwaySummary,
  recordAttendanceInput,
  recordEvaluationsInput,
  session,
  sessionFields,
  sessionPage,
  stepsInput,
  trainingModule,
} from './training';
import {
  cancelFollowUpInput,
  followUp,
  followUpPage,
  followUpSettings,
  listFollowUpsInput,
  recordFollowUpInput,
  rescheduleFollowUpInput,
} from './followups';
import {
  indicatorFields,
  indicatorFilters,
  indicatorValueInput,
  programmeFigures,
  resultsFramework,
  trainedParticipant,
  trainedParticipantsInput,
  accompaniedOrganisation,
  accompaniedOrganisationsInput,
  dashboard,
  dashboardInput,
  shareTargets,
} from './indicators';

export * from './common';
export * from './organisations';
export * from './agreements';
export * from './money';
export * from './dates';
export * from './diagnostics';
export * from './selection';
export * from './training';
export * from './notions';
export * from './followups';
export * from './indicators';
export * from './reports';
export * from './reportFormat';
export * from './reportCharts';
export * from './attendanceSheet';
export * from './demo';
export * from './backups';
export * from './imports';
export * from './auth';
export * from './users';
export * from './audit';
export * from './system';

const byId = z.strictObject({ id });

/**
 * Every call the core answers: `domain.verb` → input and output schemas.
 * The renderer, both transports and the dispatcher are typed from this map.
 */
export const contract = {
  'organisations.list': {
    input: listOrganisationsInput,
    output: page(organisationRow).extend({ totals: agreementTotals }),
  },
  'organisations.regions': { input: z.strictObject({}), output: z.array(z.string()) },
  'organisations.get': {
    input: byId,
    output: organisation.extend({
      statusHistory: z.array(statusChange),
      agreements: z.array(agreement),
      agreementTotals,
    }),
  },
  'organisations.create': { input: organisationFields, output: organisation },
  'organisations.update': {
    input: z.strictObject({ id, fields: organisationFields }),
    output: organisation,
  },
  'organisations.changeStatus': { input: changeStatusInput, output: organisation },
  'organisations.archive': { input: byId, output: organisation },
  'organisations.restore': { input: byId, output: organisation },

  'agreements.list': { input: listAgreementsInput, output: agreementPage },
  'agreements.create': {
    input: z.strictObject({ organisationId: id, fields: agreementFields }),
    output: agreement,
  },
  'agreements.update': { input: z.strictObject({ id, fields: agreementFields }), output: agreement },
  'agreements.remove': { input: byId, output: ok },

  'documents.get': { input: byId, output: documentInfo.extend({ contentBase64: z.string() }) },

  'frameworks.list': { input: z.strictObject({}), output: z.array(frameworkSummary) },
  'frameworks.current': { input: z.strictObject({ frameworkId: id.optional() }), output: frameworkVersion },
  'frameworks.getVersion': { input: byId, output: frameworkVersion },
  'frameworks.saveVersion': { input: frameworkVersionFields, output: frameworkVersion },

  'diagnostics.listForOrganisation': {
    input: z.strictObject({ organisationId: id }),
    output: z.array(diagnosticSummary),
  },
  'diagnostics.get': { input: byId, output: diagnostic },
  'diagnostics.create': {
    input: z.strictObject({
      organisationId: id,
      frameworkVersionId: id.optional(),
      fields: diagnosticFields,
    }),
    output: diagnostic,
  },
  'diagnostics.update': { input: z.strictObject({ id, fields: diagnosticFields }), output: diagnostic },
  'diagnostics.complete': { input: byId, output: diagnostic },
  'diagnostics.remove': { input: byId, output: ok },
  'diagnostics.attachHrPlan': { input: z.strictObject({ id, document: documentInput }), output: diagnostic },
  'diagnostics.compare': { input: z.strictObject({ organisationId: id }), output: diagnosticComparison },

  'criteriaSets.list': { input: z.strictObject({}), output: z.array(criteriaSet) },
  'criteriaSets.get': { input: byId, output: criteriaSet },
  'criteriaSets.create': { input: criteriaSetFields, output: criteriaSet },
  'criteriaSets.update': { input: z.strictObject({ id, fields: criteriaSetFields }), output: criteriaSet },
  'criteriaSets.validate': { input: validateCriteriaSetInput, output: criteriaSet },
  'criteriaSets.newVersion': { input: byId, output: criteriaSet },

  'rounds.list': { input: z.strictObject({}), output: z.array(roundSummary) },
  'rounds.get': { input: byId, output: round },
  'rounds.create': { input: roundFields, output: round },
  'rounds.update': { input: z.strictObject({ id, fields: roundFields }), output: round },
  'rounds.addMember': { input: z.strictObject({ roundId: id, fields: memberFields }), output: round },
  'rounds.updateMember': { input: z.strictObject({ id, fields: memberFields }), output: round },
  'rounds.removeMember': { input: byId, output: round },
  'rounds.eligibility': { input: z.strictObject({ roundId: id }), output: z.array(eligibilityRow) },
  'rounds.addCandidate': { input: z.strictObject({ roundId: id, organisationId: id }), output: round },
  'rounds.removeCandidate': { input: z.strictObject({ roundId: id, candidateId: id }), output: round },
  'rounds.recordScores': { input: recordScoresInput, output: round },
  'rounds.decide': { input: decideInput, output: round },
  'rounds.conclude': { input: concludeRoundInput, output: round },

  'participants.list': { input: listParticipantsInput, output: page(participant) },
  'participants.get': { input: byId, output: participant },
  'participants.create': { input: createParticipantInput, output: participant },
  'participants.update': { input: z.strictObject({ id, fields: participantFields }), output: participant },
  'participants.checkDuplicates': {
    input: z.strictObject({ fields: participantFields, exceptId: id.optional() }),
    output: z.array(participant),
  },

  'modules.list': { input: z.strictObject({}), output: z.array(trainingModule) },
  'modules.get': { input: byId, output: trainingModule },
  'modules.create': { input: moduleFields, output: trainingModule },
  'modules.update': { input: z.strictObject({ id, fields: moduleFields }), output: trainingModule },
  'modules.attachMaterial': {
    input: z.strictObject({ id, document: documentInput }),
    output: trainingModule,
  },
  'modules.removeMaterial': { input: z.strictObject({ id, documentId: id }), output: trainingModule },

  'pathways.list': {
    input: z.strictObject({ organisationId: id.optional() }),
    output: z.array(pathwaySummary),
  },
  'pathways.get': { input: byId, output: pathway },
  'pathways.create': { input: pathwayFields, output: pathway },
  'pathways.update': { input: z.strictObject({ id, fields: pathwayFields }), output: pathway },
  'pathways.saveSteps': { input: stepsInput, output: pathway },
  'pathways.changeStatus': { input: changePathwayStatusInput, output: pathway },
  'pathways.enrol': {
    input: z.strictObject({ pathwayId: id, participantIds: z.array(id).min(1).max(500) }),
    output: pathway,
  },
  'pathways.unenrol': { input: z.strictObject({ pathwayId: id, participantId: id }), output: pathway },

  'sessions.list': { input: listSessionsInput, output: sessionPage },
  'sessions.get': { input: byId, output: session },
  'sessions.create': { input: sessionFields, output: session },
  'sessions.update': { input: z.strictObject({ id, fields: sessionFields }), output: session },
  'sessions.addParticipants': {
    input: z.strictObject({
      sessionId: id,
      participantIds: z.array(id).min(1).max(500),
      walkIn: z.boolean(),
    }),
    output: session,
  },
  'sessions.removeParticipant': {
    input: z.strictObject({ sessionId: id, participantId: id }),
    output: session,
  },
  'sessions.recordAttendance': { input: recordAttendanceInput, output: session },
  'sessions.recordEvaluations': { input: recordEvaluationsInput, output: session },

  'followUps.settings': { input: z.strictObject({}), output: followUpSettings },
  'followUps.updateSettings': { input: followUpSettings, output: followUpSettings },
  'followUps.list': { input: listFollowUpsInput, output: followUpPage },
  'followUps.get': { input: byId, output: followUp },
  'followUps.record': { input: recordFollowUpInput, output: followUp },
  'followUps.reschedule': { input: rescheduleFollowUpInput, output: followUp },
  'followUps.cancel': { input: cancelFollowUpInput, output: followUp },

  'indicators.figures': { input: indicatorFilters, output: programmeFigures },
  'indicators.dashboard': { input: dashboardInput, output: dashboard },
  'indicators.targets': { input: z.strictObject({ year: calendarYear }), output: shareTargets },
  'indicators.trainedParticipants': { input: trainedParticipantsInput, output: page(trainedParticipant) },
  'indicators.accompaniedOrganisations': {
    input: accompaniedOrganisationsInput,
    output: page(accompaniedOrganisation),
  },
  'indicators.framework': {
    input: z.strictObject({ year: calendarYear }),
    output: resultsFramework,
  },
  'indicators.create': { input: indicatorFields, output: z.object({ id: z.string() }) },
  'indicators.update': {
    input: z.strictObject({ id, fields: indicatorFields }),
    output: z.object({ id: z.string() }),
  },
  'indicators.recordValue': { input: indicatorValueInput, output: z.object({ id: z.string() }) },

  ...reportMethods,
  ...backupMethods,
  ...importMethods,
  ...demoMethods,
  ...authMethods,
  ...usersMethods,
  ...auditMethods,
  ...systemMethods,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after zod parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface Issue {
  path: (string | number)[];
  /** An i18n key (`errors.*`), translated by the renderer. */
  message: string;
  /** The values the message names (see issueMessage in ./common). */
  params?: MessageParams;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
