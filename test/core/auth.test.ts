import fs from 'node:fs';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

// Each password check is a real scrypt (about 0.1 s, more on a busy machine).
import { openTestCore, tempDir } from '../fixtures/core';
import { as, openWithAdmin, PASSWORD, signIn } from '../fixtures/accounts';
import { verifyPassword } from '../../src-main/core/auth/passwords';

/** A clock the test moves forward. */
function clock(start = '2024-03-15T10:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Every byte of the database, its WAL included (where recent writes are). */
function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe('first start', () => {
  it('asks for the administrator, creates them once, and signs them in', async () => {
    const { core } = openTestCore();
    const anonymous = as(core, null);
    expect(await anonymous.value('auth.status', {})).toEqual({ needsSetup: true, user: null });
    // Nothing but the public methods without an account.
    expect(await anonymous.request('organisations.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const setUp = await anonymous.value('auth.setup', {
      login: ' Awa.Traore ',
      name: 'Awa Traoré',
      password: PASSWORD,
    });
    expect(setUp.user).toMatchObject({ login: 'awa.traore', name: 'Awa Traoré', role: 'admin' });
    expect(setUp.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const admin = as(core, setUp.session);
    expect(await admin.value('auth.status', {})).toMatchObject({
      needsSetup: false,
      user: { name: 'Awa Traoré' },
    });
    expect(await admin.value('auth.me', {})).toMatchObject({ login: 'awa.traore', role: 'admin' });

    // Never a second time, by anyone.
    const again = await anonymous.request('auth.setup', {
      login: 'intrus',
      name: 'Intrus',
      password: PASSWORD,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await admin.request('auth.setup', { login: 'autre', name: 'Autre', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await admin.value('users.list', {})).total).toBe(1);
  });

  it('refuses short passwords and odd logins with French keys', async () => {
    const { core } = openTestCore();
    const result = await as(core, null).request('auth.setup', {
      login: 'a b',
      name: '',
      password: 'court',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.fromEntries(result.error.issues!.map((i) => [i.path.join('.'), i.message]))).toEqual({
      login: 'errors.loginCharacters',
      name: 'errors.required',
      password: 'errors.passwordTooShort',
    });
    expect(await as(core, null).value('auth.status', {})).toMatchObject({ needsSetup: true });
  });
});

describe('signing in and out', () => {
  it('opens a session with the right password only, and ends it on sign-out', async () => {
    const t = await openWithAdmin();
    const anonymous = as(t.core, null);
    const wrong = await anonymous.request('auth.signIn', { login: 'admin', password: 'pas-le-bon' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Identifiant ou mot de passe incorrect.' },
    });
    // An unknown login gets the same answer.
    expect(await anonymous.request('auth.signIn', { login: 'personne', password: PASSWORD })).toEqual(wrong);

    const session = await signIn(t.core, 'ADMIN');
    expect(session).not.toBe(t.adminSession);
    const me = as(t.core, session);
    expect(await me.value('auth.me', {})).toMatchObject({ login: 'admin' });
    expect(await me.value('auth.signOut', {})).toEqual({ ok: true });
    expect(await me.request('auth.me', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The other session is untouched.
    expect(await t.admin.value('auth.me', {})).toMatchObject({ login: 'admin' });
    // Signing out without a session does nothing.
    expect(await anonymous.value('auth.signOut', {})).toEqual({ ok: true });
  });

  it('keeps only salted scrypt hashes of passwords and SHA-256 of session tokens: no secret in the file', async () => {
    const t = await openWithAdmin();
    const secret = 'Sésame-ouvre-toi-2024';
    const trainer = await t.account('trainer', 'moussa');
    await t.admin.value('users.resetPassword', { id: trainer.id, password: secret });
    const session = await signIn(t.core, 'moussa', secret);
    const bytes = databaseBytes(t.core.databaseFile);
    for (const clear of [secret, PASSWORD, session, t.adminSession]) {
      expect(bytes.includes(Buffer.from(clear, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(clear, 'utf16le'))).toBe(false);
    }
    const db = new Database(t.core.databaseFile, { readonly: true });
    try {
      const hashes = db.prepare('SELECT login, password_hash AS hash FROM users ORDER BY login').all() as {
        login: string;
        hash: string;
      }[];
      for (const { hash } of hashes)
        expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
      // Same password, different salts: different hashes.
      const salts = new Set(hashes.map((h) => h.hash.split('$')[4]));
      expect(salts.size).toBe(hashes.length);
      expect(await verifyPassword(secret, hashes.find((h) => h.login === 'moussa')!.hash)).toBe(true);
      expect(await verifyPassword('autre chose', hashes.find((h) => h.login === 'moussa')!.hash)).toBe(false);
      const tokens = db.prepare('SELECT token_hash FROM auth_sessions').pluck().all() as string[];
      expect(tokens).toContain(crypto.createHash('sha256').update(session).digest('hex'));
    } finally {
      db.close();
    }
  });
});

describe('repeated failures', () => {
  it('make a login wait longer and longer, even across a restart, until a success', async () => {
    const time = clock();
    const dataDir = tempDir();
    let t = await openWithAdmin({ now: time.now, dataDir });
    const attempt = (password: string) =>
      as(t.core, null).request('auth.signIn', { login: 'admin', password });
    for (let i = 0; i < 5; i++) {
      expect(await attempt('mauvais')).toMatchObject({
        error: { message: 'Identifiant ou mot de passe incorrect.' },
      });
    }
    // After 5 failures, even the right password waits 30 s.
    expect(await attempt(PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/réessayez dans 30 s/) },
    });
    // A restart does not forget.
    t.core.close();
    t = { ...t, ...openTestCore({ now: time.now, dataDir }) };
    time.advance(20 * SECOND);
    expect(await attempt(PASSWORD)).toMatchObject({ error: { message: expect.stringMatching(/10 s/) } });
    time.advance(11 * SECOND);
    expect(await attempt('mauvais')).toMatchObject({
      error: { message: 'Identifiant ou mot de passe incorrect.' },
    });
    // The 6th failure: 1 min; the 7th: 2 min…
    expect(await attempt(PASSWORD)).toMatchObject({ error: { message: expect.stringMatching(/1 min/) } });
    time.advance(MINUTE + SECOND);
    expect(await attempt('mauvais')).toMatchObject({
      error: { message: 'Identifiant ou mot de passe incorrect.' },
    });
    expect(await attempt(PASSWORD)).toMatchObject({ error: { message: expect.stringMatching(/2 min/) } });
    time.advance(2 * MINUTE + SECOND);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
    // A success starts the count again.
    for (let i = 0; i < 4; i++) await attempt('mauvais');
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it('never lock the right password out: sign-ins sent all at once all succeed', async () => {
    const t = await openWithAdmin();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        as(t.core, null).request('auth.signIn', { login: 'admin', password: PASSWORD }),
      ),
    );
    expect(attempts.filter((a) => !a.ok)).toEqual([]);
    expect(new Set(attempts.map((a) => a.ok && a.value.session)).size).toBe(20);
  });

  it('hold wrong guesses sent all at once to the same rule: 5 are checked, then the login waits', async () => {
    const t = await openWithAdmin();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(t.core, null).request('auth.signIn', { login: 'admin', password: `essai-${i}` }),
      ),
    );
    const messages = guesses.map((g) => (g.ok ? 'ok' : g.error.message));
    expect(messages.filter((m) => m === 'Identifiant ou mot de passe incorrect.')).toHaveLength(5);
    expect(messages.filter((m) => /réessayez dans 30 s/.test(m))).toHaveLength(15);
    expect(
      await as(t.core, null).request('auth.signIn', { login: 'admin', password: PASSWORD }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/réessayez dans/) } });
  });

  it('counts per login, and an administrator’s reset clears the wait', async () => {
    const t = await openWithAdmin();
    const trainer = await t.account('trainer', 'fatou');
    for (let i = 0; i < 6; i++)
      await as(t.core, null).request('auth.signIn', { login: 'fatou', password: 'x' });
    expect(
      await as(t.core, null).request('auth.signIn', { login: 'fatou', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
    });
    // Another login is not slowed down.
    expect(await signIn(t.core, 'admin')).toBeTruthy();
    await t.admin.value('users.resetPassword', { id: trainer.id, password: 'nouveau-mot-de-passe' });
    expect(await signIn(t.core, 'fatou', 'nouveau-mot-de-passe')).toBeTruthy();
    // The reset ended the sessions opened with the old password.
    expect(await trainer.request('auth.me', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('sessions', () => {
  it('expire after 12 hours without a call, and 7 days after signing in', async () => {
    const time = clock();
    const t = await openWithAdmin({ now: time.now });
    time.advance(11 * HOUR);
    expect(await t.admin.request('auth.me', {})).toMatchObject({ ok: true });
    // Each call keeps the session alive… (11 h + 14 × 11 h = 165 h)
    for (let i = 0; i < 14; i++) {
      time.advance(11 * HOUR);
      expect(await t.admin.request('organisations.list', {})).toMatchObject({ ok: true });
    }
    // …but not beyond 7 days (168 h).
    time.advance(11 * HOUR);
    expect(await t.admin.request('auth.me', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const fresh = as(t.core, await signIn(t.core, 'admin'));
    time.advance(12 * HOUR + MINUTE);
    expect(await fresh.request('organisations.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/session a expiré/) },
    });
    expect(await fresh.value('auth.status', {})).toEqual({ needsSetup: false, user: null });
  });

  it('end when the password changes (except the caller’s own), and the old password stops working', async () => {
    const t = await openWithAdmin();
    const other = as(t.core, await signIn(t.core, 'admin'));
    const wrong = await t.admin.request('auth.changePassword', {
      currentPassword: 'pas-le-bon',
      newPassword: 'un-nouveau-secret',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['currentPassword'], message: 'errors.currentPasswordWrong' }],
      },
    });
    await t.admin.value('auth.changePassword', {
      currentPassword: PASSWORD,
      newPassword: 'un-nouveau-secret',
    });
    expect(await t.admin.request('auth.me', {})).toMatchObject({ ok: true });
    expect(await other.request('auth.me', {})).toMatchObject({ ok: false });
    expect(
      await as(t.core, null).request('auth.signIn', { login: 'admin', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
    });
    expect(await signIn(t.core, 'admin', 'un-nouveau-secret')).toBeTruthy();
  });
});

describe('accounts', () => {
  it('are managed by the administrator: create, update, assign pathways, deactivate, reactivate', async () => {
    const t = await openWithAdmin();
    const trainer = await t.account('trainer', 'moussa');
    const duplicate = await t.admin.request('users.create', {
      login: 'MOUSSA',
      name: 'Autre',
      role: 'reader',
      password: PASSWORD,
    });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['login'], message: 'errors.loginTaken' }] },
    });
    const unknownPathway = await t.admin.request('users.update', {
      id: trainer.id,
      fields: { name: 'Moussa Keïta', role: 'trainer', pathwayIds: ['inconnu'] },
    });
    expect(unknownPathway).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const updated = await t.admin.value('users.update', {
      id: trainer.id,
      fields: { name: 'Moussa Keïta', role: 'reader', pathwayIds: [] },
    });
    expect(updated).toMatchObject({ name: 'Moussa Keïta', role: 'reader', active: true, pathways: [] });
    // The new role applies to the open session at once.
    expect(
      await trainer.request('sessions.create', { title: 'x', phase: 'classroom', days: [], trainers: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/lecteur/) },
    });

    const deactivated = await t.admin.value('users.deactivate', { id: trainer.id });
    expect(deactivated.active).toBe(false);
    expect(await trainer.request('auth.me', {})).toMatchObject({ ok: false });
    expect(
      await as(t.core, null).request('auth.signIn', { login: 'moussa', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/désactivé/) },
    });
    expect((await t.admin.value('users.list', {})).items.map((u) => u.login)).toEqual(['admin']);
    expect((await t.admin.value('users.list', { includeInactive: true })).total).toBe(2);
    await t.admin.value('users.reactivate', { id: trainer.id });
    expect(await signIn(t.core, 'moussa')).toBeTruthy();
  });

  it('always keep one active administrator', async () => {
    const t = await openWithAdmin();
    const lastAdmin = await t.admin.request('users.deactivate', { id: t.adminId });
    expect(lastAdmin).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const demoted = await t.admin.request('users.update', {
      id: t.adminId,
      fields: { name: 'Équipe PRC', role: 'reader', pathwayIds: [] },
    });
    expect(demoted).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const second = await t.account('admin', 'expert');
    await t.admin.value('users.deactivate', { id: t.adminId });
    expect(await second.request('users.deactivate', { id: second.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
