// The `.parcours-sync` container: a clear header, then an AES-256-GCM encrypted, gzipped payload
// (manifest, batch, documents by content hash). Pure Node: node:crypto and node:zlib.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../errors';
import type { Batch } from './replica';

export const MAGIC = Buffer.from('PARCOURS-SYNC\n', 'latin1');
export const FILE_FORMAT = 1;
export type Kind = 'batch' | 'enrolment';
const KINDS: Kind[] = ['batch', 'enrolment'];
// magic | format u16 | kind u8 | salt 16 | key check 8 | iv 12 — all authenticated as GCM's AAD.
const HEADER = MAGIC.length + 2 + 1 + 16 + 8 + 12;
const TAG = 16;

export interface Manifest {
  format: number;
  appVersion: string;
  /** Last migration tag applied on the sender. */
  schemaVersion: string;
  sender: string;
  receiver: string;
  number: number;
  seqRange: [number, number] | null;
  counts: { changes: number; documents: number };
  sha256: { batch: string; documents: Record<string, string> };
}

export interface Expected {
  /** This installation's device id: a file for another one is refused. */
  device: string;
  appVersion: string;
  schemaVersion: string;
  /** The lowest app version headquarters accepts from a sender. */
  minAppVersion?: string;
}

export interface SyncContent {
  manifest: Manifest;
  batch: Batch;
  documents: Map<string, Buffer>;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The per-laptop key: HKDF over the enrolment secret (high entropy, so no slow hash is needed). */
export function deviceKey(secret: Buffer, device: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'parcours-sync', `device:${device}`, 32));
}

/** The key of an enrolment file: scrypt, because a code read aloud is short and must be slow to guess. */
export function codeKey(code: string, salt: Buffer): Buffer {
  return scryptSync(code.normalize('NFC').replace(/[\s-]/g, '').toUpperCase(), salt, 32, {
    N: 1 << 15,
    r: 8,
    p: 1,
    maxmem: 64 << 20,
  });
}

const keyCheck = (key: Buffer) =>
  createHmac('sha256', key).update('parcours-key-check').digest().subarray(0, 8);

const fail = (message: string) => new AppError('VALIDATION', message);
export const messages = {
  empty: 'Ce fichier est vide : recopiez-le depuis le poste qui l’a produit.',
  notParcours: 'Ce fichier n’est pas un fichier de synchronisation Parcours.',
  truncated:
    'Ce fichier est incomplet (clé USB retirée trop tôt ?) : recopiez-le depuis le poste qui l’a produit.',
  altered: 'Ce fichier a été modifié ou abîmé : il est refusé. Demandez un nouveau fichier.',
  otherDevice: 'Ce fichier est destiné à un autre poste : il ne peut pas être ouvert ici.',
  newer: 'Ce fichier vient d’une version plus récente de Parcours : mettez Parcours à jour sur ce poste.',
  tooOld: (min: string) =>
    `Ce fichier vient d’une version trop ancienne de Parcours : le siège demande au moins la version ${min}. Mettez Parcours à jour sur le poste qui l’a produit.`,
  wrongKind: 'Ce fichier n’est pas du type attendu (synchronisation ou inscription).',
};

/** Seals any JSON-able payload in the container. `salt` is carried in the clear (scrypt needs it). */
export function seal(kind: Kind, payload: unknown, key: Buffer, salt: Buffer = randomBytes(16)): Buffer {
  const iv = randomBytes(12);
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head, 0);
  let o = MAGIC.length;
  head.writeUInt16BE(FILE_FORMAT, o);
  head.writeUInt8(KINDS.indexOf(kind), o + 2);
  salt.copy(head, o + 3);
  keyCheck(key).copy(head, o + 19);
  iv.copy(head, o + 27);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(gzipSync(Buffer.from(JSON.stringify(payload)))), cipher.final()]);
  return Buffer.concat([head, body, cipher.getAuthTag()]);
}

/** The clear header, checked: what it takes to find the key. */
export function header(file: Buffer, kind: Kind): { salt: Buffer } {
  if (file.length === 0) throw fail(messages.empty);
  const magicPart = file.subarray(0, MAGIC.length);
  if (!MAGIC.subarray(0, magicPart.length).equals(magicPart)) throw fail(messages.notParcours);
  if (file.length < HEADER + TAG) throw fail(messages.truncated);
  const format = file.readUInt16BE(MAGIC.length);
  if (format > FILE_FORMAT) throw fail(messages.newer);
  if (format < 1) throw fail(messages.altered);
  if (KINDS[file.readUInt8(MAGIC.length + 2)] !== kind) throw fail(messages.wrongKind);
  return { salt: Buffer.from(file.subarray(MAGIC.length + 3, MAGIC.length + 19)) };
}

export function open(file: Buffer, kind: Kind, key: Buffer): unknown {
  header(file, kind);
  const head = file.subarray(0, HEADER);
  if (!keyCheck(key).equals(head.subarray(MAGIC.length + 19, MAGIC.length + 27)))
    throw fail(messages.otherDevice);
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length + 27, HEADER));
  decipher.setAAD(head);
  decipher.setAuthTag(file.subarray(file.length - TAG));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(file.subarray(HEADER, file.length - TAG)), decipher.final()]);
  } catch {
    // A truncated file also fails here: its tag is taken from the middle of the ciphertext.
    throw fail(messages.altered);
  }
  try {
    return JSON.parse(gunzipSync(plain).toString('utf8'));
  } catch {
    throw fail(messages.altered);
  }
}

/** Semver-like comparison of dotted numbers ("0.10.2" > "0.9.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Migration tags start with their number (`0007_…`): compared by that number, then as text. */
export const compareSchemas = (a: string, b: string) =>
  (Number.parseInt(a, 10) || 0) - (Number.parseInt(b, 10) || 0) || a.localeCompare(b);

export interface SyncFileInput {
  batch: Batch;
  /** Each document once, by its content: the key is recomputed, not trusted. */
  documents?: Buffer[];
  appVersion: string;
  schemaVersion: string;
}

interface Payload {
  manifest: Manifest;
  batch: string;
  documents: Record<string, string>;
}

export function writeSyncFile(input: SyncFileInput, key: Buffer): Buffer {
  const { batch } = input;
  const documents: Record<string, string> = {};
  for (const d of input.documents ?? []) documents[sha256(d)] = d.toString('base64');
  const batchJson = JSON.stringify(batch);
  const own = batch.changes.filter((c) => c.device === batch.sender).map((c) => c.seq);
  const manifest: Manifest = {
    format: FILE_FORMAT,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    sender: batch.sender,
    receiver: batch.receiver,
    number: batch.number,
    seqRange: own.length
      ? [own.reduce((a, b) => Math.min(a, b)), own.reduce((a, b) => Math.max(a, b))]
      : null,
    counts: { changes: batch.changes.length, documents: Object.keys(documents).length },
    sha256: {
      batch: sha256(batchJson),
      documents: Object.fromEntries(Object.keys(documents).map((h) => [h, h])),
    },
  };
  const payload: Payload = { manifest, batch: batchJson, documents };
  return seal('batch', payload, key);
}

export function readSyncFile(file: Buffer, key: Buffer, expected: Expected): SyncContent {
  const p = open(file, 'batch', key) as Payload;
  const m = p?.manifest;
  if (!m || typeof p.batch !== 'string' || typeof p.documents !== 'object') throw fail(messages.altered);
  if (m.format > FILE_FORMAT || compareSchemas(m.schemaVersion, expected.schemaVersion) > 0)
    throw fail(messages.newer);
  if (expected.minAppVersion && compareVersions(m.appVersion, expected.minAppVersion) < 0)
    throw fail(messages.tooOld(expected.minAppVersion));
  if (m.receiver !== expected.device) throw fail(messages.otherDevice);
  if (sha256(p.batch) !== m.sha256.batch) throw fail(messages.altered);
  const batch = JSON.parse(p.batch) as Batch;
  if (batch.changes.length !== m.counts.changes || batch.receiver !== m.receiver || batch.sender !== m.sender)
    throw fail(messages.altered);
  const documents = new Map<string, Buffer>();
  for (const [hash, b64] of Object.entries(p.documents)) {
    const bytes = Buffer.from(b64, 'base64');
    if (sha256(bytes) !== hash || m.sha256.documents[hash] !== hash) throw fail(messages.altered);
    documents.set(hash, bytes);
  }
  if (documents.size !== m.counts.documents) throw fail(messages.altered);
  return { manifest: m, batch, documents };
}
