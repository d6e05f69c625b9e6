// The enrolment file: what headquarters gives a laptop to become an installation of Parcours.
// Same container as `.parcours-sync`, sealed under a key derived (scrypt) from a one-time code that
// the officer reads to the trainer: a lost USB stick alone does not open it.
import { randomBytes, randomInt } from 'node:crypto';
import { AppError } from '../errors';
import { codeKey, header, messages, open, seal } from './file';
import type { Batch } from './replica';

export interface Enrolment {
  device: string;
  account: string;
  role: string;
  /** The account's password hash (never in a batch): the trainer signs in on the laptop as at headquarters. */
  passwordHash: string;
  /** base64; the laptop's file key is deviceKey(secret, device). */
  secret: string;
  headquarters: string;
  /** What the laptop may receive: its account's scope. */
  scope: { account: string };
  appVersion: string;
  schemaVersion: string;
  /** The snapshot of its scope. */
  firstBatch: Batch;
  /** The contents of the snapshot's documents (base64), by SHA-256. */
  documents?: Record<string, string>;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud on the phone

/** A one-time code, 12 characters (60 bits) in groups of four. */
export function enrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export const newSecret = (): string => randomBytes(32).toString('base64');

export function writeEnrolmentFile(enrolment: Enrolment, code: string): Buffer {
  const salt = randomBytes(16);
  return seal('enrolment', enrolment, codeKey(code, salt), salt);
}

export function readEnrolmentFile(file: Buffer, code: string): Enrolment {
  const { salt } = header(file, 'enrolment');
  try {
    return open(file, 'enrolment', codeKey(code, salt)) as Enrolment;
  } catch (e) {
    if (e instanceof AppError && e.message === messages.otherDevice)
      throw new AppError('VALIDATION', 'Code d’inscription incorrect : vérifiez-le auprès du siège.');
    throw e;
  }
}
