import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';

/**
 * The heavy parts of checking a copy, done without holding the event loop: calls keep being
 * answered while a backup of a large database is checked.
 */

/** sha256 of a file, streamed through node:crypto in chunks read asynchronously. */
export async function sha256FileAsync(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}

// Plain JavaScript run by the worker (no bundling needed): better-sqlite3 is loaded from the
// path resolved here, so the worker uses the same build as the main thread.
const INTEGRITY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  const rows = db.pragma('integrity_check');
  parentPort.postMessage(rows.map((row) => String(Object.values(row)[0])));
} finally {
  db.close();
}
`;

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * SQLite's full integrity check of a file, run in a worker thread on its own read-only
 * connection: an empty list when it is sound, otherwise what SQLite found (or why it could not look).
 */
export function integrityProblemsOffThread(file: string): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(INTEGRITY_WORKER, { eval: true, workerData: { file, sqlite: sqliteModule } });
    let answer: string[] | null = null;
    worker.once('message', (messages: string[]) => {
      answer = messages.length === 1 && messages[0] === 'ok' ? [] : messages.slice(0, 10);
    });
    worker.once('error', (error) => (answer = [error.message]));
    worker.once('exit', (code) => resolve(answer ?? [`le contrôle s’est arrêté (code ${code})`]));
  });
}
