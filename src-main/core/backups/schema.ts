import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type Database from 'better-sqlite3';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface ShippedMigration {
  tag: string;
  hash: string;
}

/** The migrations this version of Parcours ships, oldest first; the last tag is its schema version. */
export function shippedMigrations(migrationsFolder: string): ShippedMigration[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, i) => ({ tag: entry.tag, hash: files[i]!.hash }));
}

export const currentSchemaVersion = (migrationsFolder: string) =>
  shippedMigrations(migrationsFolder).at(-1)?.tag ?? null;

export interface DatabaseSchema {
  /** The tag of the last migration applied, null for an empty database. */
  version: string | null;
  /** Applied migrations this version does not ship: the copy comes from a newer Parcours. */
  unknown: number;
  /** Shipped migrations not applied yet: the copy will be upgraded when opened. */
  missing: number;
}

/** Which of the shipped migrations a database carries (read only). */
export function databaseSchema(sqlite: Database.Database, shipped: ShippedMigration[]): DatabaseSchema {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  const applied = table
    ? (sqlite.prepare(`SELECT hash FROM ${MIGRATIONS_TABLE}`).all() as { hash: string }[]).map((m) => m.hash)
    : [];
  const appliedSet = new Set(applied);
  const known = shipped.filter((m) => appliedSet.has(m.hash));
  const shippedHashes = new Set(shipped.map((m) => m.hash));
  return {
    version: known.at(-1)?.tag ?? null,
    unknown: applied.filter((h) => !shippedHashes.has(h)).length,
    missing: shipped.length - known.length,
  };
}
