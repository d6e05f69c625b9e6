import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupSummary } from '../../contract';
import { AppError } from '../errors';
import { sha256File, type CheckedCopy } from './folder';
import { lookReadOnly } from './integrity';
import { databaseSchema, schemaDifferences, shippedMigrations, type ShippedMigration } from './schema';

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

export const foreignSchemaError = (differences: string[]) =>
  new AppError(
    'VALIDATION',
    'Cette sauvegarde ne contient pas exactement les tables que Parcours crée : ' +
      `${differences.slice(0, 3).join(', ')}${differences.length > 3 ? '…' : ''}. ` +
      'Elle pourrait porter du code (déclencheurs, vues) au lieu de données : elle a été refusée. ' +
      'Rien n’a été remplacé.',
  );

/**
 * What a checked copy holds (read only), for the user to see before restoring it. Refuses a copy
 * made by a newer Parcours (this version could not read it without damaging it), and a copy whose
 * schema is not exactly what the migrations produce.
 */
export function summarise(
  file: string,
  migrationsFolder: string,
  made: { createdAt: string; appVersion: string | null; schemaVersion?: string | null },
): BackupSummary {
  const shipped = shippedMigrations(migrationsFolder);
  const { schema, differences, counts } = lookReadOnly(file, (db) => {
    const schema = databaseSchema(db, shipped);
    // A copy from a newer Parcours has tables this version does not know: told as such below.
    if (schema.unknown > 0) return { schema, differences: [] };
    const differences = schemaDifferences(db, shipped, migrationsFolder);
    if (differences.length > 0) return { schema, differences };
    const counts = {
      organisations: count(db, 'organisations'),
      participants: count(db, 'participants'),
      sessions: count(db, 'sessions'),
      documents: count(db, 'documents'),
    };
    return { schema, differences, counts };
  });
  const knownTags = new Set(shipped.map((m) => m.tag));
  if (schema.unknown > 0 || (made.schemaVersion && !knownTags.has(made.schemaVersion))) {
    throw newerSchemaError(made.schemaVersion ?? schema.version);
  }
  if (!counts) throw foreignSchemaError(differences);
  return {
    createdAt: made.createdAt,
    appVersion: made.appVersion,
    schemaVersion: schema.version,
    upgraded: schema.missing > 0,
    size: fs.statSync(file).size,
    counts,
  };
}
