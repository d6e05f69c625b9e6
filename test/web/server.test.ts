import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { openTestCore, organisationInput, tempDir } from '../fixtures/core';

let server: WebServer;
let ok: ReturnType<typeof openTestCore>['ok'];
/** The administrator's session, opened in-process: API calls send it in the X-Parcours-Session header. */
let session: string;
const ADMIN = { login: 'admin', name: 'Équipe PRC', password: 'mot-de-passe-du-test' };

beforeEach(async () => {
  const test = openTestCore();
  ok = test.ok;
  const setUp = await test.core.request('auth.setup', ADMIN);
  if (!setUp.ok) throw new Error(JSON.stringify(setUp.error));
  session = (setUp.value as { session: string }).session;
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parcours</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ core: test.core, rendererDir });
});
afterEach(() => server.close());

/** A raw request, so that Host and Origin can be set as a hostile page would. */
function request(
  pathname: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: pathname, method, headers },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const json = { 'Content-Type': 'application/json' };
const bearer = () => ({ Authorization: `Bearer ${server.token}`, 'X-Parcours-Session': session });

describe('web mode', () => {
  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses every request without the token, or with a wrong one', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/assets/app.js')).status).toBe(401);
    const api = await request('/api/organisations.list', { method: 'POST', headers: json, body: '{}' });
    expect(api.status).toBe(401);
    expect(api.body).toContain('accès refusé');
    const wrong = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...json, Authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect((await request('/', { headers: { Cookie: 'parcours_token=nope' } })).status).toBe(401);
    expect((await request('/?token=nope')).status).toBe(401);
  });

  it('trades the launch token for a strict, http-only cookie, then serves the UI with a CSP', async () => {
    const launch = await request(`/?token=${server.token}`);
    expect(launch.status).toBe(303);
    const cookie = launch.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Parcours</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers the contract with the envelope', async () => {
    ok('organisations.create', organisationInput());
    const list = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...json, ...bearer() },
      body: '{}',
    });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: { total: 1 } });
    const bad = await request('/api/organisations.create', {
      method: 'POST',
      headers: { ...json, ...bearer() },
      body: JSON.stringify({ name: "'; DROP TABLE organisations; --", type: 'x' }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const garbage = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...json, ...bearer() },
      body: '{nope',
    });
    expect(garbage.status).toBe(400);
    expect(ok('organisations.list', {}).total).toBe(1);
  });

  it('refuses other origins, other host names and non-JSON posts', async () => {
    const headers = { ...json, ...bearer() };
    const fromElsewhere = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...headers, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(fromElsewhere.status).toBe(403);
    const crossSite = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...headers, 'Sec-Fetch-Site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const rebound = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...headers, Host: 'evil.example:80' },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
    const form = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const sameOrigin = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...headers, Origin: server.url },
      body: '{}',
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('never serves a file outside the built UI', async () => {
    const traversal = await request('/..%2F..%2F..%2Fetc%2Fpasswd', { headers: bearer() });
    expect(traversal.body).not.toContain('root:');
    const asset = await request('/assets/app.js', { headers: bearer() });
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('answers FORBIDDEN to calls without a signed-in session, whatever the method', async () => {
    const machineOnly = { ...json, Authorization: `Bearer ${server.token}` };
    for (const [method, body] of [
      ['organisations.list', '{}'],
      ['organisations.create', JSON.stringify({ name: 'X', type: 'ngo', level: 'local' })],
      ['users.list', '{}'],
      ['audit.list', '{}'],
      ['auth.me', '{}'],
    ] as const) {
      const response = await request(`/api/${method}`, { method: 'POST', headers: machineOnly, body });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const wrong = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...machineOnly, 'X-Parcours-Session': 'not-a-session' },
      body: '{}',
    });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = await request('/api/auth.status', { method: 'POST', headers: machineOnly, body: '{}' });
    expect(JSON.parse(anonymous.body)).toEqual({ ok: true, value: { needsSetup: false, user: null } });
    expect(ok('organisations.list', {}).total).toBe(0);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie the page cannot read, and signs out', async () => {
    const machineOnly = { ...json, Authorization: `Bearer ${server.token}` };
    const wrong = await request('/api/auth.signIn', {
      method: 'POST',
      headers: machineOnly,
      body: JSON.stringify({ login: 'admin', password: 'pas le bon' }),
    });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const signIn = await request('/api/auth.signIn', {
      method: 'POST',
      headers: machineOnly,
      body: JSON.stringify({ login: 'ADMIN', password: ADMIN.password }),
    });
    const answer = JSON.parse(signIn.body);
    expect(answer).toMatchObject({ ok: true, value: { user: { login: 'admin', role: 'admin' } } });
    // The token is in the cookie only: the page's JSON never holds it.
    expect(answer.value.session).toBeUndefined();
    const cookie = signIn.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^parcours_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(signIn.body).not.toContain(cookie.split(';')[0]!.split('=')[1]!);

    const withCookie = { ...machineOnly, Cookie: cookie.split(';')[0]! };
    const me = await request('/api/auth.me', { method: 'POST', headers: withCookie, body: '{}' });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { name: 'Équipe PRC' } });

    const signOut = await request('/api/auth.signOut', { method: 'POST', headers: withCookie, body: '{}' });
    expect(signOut.headers['set-cookie']![0]).toMatch(/^parcours_session=;.*Max-Age=0/);
    const after = await request('/api/auth.me', { method: 'POST', headers: withCookie, body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
