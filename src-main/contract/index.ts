import { z } from 'zod';
import { id, ok, page } from './common';
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

export * from './common';
export * from './organisations';
export * from './agreements';
export * from './money';
export * from './dates';

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
  message: string;
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
