import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { Header, type HeaderData } from 'tar';
import { describe, expect, it } from 'vitest';
import { createCore, startBackupSchedule, type Core } from '../../src-main/core';
import { databaseProblems } from '../../src-main/core/backups/integrity';
import { backupsToKeep, isoWeekKey } from '../../src-main/core/backups/rotation';
import type { Backup, Envelope } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import {
  MIGRATIONS,
  migrationsUpTo,
  okCaller,
  openTestCore,
  organisationInput,
  tempDir,
} from '../fixtures/core';
import { loadTrainingProgramme } from '../fixtures/programme';

/** Calls any method (asynchronous ones included) and returns its value, failing on an error. */
const requester =
  (core: Core) =>
  async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = (await core.request(method, input)) as Envelope<Output<M>>;
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };

const backupsFolder = (dir: string) => path.join(dir, 'sauvegardes');
const backupFile = (dir: string, id: string) => path.join(backupsFolder(dir), `${id}.sqlite`);

/** A core whose clock the test moves. */
function openAt(start: string, dataDir?: string) {
  let now = new Date(start);
  const t = openTestCore({ now: () => now, dataDir });
  return { ...t, request: requester(t.core), setNow: (iso: string) => (now = new Date(iso)) };
}

const pdf = Buffer.from('%PDF-1.4\nPlan de développement RH de la CAFO\n%%EOF');

/** A programme with an organisation, a participant and a module with one document. */
function fillProgramme(ok: ReturnType<typeof openTestCore>['ok'], name = 'CAFO') {
  const organisation = ok('organisations.create', organisationInput({ acronym: name }));
  ok('participants.create', {
    fields: { organisationId: organisation.id, firstName: 'Aminata', lastName: 'Traoré', sex: 'F' },
  });
  const module = ok('modules.create', { title: `Gestion financière ${name}`, durationHours: 12 });
  ok('modules.attachMaterial', {
    id: module.id,
    document: { name: 'plan-rh.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') },
  });
  return { organisation, module };
}

describe('rotation', () => {
  const at = (iso: string, id = iso) => ({ id, createdAt: iso });

  it('keeps the newest backup of each day, week and month within the policy', () => {
    const backups = [
      at('2024-03-15T18:00:00.000Z'),
      at('2024-03-15T12:00:00.000Z'),
      at('2024-03-15T06:00:00.000Z'),
      at('2024-03-14T18:00:00.000Z'),
      at('2024-03-13T18:00:00.000Z'),
      at('2024-03-05T18:00:00.000Z'),
      at('2024-02-20T18:00:00.000Z'),
      at('2024-01-20T18:00:00.000Z'),
    ];
    const { keep, remove } = backupsToKeep(backups, { daily: 2, weekly: 2, monthly: 2 });
    expect(keep.map((b) => b.id)).toEqual([
      '2024-03-15T18:00:00.000Z', // newest: day 15, week 11, March
      '2024-03-14T18:00:00.000Z', // day 14
      '2024-03-05T18:00:00.000Z', // week 10
      '2024-02-20T18:00:00.000Z', // February
    ]);
    expect(remove).toHaveLength(4);
  });

  it('keeps at most 7 daily, 4 weekly and 12 monthly backups over two years of daily copies', () => {
    const backups = Array.from({ length: 730 }, (_, i) =>
      at(new Date(Date.UTC(2023, 0, 1, 9) + i * 86_400_000).toISOString()),
    );
    const shuffled = [...backups].sort(() => Math.random() - 0.5);
    const { keep, remove } = backupsToKeep(shuffled);
    const kept = keep.map((b) => b.createdAt.slice(0, 10));
    // The last 7 days, the Sundays closing the 3 weeks before, and the last day of the 11 months before.
    expect(kept.slice(0, 7)).toEqual([
      '2024-12-30',
      '2024-12-29',
      '2024-12-28',
      '2024-12-27',
      '2024-12-26',
      '2024-12-25',
      '2024-12-24',
    ]);
    expect(kept).toContain('2024-12-22');
    expect(kept).toContain('2024-12-15');
    expect(kept).toContain('2024-11-30');
    expect(kept).toContain('2024-01-31');
    expect(kept).not.toContain('2023-12-31');
    expect(keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.length + remove.length).toBe(730);
  });

  it('counts ISO weeks across the new year', () => {
    expect(isoWeekKey(new Date('2024-12-30T10:00:00Z'))).toBe('2025-W01');
    expect(isoWeekKey(new Date('2021-01-03T10:00:00Z'))).toBe('2020-W53');
    expect(isoWeekKey(new Date('2024-03-15T10:00:00Z'))).toBe('2024-W11');
  });
});

describe('backups', () => {
  it('makes a verified copy, listed with its date, size, kind and status', async () => {
    const { ok, request, dir } = openAt('2024-03-15T10:00:00Z');
    fillProgramme(ok);
    const backup = await request('backups.create', {});
    expect(backup).toMatchObject({
      id: 'parcours-20240315-100000-manuelle',
      createdAt: '2024-03-15T10:00:00.000Z',
      kind: 'manual',
      status: 'verified',
      appVersion: '0.1.0',
    });
    const file = backupFile(dir, backup.id);
    expect(backup.size).toBe(fs.statSync(file).size);
    // A standalone, sound SQLite file with the data.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
    db.close();
    expect(fs.readdirSync(backupsFolder(dir)).filter((f) => !f.startsWith('.'))).toEqual([
      `${backup.id}.json`,
      `${backup.id}.sqlite`,
    ]);

    const second = await request('backups.create', {});
    expect(second.id).toBe('parcours-20240315-100000-manuelle-2');
    const list = ok('backups.list', {});
    expect(list.total).toBe(2);
    expect(list.folder).toBe(backupsFolder(dir));
    expect(list.lastAutomaticAt).toBeNull();
  });

  it('reports a corrupted backup as damaged and never restores it', async () => {
    const { ok, core, request, dir } = openAt('2024-03-15T10:00:00Z');
    fillProgramme(ok);
    const backup = await request('backups.create', {});
    const file = backupFile(dir, backup.id);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('abîmé'), 0, 5, Math.floor(fs.statSync(file).size / 2));
    fs.closeSync(fd);

    expect(ok('backups.list', {}).items[0]).toMatchObject({ id: backup.id, status: 'damaged' });
    for (const [method, input] of [
      ['backups.inspect', { id: backup.id }],
      ['backups.restore', { source: { from: 'backup', id: backup.id } }],
    ] as const) {
      expect(await core.request(method, input)).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/^Cette sauvegarde est endommagée/) },
      });
    }
    expect(ok('organisations.list', {}).total).toBe(1);
    expect(ok('backups.list', {}).total).toBe(1);
  });

  it('lists a file without its record as damaged', async () => {
    const { ok, request, dir } = openAt('2024-03-15T10:00:00Z');
    const backup = await request('backups.create', {});
    fs.rmSync(path.join(backupsFolder(dir), `${backup.id}.json`));
    expect(ok('backups.list', {}).items).toEqual([
      expect.objectContaining({ id: backup.id, status: 'damaged' }),
    ]);
  });

  // Forty-two verified copies: slow on a busy machine.
  it('makes automatic backups at start, on the timer and on quit when due, and rotates them', async () => {
    const t = openAt('2024-03-15T10:00:00Z');
    const { core, ok, setNow } = t;
    expect(await core.automaticBackup('start')).toMatchObject({ kind: 'automatic', status: 'verified' });
    // Less than a day later: no new backup at start; nothing changed: none on the timer or on quit.
    setNow('2024-03-15T20:00:00Z');
    expect(await core.automaticBackup('start')).toBeNull();
    expect(await core.automaticBackup('timer')).toBeNull();
    expect(await core.automaticBackup('quit')).toBeNull();
    ok('organisations.create', organisationInput());
    expect(await core.automaticBackup('quit')).toMatchObject({ id: 'parcours-20240315-200000-auto' });
    expect(await core.automaticBackup('quit')).toBeNull();

    // Forty days of work, one automatic backup a day: the rotation keeps the policy's number.
    for (let day = 0; day < 40; day++) {
      setNow(new Date(Date.UTC(2024, 2, 16 + day, 18)).toISOString());
      ok('organisations.create', organisationInput({ name: `Organisation ${day}` }));
      expect(await core.automaticBackup('timer')).not.toBeNull();
    }
    const automatic = ok('backups.list', { pageSize: 100 }).items.filter((b) => b.kind === 'automatic');
    const kept = automatic.map((b) => b.createdAt.slice(0, 10));
    // The last 7 days, the newest of the 4 last weeks (Sundays) and of the months (31 March).
    expect(kept).toEqual([
      '2024-04-24',
      '2024-04-23',
      '2024-04-22',
      '2024-04-21',
      '2024-04-20',
      '2024-04-19',
      '2024-04-18',
      '2024-04-14',
      '2024-04-07',
      '2024-03-31',
    ]);
    expect(ok('backups.list', {}).lastAutomaticAt).toBe('2024-04-24T18:00:00.000Z');
  });

  it('schedules automatic backups with timers the transport gives', async () => {
    const moments: string[] = [];
    const timers: { run?: () => void; every?: number; cleared: boolean } = { cleared: false };
    const first: { run?: () => void; after?: number; cleared: boolean } = { cleared: false };
    const schedule = startBackupSchedule(
      {
        automaticBackup: async (moment) => {
          moments.push(moment);
          return null;
        },
      },
      {
        timers: {
          setTimeout: (run, after) => {
            Object.assign(first, { run, after });
            return 2;
          },
          clearTimeout: () => (first.cleared = true),
          setInterval: (run, every) => {
            Object.assign(timers, { run, every });
            return 1;
          },
          clearInterval: () => (timers.cleared = true),
        },
      },
    );
    // The backup of the start waits a minute, in both transports: nothing is copied yet.
    expect(first.after).toBe(60_000);
    expect(timers.every).toBe(6 * 60 * 60 * 1000);
    expect(moments).toEqual([]);
    first.run!();
    timers.run!();
    timers.run!();
    await schedule.quit();
    await schedule.quit();
    expect(moments).toEqual(['start', 'timer', 'timer', 'quit']);
    expect(timers.cleared).toBe(true);
    expect(first.cleared).toBe(true);
  });
  // A database of tens of MB: the test takes a few seconds.
  it('answers calls while an automatic backup of a large database is copied and checked', async () => {
    const dir = tempDir();
    createCore({ dataDir: dir, migrationsFolder: MIGRATIONS }).close();
    loadTrainingProgramme(path.join(dir, 'parcours.sqlite'), {
      organisations: 500,
      participantsPerOrganisation: 40,
      attendanceRows: 300_000,
    });
    const { core, request } = openAt('2024-03-15T10:00:00Z', dir);
    expect(fs.statSync(path.join(dir, 'parcours.sqlite')).size).toBeGreaterThan(20 * 1024 * 1024);

    const startedAt = performance.now();
    let backupDoneAt = 0;
    const backup = core.automaticBackup('start');
    const settled = () => (backupDoneAt = performance.now());
    backup.then(settled, settled);
    // One list after another for as long as the backup runs: how long each waited for its answer.
    const waits: number[] = [];
    let firstAnsweredAt = 0;
    while (backupDoneAt === 0) {
      // A transport's next request arrives as an event: the loop turns between two calls.
      await new Promise((resolve) => setImmediate(resolve));
      const asked = performance.now();
      const page = await request('organisations.list', { pageSize: 10 });
      expect(page.total).toBe(500);
      waits.push(performance.now() - asked);
      firstAnsweredAt ||= performance.now();
    }
    const made = await backup;
    expect(made).toMatchObject({ kind: 'automatic', status: 'verified' });
    expect(firstAnsweredAt).toBeLessThan(backupDoneAt);

    // What a check on the main thread would have held it for: SQLite's integrity check alone.
    const file = backupFile(dir, made!.id);
    const checkStartedAt = performance.now();
    expect(databaseProblems(file, true)).toEqual([]);
    const checkMs = performance.now() - checkStartedAt;
    const answeredDuringBackup = waits.length - 1;
    expect(answeredDuringBackup).toBeGreaterThan(2);
    expect(Math.max(...waits)).toBeLessThan(checkMs);
  });
});

describe('archives', () => {
  async function exported() {
    const source = openAt('2024-03-15T10:00:00Z');
    const { organisation, module } = fillProgramme(source.ok);
    const file = await source.request('backups.exportArchive', {});
    return { source, file, organisation, module };
  }

  it('exports one .parcours file that any tar reads: the database and a manifest with checksums', async () => {
    const { file } = await exported();
    expect(file.fileName).toBe('parcours-sauvegarde-2024-03-15.parcours');
    expect(file.mimeType).toBe('application/gzip');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.parcours'), Buffer.from(file.dataBase64, 'base64'));
    execFileSync('tar', ['-xzf', 'a.parcours'], { cwd: dir });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const db = fs.readFileSync(path.join(dir, 'parcours.sqlite'));
    expect(manifest).toEqual({
      format: 'parcours-sauvegarde',
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: expect.stringMatching(/^\d{4}_/),
      createdAt: '2024-03-15T10:00:00.000Z',
      files: [
        {
          name: 'parcours.sqlite',
          size: db.length,
          sha256: crypto.createHash('sha256').update(db).digest('hex'),
        },
      ],
    });
    const journal = JSON.parse(fs.readFileSync('migrations/meta/_journal.json', 'utf8'));
    expect(manifest.schemaVersion).toBe(journal.entries.at(-1).tag);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores an archive on another computer: same data, documents included', async () => {
    const { file, organisation, module } = await exported();
    const target = openAt('2024-04-01T08:00:00Z');
    target.ok('organisations.create', organisationInput({ name: 'Seulement sur cet ordinateur' }));

    const { token, summary } = await target.request('backups.inspectArchive', {
      archiveBase64: file.dataBase64,
    });
    expect(summary).toMatchObject({
      createdAt: '2024-03-15T10:00:00.000Z',
      appVersion: '0.1.0',
      upgraded: false,
      counts: { organisations: 1, participants: 1, sessions: 0, documents: 1 },
    });
    // Inspecting replaces nothing.
    expect(target.ok('organisations.list', {}).items.map((o) => o.name)).toEqual([
      'Seulement sur cet ordinateur',
    ]);

    const { restored, kept } = await target.request('backups.restore', {
      source: { from: 'archive', token },
    });
    expect(restored).toEqual(summary);
    expect(kept).toMatchObject({
      kind: 'before_restore',
      status: 'verified',
      createdAt: '2024-04-01T08:00:00.000Z',
    });

    expect(target.ok('organisations.get', { id: organisation.id }).name).toBe(organisationInput().name);
    expect(target.ok('organisations.list', {}).total).toBe(1);
    const material = target.ok('modules.get', { id: module.id }).materials[0]!;
    expect(Buffer.from(target.ok('documents.get', { id: material.id }).contentBase64, 'base64')).toEqual(pdf);
    // The restored database works for writing, and the token is used up.
    target.ok('organisations.create', organisationInput({ name: 'Après restauration' }));
    expect(
      await target.core.request('backups.restore', { source: { from: 'archive', token } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The data replaced was kept: restoring that backup brings it back.
    const back = await target.request('backups.restore', { source: { from: 'backup', id: kept.id } });
    expect(back.restored.counts.organisations).toBe(1);
    expect(target.ok('organisations.list', {}).items.map((o) => o.name)).toEqual([
      'Seulement sur cet ordinateur',
    ]);
    const kinds = target.ok('backups.list', {}).items.map((b: Backup) => b.kind);
    expect(kinds).toEqual(['before_restore', 'before_restore']);
  });

  it('restores a listed automatic backup', async () => {
    const { core, ok, request, setNow } = openAt('2024-03-15T10:00:00Z');
    ok('organisations.create', organisationInput());
    const backup = (await core.automaticBackup('start'))!;
    setNow('2024-03-15T11:00:00Z');
    ok('organisations.create', organisationInput({ name: 'Saisie après la sauvegarde' }));
    expect((await request('backups.inspect', { id: backup.id })).counts.organisations).toBe(1);
    await request('backups.restore', { source: { from: 'backup', id: backup.id } });
    expect(ok('organisations.list', {}).total).toBe(1);
    expect(ok('backups.list', {}).items.map((b) => [b.kind, b.status])).toEqual([
      ['before_restore', 'verified'],
      ['automatic', 'verified'],
    ]);
  });

  /** Repacks an archive after `change` has altered its unpacked files. */
  function repack(base64: string, change: (dir: string) => void): string {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'in.parcours'), Buffer.from(base64, 'base64'));
    execFileSync('tar', ['-xzf', 'in.parcours'], { cwd: dir });
    change(dir);
    execFileSync('tar', ['-czf', 'out.parcours', 'manifest.json', 'parcours.sqlite'], { cwd: dir });
    const result = fs.readFileSync(path.join(dir, 'out.parcours')).toString('base64');
    fs.rmSync(dir, { recursive: true, force: true });
    return result;
  }

  /** The manifest made true again for a database changed on purpose. */
  function vouchFor(dir: string) {
    const data = fs.readFileSync(path.join(dir, 'parcours.sqlite'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.files[0] = {
      name: 'parcours.sqlite',
      size: data.length,
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  }

  /** An archive whose database went through `sql` (checksums made to match): what an attacker would send. */
  const withSql = (sql: string) => (archive: string) =>
    repack(archive, (dir) => {
      const db = new Database(path.join(dir, 'parcours.sqlite'));
      db.exec(sql);
      db.close();
      vouchFor(dir);
    });

  const FOREIGN =
    /^Cette sauvegarde ne contient pas exactement les tables que Parcours crée : .*Rien n’a été remplacé\.$/;

  const refusals: [string, (archive: string) => string, RegExp][] = [
    [
      'a wrong checksum',
      (archive) =>
        repack(archive, (dir) => {
          const file = path.join(dir, 'parcours.sqlite');
          const fd = fs.openSync(file, 'r+');
          fs.writeSync(fd, Buffer.from('X'), 0, 1, 5000);
          fs.closeSync(fd);
        }),
      /^Cette sauvegarde est endommagée : le contenu de parcours\.sqlite ne correspond pas à sa somme de contrôle/,
    ],
    [
      'a newer schema',
      (archive) =>
        repack(archive, (dir) => {
          const file = path.join(dir, 'parcours.sqlite');
          const db = new Database(file);
          db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
            'futur',
            4102444800000,
          );
          db.close();
          const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
          const data = fs.readFileSync(file);
          manifest.schemaVersion = '0042_futur';
          manifest.files[0] = {
            name: 'parcours.sqlite',
            size: data.length,
            sha256: crypto.createHash('sha256').update(data).digest('hex'),
          };
          fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
        }),
      /^Cette sauvegarde a été faite par une version plus récente de Parcours \(schéma 0042_futur\)/,
    ],
    [
      'a damaged database with a matching checksum',
      (archive) =>
        repack(archive, (dir) => {
          const file = path.join(dir, 'parcours.sqlite');
          fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
          const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
          const data = fs.readFileSync(file);
          manifest.files[0] = {
            name: 'parcours.sqlite',
            size: data.length,
            sha256: crypto.createHash('sha256').update(data).digest('hex'),
          };
          fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
        }),
      /^La base de données de cette sauvegarde est endommagée/,
    ],
    [
      'a trigger that makes every account an administrator',
      withSql(
        `CREATE TRIGGER promote AFTER UPDATE ON users BEGIN UPDATE users SET role = 'admin'; END;
         CREATE TRIGGER spy AFTER INSERT ON organisations BEGIN DELETE FROM documents; END;`,
      ),
      /^Cette sauvegarde ne contient pas exactement les tables que Parcours crée : déclencheur « promote » en plus, déclencheur « spy » en plus\./,
    ],
    ['a view', withSql('CREATE VIEW everyone AS SELECT login, password_hash FROM users'), FOREIGN],
    ['a table of its own', withSql('CREATE TABLE extra (x TEXT)'), FOREIGN],
    ['an index of its own', withSql('CREATE INDEX extra_index ON organisations (name)'), FOREIGN],
    ['a column added to a table', withSql('ALTER TABLE users ADD COLUMN backdoor TEXT'), FOREIGN],
    [
      'a trigger of the migrations dropped',
      withSql('DROP TRIGGER audit_changes_no_delete'),
      /déclencheur « audit_changes_no_delete » manquant/,
    ],
    [
      'a journal of migrations rewritten',
      withSql('UPDATE __drizzle_migrations SET created_at = 4102444800000'),
      /journal des migrations modifié/,
    ],
    [
      'not an archive',
      () => Buffer.from('%PDF-1.7 pas une sauvegarde').toString('base64'),
      /^Ce fichier n’est pas une sauvegarde Parcours/,
    ],
    [
      'a truncated archive',
      (archive) => archive.slice(0, Math.floor(archive.length / 8) * 4),
      /^Ce fichier n’est pas une sauvegarde Parcours/,
    ],
    [
      'a tar without manifest',
      (archive) =>
        repack(archive, (dir) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format":"autre"}')),
      /^Ce fichier n’est pas une sauvegarde Parcours/,
    ],
  ];

  it.each(refusals)('refuses an archive with %s, live data untouched', async (_name, spoil, message) => {
    const { file } = await exported();
    const target = openAt('2024-04-01T08:00:00Z');
    const { id } = target.ok('organisations.create', organisationInput({ name: 'Données en place' }));
    const inode = fs.statSync(target.core.databaseFile).ino;

    const result = await target.core.request('backups.inspectArchive', {
      archiveBase64: spoil(file.dataBase64),
    });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(target.ok('organisations.get', { id }).name).toBe('Données en place');
    expect(target.ok('organisations.list', {}).total).toBe(1);
    expect(fs.statSync(target.core.databaseFile).ino).toBe(inode);
    expect(target.ok('backups.list', {}).total).toBe(0);
    // Nothing is left waiting in the work folder.
    expect(fs.readdirSync(path.join(backupsFolder(target.dir), '.en-cours'))).toEqual([]);
  });

  /** A tar header block: a plain file `name` said to hold `size` bytes, unless told otherwise. */
  function tarHeader(name: string, size: number, data: HeaderData = {}): Buffer {
    const header = new Header({ path: name, size, type: 'File', mode: 0o644, mtime: new Date(0), ...data });
    header.encode();
    return header.block!;
  }

  /** The entries of an archive, as tar bytes, without the blocks that end it. */
  function entriesOf(base64: string): Buffer {
    const tarBytes = zlib.gunzipSync(Buffer.from(base64, 'base64'));
    let end = 0;
    for (let header = new Header(tarBytes, 0); !header.nullBlock; header = new Header(tarBytes, end)) {
      end += 512 + Math.ceil(header.size! / 512) * 512;
    }
    return tarBytes.subarray(0, end);
  }

  /**
   * A small archive that expands to `gibibytes` GiB of zeros: `head` (tar bytes) then that many
   * zeros, as gzip members of 64 MiB each compressed once (any gzip reader takes them as one).
   */
  let zeros: Buffer | undefined;
  function bomb(head: Buffer, gibibytes: number): string {
    zeros ??= zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const members = [zlib.gzipSync(head), ...new Array<Buffer>(gibibytes * 16).fill(zeros)];
    return Buffer.concat(members).toString('base64');
  }

  it('refuses archives that expand to gigabytes at once, with memory kept low, and changes nothing', async () => {
    const { file } = await exported();
    const target = openAt('2024-04-01T08:00:00Z');
    target.ok('organisations.create', organisationInput({ name: 'Données en place' }));
    const inode = fs.statSync(target.core.databaseFile).ino;
    const GIB = 1024 ** 3;
    const bombs: [string, string, RegExp][] = [
      // A real backup followed by 2 GiB of zeros under another name.
      [
        'an unexpected entry',
        bomb(Buffer.concat([entriesOf(file.dataBase64), tarHeader('zeros.bin', 2 * GIB)]), 2),
        /^Cette archive contient autre chose que la base de données et le manifeste/,
      ],
      // A database said to hold 2 GiB, in an archive of 2 MB.
      [
        'a database far larger than its archive',
        bomb(tarHeader('parcours.sqlite', 2 * GIB), 2),
        /se décompresserait/,
      ],
      ['a manifest of 1 GiB', bomb(tarHeader('manifest.json', GIB), 1), /se décompresserait/],
      // A link, a directory or a path instead of the database, followed by 1 GiB.
      [
        'a link',
        bomb(tarHeader('parcours.sqlite', 0, { type: 'SymbolicLink', linkpath: '/etc/passwd' }), 1),
        /^Cette archive contient autre chose/,
      ],
      [
        'a directory',
        bomb(tarHeader('parcours.sqlite/', 0, { type: 'Directory' }), 1),
        /^Cette archive contient autre chose/,
      ],
      ['a path', bomb(tarHeader('../parcours.sqlite', GIB), 1), /^Cette archive contient autre chose/],
    ];
    for (const [what, archiveBase64, message] of bombs) {
      expect(archiveBase64.length, what).toBeLessThan(4 * 1024 * 1024);
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const result = await target.core.request('backups.inspectArchive', { archiveBase64 });
      const seconds = (performance.now() - started) / 1000;
      const grewMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
      expect(result, what).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
      console.log(`${what}: refused in ${seconds.toFixed(2)} s, memory +${grewMb.toFixed(0)} MB`);
      expect(seconds, what).toBeLessThan(5);
      expect(grewMb, what).toBeLessThan(100);
    }
    expect(target.ok('organisations.list', {}).items.map((o) => o.name)).toEqual(['Données en place']);
    expect(fs.statSync(target.core.databaseFile).ino).toBe(inode);
    expect(fs.readdirSync(path.join(backupsFolder(target.dir), '.en-cours'))).toEqual([]);

    // Zeros after the end of a real backup are never decompressed: it is read as it is.
    const padded = bomb(Buffer.concat([entriesOf(file.dataBase64), Buffer.alloc(1024)]), 2);
    const started = performance.now();
    const inspected = await target.core.request('backups.inspectArchive', { archiveBase64: padded });
    expect(inspected).toMatchObject({ ok: true, value: { summary: { counts: { organisations: 1 } } } });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('upgrades an archive made by the previous release when restoring it', async () => {
    // The migrations of the last release (0000–0004) in a folder of their own.
    const released = migrationsUpTo('0004_results_framework');
    const oldDir = tempDir();
    const old = createCore({
      dataDir: oldDir,
      migrationsFolder: released,
      now: () => new Date('2024-02-01T09:00:00Z'),
    });
    const { module } = fillProgramme(okCaller(old));
    const file = await requester(old)('backups.exportArchive', {});
    old.close();

    const target = openAt('2024-04-01T08:00:00Z');
    const { token, summary } = await target.request('backups.inspectArchive', {
      archiveBase64: file.dataBase64,
    });
    expect(summary).toMatchObject({ schemaVersion: '0004_results_framework', upgraded: true });
    await target.request('backups.restore', { source: { from: 'archive', token } });
    const material = target.ok('modules.get', { id: module.id }).materials[0]!;
    expect(Buffer.from(target.ok('documents.get', { id: material.id }).contentBase64, 'base64')).toEqual(pdf);
    const db = new Database(target.core.databaseFile, { readonly: true });
    const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    db.close();
    expect(applied).toBe(
      JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')).entries.length,
    );
    for (const dir of [released, oldDir]) fs.rmSync(dir, { recursive: true, force: true });
  });
});
