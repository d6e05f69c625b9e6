import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../contract/auth';
import type { Db, Sqlite } from './db/client';
import { captureChanges } from './sync/capture';

/** Where the programme's data lives: what backups copy, and what a restore replaces. */
export interface Storage {
  dataDir: string;
  databaseFile: string;
  migrationsFolder: string;
  /** Opens the database file again, migrated: after a restore has put another file in its place. */
  open(): { db: Db; sqlite: Sqlite };
}

export interface Context {
  /**
   * The one connection. A restore closes it, swaps the file and assigns a new one here (between
   * two calls, never during one): read `ctx.db` / `ctx.sqlite` each time, never keep them.
   */
  db: Db;
  sqlite: Sqlite;
  /** The clock, injectable so tests are reproducible. */
  now: () => Date;
  storage: Storage;
  /** Where the PDF fonts are. */
  fontsFolder: string;
  /**
   * The methods a role may call (core/permissions.ts), told to the signed-in person. Given here
   * because the declarations it reads import the services, which could not import it back.
   */
  allowedMethods: (role: Role) => string[];
}

export const timestamp = (ctx: Context) => ctx.now().toISOString();

/** Today's date (`YYYY-MM-DD`, UTC: Mali's time) by the context's clock. */
export const today = (ctx: Context) => ctx.now().toISOString().slice(0, 10);

/**
 * Runs `work` as one transaction (every call's, and each piece of an asynchronous handler's work
 * between its awaits), ending with the capture of its writes as synchronisation changes.
 */
export const transaction = <T>(ctx: Context, work: () => T): T =>
  ctx.sqlite.transaction(() => {
    const value = work();
    captureChanges(ctx.sqlite);
    return value;
  })();

/** The signed-in person making a call. */
export interface CallUser {
  id: string;
  name: string;
  role: Role;
}

/**
 * The call being answered: who makes it (for permissions and the audit trail) and its id in
 * the trail. Kept per call (AsyncLocalStorage), so concurrent asynchronous calls never mix.
 */
export interface CurrentCall {
  id: string;
  method: string;
  /** ISO date-time the call started. */
  at: string;
  /** Null for in-process calls and for public calls made without a session. */
  user: CallUser | null;
  /** SHA-256 of the caller's session token, when the call came with a valid one. */
  sessionHash: string | null;
  /** An in-process call (tests, scripts, the demo loader): no permission applies. */
  trusted: boolean;
}

const calls = new AsyncLocalStorage<CurrentCall>();

/** The call being answered; undefined outside the dispatcher (start-up, scripts). */
export const currentCall = (): CurrentCall | undefined => calls.getStore();

/** Runs `work` (and everything it awaits) as the call `call`. */
export const runAsCall = <T>(call: CurrentCall, work: () => T): T => calls.run(call, work);
