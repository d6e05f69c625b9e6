// Hostile input through the contract and through the web transport: each answers a clear error
// (or keeps legitimate text verbatim) and writes nothing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-main/contract';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { organisationInput, rowCounts, tempDir } from '../fixtures/core';
import { openWithAdmin, PASSWORD } from '../fixtures/accounts';
import fr from '../../src-main/i18n/fr';

const MEGABYTE_NAME = 'A'.repeat(1024 * 1024);
const SQL_TEXT = "'); DROP TABLE organisations;--";

/** Inputs that must be refused, each with the method it is sent to. */
const refused: [string, string, unknown][] = [
  ['wrong types', 'organisations.create', { ...organisationInput(), name: 42, staffWomen: 'douze' }],
  ['a 1 MB name', 'organisations.create', organisationInput({ name: MEGABYTE_NAME })],
  ['unknown fields', 'organisations.create', { ...organisationInput(), isAdmin: true }],
  [
    'prototype pollution',
    'organisations.create',
    JSON.parse(`{"name":"X","type":"ngo","level":"local","__proto__":{"polluted":true,"role":"admin"}}`),
  ],
  ['constructor key', 'organisations.create', JSON.parse('{"name":"X","constructor":{"prototype":{"x":1}}}')],
  ['not an object', 'organisations.create', 'DROP TABLE organisations'],
  ['an array', 'organisations.create', [organisationInput()]],
  ['nothing', 'organisations.create', null],
  [
    'a role that does not exist',
    'users.create',
    { login: 'pirate', name: 'P', role: 'root', password: PASSWORD },
  ],
  ['an id from elsewhere', 'organisations.update', { id: { $ne: null }, fields: organisationInput() }],
  ['a huge register', 'sessions.recordAttendance', { sessionId: 'x', marks: new Array(20_001).fill({}) }],
  ['a negative page', 'organisations.list', { page: -1, pageSize: 1_000_000 }],
];

describe('hostile input through the contract', () => {
  it('is refused with a clear error and writes nothing, the audit trail included', async () => {
    const t = await openWithAdmin();
    await t.admin.value('organisations.create', organisationInput());
    const before = rowCounts(t.core.databaseFile);
    for (const [what, method, input] of refused) {
      const answer = await t.admin.request(method as never, input as never);
      expect(answer, what).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!answer.ok) expect(answer.error.message, what).toBe('Certaines informations sont invalides.');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('role');
    for (const method of [
      '__proto__',
      'constructor',
      'toString',
      'organisations.list; DROP',
      '../auth.setup',
    ]) {
      expect(await t.admin.request(method as never, {} as never)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(rowCounts(t.core.databaseFile)).toEqual(before);
  });

  it('refuses NUL characters and lone surrogates in text fields, in French, and stores nothing', async () => {
    const t = await openWithAdmin();
    const org = await t.admin.value('organisations.create', organisationInput());
    const before = rowCounts(t.core.databaseFile);
    const cases: [string, unknown, (string | number)[]][] = [
      ['organisations.create', organisationInput({ name: 'CAFO\u0000' }), ['name']],
      ['organisations.create', organisationInput({ acronym: 'C\ud800' }), ['acronym']],
      [
        'organisations.update',
        { id: org.id, fields: organisationInput({ mandate: '\udc00 fin' }) },
        ['fields', 'mandate'],
      ],
      [
        'participants.create',
        { fields: { organisationId: org.id, firstName: 'Awa', lastName: 'Dia\udbffllo', sex: 'F' } },
        ['fields', 'lastName'],
      ],
      ['modules.create', { title: 'Gestion\u0000', durationHours: 12 }, ['title']],
      ['users.create', { login: 'awa', name: 'Awa\ud83d', role: 'reader', password: PASSWORD }, ['name']],
      ['organisations.get', { id: `${org.id}\u0000` }, ['id']],
    ];
    for (const [method, input, path] of cases) {
      const answer = await t.admin.request(method as never, input as never);
      expect(answer, method).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Certaines informations sont invalides.',
          issues: [{ path, message: 'errors.textCharacters' }],
        },
      });
    }
    expect(fr.errors.textCharacters).toMatch(/caractère invalide/);
    // A well-formed pair (an emoji) and accents are text like any other.
    const kept = await t.admin.value(
      'organisations.create',
      organisationInput({ name: 'Coopérative 🌾 de Ségou' }),
    );
    expect(kept.name).toBe('Coopérative 🌾 de Ségou');
    expect(rowCounts(t.core.databaseFile).organisations).toBe(before.organisations! + 1);
  });

  it('keeps SQL-looking text verbatim, harmless', async () => {
    const t = await openWithAdmin();
    const org = await t.admin.value(
      'organisations.create',
      organisationInput({ name: SQL_TEXT, acronym: '%_\\' }),
    );
    expect(org.name).toBe(SQL_TEXT);
    expect((await t.admin.value('organisations.get', { id: org.id })).name).toBe(SQL_TEXT);
    // Searching for it finds it, and only it.
    await t.admin.value('organisations.create', organisationInput({ name: 'Mairie de Kati', acronym: 'MK' }));
    expect(
      (await t.admin.value('organisations.list', { search: SQL_TEXT })).items.map((o) => o.name),
    ).toEqual([SQL_TEXT]);
    expect((await t.admin.value('organisations.list', { search: '%' })).items.map((o) => o.acronym)).toEqual([
      '%_\\',
    ]);
    expect((await t.admin.value('audit.list', { recordId: "' OR 1=1 --" })).total).toBe(0);
    expect((await t.admin.value('organisations.list', {})).total).toBe(2);
    // Nor through the sign-in.
    expect(
      await t.admin.request('auth.signIn', { login: "admin' --", password: "' OR '1'='1" }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('hostile input through the web transport', () => {
  let server: WebServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve() {
    const t = await openWithAdmin();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parcours</title>');
    server = await startWebServer({ core: t.core, rendererDir });
    const post = (method: string, body: string, session: string | null = t.adminSession) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(server!.url);
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: `/api/${method}`,
            method: 'POST',
            // A connection of its own per request: the server closes the one a too-large body came on,
            // and a kept-alive socket reused after it would fail with ECONNRESET.
            agent: false,
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${server!.token}`,
              ...(session ? { 'X-Parcours-Session': session } : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    return { ...t, post };
  }

  it('refuses the same inputs over HTTP, and writes nothing', async () => {
    const t = await serve();
    const before = rowCounts(t.core.databaseFile);
    for (const [what, method, input] of refused) {
      const response = await t.post(method, JSON.stringify(input));
      expect(response.status, what).toBe(200);
      expect(JSON.parse(response.body) as Envelope<unknown>, what).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    // A raw __proto__ key in the JSON text itself.
    const raw = await t.post(
      'organisations.create',
      '{"name":"X","type":"ngo","level":"local","__proto__":{"polluted":true}}',
    );
    expect(JSON.parse(raw.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Broken JSON, and a body larger than allowed.
    expect((await t.post('organisations.create', '{"name": "X",')).status).toBe(400);
    const huge = await t
      .post('organisations.create', `{"name":"${'x'.repeat(33 * 1024 * 1024)}"}`)
      .catch(() => ({
        status: 413,
        body: '',
      }));
    expect(huge.status).toBe(413);
    // Without a session, hostile or not, the answer is FORBIDDEN.
    for (const [what, method, input] of refused) {
      const response = await t.post(method, JSON.stringify(input), null);
      expect(JSON.parse(response.body), what).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(rowCounts(t.core.databaseFile)).toEqual(before);
  });

  it('stores SQL-looking text verbatim over HTTP too', async () => {
    const t = await serve();
    const created = JSON.parse(
      (await t.post('organisations.create', JSON.stringify(organisationInput({ name: SQL_TEXT })))).body,
    );
    expect(created).toMatchObject({ ok: true, value: { name: SQL_TEXT } });
    const listed = JSON.parse((await t.post('organisations.list', '{}')).body);
    expect(listed.value.items.map((o: { name: string }) => o.name)).toEqual([SQL_TEXT]);
    expect(rowCounts(t.core.databaseFile).organisations).toBe(1);
  });
});
