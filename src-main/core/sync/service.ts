// The synchronisation's calls: this installation's status, a laptop enrolled at headquarters, a
// `.parcours-sync` file written for a peer or read from one. Each runs in the call's transaction,
// so a file is applied whole or not at all.
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { FileOutput, ReceivedReport, SyncReport, SyncStatus } from '../../contract';
import type { enrolLaptopInput, exportSyncInput, importSyncInput, minAppVersionInput } from '../../contract';
import type { Context } from '../context';
import { currentCall, timestamp } from '../context';
import { AppError, notFound } from '../errors';
import { about } from '../system/service';
import { APP_VERSION } from '../backups/version';
import { enrolmentCode, newSecret, writeEnrolmentFile, type Enrolment } from './enrolment';
import { compareVersions, deviceKey, messages, readSyncFile, writeSyncFile } from './file';
import { enrolLaptop as addLaptop } from './installations';
import { parcoursRules } from './scope';
import { upgradeBatch } from './upgrades';
import { exportBatch, conflictsIn, documentsOf, receiveBatch, Store, gapsOf, type PeerRow } from './store';

export const SYNC_EXTENSION = 'parcours-sync';

const schemaOf = (ctx: Context) => about(ctx).schemaVersion ?? '';

export function status(ctx: Context): SyncStatus {
  const store = new Store(ctx.sqlite);
  const self = store.self();
  const count = (sql: string, ...args: unknown[]) =>
    ctx.sqlite
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  return {
    device: self.device,
    role: self.role,
    peers: [...store.peers().values()].map((p) => ({
      device: p.device,
      label: p.label,
      userId: p.userId,
      role: p.role,
      headquarters: p.headquarters === 1,
      lastBatchReceived: p.lastBatchReceived,
      lastBatchSent: p.lastBatchSent,
      enrolledAt: p.enrolledAt,
      lastExchangeAt: (ctx.sqlite
        .prepare('SELECT max(at) FROM sync_exchanges WHERE peer = ?')
        .pluck()
        .get(p.device) ?? null) as string | null,
    })),
    changes: count('SELECT count(*) FROM sync_changes WHERE device = ?', self.device),
    pending: self.role === 'field' ? pendingOf(ctx, store) : null,
    conflicts: conflictsIn(store, parcoursRules(store.headquarters())).length,
    quarantined: count('SELECT count(*) FROM sync_quarantine'),
    gaps: gapsOf(store),
    headquartersUrl: (ctx.sqlite.prepare('SELECT headquarters_url FROM sync_installation').pluck().get() ??
      null) as string | null,
    interruptedTransfer:
      self.role === 'field' ? (count('SELECT max(size) FROM sync_transfers') ?? null) : null,
    appVersion: APP_VERSION,
    minAppVersion: minAppVersionOf(ctx),
    exchanges: ctx.sqlite
      .prepare(
        `SELECT id, at, peer, direction, via, number, changes, summary FROM sync_exchanges ORDER BY id DESC LIMIT ${HISTORY_SIZE}`,
      )
      .all() as SyncStatus['exchanges'],
  };
}

const HISTORY_SIZE = 20;

/** On a laptop: its own changes that headquarters has not acknowledged holding. */
function pendingOf(ctx: Context, store: Store) {
  const self = store.self();
  const hq = [...store.peers().values()].find((p) => p.headquarters === 1);
  const held = (JSON.parse(hq?.holds ?? '{}') as Record<string, [number, number][]>)[self.device] ?? [];
  const within = ctx.sqlite
    .prepare('SELECT count(*) FROM sync_changes WHERE device = ? AND seq BETWEEN ? AND ?')
    .pluck();
  const total = ctx.sqlite
    .prepare('SELECT count(*) FROM sync_changes WHERE device = ?')
    .pluck()
    .get(self.device) as number;
  return held.reduce((left, [a, b]) => left - (within.get(self.device, a, b) as number), total);
}

type Via = 'file' | 'network';

/** A line of the history of exchanges (sync_exchanges), in the exchange's own transaction. */
function recordExchange(
  ctx: Context,
  e: {
    peer: string;
    direction: 'received' | 'sent';
    via: Via;
    number: number;
    changes: number;
    summary?: string;
  },
) {
  ctx.sqlite
    .prepare(
      'INSERT INTO sync_exchanges (at, peer, direction, via, number, changes, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(timestamp(ctx), e.peer, e.direction, e.via, e.number, e.changes, e.summary ?? null);
}

const minAppVersionOf = (ctx: Context) =>
  (ctx.sqlite.prepare('SELECT min_app_version FROM sync_installation').pluck().get() ?? null) as
    string | null;

/** At headquarters: the lowest Parcours version whose files it applies (never above its own). */
export function setMinAppVersion(ctx: Context, input: z.output<typeof minAppVersionInput>) {
  if (new Store(ctx.sqlite).self().role !== 'headquarters')
    throw new AppError('VALIDATION', 'La version minimale des postes se règle au siège.');
  if (input.version && compareVersions(input.version, APP_VERSION) > 0) {
    const message = `Le siège est en version ${APP_VERSION} : il ne peut demander une version plus récente que la sienne.`;
    throw new AppError('VALIDATION', message, [{ path: ['version'], message }]);
  }
  ctx.sqlite.prepare('UPDATE sync_installation SET min_app_version = ?').run(input.version);
  return { version: input.version };
}

/** Accounts are no programme data: a conflict on them changes no figure. */
const OUTSIDE_FIGURES = new Set(['users', 'user_pathways']);

/**
 * The conflicts not yet decided whose records feed the programme's figures: a report says so while
 * there are any. None on an installation that never exchanged a file.
 */
export function conflictsOnFigures(ctx: Context): number {
  if (!ctx.sqlite.prepare('SELECT 1 FROM sync_peers LIMIT 1').get()) return 0;
  const store = new Store(ctx.sqlite);
  return conflictsIn(store, parcoursRules(store.headquarters())).filter((c) => !OUTSIDE_FIGURES.has(c.table))
    .length;
}

/** The laptop's file key: derived from its enrolment secret and its device id. */
export const keyOf = (secret: string, laptop: string) => deviceKey(Buffer.from(secret, 'base64'), laptop);

const fileName = (label: string, at: string, kind: string) =>
  `parcours-${kind}-${label.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-${at.slice(0, 10)}.${SYNC_EXTENSION}`;

export function enrolLaptop(ctx: Context, input: z.output<typeof enrolLaptopInput>) {
  const user = ctx.sqlite
    .prepare('SELECT id, role, password_hash AS passwordHash FROM users WHERE id = ?')
    .get(input.userId) as { id: string; role: string; passwordHash: string } | undefined;
  if (!user) throw notFound('Compte');
  const device = randomUUID();
  const secret = newSecret();
  const at = timestamp(ctx);
  addLaptop(ctx.sqlite, { device, userId: user.id, role: user.role, label: input.label, secret }, at);
  const store = new Store(ctx.sqlite);
  const firstBatch = exportBatch(ctx.sqlite, parcoursRules, device);
  const enrolment: Enrolment = {
    device,
    account: user.id,
    role: user.role,
    passwordHash: user.passwordHash,
    secret,
    headquarters: store.self().device,
    scope: { account: user.id },
    appVersion: APP_VERSION,
    schemaVersion: schemaOf(ctx),
    firstBatch,
    documents: Object.fromEntries(
      documentsOf(ctx.sqlite, firstBatch).map((d) => [
        createHash('sha256').update(d).digest('hex'),
        d.toString('base64'),
      ]),
    ),
  };
  const code = enrolmentCode();
  return {
    device,
    code,
    file: {
      fileName: fileName(input.label, at, 'inscription'),
      mimeType: 'application/octet-stream',
      dataBase64: writeEnrolmentFile(enrolment, code).toString('base64'),
    },
  };
}

/** At headquarters only an administrator exchanges the laptops' files (a trainer does, on a laptop). */
export function assertMayExchange(store: Store) {
  const call = currentCall();
  if (store.self().role === 'headquarters' && call && !call.trusted && call.user?.role !== 'admin')
    throw new AppError('FORBIDDEN', 'Au siège, seul un administrateur échange les fichiers des postes.');
}

/** The peer a file is written for, and the laptop whose key seals it. */
function peerFor(store: Store, device: string | undefined) {
  assertMayExchange(store);
  const self = store.self();
  const peers = store.peers();
  if (self.role === 'field') {
    const hq = [...peers.values()].find((p) => p.headquarters === 1)!;
    return { peer: hq, laptop: self.device };
  }
  if (!device) throw new AppError('VALIDATION', 'Choisissez le poste pour lequel écrire le fichier.');
  const peer = peers.get(device);
  if (!peer) throw notFound('Poste');
  return { peer, laptop: peer.device };
}

/** The `.parcours-sync` file for `peer`, sealed with the key of `laptop` (itself, or the peer). */
export function writeFileFor(ctx: Context, peer: PeerRow, laptop: string, via: Via): Buffer {
  const batch = exportBatch(ctx.sqlite, parcoursRules, peer.device);
  recordExchange(ctx, {
    peer: peer.device,
    direction: 'sent',
    via,
    number: batch.number,
    changes: batch.changes.length,
  });
  return writeSyncFile(
    {
      batch,
      documents: documentsOf(ctx.sqlite, batch),
      appVersion: APP_VERSION,
      schemaVersion: schemaOf(ctx),
    },
    keyOf(peer.secret, laptop),
  );
}

export function exportFile(ctx: Context, input: z.output<typeof exportSyncInput>): FileOutput {
  const store = new Store(ctx.sqlite);
  const { peer, laptop } = peerFor(store, input.device);
  const label = store.self().role === 'field' ? 'modifications' : `pour-${peer.label}`;
  return {
    fileName: fileName(label, timestamp(ctx), 'sync'),
    mimeType: 'application/octet-stream',
    dataBase64: writeFileFor(ctx, peer, laptop, 'file').toString('base64'),
  };
}

/**
 * Opens a file with the key of its sender (at headquarters, `from`, or each enrolled laptop's in
 * turn) and applies it whole or not at all: what it brought, and who sent it.
 */
export function applyFile(
  ctx: Context,
  bytes: Buffer,
  via: Via,
  from?: PeerRow,
): { report: ReceivedReport; sender: string } {
  const store = new Store(ctx.sqlite);
  const self = store.self();
  const expected = {
    device: self.device,
    appVersion: APP_VERSION,
    schemaVersion: schemaOf(ctx),
    minAppVersion: minAppVersionOf(ctx) ?? undefined,
  };
  const candidates = (from ? [from] : [...store.peers().values()]).map((p) =>
    keyOf(p.secret, self.role === 'field' ? self.device : p.device),
  );
  let content: ReturnType<typeof readSyncFile> | undefined;
  let lastError: unknown = new AppError('VALIDATION', messages.otherDevice);
  for (const key of candidates) {
    try {
      content = readSyncFile(bytes, key, expected);
      break;
    } catch (e) {
      if (!(e instanceof AppError) || e.message !== messages.otherDevice) throw e;
      lastError = e;
    }
  }
  if (!content) throw lastError;
  if (from && content.batch.sender !== from.device) throw new AppError('VALIDATION', messages.otherDevice);
  const batch = upgradeBatch(content.batch, content.manifest.schemaVersion);
  const result = receiveBatch(ctx.sqlite, parcoursRules, batch, timestamp(ctx), content.documents);
  if (!result.ok) throw new AppError('VALIDATION', result.message);
  recordExchange(ctx, {
    peer: batch.sender,
    direction: 'received',
    via,
    number: batch.number,
    changes: result.report.received,
    summary: result.report.summary,
  });
  return { report: result.report, sender: batch.sender };
}

export function importFile(ctx: Context, input: z.output<typeof importSyncInput>): SyncReport {
  const store = new Store(ctx.sqlite);
  assertMayExchange(store);
  const { report, sender } = applyFile(ctx, Buffer.from(input.file.contentBase64, 'base64'), 'file');
  const reply = store.self().role === 'headquarters' ? exportFile(ctx, { device: sender }) : null;
  return { ...report, reply };
}
