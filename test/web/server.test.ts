import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { openTestCore, organisationInput, tempDir } from '../fixtures/core';

let server: WebServer;
let ok: ReturnType<typeof openTestCore>['ok'];

beforeEach(async () => {
  const test = openTestCore();
  ok = test.ok;
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
const bearer = () => ({ Authorization: `Bearer ${server.token}` });

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
});
