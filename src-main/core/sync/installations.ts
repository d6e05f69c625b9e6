// Installations in the database: headquarters enrols a laptop (a peer), a laptop's database is
// created from its enrolment (its device id, headquarters as its peer, the snapshot of its scope).
// Rows written before the capture existed (migration 0010) get a baseline of changes first, so
// that a snapshot holds the whole programme.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { enrolHereInput } from '../../contract';
import { timestamp, type Context } from '../context';
import type { Sqlite } from '../db/client';
import { openDb } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { UNAUDITED_TABLES } from '../audit/tables';
import { recordKey, rowJson, type Column } from '../audit/triggers';
import { recomputeSummaries } from '../indicators/summaries';
import { AppError } from '../errors';
import { APPLICATION_AUTHOR, captureRows, type RowChange } from './capture';
import { readEnrolmentFile, type Enrolment } from './enrolment';
import { parcoursRules } from './scope';
import { receiveBatch } from './store';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Captures, as creations by the application, every row that no change describes yet. */
export function captureBaseline(sqlite: Sqlite, at: string): number {
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).filter((name) => !UNAUDITED_TABLES.has(name));
  const rows: RowChange[] = [];
  for (const table of tables) {
    const columns = sqlite.prepare(`PRAGMA main.table_info(${quote(table)})`).all() as Column[];
    const key = recordKey(columns, 't');
    const found = sqlite
      .prepare(
        `SELECT ${key} AS recordId, ${rowJson(table, columns, 't')} AS after FROM main.${quote(table)} t
         WHERE NOT EXISTS (SELECT 1 FROM sync_heads h WHERE h.table_name = ${literal(table)} AND h.record_id = ${key})`,
      )
      .all() as { recordId: string; after: string }[];
    for (const r of found)
      rows.push({
        callId: null,
        table,
        recordId: r.recordId,
        action: 'insert',
        before: null,
        after: r.after,
        author: APPLICATION_AUTHOR,
        at,
      });
  }
  return captureRows(sqlite, rows);
}

/** Who a peer is: its device id, the account it belongs to, that account's role, its name. */
export interface PeerInput {
  device: string;
  userId: string;
  role: string;
  label: string;
  /** The enrolment secret (base64) the laptop's file key is derived from. */
  secret: string;
}

function addPeer(sqlite: Sqlite, peer: PeerInput, headquarters: boolean, at: string) {
  sqlite
    .prepare(
      `INSERT INTO sync_peers (device, user_id, role, label, headquarters, holds, announced,
         last_batch_received, last_batch_sent, enrolled_at, secret) VALUES (?, ?, ?, ?, ?, '{}', 0, 0, 0, ?, ?)`,
    )
    .run(peer.device, peer.userId, peer.role, peer.label, headquarters ? 1 : 0, at, peer.secret);
}

/** At headquarters: enrols a laptop, after the baseline, so that its snapshot holds everything in its scope. */
export function enrolLaptop(sqlite: Sqlite, laptop: PeerInput, at: string): void {
  const self = sqlite.prepare('SELECT role FROM sync_installation').pluck().get();
  if (self !== 'headquarters') throw new AppError('FORBIDDEN', 'Seul le siège inscrit un poste de terrain.');
  captureBaseline(sqlite, at);
  addPeer(sqlite, laptop, false, at);
}

/**
 * Creates a laptop's database from its enrolment: migrated, this installation a field laptop of
 * headquarters, the snapshot of its scope applied, its account able to sign in. Done before the
 * core first opens it, so that the default grid and results framework are headquarters' own.
 */
export function createFieldDatabase(
  databaseFile: string,
  migrationsFolder: string,
  enrolment: Enrolment,
  at: string,
) {
  // A database opened once already has a default grid of its own, which would stand beside headquarters'.
  if (fs.existsSync(databaseFile))
    throw new AppError(
      'CONFLICT',
      `Ce dossier contient déjà des données Parcours (${databaseFile}) : un poste s’inscrit sur un dossier vide.`,
    );
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const { sqlite, db } = openDb(databaseFile);
  try {
    applyMigrations(sqlite, db, migrationsFolder);
    sqlite.transaction(() => {
      sqlite
        .prepare(
          "UPDATE sync_installation SET device = ?, role = 'field', user_id = ?, next_seq = 1, clock = NULL",
        )
        .run(enrolment.device, enrolment.account);
      const hq = {
        device: enrolment.headquarters,
        userId: '',
        role: 'admin',
        label: 'siège',
        secret: enrolment.secret,
      };
      addPeer(sqlite, hq, true, at);
      const documents = new Map(
        Object.entries(enrolment.documents ?? {})
          .map(([hash, b64]) => [hash, Buffer.from(b64, 'base64')] as const)
          // The key is recomputed, not trusted (as in a `.parcours-sync` file).
          .filter(([hash, bytes]) => createHash('sha256').update(bytes).digest('hex') === hash),
      );
      const result = receiveBatch(sqlite, parcoursRules, enrolment.firstBatch, at, documents);
      if (!result.ok) throw new AppError('VALIDATION', result.message);
      sqlite
        .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
        .run(enrolment.passwordHash, enrolment.account);
      recomputeSummaries(sqlite);
    })();
  } finally {
    sqlite.close();
  }
}

/**
 * A laptop's first start from its page (the desktop app, or web mode): the empty database the core
 * opened is put aside and the laptop's own created in its place, from the enrolment file, then
 * opened. Only on a first start: a database with an account or an organisation is never replaced.
 */
export async function enrolHere(ctx: Context, input: z.output<typeof enrolHereInput>) {
  const count = (table: string) =>
    ctx.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (count('users') > 0 || count('organisations') > 0 || count('sync_peers') > 0)
    throw new AppError(
      'CONFLICT',
      'Ce poste contient déjà des données : un poste s’inscrit à son premier démarrage, sur des données vides.',
    );
  const enrolment = readEnrolmentFile(Buffer.from(input.file.contentBase64, 'base64'), input.code);
  const { databaseFile, migrationsFolder } = ctx.storage;
  const aside = `${databaseFile}.avant-inscription`;
  const companions = ['-wal', '-shm', '-journal'].map((suffix) => `${databaseFile}${suffix}`);
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ctx.sqlite.close();
  for (const f of companions) fs.rmSync(f, { force: true });
  fs.renameSync(databaseFile, aside);
  try {
    createFieldDatabase(databaseFile, migrationsFolder, enrolment, timestamp(ctx));
  } catch (error) {
    for (const f of [databaseFile, ...companions]) fs.rmSync(f, { force: true });
    fs.renameSync(aside, databaseFile);
    throw error;
  } finally {
    Object.assign(ctx, ctx.storage.open());
  }
  fs.rmSync(aside, { force: true });
  return { device: enrolment.device };
}

/** A laptop's first start: its data created from the enrolment file and the code read to the trainer. */
export function enrolThisLaptop(
  databaseFile: string,
  migrationsFolder: string,
  file: Buffer,
  code: string,
  at: string,
) {
  const enrolment = readEnrolmentFile(file, code);
  createFieldDatabase(databaseFile, migrationsFolder, enrolment, at);
  return enrolment;
}

/** What a restore must not take back: the installation's numbering of its own changes and files. */
export interface Identity {
  device: string;
  nextSeq: number;
  clock: string | null;
  lastBatchSent: Map<string, number>;
}

export function readIdentity(sqlite: Sqlite): Identity | null {
  const self = sqlite.prepare('SELECT device, next_seq AS nextSeq, clock FROM sync_installation').get() as
    Omit<Identity, 'lastBatchSent'> | undefined;
  if (!self) return null;
  const peers = sqlite.prepare('SELECT device, last_batch_sent AS sent FROM sync_peers').all() as {
    device: string;
    sent: number;
  }[];
  return { ...self, lastBatchSent: new Map(peers.map((p) => [p.device, p.sent])) };
}

/**
 * After a restore of this installation's own copy: its next seq, its clock and its file numbers go
 * on from where they were, never back. Otherwise a change written after the restore would take the
 * id of one already sent (refused as altered by headquarters), and headquarters would take the
 * next file for an old one. What the copy lacks of its own changes already sent comes back from
 * headquarters with the next file (store.ts `exportBatch`). A copy of another installation (a
 * headquarters rebuilt from its backup on a new computer) keeps its own identity.
 */
export function carryIdentity(sqlite: Sqlite, before: Identity | null): void {
  const after = readIdentity(sqlite);
  if (!before || !after || after.device !== before.device) return;
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  sqlite
    .prepare('UPDATE sync_installation SET next_seq = ?, clock = ?')
    .run(Math.max(after.nextSeq, before.nextSeq), later(after.clock, before.clock));
  const setSent = sqlite.prepare(
    'UPDATE sync_peers SET last_batch_sent = max(last_batch_sent, ?) WHERE device = ?',
  );
  for (const [device, sent] of before.lastBatchSent) setSent.run(sent, device);
}
