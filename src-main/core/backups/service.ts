import type { z } from 'zod';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  Backup,
  BackupKind,
  backupPage,
  BackupSummary,
  FileOutput,
  inspectArchiveInput,
  inspectBackupInput,
  inspectedArchive,
  listBackupsInput,
  restored,
  restoreInput,
} from '../../contract';
import type { Context, Storage } from '../context';
import { AppError } from '../errors';
import { readArchive, writeArchive, ARCHIVE_EXTENSION } from './archive';
import { checkCopy, checkCopyOffThread, summarise } from './copy';
import { damagedFolder, databaseProblems, lookReadOnly } from './integrity';
import {
  backupFile,
  backupsFolder,
  keepAsBackup,
  readBackups,
  removeBackup,
  sha256File,
  syncFolder,
  syncToDisk,
  workFolder,
} from './folder';
import { DEFAULT_ROTATION, backupsToKeep } from './rotation';
import { databaseSchema, shippedMigrations } from './schema';
import { APP_VERSION } from './version';
import { beginStep, reportProgress } from '../system/progress';
import { carryIdentity, readIdentity } from '../sync/installations';

const DATABASE_NAME = 'parcours.sqlite';
const HOUR_MS = 60 * 60 * 1000;
/** Pages copied between two looks at the progress (and two turns of the event loop). */
const COPY_PAGES_PER_STEP = 256;
/** An automatic backup at start when the last one is older than this. */
export const BACKUP_AT_START_AFTER_MS = 24 * HOUR_MS;

// One backup or restore at a time per programme: they copy or replace the same file.
const queues = new WeakMap<Storage, Promise<unknown>>();
function exclusive<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(ctx.storage) ?? Promise.resolve()).then(work);
  queues.set(
    ctx.storage,
    next.catch(() => undefined),
  );
  return next;
}

// How many rows the connection had changed at the last backup: a copy of unchanged data is useless.
const changesAtBackup = new WeakMap<object, number>();
const totalChanges = (ctx: Context) =>
  (ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Nothing changed since the connection was opened: called once the core is ready. */
export const markUnchanged = (ctx: Context) => changesAtBackup.set(ctx.sqlite, totalChanges(ctx));
const changedSinceBackup = (ctx: Context) => changesAtBackup.get(ctx.sqlite) !== totalChanges(ctx);

/** Copies the live database with SQLite's online backup into `file`, then checks the copy. */
async function copyDatabase(ctx: Context, file: string) {
  await beginStep(ctx, 'copy');
  await ctx.sqlite.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      reportProgress(ctx, 'copy', totalPages - remainingPages, totalPages);
      return COPY_PAGES_PER_STEP;
    },
  });
  await beginStep(ctx, 'verify');
  const checked = await checkCopyOffThread(file, shippedMigrations(ctx.storage.migrationsFolder));
  if (!checked.verified) {
    throw new AppError(
      'INTERNAL',
      'La copie de la base de données n’a pas passé le contrôle d’intégrité de SQLite : elle n’a pas été gardée.',
    );
  }
  return checked;
}

/** A fresh folder for work in progress, removed by `finally` whatever happens. */
function scratch(ctx: Context, prefix: string) {
  const dir = path.join(workFolder(ctx.storage.dataDir), `${prefix}-${crypto.randomUUID()}`);
  fs.mkdirSync(dir);
  return dir;
}

/** Copies left by an interrupted backup or export (a copy of data replaced by a restore is never removed). */
function removeLeftovers(ctx: Context) {
  const work = workFolder(ctx.storage.dataDir);
  for (const name of fs.readdirSync(work)) {
    if (/^(copie|export)-/.test(name)) fs.rmSync(path.join(work, name), { recursive: true, force: true });
  }
}

async function makeBackup(ctx: Context, kind: BackupKind): Promise<Backup> {
  removeLeftovers(ctx);
  const dir = scratch(ctx, 'copie');
  try {
    const copy = path.join(dir, DATABASE_NAME);
    const changes = totalChanges(ctx);
    const checked = await copyDatabase(ctx, copy);
    const backup = keepAsBackup(ctx.storage.dataDir, copy, kind, ctx.now(), checked, APP_VERSION);
    changesAtBackup.set(ctx.sqlite, changes);
    if (kind === 'automatic') rotate(ctx);
    return backup;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes the automatic backups the rotation no longer keeps; manual ones and those made before a restore stay. */
function rotate(ctx: Context) {
  const automatic = readBackups(ctx.storage.dataDir, { verify: false }).filter((b) => b.kind === 'automatic');
  for (const backup of backupsToKeep(automatic, DEFAULT_ROTATION).remove) {
    removeBackup(ctx.storage.dataDir, backup.id);
  }
}

export function listBackups(
  ctx: Context,
  { page, pageSize }: z.output<typeof listBackupsInput>,
): z.output<typeof backupPage> {
  const all = readBackups(ctx.storage.dataDir, { verify: true });
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
    folder: backupsFolder(ctx.storage.dataDir),
    lastAutomaticAt: all.find((b) => b.kind === 'automatic')?.createdAt ?? null,
  };
}

export const createBackup = (ctx: Context): Promise<Backup> =>
  exclusive(ctx, () => makeBackup(ctx, 'manual'));

/** When an automatic backup is made: at start after a day without one, on the timer and on quit when data changed. */
export type BackupMoment = 'start' | 'timer' | 'quit';

export function isBackupDue(moment: BackupMoment, lastAt: Date | null, now: Date, changed: boolean): boolean {
  if (moment === 'start')
    return lastAt === null || now.getTime() - lastAt.getTime() >= BACKUP_AT_START_AFTER_MS;
  return changed;
}

/** Makes an automatic backup when one is due at this moment; null when none was. */
export function automaticBackup(ctx: Context, moment: BackupMoment): Promise<Backup | null> {
  return exclusive(ctx, async () => {
    const last = readBackups(ctx.storage.dataDir, { verify: false }).find((b) => b.kind === 'automatic');
    const lastAt = last ? new Date(last.createdAt) : null;
    if (!isBackupDue(moment, lastAt, ctx.now(), changedSinceBackup(ctx))) return null;
    return makeBackup(ctx, 'automatic');
  });
}

export function exportArchive(ctx: Context): Promise<FileOutput> {
  return exclusive(ctx, async () => {
    const dir = scratch(ctx, 'export');
    try {
      const checked = await copyDatabase(ctx, path.join(dir, DATABASE_NAME));
      const archive = path.join(dir, `archive.${ARCHIVE_EXTENSION}`);
      const now = ctx.now();
      await beginStep(ctx, 'compress');
      await writeArchive(
        dir,
        [DATABASE_NAME],
        { appVersion: APP_VERSION, schemaVersion: checked.schemaVersion, createdAt: now.toISOString() },
        archive,
      );
      return {
        fileName: `parcours-sauvegarde-${now.toISOString().slice(0, 10)}.${ARCHIVE_EXTENSION}`,
        mimeType: 'application/gzip',
        dataBase64: fs.readFileSync(archive).toString('base64'),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

const pendingFolder = (ctx: Context, token: string) =>
  path.join(workFolder(ctx.storage.dataDir), `restauration-${token}`);

/**
 * Unpacks and checks an archive (manifest, checksums, SQLite integrity, schema) and keeps it aside
 * until the user confirms; one archive waits at a time.
 */
export function inspectArchive(
  ctx: Context,
  { archiveBase64 }: z.output<typeof inspectArchiveInput>,
): Promise<z.output<typeof inspectedArchive>> {
  return exclusive(ctx, async () => {
    const work = workFolder(ctx.storage.dataDir);
    for (const name of fs.readdirSync(work)) {
      if (name.startsWith('restauration-'))
        fs.rmSync(path.join(work, name), { recursive: true, force: true });
    }
    const token = crypto.randomUUID();
    const dir = pendingFolder(ctx, token);
    fs.mkdirSync(dir);
    try {
      const archive = path.join(dir, `archive.${ARCHIVE_EXTENSION}`);
      fs.writeFileSync(archive, Buffer.from(archiveBase64, 'base64'));
      await beginStep(ctx, 'unpack');
      const manifest = await readArchive(archive, dir, [DATABASE_NAME]);
      fs.rmSync(archive);
      await beginStep(ctx, 'verify');
      const summary = checkedSummary(ctx, path.join(dir, DATABASE_NAME), manifest);
      fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
      return { token, summary };
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  });
}

/** The full check of a copy about to be restored. */
function checkedSummary(
  ctx: Context,
  file: string,
  made: { createdAt: string; appVersion: string | null; schemaVersion?: string | null },
): BackupSummary {
  if (databaseProblems(file, true).length > 0) {
    throw new AppError(
      'VALIDATION',
      'La base de données de cette sauvegarde est endommagée (contrôle d’intégrité de SQLite échoué). Rien n’a été remplacé.',
    );
  }
  return summarise(file, ctx.storage.migrationsFolder, made);
}

const damagedBackup = () =>
  new AppError(
    'CONFLICT',
    'Cette sauvegarde est endommagée (son contenu ne correspond plus à sa somme de contrôle) : elle ne peut pas être restaurée.',
  );

function findVerifiedBackup(ctx: Context, id: string): Backup {
  const backup = readBackups(ctx.storage.dataDir, { verify: true }).find((b) => b.id === id);
  if (!backup) throw new AppError('NOT_FOUND', 'Sauvegarde introuvable.');
  if (backup.status !== 'verified') throw damagedBackup();
  return backup;
}

export function inspectBackup(
  ctx: Context,
  { id }: z.output<typeof inspectBackupInput>,
): Promise<BackupSummary> {
  return exclusive(ctx, async () => {
    const backup = findVerifiedBackup(ctx, id);
    return summarise(backupFile(ctx.storage.dataDir, id), ctx.storage.migrationsFolder, backup);
  });
}

export function restore(
  ctx: Context,
  { source }: z.output<typeof restoreInput>,
): Promise<z.output<typeof restored>> {
  return exclusive(ctx, async () => {
    let dir: string;
    let summary: BackupSummary;
    if (source.from === 'archive') {
      dir = pendingFolder(ctx, source.token);
      const staged = path.join(dir, DATABASE_NAME);
      const summaryFile = path.join(dir, 'summary.json');
      if (!fs.existsSync(staged) || !fs.existsSync(summaryFile)) {
        throw new AppError(
          'NOT_FOUND',
          'Cette archive n’est plus en attente de restauration : choisissez-la de nouveau.',
        );
      }
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
        files: { name: string; sha256: string }[];
      };
      if (sha256File(staged) !== manifest.files.find((f) => f.name === DATABASE_NAME)?.sha256) {
        throw damagedBackup();
      }
      summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as BackupSummary;
    } else {
      const backup = findVerifiedBackup(ctx, source.id);
      dir = scratch(ctx, 'restauration');
      const staged = path.join(dir, DATABASE_NAME);
      await beginStep(ctx, 'copy');
      fs.copyFileSync(backupFile(ctx.storage.dataDir, backup.id), staged);
      await beginStep(ctx, 'verify');
      summary = checkedSummary(ctx, staged, backup);
    }
    try {
      await beginStep(ctx, 'replace');
      const kept = replaceDatabase(ctx, path.join(dir, DATABASE_NAME));
      return { restored: summary, kept };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

const companions = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

/**
 * Puts a checked copy in the place of the live database, in one synchronous step (no other call
 * can run in between): the connection is closed, the current file kept as a backup "before
 * restore", the copy renamed into place (atomic: at every instant the file is the old one or the
 * new one), and the connection reopened, which migrates an older copy. If the copy cannot be
 * opened, the current file is put back.
 */
function replaceDatabase(ctx: Context, staged: string): Backup {
  const { databaseFile, dataDir } = ctx.storage;
  const keep = path.join(workFolder(dataDir), `avant-restauration-${crypto.randomUUID()}.sqlite`);
  syncToDisk(staged);
  const identity = readIdentity(ctx.sqlite);
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ctx.sqlite.close();
  try {
    // A second name for the current file (no copy to wait for); a copy where links are not possible.
    try {
      fs.linkSync(databaseFile, keep);
    } catch {
      fs.copyFileSync(databaseFile, keep);
    }
    // The WAL was checkpointed into the file: an old one must never be replayed on the new file.
    for (const f of companions(databaseFile)) fs.rmSync(f, { force: true });
    fs.renameSync(staged, databaseFile);
    syncFolder(path.dirname(databaseFile));
  } catch (error) {
    Object.assign(ctx, ctx.storage.open());
    fs.rmSync(keep, { force: true });
    throw error;
  }
  try {
    Object.assign(ctx, ctx.storage.open());
    carryIdentity(ctx.sqlite, identity);
  } catch (error) {
    ctx.sqlite.close();
    for (const f of companions(databaseFile)) fs.rmSync(f, { force: true });
    fs.renameSync(keep, databaseFile);
    Object.assign(ctx, ctx.storage.open());
    throw new AppError(
      'INTERNAL',
      `La sauvegarde n’a pas pu être ouverte (${(error as Error).message}) : les données actuelles ont été remises en place.`,
    );
  }
  try {
    const checked = checkCopy(keep, shippedMigrations(ctx.storage.migrationsFolder));
    return keepAsBackup(dataDir, keep, 'before_restore', ctx.now(), checked, APP_VERSION);
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `Les données ont été restaurées, mais la copie des données remplacées n’a pas pu être rangée ` +
        `parmi les sauvegardes (${(error as Error).message}) : elle se trouve dans ${keep}.`,
    );
  }
}

/** A database of an older Parcours, copied as it was before this version migrated it. */
export interface Upgrade {
  /** The schema it had (last migration applied), and the one it gets. */
  from: string;
  to: string;
  backup: Backup;
}

/** An upgrade in one line, for the transports to print at start. */
export const describeUpgrade = ({ from, to, backup }: Upgrade) =>
  `Données mises à jour (schéma ${from} → ${to}) ; copie d’avant la mise à jour : ${backup.id}`;

/**
 * At start, before a newer Parcours migrates an older database: a verified copy of it as it was,
 * kept as a backup "before upgrade" (never removed by the rotation). Null when there is nothing to
 * migrate. When the copy cannot be made or does not pass SQLite's integrity check, the start stops
 * and the database is left as it was, not migrated.
 */
export function backupBeforeUpgrade(
  dataDir: string,
  databaseFile: string,
  migrationsFolder: string,
  now: Date,
): Upgrade | null {
  if (!fs.existsSync(databaseFile) || fs.statSync(databaseFile).size === 0) return null;
  const shipped = shippedMigrations(migrationsFolder);
  const schema = lookReadOnly(databaseFile, (db) => databaseSchema(db, shipped));
  if (schema.version === null || schema.missing === 0) return null;
  let copy: string | undefined;
  try {
    copy = path.join(workFolder(dataDir), `avant-mise-a-jour-${crypto.randomUUID()}.sqlite`);
    // A consistent copy, the WAL's committed pages included, made without writing to the database.
    lookReadOnly(databaseFile, (db) => db.prepare('VACUUM INTO ?').run(copy));
    const checked = checkCopy(copy, shipped);
    if (!checked.verified) throw new Error('la copie n’a pas passé le contrôle d’intégrité de SQLite');
    const backup = keepAsBackup(dataDir, copy, 'before_upgrade', now, checked, APP_VERSION);
    return { from: schema.version, to: shipped.at(-1)!.tag, backup };
  } catch (error) {
    throw new Error(
      `Parcours n’a pas mis à jour ses données (${databaseFile}) : la sauvegarde à faire avant la mise à jour ` +
        `a échoué (${(error as Error).message}). Les données n’ont pas été modifiées ; libérez de l’espace ` +
        'sur le disque ou vérifiez le dossier des données, puis relancez Parcours.',
    );
  } finally {
    if (copy) fs.rmSync(copy, { force: true });
  }
}

/**
 * At start, when the database is damaged (see DamagedDatabaseError): puts the newest verified
 * backup in its place. The damaged file is moved aside to `endommagees/`, never deleted.
 */
export function restoreLatestBackup(dataDir: string, now = new Date()): Backup {
  const latest = readBackups(dataDir, { verify: true }).find((b) => b.status === 'verified');
  if (!latest) throw new Error(`Aucune sauvegarde vérifiée dans ${backupsFolder(dataDir)}.`);
  const databaseFile = path.join(dataDir, DATABASE_NAME);
  const staged = path.join(workFolder(dataDir), `restauration-${crypto.randomUUID()}.sqlite`);
  fs.copyFileSync(backupFile(dataDir, latest.id), staged);
  if (sha256File(staged) !== sha256File(backupFile(dataDir, latest.id))) {
    fs.rmSync(staged, { force: true });
    throw new Error('La copie de la sauvegarde a échoué (disque plein ?).');
  }
  syncToDisk(staged);
  const aside = damagedFolder(dataDir);
  fs.mkdirSync(aside, { recursive: true });
  const kept = path.join(aside, `parcours-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  // The damaged file keeps its name until the backup replaces it in one rename: a start never
  // finds the place empty (which would begin a new, empty programme).
  try {
    fs.linkSync(databaseFile, kept);
  } catch {
    fs.copyFileSync(databaseFile, kept);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, kept + suffix);
  }
  fs.renameSync(staged, databaseFile);
  syncFolder(dataDir);
  return latest;
}
