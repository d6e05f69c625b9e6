import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  createCore,
  DamagedDatabaseError,
  DATABASE_FILE,
  openCore,
  restoreLatestBackup,
  type Core,
} from '../../src-main/core';
import {
  MIGRATIONS,
  migrationsUpTo,
  moduleWithGuide,
  okCaller,
  openTestCore,
  organisationInput,
  tempDir,
} from '../fixtures/core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A read-only look with SQLite's full check: 'ok' when the file is sound. */
function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join();
  } finally {
    db.close();
  }
}

const organisationsIn = (core: Core) => {
  const list = core.invoke('organisations.list', { pageSize: 1 });
  if (!list.ok) throw new Error(list.error.message);
  return list.value.total;
};

/** Runs test/fixtures/crash-writer.ts and kills it (SIGKILL) when it prints `killAt`. */
function writeAndKill(dataDir: string, count: number, killAt: 'MID' | 'COMMITTED') {
  return new Promise<{ output: string; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'test/fixtures/crash-writer.ts'), dataDir, String(count)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer never printed ${killAt}:\n${output}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(killAt)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ output, signal });
    });
  });
}

describe('crash safety', () => {
  it('keeps a big write whole or absent when the process is killed in the middle', async () => {
    const dir = tempDir();
    const first = openTestCore({ dataDir: dir });
    first.ok('organisations.create', organisationInput());
    first.ok('organisations.create', organisationInput({ name: 'Union des Groupements de Ségou' }));
    first.core.close();

    // Killed in the middle of a transaction of 12 000 rows, some already spilled to the WAL.
    const killed = await writeAndKill(dir, 12_000, 'MID');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.output).not.toContain('COMMITTED');
    // Uncommitted pages had spilled to the WAL: recovery must leave them out.
    expect(fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(1_000_000);
    expect(integrity(path.join(dir, DATABASE_FILE))).toBe('ok');
    const after = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    expect(organisationsIn(after)).toBe(2);
    after.close();
    expect(integrity(path.join(dir, DATABASE_FILE))).toBe('ok');

    // Killed right after the commit: every row is there.
    const committed = await writeAndKill(dir, 1_000, 'COMMITTED');
    expect(committed.signal).toBe('SIGKILL');
    const again = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    expect(organisationsIn(again)).toBe(1_002);
    again.close();
    expect(integrity(path.join(dir, DATABASE_FILE))).toBe('ok');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('answers a full disk with a clear message and loses nothing', () => {
    let connection: Database.Database | undefined;
    const dir = tempDir();
    const core = createCore({
      dataDir: dir,
      migrationsFolder: MIGRATIONS,
      now: () => new Date('2024-03-15T10:00:00Z'),
      onConnection: (sqlite) => (connection = sqlite),
    });
    const ok = okCaller(core);
    const { id } = ok('organisations.create', organisationInput());
    // SQLite answers SQLITE_FULL once the file would grow past this many pages: a full disk.
    const pages = connection!.pragma('page_count', { simple: true }) as number;
    connection!.pragma(`max_page_count = ${pages}`);

    const big = core.invoke('organisations.create', organisationInput({ mandate: 'M'.repeat(4000) }));
    let failed = big;
    // Pages freed by earlier deletions may still hold a small row: fill until the disk is "full".
    for (let i = 0; failed.ok && i < 500; i++) {
      failed = core.invoke('organisations.create', organisationInput({ mandate: 'M'.repeat(4000) }));
    }
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Le disque est plein : l’opération n’a pas été enregistrée/),
      },
    });
    const stored = organisationsIn(core);
    // The refused write left nothing half-done; earlier data is intact and readable.
    expect(ok('organisations.get', { id }).name).toBe(organisationInput().name);
    connection!.pragma('max_page_count = 1073741823');
    ok('organisations.create', organisationInput({ name: 'Après libération du disque' }));
    expect(organisationsIn(core)).toBe(stored + 1);
    core.close();
    expect(integrity(path.join(dir, DATABASE_FILE))).toBe('ok');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('integrity at start', () => {
  /** A programme with data and one verified backup, closed. */
  async function programmeWithBackup() {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    okCaller(core)('organisations.create', organisationInput());
    const backup = await core.request('backups.create', {});
    expect(backup.ok).toBe(true);
    // More work after the backup, lost with the damaged file.
    okCaller(core)('organisations.create', organisationInput({ name: 'Après la sauvegarde' }));
    core.close();
    return { dir, file: path.join(dir, DATABASE_FILE) };
  }

  const damages: [string, (file: string) => void][] = [
    ['truncated', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
    [
      'overwritten with garbage in the middle',
      (file) => {
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, crypto.randomBytes(16_384), 0, 16_384, 8_192);
        fs.closeSync(fd);
      },
    ],
    ['replaced by garbage', (file) => fs.writeFileSync(file, crypto.randomBytes(50_000))],
    ['not a database', (file) => fs.writeFileSync(file, '%PDF-1.7\nUn document, pas une base.\n')],
    ['emptied', (file) => fs.writeFileSync(file, '')],
  ];

  it.each(damages)(
    'refuses a database %s, leaves it untouched and offers the backup',
    async (_name, damage) => {
      const { dir, file } = await programmeWithBackup();
      damage(file);
      const before = sha(file);
      const files = fs.readdirSync(dir).sort();

      let error: unknown;
      try {
        createCore({ dataDir: dir, migrationsFolder: MIGRATIONS }).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DamagedDatabaseError);
      const damaged = error as DamagedDatabaseError;
      expect(damaged.message).toMatch(/est endommagé ou n’est pas une base de données Parcours/);
      expect(damaged.message).toMatch(/Il n’a été ni ouvert ni modifié/);
      expect(damaged.backups).toHaveLength(1);
      expect(damaged.backups[0]).toMatchObject({ kind: 'manual', status: 'verified' });
      expect(sha(file)).toBe(before);
      expect(fs.readdirSync(dir).sort()).toEqual(files);

      // What the transports offer: the latest good backup in its place, the damaged file kept aside.
      const restored = restoreLatestBackup(dir);
      expect(restored.id).toBe(damaged.backups[0]!.id);
      const aside = fs.readdirSync(path.join(dir, 'endommagees'));
      expect(aside.filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
      expect(
        sha(
          path.join(
            dir,
            'endommagees',
            aside.find((f) => f.endsWith('.sqlite'))!,
          ),
        ),
      ).toBe(before);
      const reopened = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
      expect(organisationsIn(reopened)).toBe(1);
      reopened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it('opens for the transports: the latest backup in place of a damaged file only when accepted', async () => {
    const { dir, file } = await programmeWithBackup();
    fs.writeFileSync(file, crypto.randomBytes(50_000));
    const before = sha(file);
    const offered: DamagedDatabaseError[] = [];
    expect(
      openCore({ dataDir: dir, migrationsFolder: MIGRATIONS }, (error) => offered.push(error) === 0),
    ).toBeNull();
    expect(offered).toHaveLength(1);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'endommagees'))).toBe(false);

    const opened = openCore({ dataDir: dir, migrationsFolder: MIGRATIONS }, () => true)!;
    expect(opened.restored?.id).toBe(offered[0]!.backups[0]!.id);
    expect(organisationsIn(opened.core)).toBe(1);
    opened.core.close();
    const again = openCore({ dataDir: dir, migrationsFolder: MIGRATIONS }, () => {
      throw new Error('not damaged: nothing to offer');
    })!;
    expect(again.restored).toBeNull();
    again.core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says so when there is no backup to offer', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DATABASE_FILE), crypto.randomBytes(10_000));
    expect(() => createCore({ dataDir: dir, migrationsFolder: MIGRATIONS })).toThrow(
      /Aucune sauvegarde vérifiée n’a été trouvée/,
    );
    expect(() => restoreLatestBackup(dir)).toThrow(/Aucune sauvegarde vérifiée/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens an empty file as a new programme when there never was one', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DATABASE_FILE), '');
    const core = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    expect(organisationsIn(core)).toBe(0);
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('upgrade', () => {
  it('opens a database of the previous release with all its data, migrated', () => {
    // The migrations of the last release (0000–0004).
    const migrations = migrationsUpTo('0004_results_framework');
    const dir = tempDir();
    const old = createCore({
      dataDir: dir,
      migrationsFolder: migrations,
      now: () => new Date('2024-03-15T10:00:00Z'),
    });
    const ok = okCaller(old);
    const organisation = ok('organisations.create', organisationInput());
    // As the previous release wrote it (today's code writes columns that release did not have).
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw
      .prepare(
        `INSERT INTO agreements (id, organisation_id, number, signed_on, duration_months, amount_fcfa, status, created_at, updated_at)
         VALUES ('a1', ?, 'apo-2024 -001', '2024-01-10', 12, 5000000, 'active', '2024-01-10', '2024-01-10')`,
      )
      .run(organisation.id);
    raw.close();
    const participant = ok('participants.create', {
      fields: {
        organisationId: organisation.id,
        firstName: 'Aminata',
        lastName: 'Traoré',
        sex: 'F',
        decisionMaker: true,
      },
    });
    const module = moduleWithGuide(ok);
    old.close();

    const current = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    const now = okCaller(current);
    expect(now('organisations.get', { id: organisation.id }).agreements).toMatchObject([
      { number: 'apo-2024 -001', durationMonths: 12, endOn: '2025-01-09', amountFcfa: 5_000_000 },
    ]);
    // The number's key is filled in by the upgrade as the code computes it: the number stays taken.
    expect(
      current.invoke('agreements.create', {
        organisationId: organisation.id,
        fields: { number: 'APO-2024-001', signedOn: '2024-01-10', durationMonths: 12, amountFcfa: 1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(now('participants.get', { id: participant.id }).lastName).toBe('Traoré');
    const material = now('modules.get', { id: module.id }).materials[0]!;
    expect(Buffer.from(now('documents.get', { id: material.id }).contentBase64, 'base64').toString()).toBe(
      '%PDF guide',
    );
    current.close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    db.close();
    const shipped = (
      JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
        entries: unknown[];
      }
    ).entries.length;
    expect(applied).toBe(shipped);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(migrations, { recursive: true, force: true });
  });
});
