import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatDateTime, type Backup } from '../../contract';
import { backupsFolder, readBackups } from './folder';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens a database read-only for a look. A read-only look at a WAL database still creates its -wal
 * and -shm companions: they are removed afterwards when this look created them and they hold
 * nothing, so the folder is left as it was.
 */
export function lookReadOnly<T>(file: string, look: (db: Database.Database) => T): T {
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
    const wal = `${file}-wal`;
    const walEmpty = !fs.existsSync(wal) || fs.statSync(wal).size === 0;
    if (walEmpty) for (const f of companions) fs.rmSync(f, { force: true });
  }
}

function headerProblem(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read < header.length || !header.equals(SQLITE_HEADER)
      ? 'ce fichier n’est pas une base de données SQLite'
      : null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What SQLite finds wrong with a database file, read only: an empty list when it is sound.
 * `thorough` runs `integrity_check` (every index against its table), otherwise `quick_check`.
 */
export function databaseProblems(file: string, thorough: boolean): string[] {
  try {
    const header = headerProblem(file);
    if (header) return [header];
    return lookReadOnly(file, (db) => {
      const rows = db.pragma(thorough ? 'integrity_check' : 'quick_check') as Record<string, string>[];
      const messages = rows.map((row) => String(Object.values(row)[0]));
      return messages.length === 1 && messages[0] === 'ok' ? [] : messages.slice(0, 10);
    });
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * The programme's database file is damaged or is not a database: it was neither opened for
 * writing nor changed. `backups` are the verified backups, newest first, one of which can replace it.
 */
export class DamagedDatabaseError extends Error {
  override readonly name = 'DamagedDatabaseError';
  constructor(
    readonly databaseFile: string,
    readonly problems: string[],
    readonly backups: Backup[],
    readonly backupsFolder: string,
  ) {
    const latest = backups[0];
    super(
      `Le fichier de données de Parcours (${databaseFile}) est endommagé ou n’est pas une base ` +
        `de données Parcours (${problems[0] ?? 'contrôle d’intégrité échoué'}). ` +
        'Il n’a été ni ouvert ni modifié. ' +
        (latest
          ? `La sauvegarde vérifiée la plus récente date du ${formatDateTime(latest.createdAt)} ` +
            `(${backups.length} sauvegarde(s) vérifiée(s) dans ${backupsFolder}).`
          : `Aucune sauvegarde vérifiée n’a été trouvée dans ${backupsFolder}.`),
    );
  }
}

/**
 * Checks the database file before anything writes to it (migrations included): a damaged
 * file, or one that is not a database, stops the start with a DamagedDatabaseError.
 * An empty file is a new database, unless backups show that there was a programme here.
 */
export function assertUndamaged(databaseFile: string, dataDir: string): void {
  if (!fs.existsSync(databaseFile)) return;
  const folder = backupsFolder(dataDir);
  const damaged = (problems: string[]) =>
    new DamagedDatabaseError(
      databaseFile,
      problems,
      readBackups(dataDir, { verify: true }).filter((b) => b.status === 'verified'),
      folder,
    );
  if (fs.statSync(databaseFile).size === 0) {
    if (readBackups(dataDir, { verify: false }).length > 0) throw damaged(['le fichier est vide']);
    return;
  }
  const problems = databaseProblems(databaseFile, false);
  if (problems.length > 0) throw damaged(problems);
}

/** Where a damaged database is put aside when a backup replaces it: never deleted. */
export const damagedFolder = (dataDir: string) => path.join(dataDir, 'endommagees');

const kindLabels: Record<Backup['kind'], string> = {
  automatic: 'automatique',
  manual: 'manuelle',
  before_restore: 'avant restauration',
  before_upgrade: 'avant mise à jour',
};

/** The verified backups of a DamagedDatabaseError, one line each, for the transports to show. */
export function describeBackups(backups: Backup[], max = 5): string {
  const lines = backups
    .slice(0, max)
    .map(
      (b) =>
        `  – ${formatDateTime(b.createdAt)}, sauvegarde ${kindLabels[b.kind]}, ` +
        `${(b.size / 1024 / 1024).toFixed(1).replace('.', ',')} Mo (${b.id}.sqlite)`,
    );
  if (backups.length > max) lines.push(`  … et ${backups.length - max} plus ancienne(s)`);
  return lines.join('\n');
}
