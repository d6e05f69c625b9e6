import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../src-main/core';
import { openDb } from '../../src-main/core/db/client';
import { applyMigrations } from '../../src-main/core/db/migrate';
import { backupFile } from '../../src-main/core/backups/folder';
import { openWithAdmin } from '../fixtures/accounts';
import {
  MIGRATIONS,
  migrationTags,
  migrationsUpTo,
  moduleWithGuide,
  okCaller,
  tempDir,
} from '../fixtures/core';

const NOW = new Date('2024-06-03T08:00:00Z');
const tags = migrationTags();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

type Rows = Map<string, Map<number, Record<string, unknown>>>;

/** Every row of every table of the programme, by table and rowid (read only). */
function rowsOf(file: string): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'",
      )
      .pluck()
      .all() as string[];
    return new Map(
      tables.map((table) => {
        const rows = db.prepare(`SELECT rowid AS __rowid, * FROM "${table}"`).all() as Record<
          string,
          unknown
        >[];
        return [table, new Map(rows.map(({ __rowid, ...row }) => [__rowid as number, row]))];
      }),
    );
  } finally {
    db.close();
  }
}

/** The rows of `before` that `after` lost or changed, as `table#rowid`. */
function lostOrChanged(before: Rows, after: Rows): string[] {
  const problems: string[] = [];
  for (const [table, rows] of before) {
    for (const [rowid, row] of rows) {
      const now = after.get(table)?.get(rowid);
      if (!now) problems.push(`${table}#${rowid} lost`);
      else if (
        JSON.stringify(Object.entries(now).filter(([k]) => k in row)) !== JSON.stringify(Object.entries(row))
      )
        problems.push(`${table}#${rowid} changed`);
    }
  }
  return problems;
}

const rowCount = (rows: Rows) => [...rows.values()].reduce((n, r) => n + r.size, 0);

describe('upgrade from every released schema', () => {
  // A programme written by today's Parcours: the demonstration, an account, a document.
  let programme: string;
  let programmeDir: string;

  beforeAll(async () => {
    const t = await openWithAdmin({ now: () => NOW });
    const ok = t.ok;
    ok('demo.load', {});
    moduleWithGuide(ok);
    programmeDir = tempDir();
    programme = path.join(programmeDir, 'programme.sqlite');
    await t.core.request('backups.create', {});
    t.core.close();
    fs.copyFileSync(t.core.databaseFile, programme);
  }, 60_000);
  afterAll(() => fs.rmSync(programmeDir, { recursive: true, force: true }));

  /**
   * A data folder whose database has the schema of `tag` (migrations up to it, as that release
   * applied them), holding the programme's rows of every table that schema has.
   */
  function dataFolderAt(tag: string): string {
    const dir = tempDir();
    const migrations = migrationsUpTo(tag);
    const { sqlite, db } = openDb(path.join(dir, DATABASE_FILE));
    try {
      applyMigrations(sqlite, db, migrations);
      sqlite.pragma('foreign_keys = OFF');
      sqlite.prepare('ATTACH DATABASE ? AS programme').run(programme);
      const tables = sqlite
        .prepare(
          "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'",
        )
        .pluck()
        .all() as string[];
      // The columns that schema has: a column added later (a derived key) is left for the upgrade.
      const columns = (table: string) =>
        (sqlite.pragma(`main.table_info("${table}")`) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
      sqlite.transaction(() => {
        for (const table of tables)
          sqlite.exec(
            `INSERT INTO main."${table}" (${columns(table)}) SELECT ${columns(table)} FROM programme."${table}"`,
          );
      })();
      sqlite.exec('DETACH DATABASE programme');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      sqlite.close();
      fs.rmSync(migrations, { recursive: true, force: true });
    }
    return dir;
  }

  it.each(tags.slice(0, -1))(
    'opens a database of schema %s with every record, after a verified backup of it as it was',
    (tag) => {
      const dir = dataFolderAt(tag);
      const file = path.join(dir, DATABASE_FILE);
      const before = rowsOf(file);
      expect(rowCount(before)).toBeGreaterThan(100);
      expect(before.get('organisations')!.size).toBeGreaterThan(5);

      const core = createCore({
        dataDir: dir,
        migrationsFolder: MIGRATIONS,
        now: () => NOW,
        validateOutput: true,
      });
      try {
        expect(core.upgrade).toMatchObject({ from: tag, to: tags.at(-1) });
        const backup = core.upgrade!.backup;
        expect(backup).toMatchObject({ kind: 'before_upgrade', status: 'verified', schemaVersion: tag });
        expect(backup.id).toMatch(/-avant-mise-a-jour$/);
        // The backup holds the data exactly as the older Parcours left it.
        expect(lostOrChanged(before, rowsOf(backupFile(dir, backup.id)))).toEqual([]);
        expect(rowCount(rowsOf(backupFile(dir, backup.id)))).toBe(rowCount(before));

        // Every record is still there, unchanged, and today's Parcours reads it.
        expect(lostOrChanged(before, rowsOf(file))).toEqual([]);
        const ok = okCaller(core);
        expect(ok('system.about', {})).toEqual({
          appVersion: expect.any(String),
          schemaVersion: tags.at(-1),
        });
        expect(ok('organisations.list', { pageSize: 1 }).total).toBe(
          [...before.get('organisations')!.values()].filter((o) => o.archived_at === null).length,
        );
        for (const method of [
          'agreements.list',
          'participants.list',
          'sessions.list',
          'followUps.list',
        ] as const)
          expect(core.invoke(method, {}).ok).toBe(true);
        expect(core.invoke('indicators.figures', {}).ok).toBe(true);
        expect(ok('backups.list', {}).items.map((b) => b.kind)).toContain('before_upgrade');
      } finally {
        core.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );

  it('opens a database of today’s schema as it is: no migration, no backup', () => {
    const dir = dataFolderAt(tags.at(-1)!);
    const core = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS, now: () => NOW });
    expect(core.upgrade).toBeNull();
    expect(okCaller(core)('backups.list', {}).total).toBe(0);
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('stops before migrating when the backup cannot be made, and leaves the database as it was', () => {
    const dir = dataFolderAt(tags[0]!);
    const file = path.join(dir, DATABASE_FILE);
    const before = sha(file);
    // A file where the backups folder should be: no copy can be written.
    fs.writeFileSync(path.join(dir, 'sauvegardes'), 'pas un dossier');
    expect(() => createCore({ dataDir: dir, migrationsFolder: MIGRATIONS, now: () => NOW })).toThrow(
      /n’a pas mis à jour ses données .* Les données n’ont pas été modifiées/,
    );
    expect(sha(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
