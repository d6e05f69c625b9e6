// The built renderer's files, as both transports serve them: the loopback server (web mode) and
// the desktop app's `app://` protocol.
import fs from 'node:fs';
import path from 'node:path';

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

export const contentType = (file: string) => CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';

/** A percent-encoded path decoded, or null when it cannot be (`%`, `%E0%A4%A`, `%c0%ae`, NUL). */
export function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * The file of the built renderer (in `root`) that a decoded path names; index.html for any other
 * path inside (the app's own routes), null for a path that leads outside, or when nothing is built.
 */
export function rendererFile(root: string, pathname: string): string | null {
  const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
  const file = path.join(root, relative);
  if (!file.startsWith(root + path.sep) && file !== root) return null;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  const index = path.join(root, 'index.html');
  return fs.existsSync(index) ? index : null;
}
