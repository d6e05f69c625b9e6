import type { Backup } from '../../contract';
import type { BackupMoment } from './service';

export const BACKUP_EVERY_MS = 6 * 60 * 60 * 1000;

interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: never): void;
}

export interface BackupSchedule {
  /** Stops the timer, then makes the backup of quitting when data changed. */
  quit(): Promise<void>;
}

/**
 * Automatic backups for a running core, started by the transports: one at start when the last is
 * older than a day, then every 6 hours when data changed, and one on quit when data changed.
 * Timers are injectable: tests drive them by hand.
 */
export function startBackupSchedule(
  core: { automaticBackup(moment: BackupMoment): Promise<Backup | null> },
  {
    every = BACKUP_EVERY_MS,
    timers = globalThis as unknown as Timers,
    onError = (error: unknown) => console.error('Sauvegarde automatique impossible :', error),
  }: { every?: number; timers?: Timers; onError?: (error: unknown) => void } = {},
): BackupSchedule {
  const run = (moment: BackupMoment) =>
    core.automaticBackup(moment).then(
      () => undefined,
      (error: unknown) => onError(error),
    );
  void run('start');
  const handle = timers.setInterval(() => void run('timer'), every);
  // A pending backup timer must not keep Node running after everything else has stopped.
  (handle as { unref?: () => void }).unref?.();
  let stopped = false;
  return {
    quit: async () => {
      if (stopped) return;
      stopped = true;
      timers.clearInterval(handle as never);
      await run('quit');
    },
  };
}
