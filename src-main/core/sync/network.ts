// « Synchroniser maintenant »: the same `.parcours-sync` files as by USB stick, carried over the
// network in pieces. Headquarters keeps what it received of a file (sync_transfers) until the file
// is whole, applies it in one transaction and keeps its answer until the laptop has fetched it; the
// laptop keeps the file it sends and the answer's pieces as they arrive. A link cut anywhere
// resumes where it stopped: a piece sent twice or an answer fetched twice changes nothing.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import {
  TRANSFER_PIECE_BYTES,
  type ReceivedReport,
  type SyncNowOutput,
  type TransferState,
  type headquartersUrlInput,
  type replyPieceInput,
  type transferPieceInput,
} from '../../contract';
import { timestamp, transaction, type Context } from '../context';
import { AppError } from '../errors';
import { reportProgress } from '../system/progress';
import { applyFile, keyOf, writeFileFor } from './service';
import { Store, type PeerRow } from './store';

/** The path headquarters answers on (web/syncServer.ts): `<address>/synchronisation/<call>`. */
export const NETWORK_PATH = '/synchronisation/';
const ATTEMPTS = 4;
const RETRY_MS = 500;
const CALL_TIMEOUT_MS = 60_000;

/** The token a laptop shows with each call: derived from its enrolment secret, like its file key. */
export const networkToken = (secret: string, device: string) =>
  createHmac('sha256', keyOf(secret, device)).update('parcours-reseau').digest('base64url');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface TransferRow {
  id: string;
  device: string;
  size: number;
  received: number;
  reply: Buffer | null;
  replySize: number | null;
  report: string | null;
}

const transferRow = (ctx: Context, id: string) =>
  ctx.sqlite
    .prepare(
      `SELECT id, device, size, length(content) AS received, reply, reply_size AS replySize, report
         FROM sync_transfers WHERE id = ?`,
    )
    .get(id) as TransferRow | undefined;

const stateOf = (t: TransferRow | undefined): TransferState => ({
  received: t?.received ?? 0,
  report: t?.report ? (JSON.parse(t.report) as ReceivedReport) : null,
  replySize: t?.replySize ?? null,
});

const refusedLaptop = () =>
  new AppError('FORBIDDEN', 'Poste inconnu ou jeton refusé : ce poste doit être inscrit au siège.');

/** At headquarters: the enrolled laptop that calls, recognised by its token. */
function callingLaptop(ctx: Context, device: string, token: string): PeerRow {
  const store = new Store(ctx.sqlite);
  if (store.self().role !== 'headquarters')
    throw new AppError('VALIDATION', 'Seul le siège reçoit les fichiers des postes par le réseau.');
  const peer = store.peers().get(device);
  const expected = peer && Buffer.from(networkToken(peer.secret, peer.device));
  if (
    !peer ||
    !expected ||
    expected.length !== Buffer.byteLength(token) ||
    !timingSafeEqual(expected, Buffer.from(token))
  )
    throw refusedLaptop();
  return peer;
}

/**
 * At headquarters: one more piece of a laptop's file. A piece that is not the next one (sent again
 * after a cut) or an empty one only says where the sending stands. The last piece applies the file
 * whole and writes the laptop's answer.
 */
export function receivePiece(ctx: Context, input: z.output<typeof transferPieceInput>): TransferState {
  const peer = callingLaptop(ctx, input.device, input.token);
  const held = transferRow(ctx, input.transfer);
  if (held && (held.device !== peer.device || held.size !== input.size))
    throw new AppError(
      'VALIDATION',
      'Ce morceau ne correspond pas au fichier que le siège reçoit déjà : synchronisez de nouveau.',
    );
  const piece = Buffer.from(input.pieceBase64, 'base64');
  if (held?.report || input.offset !== (held?.received ?? 0) || piece.length === 0) return stateOf(held);
  if (input.offset + piece.length > input.size)
    throw new AppError('VALIDATION', 'Ce morceau dépasse la taille annoncée du fichier.');
  if (!held) {
    // A new file from this laptop: its earlier ones (answered, or refused) are done with.
    ctx.sqlite.prepare('DELETE FROM sync_transfers WHERE device = ?').run(peer.device);
    ctx.sqlite
      .prepare('INSERT INTO sync_transfers (id, device, size, content, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.transfer, peer.device, input.size, piece, timestamp(ctx));
  } else {
    // Joined here: SQLite's || would read the bytes as text.
    const content = ctx.sqlite.prepare('SELECT content FROM sync_transfers WHERE id = ?').pluck();
    ctx.sqlite
      .prepare('UPDATE sync_transfers SET content = ? WHERE id = ?')
      .run(Buffer.concat([content.get(input.transfer) as Buffer, piece]), input.transfer);
  }
  const now = transferRow(ctx, input.transfer)!;
  if (now.received < now.size) return stateOf(now);

  const content = ctx.sqlite
    .prepare('SELECT content FROM sync_transfers WHERE id = ?')
    .pluck()
    .get(now.id) as Buffer;
  if (sha256(content) !== now.id) {
    // Damaged on the way: it is sent again from its start.
    ctx.sqlite.prepare('DELETE FROM sync_transfers WHERE id = ?').run(now.id);
    return stateOf(undefined);
  }
  const { report } = applyFile(ctx, content, 'network', peer);
  const reply = writeFileFor(ctx, peer, peer.device, 'network');
  ctx.sqlite
    .prepare('UPDATE sync_transfers SET reply = ?, reply_size = ?, report = ? WHERE id = ?')
    .run(reply, reply.length, JSON.stringify(report), now.id);
  return stateOf(transferRow(ctx, now.id));
}

/** At headquarters: a piece of its answer to a laptop's file, from `offset`. */
export function replyPiece(ctx: Context, input: z.output<typeof replyPieceInput>): { pieceBase64: string } {
  const peer = callingLaptop(ctx, input.device, input.token);
  const held = transferRow(ctx, input.transfer);
  if (!held || held.device !== peer.device || held.reply === null)
    throw new AppError('NOT_FOUND', 'Le siège n’a pas de réponse pour ce fichier : synchronisez de nouveau.');
  const piece = held.reply.subarray(input.offset, input.offset + TRANSFER_PIECE_BYTES);
  return { pieceBase64: piece.toString('base64') };
}

export function setHeadquartersUrl(ctx: Context, input: z.output<typeof headquartersUrlInput>) {
  if (new Store(ctx.sqlite).self().role !== 'field')
    throw new AppError('VALIDATION', 'L’adresse du siège se règle sur les postes de terrain.');
  ctx.sqlite
    .prepare('UPDATE sync_installation SET headquarters_url = ?')
    .run(input.url?.replace(/\/+$/, '') ?? null);
  return { url: input.url };
}

interface Link {
  url: string;
  device: string;
  token: string;
}

/** A call to headquarters: its answer, a refusal (AppError, not tried again), or a network failure. */
async function post<T>(link: Link, call: string, body: unknown): Promise<T> {
  const response = await fetch(`${link.url}${NETWORK_PATH}${call}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
  const envelope = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new AppError(envelope.error.code as AppError['code'], envelope.error.message);
  return envelope.value;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries a call again after a network failure; after the last try, says how far the exchange went. */
async function persist<T>(link: Link, work: () => Promise<T>, where: () => string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (attempt === ATTEMPTS)
        throw new AppError(
          'UNAVAILABLE',
          `Le siège (${link.url}) ne répond pas : ${where()}. « Synchroniser maintenant » reprendra là où l’échange s’est arrêté.`,
        );
      await pause(RETRY_MS * attempt);
    }
  }
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} Ko`;

/** On a laptop: the file being sent (an interrupted one first) and what headquarters holds of it. */
function startTransfer(ctx: Context) {
  const store = new Store(ctx.sqlite);
  const self = store.self();
  if (self.role !== 'field')
    throw new AppError('VALIDATION', 'Au siège, ce sont les postes de terrain qui se synchronisent.');
  const url = ctx.sqlite.prepare('SELECT headquarters_url FROM sync_installation').pluck().get() as
    string | null;
  if (!url)
    throw new AppError('VALIDATION', 'Indiquez d’abord l’adresse du siège.', [
      { path: ['url'], message: 'errors.headquartersUrl' },
    ]);
  const hq = [...store.peers().values()].find((p) => p.headquarters === 1)!;
  const select = ctx.sqlite.prepare(
    `SELECT id, size, content, reply, reply_size AS replySize, report FROM sync_transfers ORDER BY created_at LIMIT 1`,
  );
  let transfer = select.get() as (Omit<TransferRow, 'received' | 'device'> & { content: Buffer }) | undefined;
  if (!transfer) {
    const file = writeFileFor(ctx, hq, self.device, 'network');
    ctx.sqlite
      .prepare('INSERT INTO sync_transfers (id, device, size, content, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(file), self.device, file.length, file, timestamp(ctx));
    transfer = select.get() as NonNullable<typeof transfer>;
  }
  return { link: { url, device: self.device, token: networkToken(hq.secret, self.device) }, transfer };
}

/**
 * On a laptop: sends its file to headquarters and applies headquarters' answer, each piece kept as
 * it goes. A refusal drops the file (the next try writes a new one); a cut keeps it for the next try.
 */
export async function syncNow(ctx: Context): Promise<SyncNowOutput> {
  const { link, transfer } = transaction(ctx, () => startTransfer(ctx));
  const ids = { device: link.device, token: link.token, transfer: transfer.id };
  const forget = () =>
    transaction(ctx, () => ctx.sqlite.prepare('DELETE FROM sync_transfers WHERE id = ?').run(transfer.id));
  try {
    const send = (offset: number, piece: Buffer) =>
      persist(
        link,
        () =>
          post<TransferState>(link, 'sendPiece', {
            ...ids,
            size: transfer.size,
            offset,
            pieceBase64: piece.toString('base64'),
          }),
        () => `${kilobytes(offset)} sur ${kilobytes(transfer.size)} envoyés`,
      );
    let state: TransferState = transfer.report
      ? { received: transfer.size, report: JSON.parse(transfer.report), replySize: transfer.replySize }
      : await send(0, Buffer.alloc(0));
    let stalled = 0;
    while (!state.report) {
      const offset = state.received;
      reportProgress(ctx, 'send', offset, transfer.size);
      state = await send(offset, transfer.content.subarray(offset, offset + TRANSFER_PIECE_BYTES));
      if (state.received <= offset && !state.report && ++stalled > 2)
        throw new AppError('VALIDATION', 'Le fichier arrive abîmé au siège : réessayez plus tard.');
    }
    const { report: sent, replySize } = state;
    if (!transfer.report)
      transaction(ctx, () =>
        ctx.sqlite
          .prepare('UPDATE sync_transfers SET report = ?, reply_size = ? WHERE id = ?')
          .run(JSON.stringify(sent), replySize, transfer.id),
      );

    let reply = transfer.reply ?? Buffer.alloc(0);
    while (reply.length < replySize!) {
      const offset = reply.length;
      reportProgress(ctx, 'receive', offset, replySize);
      const { pieceBase64 } = await persist(
        link,
        () => post<{ pieceBase64: string }>(link, 'replyPiece', { ...ids, offset }),
        () =>
          `fichier envoyé et reçu par le siège ; réponse reçue à ${kilobytes(offset)} sur ${kilobytes(replySize!)}`,
      );
      const piece = Buffer.from(pieceBase64, 'base64');
      if (piece.length === 0) throw new AppError('VALIDATION', 'La réponse du siège est incomplète.');
      reply = Buffer.concat([reply, piece]);
      transaction(ctx, () =>
        ctx.sqlite.prepare('UPDATE sync_transfers SET reply = ? WHERE id = ?').run(reply, transfer.id),
      );
    }
    const received = transaction(ctx, () => {
      const { report } = applyFile(ctx, reply, 'network');
      ctx.sqlite.prepare('DELETE FROM sync_transfers WHERE id = ?').run(transfer.id);
      return report;
    });
    return { sent, received };
  } catch (error) {
    if (error instanceof AppError && error.code !== 'UNAVAILABLE') forget();
    throw error;
  }
}
