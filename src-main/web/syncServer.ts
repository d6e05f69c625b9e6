// Headquarters' door for the field laptops (`npm run start:hq`): POST /synchronisation/<call> with
// a JSON body → the core's `sync.<call>`, for the two calls a laptop makes. Unlike the interface's
// server it listens on the network, so it answers nothing else: no page, no other method. Each call
// carries the laptop's token, checked by the core; the files themselves are sealed with the
// laptop's key, so what travels in clear on the local network is unreadable and cannot be altered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { NETWORK_PATH } from '../core/sync/network';

const CALLS = new Set(['sendPiece', 'replyPiece']);
// A piece of 256 KB, in base64 inside its JSON.
const MAX_BODY_BYTES = 512 * 1024;
const jsonType = 'application/json; charset=utf-8';

export interface SyncServer {
  /** The address a laptop is given, `http://<host>:<port>`. */
  port: number;
  close(): Promise<void>;
}

function answer(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': jsonType, 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refusal = (message: string) => ({ ok: false, error: { code: 'VALIDATION', message } });

export async function startSyncServer({
  core,
  host = '0.0.0.0',
  port = 4800,
  onError = (error) => console.error(error),
}: {
  core: Core;
  host?: string;
  port?: number;
  onError?: (error: unknown) => void;
}): Promise<SyncServer> {
  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    const call = req.url?.startsWith(NETWORK_PATH) ? req.url.slice(NETWORK_PATH.length) : '';
    // A browser never has anything to do here.
    if (req.headers.origin) return answer(res, 403, refusal('Origine non autorisée.'));
    if (req.method !== 'POST' || !CALLS.has(call)) return answer(res, 404, refusal('Adresse inconnue.'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        answer(res, 413, refusal('Morceau trop volumineux.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      if (res.headersSent) return;
      let input: unknown;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(res, 400, refusal('Requête JSON illisible.'));
      }
      try {
        // No caller: the core checks the laptop's token itself (sync/network.ts).
        answer(res, 200, await core.request(`sync.${call}`, input));
      } catch (error) {
        onError(error);
        answer(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Erreur interne.' } });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
