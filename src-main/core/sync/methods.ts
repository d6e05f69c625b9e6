import { z } from 'zod';
import {
  decisionOutput,
  enrolLaptopInput,
  exportSyncInput,
  fileOutput,
  importSyncInput,
  laptopEnrolment,
  none,
  quarantinedRecordInput,
  resolveConflictInput,
  syncConflict,
  syncQuarantined,
  syncReport,
  syncStatus,
} from '../../contract';
import { admin, adminRead, method, read, type Permission } from '../method';
import * as decisions from './decisions';
import * as sync from './service';

/** On a trainer's laptop the trainer exchanges its files; at headquarters the service asks for an administrator. */
const exchange: Permission = { kind: 'write', who: ['admin', 'trainer'] };

/** Headquarters and field laptops: enrolment and `.parcours-sync` files. */
export const syncMethods = {
  'sync.status': method({ input: none, output: syncStatus, permission: read, handler: sync.status }),
  /** At headquarters: a laptop for an account, its enrolment file and the code that opens it. */
  'sync.enrolLaptop': method({
    input: enrolLaptopInput,
    output: laptopEnrolment,
    permission: admin,
    handler: sync.enrolLaptop,
  }),
  /** « Exporter mes modifications » on a laptop; at headquarters, the file for one laptop. */
  'sync.exportFile': method({
    input: exportSyncInput,
    output: fileOutput,
    permission: exchange,
    handler: sync.exportFile,
  }),
  /** Applies a `.parcours-sync` file whole or not at all; at headquarters, answers with the laptop's file. */
  'sync.importFile': method({
    input: importSyncInput,
    output: syncReport,
    permission: exchange,
    handler: sync.importFile,
  }),
  /** The page « Conflits »: what a person must decide, and the records kept in quarantine. */
  'sync.conflicts': method({
    input: none,
    output: z.array(syncConflict),
    permission: adminRead,
    handler: decisions.conflictList,
  }),
  /** At headquarters: one value kept (or a third typed); the decision travels to every laptop. */
  'sync.resolveConflict': method({
    input: resolveConflictInput,
    output: decisionOutput,
    permission: admin,
    handler: decisions.resolveConflict,
  }),
  'sync.quarantine': method({
    input: none,
    output: z.array(syncQuarantined),
    permission: adminRead,
    handler: decisions.quarantineList,
  }),
  'sync.releaseQuarantined': method({
    input: quarantinedRecordInput,
    output: decisionOutput,
    permission: admin,
    handler: decisions.releaseQuarantined,
  }),
  'sync.rejectQuarantined': method({
    input: quarantinedRecordInput,
    output: decisionOutput,
    permission: admin,
    handler: decisions.rejectQuarantined,
  }),
};
