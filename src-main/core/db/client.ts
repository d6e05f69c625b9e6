import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { endOfTerm } from '../../contract/dates';
import { compactKey, fold } from '../text';

export type Db = ReturnType<typeof openDb>['db'];
export type Sqlite = Database.Database;

/** Opens the one writing connection with the pragmas this app relies on. */
export function openDb(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a power cut never loses a committed transaction.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerFunctions(sqlite);
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

/**
 * The SQL functions queries and migrations use, with the code's own definitions: every connection
 * that migrates or queries a programme's database registers them.
 */
export function registerFunctions(sqlite: Sqlite) {
  // Case- and accent-insensitive search and sorting: `segou` finds `Ségou`.
  sqlite.function('fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? fold(value) : null,
  );
  sqlite.function('compact_key', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? compactKey(value) : null,
  );
  sqlite.function('end_of_term', { deterministic: true }, (start: unknown, months: unknown) =>
    typeof start === 'string' && typeof months === 'number' ? endOfTerm(start, months) : null,
  );
}
