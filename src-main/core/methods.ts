// Every method the core answers, assembled from the domains' declarations: the dispatcher's
// table, and the types the transports and the renderer (`import type` only) are checked against.
import type { z } from 'zod';
import { agreementsMethods } from './agreements/methods';
import { auditMethods } from './audit/methods';
import { authMethods } from './auth/methods';
import { backupsMethods } from './backups/methods';
import { demoMethods } from './demo/methods';
import { diagnosticsMethods } from './diagnostics/methods';
import { documentsMethods } from './documents/methods';
import { followUpsMethods } from './followups/methods';
import { importsMethods } from './imports/methods';
import { indicatorsMethods } from './indicators/methods';
import { modulesMethods } from './modules/methods';
import { organisationsMethods } from './organisations/methods';
import { participantsMethods } from './participants/methods';
import { pathwaysMethods } from './pathways/methods';
import { reportsMethods } from './reports/methods';
import { selectionMethods } from './selection/methods';
import { sessionsMethods } from './sessions/methods';
import { syncMethods } from './sync/methods';
import { systemMethods } from './system/methods';
import { usersMethods } from './users/methods';

/** `domain.verb` → input and output schemas, permission, handler (and `async` when it awaits). */
export const contract = {
  ...authMethods,
  ...systemMethods,
  ...usersMethods,
  ...auditMethods,
  ...organisationsMethods,
  ...agreementsMethods,
  ...documentsMethods,
  ...diagnosticsMethods,
  ...selectionMethods,
  ...participantsMethods,
  ...modulesMethods,
  ...pathwaysMethods,
  ...sessionsMethods,
  ...followUpsMethods,
  ...indicatorsMethods,
  ...reportsMethods,
  ...importsMethods,
  ...demoMethods,
  ...backupsMethods,
  ...syncMethods,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after zod parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
