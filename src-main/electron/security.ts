import type { WebPreferences } from 'electron';

/** Electron's security checklist, in one place so it can be tested without Electron. */
export function secureWebPreferences(preload: string): WebPreferences {
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
  };
}

/** Navigation stays inside the app: same file, or the dev server's origin. */
export function isAppNavigation(target: string, rendererUrl: string): boolean {
  try {
    const to = new URL(target);
    const app = new URL(rendererUrl);
    return app.protocol === 'file:'
      ? to.protocol === 'file:' && to.pathname === app.pathname
      : to.origin === app.origin;
  } catch {
    return false;
  }
}
