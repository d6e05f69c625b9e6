import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupSummary } from '../../contract';
import { AppError } from '../errors';
import { sha256File, type CheckedCopy } from './folder';
import { databaseProblems, lookReadOnly } from './integrity';
import { integrityProblemsOffThread, sha256FileAsync } from './offthread';
import { databaseSchema, schemaDifferences, shippedMigrations, type ShippedMigration } from './schema';

/**
 * Makes a fresh copy of the database a standalone file (rollback journal instead of WAL, so no
 * companion file is needed) and reads its schema version; null when it is not a database at all.
 */
function standalone(file: string, shipped: ShippedMigration[]): { schemaVersion: string | null } | null {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      return { schemaVersion: databaseSchema(db, shipped).version };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Makes a fresh copy standalone and runs SQLite's full integrity check on it. */
export function checkCopy(file: string, shipped: ShippedMigration[]): CheckedCopy {
  const copy = standalone(file, shipped);
  // Not a database at all: kept, but marked as damaged.
  const verified = copy !== null && databaseProblems(file, true).length === 0;
  return {
    size: fs.statSync(file).size,
    sha256: sha256File(file),
    verified,
    schemaVersion: copy?.schemaVersion ?? null,
  };
}

/** The same check, its integrity check in a worker thread and its checksum streamed: the event loop stays free. */
export async function checkCopyOffThread(file: string, shipped: ShippedMigration[]): Promise<CheckedCopy> {
  const copy = standalone(file, shipped);
  const verified = copy !== null && (await integrityProblemsOffThread(file)).length === 0;
  return {
    size: fs.statSync(file).size,
    sha256: await sha256FileAsync(file),
    verified,
    schemaVersion: copy?.schemaVersion ?? null,
  };
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
