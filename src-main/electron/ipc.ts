import type { Envelope } from '../contract';
import { sessionOutcome } from '../contract/auth';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = 'parcours:invoke';

interface Sender {
  senderFrame: { url: string } | null;
  /** The window's contents: each keeps its own signed-in session. */
  sender?: { id: number };
}

/**
 * Only our own page may call the core: the top frame of the app's renderer, loaded from the app
 * protocol or, in development, from electron-vite's dev server.
 */
export function isTrustedSender(event: Sender, rendererUrl: string): boolean {
  const url = event.senderFrame?.url;
  return !!url && isAppUrl(url, rendererUrl);
}

interface IpcMainLike {
  handle(channel: string, listener: (event: Sender, ...args: unknown[]) => unknown): void;
}

type CoreRequest = (
  method: string,
  input: unknown,
  caller: { session: string | null },
) => Promise<Envelope<unknown>>;

/**
 * The one IPC channel: (method, input) → core.request, for trusted senders only. The main
 * process keeps each window's session token (the page never sees it) and passes it with every
 * call; `forget` ends a window's session when it closes.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  call: CoreRequest,
  rendererUrl: string,
): { forget: (webContentsId: number) => void } {
  const sessions = new Map<number, string>();
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, rendererUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'Méthode manquante.' } };
    }
    const window = event.sender?.id ?? -1;
    const outcome = sessionOutcome(
      method,
      await call(method, input, { session: sessions.get(window) ?? null }),
    );
    if (outcome.session) sessions.set(window, outcome.session);
    else if (outcome.session === null) sessions.delete(window);
    return outcome.envelope;
  });
  return {
    forget: (webContentsId) => {
      const session = sessions.get(webContentsId);
      sessions.delete(webContentsId);
      if (session) void call('auth.signOut', {}, { session });
    },
  };
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
