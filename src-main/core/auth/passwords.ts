import crypto from 'node:crypto';

// Passwords are kept only as scrypt hashes: slow (about 0.1 s and 32 MB each) and salted, so
// that a copied database does not give the passwords away. Parameters travel with each hash,
// so they can be raised later without invalidating the ones already stored.
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    // Node refuses more than 32 MB by default: scrypt needs 128 × N × r bytes.
    crypto.scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): what the database keeps instead of the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, COST, BLOCK_SIZE, PARALLELISM, KEY_LENGTH);
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches the stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = Number(n);
  if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64'), N, Number(r), Number(p), expected.length);
  return crypto.timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;
/**
 * A hash of nothing, checked when the login is unknown: answering takes as long as for a
 * real account, so timing does not tell which logins exist.
 */
export const decoyHash = () => (decoy ??= hashPassword(crypto.randomBytes(16).toString('hex')));
