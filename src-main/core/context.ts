import type { Db, Sqlite } from './db/client';

export interface Context {
  db: Db;
  sqlite: Sqlite;
  /** The clock, injectable so tests are reproducible. */
  now: () => Date;
}

export const timestamp = (ctx: Context) => ctx.now().toISOString();
