import { z } from 'zod';
import {
  byId,
  changePathwayStatusInput,
  enrolInput,
  listPathwaysInput,
  pathway,
  pathwayFields,
  pathwaySummary,
  stepsInput,
  unenrolInput,
  updatePathwayInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as pathways from './service';

export const pathwaysMethods = {
  'pathways.list': method({
    input: listPathwaysInput,
    output: z.array(pathwaySummary),
    permission: read,
    handler: pathways.listPathways,
  }),
  'pathways.get': method({
    input: byId,
    output: pathway,
    permission: read,
    handler: (ctx, { id }) => pathways.getPathway(ctx, id),
  }),
  'pathways.create': method({
    input: pathwayFields,
    output: pathway,
    permission: admin,
    handler: pathways.createPathway,
  }),
  'pathways.update': method({
    input: updatePathwayInput,
    output: pathway,
    permission: admin,
    handler: pathways.updatePathway,
  }),
  'pathways.saveSteps': method({
    input: stepsInput,
    output: pathway,
    permission: admin,
    handler: pathways.saveSteps,
  }),
  'pathways.changeStatus': method({
    input: changePathwayStatusInput,
    output: pathway,
    permission: admin,
    handler: pathways.changePathwayStatus,
  }),
  'pathways.enrol': method({
    input: enrolInput,
    output: pathway,
    permission: admin,
    handler: pathways.enrol,
  }),
  'pathways.unenrol': method({
    input: unenrolInput,
    output: pathway,
    permission: admin,
    handler: pathways.unenrol,
  }),
};
