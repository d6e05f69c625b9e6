import type { Db, Sqlite } from './db/client';

export interface Context {
  db: Db;
  sqlite: Sqlite;
  /** The clock, injectable so tests are reproducible. */
  now: () => Date;
}

export const timestamp = (ctx: Context) => ctx.now().toISOString();

/** Runs `work` as one transaction: for asynchronous handlers, whose database work lies between awaits. */
export const transaction = <T>(ctx: Context, work: () => T): T => ctx.sqlite.transaction(work)();
