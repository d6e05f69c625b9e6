import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupKinds, type Backup, type BackupKind } from '../../contract';

export const BACKUPS_FOLDER = 'sauvegardes';

/** `<dataDir>/sauvegardes`: one `<id>.sqlite` per backup, with its `<id>.json` record beside it. */
export const backupsFolder = (dataDir: string) => path.join(dataDir, BACKUPS_FOLDER);

/** Copies being made or checked, and archives waiting for a restore (same disk: renames are atomic). */
export function workFolder(dataDir: string): string {
  const folder = path.join(backupsFolder(dataDir), '.en-cours');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

const kindNames: Record<BackupKind, string> = {
  automatic: 'auto',
  manual: 'manuelle',
  before_restore: 'avant-restauration',
  before_upgrade: 'avant-mise-a-jour',
};
const kindOfName = new Map(Object.entries(kindNames).map(([kind, name]) => [name, kind as BackupKind]));
const ID =
  /^parcours-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|manuelle|avant-restauration|avant-mise-a-jour)(-\d{1,4})?$/;

/** The record kept beside each backup: what it is, and the checksum of the file as checked. */
const record = z.object({
  format: z.literal('parcours-sauvegarde'),
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** SQLite's integrity check passed on this file when it was made. */
  verified: z.boolean(),
  appVersion: z.string().nullable(),
  schemaVersion: z.string().nullable(),
});
export type BackupRecord = z.infer<typeof record>;

/** sha256 of a file, read in chunks (backups can be large). */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Writes a file's data and its folder entry to the disk (a power cut keeps it). */
export function syncToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  syncFolder(path.dirname(file));
}

export function syncFolder(folder: string): void {
  // Folders cannot be opened for syncing on Windows: the rename is durable there anyway.
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on this system
  }
}

/** Writes a small file whole or not at all. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(tmp, content);
  syncToDisk(tmp);
  fs.renameSync(tmp, file);
  syncFolder(path.dirname(file));
}

/** A free name for a new backup made at `at`: `parcours-20240315-100000-auto` (UTC), `-2` when taken. */
export function newBackupId(dataDir: string, kind: BackupKind, at: Date): string {
  const folder = backupsFolder(dataDir);
  const iso = at.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  const base = `parcours-${stamp}-${kindNames[kind]}`;
  const taken = (id: string) =>
    fs.existsSync(path.join(folder, `${id}.sqlite`)) || fs.existsSync(path.join(folder, `${id}.json`));
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export const backupFile = (dataDir: string, id: string) => path.join(backupsFolder(dataDir), `${id}.sqlite`);
const recordFile = (dataDir: string, id: string) => path.join(backupsFolder(dataDir), `${id}.json`);

/** What was checked when a copy was made: recorded beside it once it is named. */
export interface CheckedCopy {
  size: number;
  sha256: string;
  verified: boolean;
  schemaVersion: string | null;
}

/**
 * Moves a checked copy into the backups folder under a new name: the record first, then the
 * file, so that a backup never appears without the checksum that vouches for it.
 */
export function keepAsBackup(
  dataDir: string,
  copy: string,
  kind: BackupKind,
  createdAt: Date,
  checked: CheckedCopy,
  appVersion: string,
): Backup {
  fs.mkdirSync(backupsFolder(dataDir), { recursive: true });
  const id = newBackupId(dataDir, kind, createdAt);
  const kept: BackupRecord = {
    format: 'parcours-sauvegarde',
    kind,
    createdAt: createdAt.toISOString(),
    size: checked.size,
    sha256: checked.sha256,
    verified: checked.verified,
    appVersion,
    schemaVersion: checked.schemaVersion,
  };
  writeFileAtomic(recordFile(dataDir, id), `${JSON.stringify(kept, null, 2)}\n`);
  syncToDisk(copy);
  fs.renameSync(copy, backupFile(dataDir, id));
  syncFolder(backupsFolder(dataDir));
  return toBackup(id, kept, checked.verified ? 'verified' : 'damaged');
}

const toBackup = (id: string, r: BackupRecord, status: Backup['status']): Backup => ({
  id,
  createdAt: r.createdAt,
  kind: r.kind,
  status,
  size: r.size,
  appVersion: r.appVersion,
  schemaVersion: r.schemaVersion,
});

function readRecord(dataDir: string, id: string): BackupRecord | null {
  try {
    return record.parse(JSON.parse(fs.readFileSync(recordFile(dataDir, id), 'utf8')));
  } catch {
    return null;
  }
}

// Checksums of files already read, while they keep the same size and modification time.
const checksums = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

function checksumOf(file: string, stat: fs.Stats): string {
  const known = checksums.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.sha256;
  const sha256 = sha256File(file);
  checksums.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256 });
  return sha256;
}

/**
 * The backups in the folder, newest first. With `verify`, each file's checksum is compared to
 * the one recorded when it passed the integrity check; without, only its size (quick).
 * A file without a readable record was never checked: it is listed as damaged.
 */
export function readBackups(dataDir: string, { verify }: { verify: boolean }): Backup[] {
  const folder = backupsFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  const backups: Backup[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.sqlite')) continue;
    const id = name.slice(0, -'.sqlite'.length);
    const parts = ID.exec(id);
    if (!parts) continue;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    const kept = readRecord(dataDir, id);
    if (!kept) {
      const [, y, mo, d, h, mi, s, kindName] = parts;
      backups.push({
        id,
        createdAt: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`).toISOString(),
        kind: kindOfName.get(kindName!) ?? 'manual',
        status: 'damaged',
        size: stat.size,
        appVersion: null,
        schemaVersion: null,
      });
      continue;
    }
    const intact =
      kept.verified && stat.size === kept.size && (!verify || checksumOf(file, stat) === kept.sha256);
    backups.push(toBackup(id, kept, intact ? 'verified' : 'damaged'));
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Removes a backup and its record. */
export function removeBackup(dataDir: string, id: string): void {
  fs.rmSync(backupFile(dataDir, id), { force: true });
  fs.rmSync(recordFile(dataDir, id), { force: true });
}
