import { z } from 'zod';
import {
  decisionOutput,
  enrolHereInput,
  enrolLaptopInput,
  exportSyncInput,
  fileOutput,
  headquartersUrlInput,
  importSyncInput,
  laptopEnrolment,
  minAppVersionInput,
  none,
  quarantinedRecordInput,
  replyPiece,
  replyPieceInput,
  resolveConflictInput,
  syncConflict,
  syncNowOutput,
  syncQuarantined,
  syncReport,
  syncStatus,
  transferPieceInput,
  transferState,
} from '../../contract';
import { admin, adminRead, method, read, type Permission } from '../method';
import * as decisions from './decisions';
import * as network from './network';
import { enrolHere } from './installations';
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
  /** A field laptop's first start, before any account exists here: its data from headquarters' file. */
  'sync.enrolHere': method({
    input: enrolHereInput,
    output: z.object({ device: z.string() }),
    permission: { kind: 'write', who: 'public' },
    async: true,
    handler: enrolHere,
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
  /** At headquarters: the lowest Parcours version whose laptops' files it applies. */
  'sync.setMinAppVersion': method({
    input: minAppVersionInput,
    output: z.object({ version: z.string().nullable() }),
    permission: admin,
    handler: sync.setMinAppVersion,
  }),
  /** On a laptop: headquarters' network address, for « Synchroniser maintenant ». */
  'sync.setHeadquartersUrl': method({
    input: headquartersUrlInput,
    output: z.object({ url: z.string().nullable() }),
    permission: exchange,
    handler: network.setHeadquartersUrl,
  }),
  /** On a laptop: its file sent to headquarters over the network, and headquarters' answer applied. */
  'sync.syncNow': method({
    input: none,
    output: syncNowOutput,
    permission: exchange,
    async: true,
    handler: network.syncNow,
  }),
  /**
   * At headquarters, called by its network server (web/syncServer.ts) for a laptop that shows its
   * token: a piece of the laptop's file, and a piece of the answer.
   */
  'sync.sendPiece': method({
    input: transferPieceInput,
    output: transferState,
    permission: admin,
    handler: network.receivePiece,
  }),
  'sync.replyPiece': method({
    input: replyPieceInput,
    output: replyPiece,
    permission: admin,
    handler: network.replyPiece,
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
