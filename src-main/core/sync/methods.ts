import {
  enrolLaptopInput,
  exportSyncInput,
  fileOutput,
  importSyncInput,
  laptopEnrolment,
  none,
  syncReport,
  syncStatus,
} from '../../contract';
import { admin, method, read, type Permission } from '../method';
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
};
