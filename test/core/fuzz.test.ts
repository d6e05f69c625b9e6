// The permanent hostile-input suite: every method of the contract, called by every role (and by
// nobody) with generated inputs, mostly shaped as the method expects and partly hostile. Whatever
// comes, the core answers an envelope that is never INTERNAL, never throws, and a refused call
// writes nothing: no row anywhere, the audit trail included. Bounded: a few runs per method.
// A failure prints fast-check's seed: FUZZ_SEED=<seed> replays the same calls.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../src-main/contract';
import { contract, type Method } from '../../src-main/core/methods';
import { inputArbitrary, type FuzzPools } from '../fixtures/fuzz';
import { programme } from '../fixtures/smallProgramme';
import { PASSWORD } from '../fixtures/accounts';

vi.setConfig({ testTimeout: 120_000 });

const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 10);
/** Runs stop once a method has taken this long (on a busy machine, slow methods get fewer). */
const METHOD_BUDGET_MS = 250;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Who calls: a role's session, nobody, or a session that does not exist. */
type Caller = Role | 'nobody' | 'forged';
const CALLERS: Caller[] = ['admin', 'admin', 'admin', 'trainer', 'committee', 'reader', 'nobody', 'forged'];

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Tables whose rows a refused call may still write, by design: a wrong password is counted. */
const COUNTED_ON_REFUSAL: Partial<Record<Method, string[]>> = {
  'auth.signIn': ['sign_in_failures'],
  'auth.changePassword': ['sign_in_failures'],
};

async function setUp() {
  const t = programme();
  const setup = await t.core.request(
    'auth.setup',
    { login: 'admin', name: 'Équipe PRC', password: PASSWORD },
    { session: null },
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const users: { role: Role; id: string; session: string }[] = [
    { role: 'admin', id: (setup.value as { user: { id: string } }).user.id, session: '' },
  ];
  for (const role of ['trainer', 'committee', 'reader'] as const) {
    const created = await t.core.request('users.create', {
      login: role,
      name: `Compte ${role}`,
      role,
      password: PASSWORD,
      pathwayIds: role === 'trainer' ? [t.pathway.id] : [],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    users.push({ role, id: (created.value as { id: string }).id, session: '' });
  }
  for (const user of users) user.session = crypto.randomBytes(32).toString('base64url');
  return { ...t, users };
}

describe('hostile input, generated, over every method', () => {
  it('never answers INTERNAL, never throws, and a refused call writes nothing', async () => {
    const t = await setUp();
    const file = t.core.databaseFile;
    // Beside the core, as another program would: counts rows, and puts back the accounts the
    // calls may have changed (a password reset, a deactivation, a sign-out), so that each role
    // keeps calling as itself.
    let db: Database.Database | undefined;
    let inode = -1;
    let statements: { counts: Database.Statement; ids: Database.Statement } | undefined;
    const beside = () => {
      const now = fs.statSync(file).ino;
      if (!db || inode !== now) {
        db?.close();
        db = new Database(file);
        inode = now;
        statements = undefined;
      }
      return db;
    };
    const tables = () =>
      beside()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
    /** One statement each for the row counts of every table and for ids of records, per connection. */
    const prepared = () => {
      const sql = beside();
      if (statements) return statements;
      const names = tables();
      const counts = sql.prepare(
        `SELECT ${names.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(', ')}`,
      );
      const idColumns = names.flatMap((table) =>
        (sql.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
          .filter((c) => c.name === 'id' || c.name.endsWith('_id'))
          .map((c) => `SELECT * FROM (SELECT DISTINCT "${c.name}" FROM "${table}" LIMIT 20)`),
      );
      const ids = sql.prepare(idColumns.join(' UNION ALL ')).pluck();
      return (statements = { counts, ids });
    };
    const rowCounts = () => prepared().counts.get() as Record<string, number>;
    const restoreAccounts = () => {
      const at = '2024-07-20T09:00:00.000Z';
      const sql = beside();
      const intact = sql
        .prepare(
          `SELECT count(*) FROM users u JOIN auth_sessions s ON s.user_id = u.id
           WHERE u.active = 1 AND ${t.users.map(() => '(u.id = ? AND u.role = ? AND s.token_hash = ?)').join(' OR ')}`,
        )
        .pluck()
        .get(...t.users.flatMap((u) => [u.id, u.role, tokenHash(u.session)]));
      const failures = sql.prepare('SELECT count(*) FROM sign_in_failures').pluck().get();
      if (intact === t.users.length && failures === 0) return;
      sql.transaction(() => {
        for (const user of t.users) {
          sql.prepare('UPDATE users SET active = 1, role = ? WHERE id = ?').run(user.role, user.id);
          sql
            .prepare(
              'INSERT OR REPLACE INTO auth_sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
            )
            .run(tokenHash(user.session), user.id, at, at);
        }
        sql.prepare('DELETE FROM sign_in_failures').run();
      })();
    };
    let ids: string[] = [];
    const refreshIds = () => {
      ids = (prepared().ids.all() as unknown[]).filter((v): v is string => typeof v === 'string');
    };
    const pools: FuzzPools = { ids: () => ids };
    const sessionOf = (caller: Caller) =>
      caller === 'nobody'
        ? null
        : caller === 'forged'
          ? 'a'.repeat(43)
          : t.users.find((u) => u.role === caller)!.session;

    const methods = Object.keys(contract) as Method[];
    const tally = { calls: 0, accepted: 0 };
    const started = performance.now();
    for (const method of methods) {
      const methodStarted = performance.now();
      refreshIds();
      const input = inputArbitrary(contract[method].input, pools);
      await fc.assert(
        fc.asyncProperty(input, fc.constantFrom(...CALLERS), async (value, caller) => {
          // A slow method (a password hashed, a PDF written, a backup copied) gets fewer runs.
          if (performance.now() - methodStarted > METHOD_BUDGET_MS) return;
          restoreAccounts();
          const before = rowCounts();
          const envelope = await t.core.request(method, value, { session: sessionOf(caller) });
          tally.calls += 1;
          const what = `${method} as ${caller} with ${JSON.stringify(value)?.slice(0, 300)}`;
          if (envelope.ok) {
            tally.accepted += 1;
            return;
          }
          expect(envelope.error.code, `${what}: ${envelope.error.message}`).not.toBe('INTERNAL');
          const after = rowCounts();
          for (const table of COUNTED_ON_REFUSAL[method] ?? []) {
            delete after[table];
            delete before[table];
          }
          expect(after, `${what} was refused (${envelope.error.code}) but wrote`).toEqual(before);
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED, endOnFailure: true },
      );
    }
    console.log(
      `${tally.calls} calls over ${methods.length} methods (${tally.accepted} accepted) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Nothing altered entered the database: no NUL, no replacement character (a lone surrogate,
    // stored altered).
    const sql = beside();
    const altered = tables().flatMap((table) =>
      (sql.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[])
        .filter((c) => !c.type.toUpperCase().includes('BLOB'))
        .flatMap((c) => {
          const n = sql
            .prepare(
              `SELECT count(*) FROM "${table}" WHERE typeof("${c.name}") = 'text' ` +
                `AND (instr("${c.name}", char(0)) > 0 OR instr("${c.name}", char(65533)) > 0)`,
            )
            .pluck()
            .get() as number;
          return n > 0 ? [`${table}.${c.name}: ${n}`] : [];
        }),
    );
    expect(altered).toEqual([]);
    db?.close();
  });
});
