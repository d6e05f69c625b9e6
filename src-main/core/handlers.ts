import type { Method, Output, ParsedInput } from '../contract';
import type { Context } from './context';
import * as organisations from './organisations/service';
import * as agreements from './agreements/service';

export type Handlers = {
  [M in Method]: (ctx: Context, input: ParsedInput<M>) => Output<M>;
};

/** Every method of the contract with its handler; a missing one fails to compile. */
export const handlers: Handlers = {
  'organisations.list': organisations.listOrganisations,
  'organisations.regions': (ctx) => organisations.listRegions(ctx),
  'organisations.get': (ctx, { id }) => organisations.getOrganisation(ctx, id),
  'organisations.create': organisations.createOrganisation,
  'organisations.update': organisations.updateOrganisation,
  'organisations.changeStatus': organisations.changeStatus,
  'organisations.archive': (ctx, { id }) => organisations.setArchived(ctx, id, true),
  'organisations.restore': (ctx, { id }) => organisations.setArchived(ctx, id, false),

  'agreements.list': agreements.listAgreements,
  'agreements.create': agreements.createAgreement,
  'agreements.update': agreements.updateAgreement,
  'agreements.remove': (ctx, { id }) => agreements.removeAgreement(ctx, id),
};
