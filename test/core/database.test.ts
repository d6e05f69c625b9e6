import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../src-main/core';
import { MIGRATIONS, openTestCore, organisationInput, tempDir } from '../fixtures/core';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('database', () => {
  it('opens with the pragmas that protect against power cuts', () => {
    const { core } = openTestCore();
    const db = new Database(core.databaseFile, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // synchronous and foreign_keys are per connection: checked on the core's own connection
    // through their effects elsewhere; here, a foreign key violation must be refused.
    const result = core.call('agreements.create', {
      organisationId: '00000000-0000-0000-0000-000000000000',
      fields: { number: 'X', signedOn: '2024-01-01', durationMonths: 1, amountFcfa: 1 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the data across a restart', () => {
    const dir = tempDir();
    const first = openTestCore({ dataDir: dir });
    first.ok('organisations.create', organisationInput());
    first.core.close();
    const again = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    const list = again.invoke('organisations.list', {});
    expect(list.ok && list.value.total).toBe(1);
    again.close();
  });

  it('refuses, untouched, a database that carries a migration it does not know', () => {
    const dir = tempDir();
    const first = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
    first.close();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'from-the-future',
      4102444800000,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(file);
    const files = fs.readdirSync(dir).sort();

    expect(() => createCore({ dataDir: dir, migrationsFolder: MIGRATIONS })).toThrow(
      /version plus récente de Parcours/,
    );
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });

  it('runs each call in one transaction: a failing write leaves nothing behind', () => {
    const { core, ok } = openTestCore();
    const { id } = ok('organisations.create', organisationInput());
    // A status change with a reason longer than allowed is refused before any write.
    const long = core.invoke('organisations.changeStatus', {
      id,
      status: 'withdrawn',
      changedOn: '2024-05-01',
      reason: 'x'.repeat(5000),
    });
    expect(long.ok).toBe(false);
    const read = ok('organisations.get', { id });
    expect(read.status).toBe('identified');
    expect(read.statusHistory).toHaveLength(1);
  });
});
