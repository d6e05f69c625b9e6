import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { registerFunctions } from '../db/client';
import { applyMigrations } from '../db/migrate';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface ShippedMigration {
  tag: string;
  hash: string;
  /** What drizzle writes in `created_at` when it applies the migration. */
  createdAt: number;
}

/** The migrations this version of Parcours ships, oldest first; the last tag is its schema version. */
export function shippedMigrations(migrationsFolder: string): ShippedMigration[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, i) => ({
    tag: entry.tag,
    hash: files[i]!.hash,
    createdAt: files[i]!.folderMillis,
  }));
}

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

// ── The schema itself: data, never code ───────────────────────────────────────────────

/** One line of `sqlite_schema`: a table, an index, a trigger or a view, as SQLite keeps it. */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const schemaObjects = (sqlite: Database.Database) =>
  sqlite
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaObject[];

// What the shipped migrations produce, per folder and number of migrations applied.
const migrated = new Map<string, SchemaObject[]>();

/** The schema the first `count` migrations of `migrationsFolder` produce, built once in memory. */
function migratedSchema(migrationsFolder: string, count: number): SchemaObject[] {
  const key = `${migrationsFolder}\n${count}`;
  const known = migrated.get(key);
  if (known) return known;
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string }[];
  };
  // Those migrations alone, in a folder of their own, applied as a start-up applies them.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-schema-'));
  const sqlite = new Database(':memory:');
  registerFunctions(sqlite);
  try {
    const entries = journal.entries.slice(0, count);
    fs.mkdirSync(path.join(folder, 'meta'));
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries) {
      fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
    }
    if (count > 0) applyMigrations(sqlite, drizzle(sqlite), folder);
    const objects = schemaObjects(sqlite);
    migrated.set(key, objects);
    return objects;
  } finally {
    sqlite.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const TYPE_LABELS: Record<string, string> = {
  table: 'table',
  index: 'index',
  trigger: 'déclencheur',
  view: 'vue',
};

/** A name from the file, safe to show: printable and short. */
const shown = (name: string) => `« ${name.replace(/[^\p{L}\p{N}_ .-]/gu, '?').slice(0, 40)} »`;

/**
 * How a database's schema differs from what the shipped migrations produce for the migrations it
 * records (read only): an empty list when it is exactly that. Anything else, a trigger or a view
 * above all, could run when Parcours writes to it: a database to restore must carry data only.
 * The journal of its migrations must be the first shipped ones, in order, as drizzle wrote them.
 */
export function schemaDifferences(
  sqlite: Database.Database,
  shipped: ShippedMigration[],
  migrationsFolder: string,
): string[] {
  const objects = schemaObjects(sqlite);
  const journal = objects.some((o) => o.type === 'table' && o.name === MIGRATIONS_TABLE)
    ? (sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as {
        hash: unknown;
        createdAt: unknown;
      }[])
    : [];
  const inOrder = journal.every(
    (m, i) => m.hash === shipped[i]?.hash && Number(m.createdAt) === shipped[i]?.createdAt,
  );
  if (journal.length > shipped.length || !inOrder) return ['journal des migrations modifié'];
  const expected = new Map(
    migratedSchema(migrationsFolder, journal.length).map((o) => [`${o.type}\n${o.name}`, o]),
  );
  const differences: string[] = [];
  for (const object of objects) {
    const label = `${TYPE_LABELS[object.type] ?? object.type} ${shown(object.name)}`;
    const twin = expected.get(`${object.type}\n${object.name}`);
    if (!twin) differences.push(`${label} en plus`);
    else if (twin.tbl_name !== object.tbl_name || twin.sql !== object.sql)
      differences.push(`${label} modifié(e)`);
    expected.delete(`${object.type}\n${object.name}`);
  }
  for (const object of expected.values()) {
    differences.push(`${TYPE_LABELS[object.type] ?? object.type} ${shown(object.name)} manquant(e)`);
  }
  return differences;
}
