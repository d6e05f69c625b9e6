import { z } from 'zod';
import {
  attachHrPlanInput,
  byId,
  createDiagnosticInput,
  diagnostic,
  diagnosticComparison,
  diagnosticSummary,
  frameworkSummary,
  frameworkVersion,
  frameworkVersionFields,
  id,
  none,
  ok,
  updateDiagnosticInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as grids from './grids';
import * as diagnostics from './service';

/** The diagnostic grids (versioned capacity frameworks) and the diagnostics scored on them. */
export const diagnosticsMethods = {
  'grids.list': method({
    input: none,
    output: z.array(frameworkSummary),
    permission: read,
    handler: (ctx) => grids.listFrameworks(ctx),
  }),
  'grids.current': method({
    input: z.strictObject({ frameworkId: id.optional() }),
    output: frameworkVersion,
    permission: read,
    handler: (ctx, { frameworkId }) => grids.currentVersion(ctx, frameworkId),
  }),
  'grids.getVersion': method({
    input: byId,
    output: frameworkVersion,
    permission: read,
    handler: (ctx, { id }) => grids.loadVersion(ctx, id),
  }),
  'grids.saveVersion': method({
    input: frameworkVersionFields,
    output: frameworkVersion,
    permission: admin,
    handler: grids.saveVersion,
  }),

  'diagnostics.listForOrganisation': method({
    input: z.strictObject({ organisationId: id }),
    output: z.array(diagnosticSummary),
    permission: read,
    handler: (ctx, { organisationId }) => diagnostics.listForOrganisation(ctx, organisationId),
  }),
  'diagnostics.get': method({
    input: byId,
    output: diagnostic,
    permission: read,
    handler: (ctx, { id }) => diagnostics.getDiagnostic(ctx, id),
  }),
  'diagnostics.create': method({
    input: createDiagnosticInput,
    output: diagnostic,
    permission: admin,
    handler: diagnostics.createDiagnostic,
  }),
  'diagnostics.update': method({
    input: updateDiagnosticInput,
    output: diagnostic,
    permission: admin,
    handler: diagnostics.updateDiagnostic,
  }),
  'diagnostics.complete': method({
    input: byId,
    output: diagnostic,
    permission: admin,
    handler: (ctx, { id }) => diagnostics.completeDiagnostic(ctx, id),
  }),
  'diagnostics.remove': method({
    input: byId,
    output: ok,
    permission: admin,
    handler: (ctx, { id }) => diagnostics.removeDiagnostic(ctx, id),
  }),
  'diagnostics.attachHrPlan': method({
    input: attachHrPlanInput,
    output: diagnostic,
    permission: admin,
    handler: diagnostics.attachHrPlan,
  }),
  'diagnostics.compare': method({
    input: z.strictObject({ organisationId: id }),
    output: diagnosticComparison,
    permission: read,
    handler: (ctx, { organisationId }) => diagnostics.compareWithBaseline(ctx, organisationId),
  }),
};
