import {
  backup,
  backupPage,
  backupSummary,
  fileOutput,
  inspectArchiveInput,
  inspectBackupInput,
  inspectedArchive,
  listBackupsInput,
  none,
  restored,
  restoreInput,
} from '../../contract';
import { admin, adminRead, method } from '../method';
import * as backups from './service';

/** Verified copies of the database; all but the list read or write files, asynchronously. */
export const backupsMethods = {
  'backups.list': method({
    input: listBackupsInput,
    output: backupPage,
    permission: adminRead,
    handler: backups.listBackups,
  }),
  /** A manual backup, now. */
  'backups.create': method({
    input: none,
    output: backup,
    permission: admin,
    async: true,
    handler: backups.createBackup,
  }),
  /** One `.parcours` file (database + manifest with checksums) to carry away: the whole database, accounts included. */
  'backups.exportArchive': method({
    input: none,
    output: fileOutput,
    permission: adminRead,
    async: true,
    handler: backups.exportArchive,
  }),
  /** Checks an archive the user chose and says what it holds; nothing is replaced yet. */
  'backups.inspectArchive': method({
    input: inspectArchiveInput,
    output: inspectedArchive,
    permission: adminRead,
    async: true,
    handler: backups.inspectArchive,
  }),
  /** What a listed backup holds, before restoring it. */
  'backups.inspect': method({
    input: inspectBackupInput,
    output: backupSummary,
    permission: adminRead,
    async: true,
    handler: backups.inspectBackup,
  }),
  /**
   * Replaces the programme's data by a checked archive or a listed backup; the current data is
   * kept first as a backup "before restore".
   */
  'backups.restore': method({
    input: restoreInput,
    output: restored,
    permission: admin,
    async: true,
    handler: backups.restore,
  }),
};
