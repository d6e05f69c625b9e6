import {
  accompaniedOrganisationPage,
  accompaniedOrganisationsInput,
  dashboard,
  dashboardInput,
  indicatorFields,
  indicatorFilters,
  indicatorId,
  indicatorValueInput,
  programmeFigures,
  resultsFramework,
  resultsFrameworkInput,
  shareTargets,
  trainedParticipantPage,
  trainedParticipantsInput,
  updateIndicatorInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as figures from './figures';
import * as framework from './resultsFramework';

/** The programme's figures (one query layer) and the results framework R1–R4. */
export const indicatorsMethods = {
  'indicators.figures': method({
    input: indicatorFilters,
    output: programmeFigures,
    permission: read,
    handler: figures.programmeFigures,
  }),
  'indicators.dashboard': method({
    input: dashboardInput,
    output: dashboard,
    permission: read,
    handler: framework.getDashboard,
  }),
  'indicators.targets': method({
    input: resultsFrameworkInput,
    output: shareTargets,
    permission: read,
    handler: (ctx, { year }) => framework.shareTargetsOf(ctx, year),
  }),
  'indicators.trainedParticipants': method({
    input: trainedParticipantsInput,
    output: trainedParticipantPage,
    permission: read,
    handler: figures.trainedParticipants,
  }),
  'indicators.accompaniedOrganisations': method({
    input: accompaniedOrganisationsInput,
    output: accompaniedOrganisationPage,
    permission: read,
    handler: figures.accompaniedOrganisations,
  }),
  'indicators.resultsFramework': method({
    input: resultsFrameworkInput,
    output: resultsFramework,
    permission: read,
    handler: (ctx, input) => framework.getFramework(ctx, input),
  }),
  'indicators.create': method({
    input: indicatorFields,
    output: indicatorId,
    permission: admin,
    handler: framework.createIndicator,
  }),
  'indicators.update': method({
    input: updateIndicatorInput,
    output: indicatorId,
    permission: admin,
    handler: framework.updateIndicator,
  }),
  'indicators.recordValue': method({
    input: indicatorValueInput,
    output: indicatorId,
    permission: admin,
    handler: framework.recordValue,
  }),
};
