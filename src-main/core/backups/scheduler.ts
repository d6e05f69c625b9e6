import type { Backup } from '../../contract';
import type { BackupMoment } from './service';

export const BACKUP_EVERY_MS = 6 * 60 * 60 * 1000;
/** The backup of the start waits this long: the first pages and answers come first. */
export const FIRST_BACKUP_AFTER_MS = 60_000;

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: never): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: never): void;
}

export interface BackupSchedule {
  /** Stops the timer, then makes the backup of quitting when data changed. */
  quit(): Promise<void>;
}

/**
 * Automatic backups for a running core, started by the transports as soon as the core is open:
 * one a minute after the start when the last is older than a day, then every 6 hours when data
 * changed, and one on quit when data changed. Timers are injectable: tests drive them by hand.
 */
export function startBackupSchedule(
  core: { automaticBackup(moment: BackupMoment): Promise<Backup | null> },
  {
    every = BACKUP_EVERY_MS,
    firstAfter = FIRST_BACKUP_AFTER_MS,
    timers = globalThis as unknown as Timers,
    onError = (error: unknown) => console.error('Sauvegarde automatique impossible :', error),
  }: { every?: number; firstAfter?: number; timers?: Timers; onError?: (error: unknown) => void } = {},
): BackupSchedule {
  const run = (moment: BackupMoment) =>
    core.automaticBackup(moment).then(
      () => undefined,
      (error: unknown) => onError(error),
    );
  const first = timers.setTimeout(() => void run('start'), firstAfter);
  const handle = timers.setInterval(() => void run('timer'), every);
  // A pending backup timer must not keep Node running after everything else has stopped.
  for (const timer of [first, handle]) (timer as { unref?: () => void }).unref?.();
  let stopped = false;
  return {
    quit: async () => {
      if (stopped) return;
      stopped = true;
      timers.clearTimeout(first as never);
      timers.clearInterval(handle as never);
      await run('quit');
    },
  };
}
