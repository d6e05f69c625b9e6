import type { Envelope } from '../contract';

export const INVOKE_CHANNEL = 'parcours:invoke';

interface Sender {
  senderFrame: { url: string } | null;
}

/**
 * Only our own page may call the core: the top frame of the app's renderer, loaded
 * from the packaged file or, in development, from electron-vite's dev server.
 */
export function isTrustedSender(event: Sender, rendererUrl: string): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    const sender = new URL(url);
    const expected = new URL(rendererUrl);
    if (expected.protocol === 'file:')
      return sender.protocol === 'file:' && sender.pathname === expected.pathname;
    return sender.origin === expected.origin;
  } catch {
    return false;
  }
}

interface IpcMainLike {
  handle(channel: string, listener: (event: Sender, ...args: unknown[]) => unknown): void;
}

/** The one IPC channel: (method, input) → core.request, for trusted senders only. */
export function registerIpc(
  ipcMain: IpcMainLike,
  call: (method: string, input: unknown) => Promise<Envelope<unknown>>,
  rendererUrl: string,
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, input): Envelope<unknown> | Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, rendererUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'Méthode manquante.' } };
    }
    return call(method, input);
  });
}

export const SAVE_CHANNEL = 'parcours:save';

/** A file the page asks to save (a report, a template): the user picks where, in a dialog. */
export function registerSave(
  ipcMain: IpcMainLike,
  save: (fileName: string, data: Uint8Array) => Promise<boolean>,
  rendererUrl: string,
): void {
  ipcMain.handle(SAVE_CHANNEL, async (event, fileName, data) => {
    if (!isTrustedSender(event, rendererUrl)) return false;
    if (typeof fileName !== 'string' || !(data instanceof Uint8Array)) return false;
    // Only a name is accepted from the page, never a path.
    return save(fileName.replace(/[\\/:*?"<>|]/g, '-').slice(0, 120), data);
  });
}
