import type { Envelope, ErrorBody, Input, Method, Output } from '../../src-main/contract';

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

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
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

/** Calls the core through whichever transport this window has: IPC or loopback HTTP. */
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
