import { z } from 'zod';
import {
  attachMaterialInput,
  byId,
  moduleFields,
  none,
  removeMaterialInput,
  trainingModule,
  updateModuleInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as modules from './service';

export const modulesMethods = {
  'modules.list': method({
    input: none,
    output: z.array(trainingModule),
    permission: read,
    handler: (ctx) => modules.listModules(ctx),
  }),
  'modules.get': method({
    input: byId,
    output: trainingModule,
    permission: read,
    handler: (ctx, { id }) => modules.getModule(ctx, id),
  }),
  'modules.create': method({
    input: moduleFields,
    output: trainingModule,
    permission: admin,
    handler: modules.createModule,
  }),
  'modules.update': method({
    input: updateModuleInput,
    output: trainingModule,
    permission: admin,
    handler: modules.updateModule,
  }),
  'modules.attachMaterial': method({
    input: attachMaterialInput,
    output: trainingModule,
    permission: admin,
    handler: modules.attachMaterial,
  }),
  'modules.removeMaterial': method({
    input: removeMaterialInput,
    output: trainingModule,
    permission: admin,
    handler: modules.removeMaterial,
  }),
};
