import type { Envelope, ErrorBody } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import { WEB_SESSION_HEADER } from '../../src-main/contract/auth';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    parcours?: {
      invoke: (method: string, input: unknown) => Promise<Envelope<unknown>>;
      /** Asks where to save, in a dialog; false when the user cancels. */
      saveFile: (fileName: string, data: Uint8Array) => Promise<boolean>;
    };
  }
}

export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

// Web mode keeps its secrets in this tab's sessionStorage: unlike cookies, no other origin (no
// other port of 127.0.0.1) can read them, and a reload keeps them.
const TOKEN_KEY = 'parcours.jeton';
const SESSION_KEY = 'parcours.session';
const LAUNCH_FRAGMENT = /^#token=([\w-]+)$/;

/**
 * The launch address (`http://127.0.0.1:PORT/#token=…`) gives the page the server's token in its
 * fragment, which browsers never send anywhere: it is kept, and the address cleaned of it before
 * the router reads it. A new launch address opened in the same tab replaces it.
 */
export function takeLaunchToken(): void {
  if (window.parcours) return;
  const keep = () => {
    const token = window.location.hash.match(LAUNCH_FRAGMENT)?.[1];
    if (!token) return false;
    sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(null, '', '/#/');
    return true;
  };
  keep();
  window.addEventListener('hashchange', () => {
    if (keep()) window.location.reload();
  });
}

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const session = sessionStorage.getItem(SESSION_KEY);
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    credentials: 'omit',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(session ? { [WEB_SESSION_HEADER]: session } : {}),
    },
    body: JSON.stringify(input ?? {}),
  });
  // A session opened (sign-in) or ended (sign-out, empty) comes back in the same header.
  const opened = response.headers.get(WEB_SESSION_HEADER);
  if (opened) sessionStorage.setItem(SESSION_KEY, opened);
  else if (opened === '') sessionStorage.removeItem(SESSION_KEY);
  if (!response.headers.get('content-type')?.startsWith('application/json')) {
    return {
      ok: false,
      error: { code: response.status === 401 ? 'FORBIDDEN' : 'INTERNAL', message: await response.text() },
    };
  }
  return (await response.json()) as Envelope<unknown>;
}

/**
 * Told of every FORBIDDEN answer: the session may have expired (or been closed elsewhere), and
 * the sign-in gate then checks whether the person is still signed in (src-renderer/auth).
 */
export const refusals = new EventTarget();

/**
 * Calls the core through whichever transport this window has: IPC or loopback HTTP. Pages read
 * through useCall and write through useMutate (api/hooks.ts); a direct call is for what is not a
 * read to show: a file to save, a check before saving, long work (useLongCall).
 */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const envelope = window.parcours
    ? await window.parcours.invoke(method, input)
    : await overHttp(method, input);
  if (!envelope.ok) {
    if (envelope.error.code === 'FORBIDDEN' && method !== 'auth.status')
      refusals.dispatchEvent(new Event('forbidden'));
    throw new ApiError(envelope.error);
  }
  return envelope.value as Output<M>;
}
