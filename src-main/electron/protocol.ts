import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY, contentType, decodePath, rendererFile } from '../web/rendererFiles';
import { APP_URL } from './security';

const notFound = () =>
  new Response('Introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The app protocol's handler (protocol.handle): app://parcours/<path> answers the built renderer's
 * file from `rendererDir`, with the same policy as web mode; nothing outside that folder, no other host.
 */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== new URL(APP_URL).host || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return notFound();
  }
  const pathname = decodePath(url.pathname);
  const file = pathname === null ? null : rendererFile(rendererDir, pathname);
  if (!file) return notFound();
  return new Response(await fs.promises.readFile(file), {
    headers: {
      'Content-Type': contentType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
