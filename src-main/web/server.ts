import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { Core } from '../core';
import { sessionOutcome, WEB_SESSION_HEADER } from '../contract/auth';
import { MAX_ARCHIVE_BASE64 } from '../contract/backups';
import { CONTENT_SECURITY_POLICY, contentType, decodePath, rendererFile } from './rendererFiles';

/** The launch address carries the token in its fragment, which browsers never send to a server. */
export const LAUNCH_FRAGMENT = 'token';
// A 20 MB document travels as base64 (4/3 larger) inside the JSON of its call.
const MAX_BODY_BYTES = 32 * 1024 * 1024;
// A backup archive to restore travels whole in its call: up to MAX_ARCHIVE_BYTES (300 MB), in base64.
const bodyLimit = (method: string) =>
  method === 'backups.inspectArchive' ? MAX_ARCHIVE_BASE64 + 64 * 1024 : MAX_BODY_BYTES;

export interface WebServerOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Per-launch secret; a fresh random one when not given. */
  token?: string;
  /** Told of what went wrong while answering a request (the request itself got a 400 or 500). */
  onError?: (error: unknown) => void;
}

export interface WebServer {
  url: string;
  /** The address to open: the token in its fragment, which the page keeps for itself. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers: http.OutgoingHttpHeaders = {},
) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const UNREADABLE_REQUEST = 'Requête illisible.';

/**
 * Web mode: serves the built UI and POST /api/<method> → core.call on 127.0.0.1 only.
 * Requests naming another host or coming from another origin are refused. The UI itself holds no
 * secret; every call needs the launch token (a Bearer header: the launch address gives it to the
 * page in its fragment) and carries the user's session in the X-Parcours-Session header: the core
 * answers FORBIDDEN to what the person may not do. No cookie is ever set, so nothing of it reaches
 * the other ports of 127.0.0.1, which share a browser's cookies.
 * Whatever a request holds, it gets an answer (400 when unreadable) and the server keeps serving.
 */
export async function startWebServer({
  core,
  rendererDir,
  port = 0,
  token,
  onError = (error) => console.error(error),
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
  const allowedOrigins = new Set([origin, `http://localhost:${actualPort}`]);

  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

    // DNS rebinding: a page of another site resolving to 127.0.0.1 still names its own host.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Hôte non autorisé.');
    const requestOrigin = req.headers.origin;
    if (requestOrigin && !allowedOrigins.has(requestOrigin)) return send(res, 403, 'Origine non autorisée.');
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, 'Origine non autorisée.');

    // Only the path is read: the query and fragment mean nothing here.
    const pathname = (req.url ?? '').split(/[?#]/, 1)[0]!;
    if (!pathname.startsWith('/')) return send(res, 400, UNREADABLE_REQUEST);

    if (pathname.startsWith('/api/')) {
      const bearer = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
      if (!bearer || !sameSecret(bearer, secret)) {
        return send(
          res,
          401,
          'Parcours : accès refusé. Ouvrez l’adresse complète affichée au démarrage (elle contient le jeton).',
        );
      }
      return handleApi(req, res, core, pathname.slice(5), onError);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Méthode non autorisée.');
    const decoded = decodePath(pathname);
    if (decoded === null) return send(res, 400, 'Adresse illisible.');
    return serveStatic(res, rendererDir, decoded, onError);
  };

  server.on('request', (req, res) => {
    // A client that goes away mid-request must not take the server with it.
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    try {
      answer(req, res);
    } catch (error) {
      onError(error);
      send(res, 400, UNREADABLE_REQUEST);
    }
  });
  // A request line or headers Node cannot parse: a plain 400, in French, and the connection closed.
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = Buffer.from(UNREADABLE_REQUEST);
    socket.end(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return {
    url: origin,
    launchUrl: `${origin}/#${LAUNCH_FRAGMENT}=${secret}`,
    token: secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const jsonType = 'application/json; charset=utf-8';

function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  core: Core,
  method: string,
  onError: (error: unknown) => void,
) {
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
    try {
      let input: unknown;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        input = text ? JSON.parse(text) : undefined;
      } catch {
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Requête JSON illisible.' } }),
          jsonType,
        );
      }
      // The user's session: the core checks what it may call.
      const header = req.headers[WEB_SESSION_HEADER];
      const session = typeof header === 'string' && header ? header : null;
      const outcome = sessionOutcome(method, await core.request(method, input, { session }));
      // A new session goes back to the page in the same header; an empty one tells it to forget.
      const sessionHeader =
        outcome.session === undefined ? {} : { [WEB_SESSION_HEADER]: outcome.session ?? '' };
      send(res, 200, JSON.stringify(outcome.envelope), jsonType, sessionHeader);
    } catch (error) {
      onError(error);
      send(
        res,
        500,
        JSON.stringify({
          ok: false,
          error: { code: 'INTERNAL', message: 'Erreur interne : l’opération n’a pas été enregistrée.' },
        }),
        jsonType,
      );
    }
  });
}

function serveStatic(
  res: http.ServerResponse,
  root: string,
  pathname: string,
  onError: (error: unknown) => void,
) {
  const file = rendererFile(root, pathname);
  if (!file) {
    return fs.existsSync(path.join(root, 'index.html'))
      ? send(res, 404, 'Introuvable.')
      : send(res, 500, 'Interface non construite : lancez « npm run build ».');
  }
  res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
  pipeline(fs.createReadStream(file), res, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  });
}
