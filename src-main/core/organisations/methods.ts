import { z } from 'zod';
import {
  byId,
  changeStatusInput,
  listOrganisationsInput,
  none,
  organisation,
  organisationDetail,
  organisationFields,
  organisationPage,
  updateOrganisationInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as organisations from './service';

export const organisationsMethods = {
  'organisations.list': method({
    input: listOrganisationsInput,
    output: organisationPage,
    permission: read,
    handler: organisations.listOrganisations,
  }),
  'organisations.regions': method({
    input: none,
    output: z.array(z.string()),
    permission: read,
    handler: (ctx) => organisations.listRegions(ctx),
  }),
  'organisations.get': method({
    input: byId,
    output: organisationDetail,
    permission: read,
    handler: (ctx, { id }) => organisations.getOrganisation(ctx, id),
  }),
  'organisations.create': method({
    input: organisationFields,
    output: organisation,
    permission: admin,
    handler: organisations.createOrganisation,
  }),
  'organisations.update': method({
    input: updateOrganisationInput,
    output: organisation,
    permission: admin,
    handler: organisations.updateOrganisation,
  }),
  'organisations.changeStatus': method({
    input: changeStatusInput,
    output: organisation,
    permission: admin,
    handler: organisations.changeStatus,
  }),
  'organisations.archive': method({
    input: byId,
    output: organisation,
    permission: admin,
    handler: (ctx, { id }) => organisations.setArchived(ctx, id, true),
  }),
  'organisations.restore': method({
    input: byId,
    output: organisation,
    permission: admin,
    handler: (ctx, { id }) => organisations.setArchived(ctx, id, false),
  }),
};
