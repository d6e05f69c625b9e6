import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupSummary } from '../../contract';
import { AppError } from '../errors';
import { sha256File, type CheckedCopy } from './folder';
import { lookReadOnly } from './integrity';
import { databaseSchema, type ShippedMigration } from './schema';

/**
 * Makes a fresh copy of the database a standalone file (rollback journal instead of WAL, so no
 * companion file is needed) and runs SQLite's full integrity check on it.
 */
export function checkCopy(file: string, shipped: ShippedMigration[]): CheckedCopy {
  let verified = false;
  let schemaVersion: string | null = null;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      verified = rows.length === 1 && rows[0]!.integrity_check === 'ok';
      schemaVersion = databaseSchema(db, shipped).version;
    } finally {
      db.close();
    }
  } catch {
    // Not a database at all: kept, but marked as damaged.
    verified = false;
  }
  return { size: fs.statSync(file).size, sha256: sha256File(file), verified, schemaVersion };
}

function count(db: Database.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  const columns = db.pragma(`table_info(${table})`) as { name: string }[];
  const live = columns.some((c) => c.name === 'deleted_at') ? ' WHERE deleted_at IS NULL' : '';
  return (db.prepare(`SELECT count(*) AS n FROM ${table}${live}`).get() as { n: number }).n;
}

export const newerSchemaError = (version: string | null) =>
  new AppError(
    'CONFLICT',
    `Cette sauvegarde a été faite par une version plus récente de Parcours` +
      `${version ? ` (schéma ${version})` : ''} : installez la dernière version de Parcours pour la ` +
      'restaurer. Rien n’a été remplacé.',
  );

/**
 * What a checked copy holds (read only), for the user to see before restoring it. Refuses a copy
 * made by a newer Parcours: this version could not read it without damaging it.
 */
export function summarise(
  file: string,
  shipped: ShippedMigration[],
  made: { createdAt: string; appVersion: string | null; schemaVersion?: string | null },
): BackupSummary {
  const { schema, counts } = lookReadOnly(file, (db) => ({
    schema: databaseSchema(db, shipped),
    counts: {
      organisations: count(db, 'organisations'),
      participants: count(db, 'participants'),
      sessions: count(db, 'sessions'),
      documents: count(db, 'documents'),
    },
  }));
  const knownTags = new Set(shipped.map((m) => m.tag));
  if (schema.unknown > 0 || (made.schemaVersion && !knownTags.has(made.schemaVersion))) {
    throw newerSchemaError(made.schemaVersion ?? schema.version);
  }
  return {
    createdAt: made.createdAt,
    appVersion: made.appVersion,
    schemaVersion: schema.version,
    upgraded: schema.missing > 0,
    size: fs.statSync(file).size,
    counts,
  };
}
