import type { WebPreferences } from 'electron';

/** Electron's security checklist, in one place so it can be tested without Electron. */
export function secureWebPreferences(preload: string, { devTools }: { devTools: boolean }): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    devTools,
  };
}

/** The app's own scheme: the renderer is served from app://parcours/, an origin of its own, never file://. */
export const APP_SCHEME = 'app';
export const APP_URL = `${APP_SCHEME}://parcours/index.html`;
/** For protocol.registerSchemesAsPrivileged, before the app is ready: a standard, secure origin. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * Where the window loads the renderer: the app protocol. electron-vite's dev server (named by
 * ELECTRON_RENDERER_URL) only in development, never in the packaged app, where that variable could
 * point the trusted window anywhere; and even then only on this computer.
 */
export function rendererUrlFor(isPackaged: boolean, env: Record<string, string | undefined>): string {
  const devServer = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !devServer) return APP_URL;
  try {
    const url = new URL(devServer);
    const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local ? url.href : APP_URL;
  } catch {
    return APP_URL;
  }
}

/** The address belongs to the app: same scheme and host (and port) as the renderer's, any path. */
export function isAppUrl(target: string, rendererUrl: string): boolean {
  try {
    const to = new URL(target);
    const app = new URL(rendererUrl);
    return to.protocol === app.protocol && to.host === app.host;
  } catch {
    return false;
  }
}

/**
 * The https sites the app may hand to the user's browser (origins). No page links outside today:
 * the list is empty and every external address is refused; add an origin here to allow it.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [];

/** Whether shell.openExternal may open `target`: https, on an allowed origin, no credentials. */
export function isAllowedExternal(target: string, allowed: readonly string[] = EXTERNAL_ORIGINS): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && !url.username && !url.password && allowed.includes(url.origin);
  } catch {
    return false;
  }
}
