import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db, Sqlite } from './client';
import { AppError } from '../errors';

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Refuses a database that carries migrations this version does not ship (made by a
 * newer Parcours, or by another program). Reads it read-only, so it is left untouched.
 */
export function assertKnownMigrations(file: string, migrationsFolder: string): void {
  if (!fs.existsSync(file)) return;
  const shipped = new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
  // A read-only look at a WAL database still creates its -wal and -shm companions:
  // they are removed afterwards when this look created them, so the folder is as it was.
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(MIGRATIONS_TABLE);
    if (!table) return;
    const applied = sqlite.prepare(`SELECT hash FROM ${MIGRATIONS_TABLE}`).all() as { hash: string }[];
    const unknown = applied.filter((m) => !shipped.has(m.hash));
    if (unknown.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Cette base de données (${file}) a été modifiée par une version plus récente de Parcours ` +
          `(${unknown.length} migration(s) inconnue(s)). Elle n'a pas été ouverte ni modifiée : ` +
          'installez la dernière version de Parcours pour l’utiliser.',
      );
    }
  } finally {
    sqlite.close();
    const wal = `${file}-wal`;
    const walEmpty = !fs.existsSync(wal) || fs.statSync(wal).size === 0;
    if (walEmpty) for (const f of companions) fs.rmSync(f, { force: true });
  }
}

/** Applies the shipped migrations in one go, with foreign keys checked afterwards. */
export function applyMigrations(sqlite: Sqlite, db: Db, migrationsFolder: string): void {
  // Table rebuilds in migrations must not cascade: keys are off during migrate, checked after.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new AppError('INTERNAL', `Migration : ${broken.length} référence(s) cassée(s).`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
