// Whatever arrives on the port, the web server answers it and keeps serving: malformed percent
// signs, cookies, headers and request lines, written raw on a socket as any local program could.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { openTestCore, tempDir } from '../fixtures/core';

let server: WebServer;
let host: string;
const errors: unknown[] = [];

beforeAll(async () => {
  const { core } = openTestCore();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parcours</title>');
  server = await startWebServer({ core, rendererDir, onError: (error) => errors.push(error) });
  host = new URL(server.url).host;
});
afterAll(() => server.close());

/**
 * Writes `text` (latin1: every byte as it is) on a new connection and reads until the server
 * closes it; the answer's status, 0 if none came within 5 s.
 */
function raw(text: string): Promise<{ status: number; response: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let response = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('close', () =>
      resolve({ status: Number(response.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0), response }),
    );
    socket.write(Buffer.from(text, 'latin1'));
  });
}

/** A GET with the headers given, closing the connection after the answer. */
const get = (target: string, headers: string[] = []) =>
  raw([`GET ${target} HTTP/1.1`, `Host: ${host}`, ...headers, 'Connection: close', '', ''].join('\r\n'));

const post = (method: string, headers: string[], body = '{}') =>
  raw(
    [
      `POST /api/${method} HTTP/1.1`,
      `Host: ${host}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body, 'latin1')}`,
      ...headers,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );

/** The server still answers a plain request: it did not die. */
async function stillServing() {
  expect((await get('/')).status).toBe(200);
}

// What a request may be answered: never a 5xx, never silence.
const ANSWERS = [200, 400, 401, 403, 404, 405, 413, 415, 421];

describe('malformed requests', () => {
  it('answers the percent signs and cookies that used to end the process', async () => {
    for (const target of ['/%', '/%c0%ae', '/%E0%A4%A', '/%00', '/assets/%ff%fe', '/..%2f..%2f%']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(400);
      expect(answer.response, target).toContain('Adresse illisible.');
    }
    expect((await get('/', ['Cookie: parcours_token=%'])).status).toBe(200);
    const api = await post('organisations.list', ['Cookie: parcours_session=%; parcours_token=%']);
    expect(api.status).toBe(401);
    const withToken = await post('organisations.list', [
      `Authorization: Bearer ${server.token}`,
      'Cookie: parcours_session=%',
      'X-Parcours-Session: %E0%A4%A',
    ]);
    expect(withToken.status).toBe(200);
    expect(withToken.response).toContain('"code":"FORBIDDEN"');
    await stillServing();
    expect(errors).toEqual([]);
  });

  it('answers request lines and headers Node cannot parse with a French 400', async () => {
    for (const text of [
      'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\n\r\n',
      'NOT HTTP AT ALL\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -1\r\n\r\n`,
    ]) {
      const answer = await raw(text);
      expect(answer.status, JSON.stringify(text)).toBe(400);
    }
    expect((await get('http://[::1')).status).toBe(400);
    expect((await get('*')).status).toBe(400);
    await stillServing();
  });

  it('answers every one of a generated set of malformed addresses, headers and cookies', async () => {
    // Percent signs, slashes, dots, NUL and bytes beyond ASCII, in any order.
    const piece = fc.oneof(
      fc.constantFrom('%', '%%', '%c0%ae', '%E0%A4%A', '%2e%2e%2f', '%00', '..', '/', '\\', '?', '#', ';'),
      fc.string({ unit: 'binary-ascii', maxLength: 6 }),
      fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
    );
    const target = fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join('')}`);
    const headerValue = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const headerName = fc.constantFrom(
      'Cookie',
      'Authorization',
      'X-Parcours-Session',
      'Origin',
      'Sec-Fetch-Site',
      'Content-Type',
      'Host',
      'Transfer-Encoding',
      'X-Inconnu',
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'),
      target: fc.oneof(
        target,
        target.map((t) => `/api${t}`),
      ),
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
      withToken: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, target, headers, withToken }) => {
        const lines = [
          `${method} ${target} HTTP/1.1`,
          `Host: ${host}`,
          ...(withToken ? [`Authorization: Bearer ${server.token}`] : []),
          ...headers.map(([name, value]) => `${name}: ${value}`),
          'Content-Length: 2',
          'Connection: close',
          '',
          '{}',
        ];
        const answer = await raw(lines.join('\r\n'));
        expect(ANSWERS, JSON.stringify(lines)).toContain(answer.status);
      }),
      { numRuns: 300 },
    );
    await stillServing();
    expect(errors).toEqual([]);
  });
});
