import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { sessionOutcome } from '../contract/auth';
import { MAX_ARCHIVE_BASE64 } from '../contract/backups';

export const TOKEN_COOKIE = 'parcours_token';
/** The signed-in person's session: set when signing in, HttpOnly so the page's scripts never read it. */
export const SESSION_COOKIE = 'parcours_session';
/** The same session for API clients (tests, scripts) that send no cookie. */
export const SESSION_HEADER = 'x-parcours-session';
// A 20 MB document travels as base64 (4/3 larger) inside the JSON of its call.
const MAX_BODY_BYTES = 32 * 1024 * 1024;
// A backup archive to restore travels whole in its call: up to MAX_ARCHIVE_BYTES (300 MB), in base64.
const bodyLimit = (method: string) =>
  method === 'backups.inspectArchive' ? MAX_ARCHIVE_BASE64 + 64 * 1024 : MAX_BODY_BYTES;

/** Same policy as the renderer's meta tag: our own code only, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

export interface WebServerOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Per-launch secret; a fresh random one when not given. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The address to open: it carries the token once, then a cookie does. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/**
 * Web mode: serves the built UI and POST /api/<method> → core.call on 127.0.0.1 only.
 * Every request needs the launch token (cookie set from the launch address, or a
 * Bearer header); requests naming another host or coming from another origin are refused.
 * Calls then carry the user's session (cookie set by signing in, or the X-Parcours-Session
 * header): the core answers FORBIDDEN to what the person may not do.
 */
export async function startWebServer({
  core,
  rendererDir,
  port = 0,
  token,
}: WebServerOptions): Promise<WebServer> {
  const secret = token ?? crypto.randomBytes(32).toString('base64url');
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${actualPort}`;
  const allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);

  server.on('request', (req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

    // DNS rebinding: a page of another site resolving to 127.0.0.1 still names its own host.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Hôte non autorisé.');
    const requestOrigin = req.headers.origin;
    if (requestOrigin && requestOrigin !== origin && requestOrigin !== `http://localhost:${actualPort}`) {
      return send(res, 403, 'Origine non autorisée.');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, 'Origine non autorisée.');

    const url = new URL(req.url ?? '/', origin);
    const launchToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && launchToken !== null) {
      if (!sameSecret(launchToken, secret)) return send(res, 401, 'Jeton invalide.');
      res.writeHead(303, {
        'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(secret)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return res.end();
    }

    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const presented = bearer ?? readCookie(req.headers.cookie, TOKEN_COOKIE);
    if (!presented || !sameSecret(presented, secret)) {
      return send(
        res,
        401,
        'Parcours : accès refusé. Ouvrez l’adresse complète affichée au démarrage (elle contient le jeton).',
      );
    }

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, core, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Méthode non autorisée.');
    return serveStatic(res, rendererDir, url.pathname);
  });

  return {
    url: origin,
    launchUrl: `${origin}/?token=${secret}`,
    token: secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handleApi(req: http.IncomingMessage, res: http.ServerResponse, core: Core, method: string) {
  if (req.method !== 'POST') return send(res, 405, 'Méthode non autorisée.');
  // A JSON content type cannot be sent cross-origin without a preflight, which we never grant.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return send(res, 415, 'Type de contenu non pris en charge.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = bodyLimit(method);
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      send(res, 413, `Requête trop volumineuse (au plus ${Math.floor(limit / 1024 / 1024)} Mo).`);
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', async () => {
    if (res.headersSent) return;
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : undefined;
    } catch {
      return send(
        res,
        400,
        JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Requête JSON illisible.' } }),
        'application/json; charset=utf-8',
      );
    }
    // The user's session (cookie, or header for API clients): the core checks what it may call.
    const header = req.headers[SESSION_HEADER];
    const session =
      (typeof header === 'string' ? header : undefined) ?? readCookie(req.headers.cookie, SESSION_COOKIE);
    const outcome = sessionOutcome(method, await core.request(method, input, { session: session ?? null }));
    const cookie =
      outcome.session === undefined
        ? {}
        : {
            'Set-Cookie': outcome.session
              ? `${SESSION_COOKIE}=${encodeURIComponent(outcome.session)}; HttpOnly; SameSite=Strict; Path=/`
              : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`,
          };
    send(res, 200, JSON.stringify(outcome.envelope), 'application/json; charset=utf-8', cookie);
  });
}

function serveStatic(res: http.ServerResponse, root: string, pathname: string) {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = path.join(root, relative);
  if (!file.startsWith(root + path.sep) && file !== root) return send(res, 404, 'Introuvable.');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return send(res, 500, 'Interface non construite : lancez « npm run build ».');
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
}
