import { z } from 'zod';
import { page, pageInput } from './common';

/** Why a copy of the database was made. */
/** `before_upgrade`: the data of an older Parcours as it was, copied before this version migrated it. */
export const backupKinds = ['automatic', 'manual', 'before_restore', 'before_upgrade'] as const;
export type BackupKind = (typeof backupKinds)[number];

/**
 * `verified`: the file is byte for byte the copy that passed SQLite's integrity check when it was
 * made; `damaged`: it changed since, or was never checked. A damaged copy is never restored.
 */
export const backupStatuses = ['verified', 'damaged'] as const;

/** A backup's name in the backups folder, without extension: `parcours-20240315-100000-auto`. */
export const backupId = z
  .string()
  .regex(/^parcours-\d{8}-\d{6}-(auto|manuelle|avant-restauration|avant-mise-a-jour)(-\d{1,4})?$/, {
    error: 'errors.backupUnknown',
  });

export const backup = z.object({
  id: z.string(),
  /** ISO date-time. */
  createdAt: z.string(),
  kind: z.enum(backupKinds),
  status: z.enum(backupStatuses),
  /** Bytes. */
  size: z.number().int(),
  appVersion: z.string().nullable(),
  schemaVersion: z.string().nullable(),
});
export type Backup = z.infer<typeof backup>;

/** The largest archive that can be restored (its base64 must fit in one request and one string). */
export const MAX_ARCHIVE_BYTES = 300 * 1024 * 1024;
/** The same, once in base64 (4 characters for 3 bytes). */
export const MAX_ARCHIVE_BASE64 = Math.ceil(MAX_ARCHIVE_BYTES / 3) * 4;

/** What a backup or an archive holds, shown before anything is replaced. */
export const backupSummary = z.object({
  createdAt: z.string(),
  appVersion: z.string().nullable(),
  /** The last migration applied to the copied database. */
  schemaVersion: z.string().nullable(),
  /** The copy is older than this version of Parcours: it is upgraded when restored. */
  upgraded: z.boolean(),
  /** Bytes of the database. */
  size: z.number().int(),
  counts: z.object({
    organisations: z.number().int(),
    participants: z.number().int(),
    sessions: z.number().int(),
    documents: z.number().int(),
  }),
});
export type BackupSummary = z.infer<typeof backupSummary>;

/** A checked archive waiting for the user's confirmation. */
const pendingToken = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'errors.archiveExpired' });

export const restoreSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('archive'), token: pendingToken }),
  z.strictObject({ from: z.literal('backup'), id: backupId }),
]);
export type RestoreSource = z.input<typeof restoreSource>;

// Every method below is for an administrator: a permission check can be added per method.
export const listBackupsInput = z.strictObject(pageInput);
export const backupPage = page(backup).extend({
  /** Where the copies are kept, for people who look at the disk. */
  folder: z.string(),
  lastAutomaticAt: z.string().nullable(),
});
export const inspectArchiveInput = z.strictObject({
  archiveBase64: z
    .string()
    .min(1, { error: 'errors.fileEmpty' })
    .max(MAX_ARCHIVE_BASE64, { error: 'errors.archiveTooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.fileUnreadable' }),
});
/** A checked archive: what it holds, and the token that restores it. */
export const inspectedArchive = z.object({ token: z.string(), summary: backupSummary });
export const inspectBackupInput = z.strictObject({ id: backupId });
export const restoreInput = z.strictObject({ source: restoreSource });
export const restored = z.object({ restored: backupSummary, kept: backup });
