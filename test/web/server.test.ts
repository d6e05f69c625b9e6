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

  it('refuses every call without the token, or with a wrong one', async () => {
    const api = await request('/api/organisations.list', { method: 'POST', headers: json, body: '{}' });
    expect(api.status).toBe(401);
    expect(api.body).toContain('accès refusé');
    for (const authorization of ['Bearer nope', `Bearer ${server.token}x`, server.token, 'Bearer ']) {
      const wrong = await request('/api/organisations.list', {
        method: 'POST',
        headers: { ...json, Authorization: authorization },
        body: '{}',
      });
      expect(wrong.status, authorization).toBe(401);
    }
    // Cookies mean nothing: other ports of 127.0.0.1 can set them in the browser.
    const cookie = await request('/api/organisations.list', {
      method: 'POST',
      headers: { ...json, Cookie: `parcours_token=${server.token}; parcours_session=${session}` },
      body: '{}',
    });
    expect(cookie.status).toBe(401);
  });

  it('gives the token in the launch address’s fragment only; the UI holds no secret and no cookie is set', async () => {
    expect(server.launchUrl).toBe(`${server.url}/#token=${server.token}`);
    for (const pathname of ['/', `/?token=${server.token}`, '/assets/app.js']) {
      const page = await request(pathname);
      expect(page.status, pathname).toBe(200);
      expect(page.headers['set-cookie'], pathname).toBeUndefined();
      expect(page.body, pathname).not.toContain(server.token);
    }
    const page = await request('/');
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

  it('signs in and out with the session in a header, never a cookie', async () => {
    const machineOnly = { ...json, Authorization: `Bearer ${server.token}` };
    const wrong = await request('/api/auth.signIn', {
      method: 'POST',
      headers: machineOnly,
      body: JSON.stringify({ login: 'admin', password: 'pas le bon' }),
    });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(wrong.headers['x-parcours-session']).toBeUndefined();

    const signIn = await request('/api/auth.signIn', {
      method: 'POST',
      headers: machineOnly,
      body: JSON.stringify({ login: 'ADMIN', password: ADMIN.password }),
    });
    const answer = JSON.parse(signIn.body);
    expect(answer).toMatchObject({ ok: true, value: { user: { login: 'admin', role: 'admin' } } });
    // The token is in the header only: the answer's value never holds it.
    expect(answer.value.session).toBeUndefined();
    expect(signIn.headers['set-cookie']).toBeUndefined();
    const opened = signIn.headers['x-parcours-session'] as string;
    expect(opened).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signIn.body).not.toContain(opened);

    const withSession = { ...machineOnly, 'X-Parcours-Session': opened };
    const me = await request('/api/auth.me', { method: 'POST', headers: withSession, body: '{}' });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { name: 'Équipe PRC' } });
    expect(me.headers['x-parcours-session']).toBeUndefined();

    const signOut = await request('/api/auth.signOut', { method: 'POST', headers: withSession, body: '{}' });
    expect(signOut.headers['x-parcours-session']).toBe('');
    const after = await request('/api/auth.me', { method: 'POST', headers: withSession, body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
