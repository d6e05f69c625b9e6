import fs from 'node:fs';
import path from 'node:path';
import type { Backup, Envelope } from '../contract';
import type { Input, Method, Output } from './methods';
import { methodsFor } from './permissions';
import { openDb, type Sqlite } from './db/client';
import { applyMigrations, assertKnownMigrations } from './db/migrate';
import { dispatch, dispatchAsync, type Caller, type DispatchOptions } from './dispatcher';
import type { Context } from './context';
import { ensureDefaultFramework } from './diagnostics/grids';
import { ensureDefaultResults } from './indicators/resultsFramework';
import { assertUndamaged, DamagedDatabaseError } from './backups/integrity';
import {
  automaticBackup,
  backupBeforeUpgrade,
  markUnchanged,
  restoreLatestBackup,
  type BackupMoment,
  type Upgrade,
} from './backups/service';
import { defaultFontsFolder } from './reports/pdf';
import { installAudit } from './audit/triggers';
import { installSummaries, SUMMARIES } from './indicators/summaries';

export { AppError } from './errors';
export type { Caller } from './dispatcher';
export { DamagedDatabaseError, describeBackups } from './backups/integrity';
export { describeUpgrade, restoreLatestBackup, type Upgrade } from './backups/service';
export { startBackupSchedule, type BackupSchedule } from './backups/scheduler';
export { enrolThisLaptop } from './sync/installations';

export interface CoreOptions extends DispatchOptions {
  dataDir: string;
  migrationsFolder: string;
  /** The PDF fonts (the packaged app's resources); pdfmake's own copy when absent. */
  fontsFolder?: string;
  now?: () => Date;
  /** Called with every connection the core opens, at start and after a restore (tests: a full disk). */
  onConnection?: (sqlite: Sqlite) => void;
}

export interface Core {
  /**
   * Answers any method: what the transports use, always with a `caller` (the session token they
   * hold, or null) so that permissions apply. Without one the call is trusted (tests, scripts).
   */
  request(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** Synchronous call, for methods that do not read or write files (tests, scripts). */
  call(method: string, input: unknown, caller?: Caller): Envelope<unknown>;
  /** Typed call for code that knows the method at compile time (tests, scripts). */
  invoke<M extends Method>(method: M, input: Input<M>): Envelope<Output<M>>;
  readonly databaseFile: string;
  /** The database came from an older Parcours: migrated at this start, after a verified backup. */
  readonly upgrade: Upgrade | null;
  /** An automatic backup when one is due at this moment (see backups/scheduler.ts); null when none was. */
  automaticBackup(moment: BackupMoment): Promise<Backup | null>;
  close(): void;
}

export const DATABASE_FILE = 'parcours.sqlite';

/** Opens the database with its pragmas, migrated and with its default data. */
function openMigrated(
  databaseFile: string,
  migrationsFolder: string,
  now: () => Date,
  onConnection?: (sqlite: Sqlite) => void,
  { restored = false } = {},
) {
  const { sqlite, db } = openDb(databaseFile);
  try {
    onConnection?.(sqlite);
    const hadSummaries = sqlite.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(SUMMARIES);
    applyMigrations(sqlite, db, migrationsFolder);
    const defaults = { db, sqlite, now } as Context;
    sqlite.transaction(() => {
      ensureDefaultFramework(defaults);
      ensureDefaultResults(defaults);
    })();
    // Every change from now on is kept in the audit trail (triggers of this connection).
    installAudit(sqlite, now);
    installSummaries(sqlite, { recompute: restored || !hadSummaries });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, db };
}

/**
 * Opens (or creates) the programme's database in `dataDir`, migrated and ready. A damaged file
 * (or one that is not a database) is checked read-only first and never opened for writing:
 * DamagedDatabaseError, with the backups that can replace it.
 */
export function createCore({
  dataDir,
  migrationsFolder,
  fontsFolder = defaultFontsFolder(),
  now = () => new Date(),
  onConnection,
  ...options
}: CoreOptions): Core {
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  assertUndamaged(databaseFile, dataDir);
  assertKnownMigrations(databaseFile, migrationsFolder);
  const upgrade = backupBeforeUpgrade(dataDir, databaseFile, migrationsFolder, now());
  // A restore replaces `db` and `sqlite` in this context (see backups/service.ts).
  const open = () => openMigrated(databaseFile, migrationsFolder, now, onConnection, { restored: true });
  const ctx: Context = {
    ...openMigrated(databaseFile, migrationsFolder, now, onConnection),
    now,
    storage: { dataDir, databaseFile, migrationsFolder, open },
    fontsFolder,
    allowedMethods: methodsFor,
  };
  markUnchanged(ctx);
  const call = (method: string, input: unknown, caller?: Caller) =>
    dispatch(ctx, method, input, options, caller);
  return {
    request: (method, input, caller) => dispatchAsync(ctx, method, input, options, caller),
    call,
    invoke: (method, input) => call(method, input) as Envelope<Output<typeof method>>,
    databaseFile,
    upgrade,
    automaticBackup: (moment) => automaticBackup(ctx, moment),
    close: () => ctx.sqlite.close(),
  };
}

/**
 * The transports' start: opens the core; when the database is damaged and verified backups exist,
 * `restoreWhenDamaged` (the user's answer, or the start option) decides whether the latest one
 * replaces it (the damaged file is kept aside, in `endommagees/`) before opening again.
 * Null when it declines; any other failure, or one of the restore, is thrown.
 */
export function openCore(
  options: CoreOptions,
  restoreWhenDamaged: (error: DamagedDatabaseError) => boolean,
): { core: Core; restored: Backup | null } | null {
  try {
    return { core: createCore(options), restored: null };
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError) || error.backups.length === 0) throw error;
    if (!restoreWhenDamaged(error)) return null;
    const restored = restoreLatestBackup(options.dataDir);
    return { core: createCore(options), restored };
  }
}
