import {
  agreement,
  agreementPage,
  byId,
  createAgreementInput,
  listAgreementsInput,
  ok,
  updateAgreementInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as agreements from './service';

export const agreementsMethods = {
  'agreements.list': method({
    input: listAgreementsInput,
    output: agreementPage,
    permission: read,
    handler: agreements.listAgreements,
  }),
  'agreements.create': method({
    input: createAgreementInput,
    output: agreement,
    permission: admin,
    handler: agreements.createAgreement,
  }),
  'agreements.update': method({
    input: updateAgreementInput,
    output: agreement,
    permission: admin,
    handler: agreements.updateAgreement,
  }),
  'agreements.remove': method({
    input: byId,
    output: ok,
    permission: admin,
    handler: (ctx, { id }) => agreements.removeAgreement(ctx, id),
  }),
};
