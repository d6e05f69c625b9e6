import fs from 'node:fs';
import path from 'node:path';
import type { Envelope, Method, Input, Output } from '../contract';
import { openDb } from './db/client';
import { applyMigrations, assertKnownMigrations } from './db/migrate';
import { dispatch, dispatchAsync, type DispatchOptions } from './dispatcher';
import type { Context } from './context';
import { ensureDefaultFramework } from './diagnostics/frameworks';
import { ensureDefaultResults } from './indicators/framework';

export { AppError } from './errors';

export interface CoreOptions extends DispatchOptions {
  dataDir: string;
  migrationsFolder: string;
  now?: () => Date;
}

export interface Core {
  /** Answers any method: what the transports use. */
  request(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Synchronous call, for methods that do not read or write files (tests, scripts). */
  call(method: string, input: unknown): Envelope<unknown>;
  /** Typed call for code that knows the method at compile time (tests, scripts). */
  invoke<M extends Method>(method: M, input: Input<M>): Envelope<Output<M>>;
  readonly databaseFile: string;
  close(): void;
}

export const DATABASE_FILE = 'parcours.sqlite';

/** Opens (or creates) the programme's database in `dataDir`, migrated and ready. */
export function createCore({
  dataDir,
  migrationsFolder,
  now = () => new Date(),
  ...options
}: CoreOptions): Core {
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  assertKnownMigrations(databaseFile, migrationsFolder);
  const { sqlite, db } = openDb(databaseFile);
  try {
    applyMigrations(sqlite, db, migrationsFolder);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const ctx: Context = { db, sqlite, now };
  sqlite.transaction(() => {
    ensureDefaultFramework(ctx);
    ensureDefaultResults(ctx);
  })();
  const call = (method: string, input: unknown) => dispatch(ctx, method, input, options);
  return {
    request: (method, input) => dispatchAsync(ctx, method, input, options),
    call,
    invoke: (method, input) => call(method, input) as Envelope<Output<typeof method>>,
    databaseFile,
    close: () => sqlite.close(),
  };
}
