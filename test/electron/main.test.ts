// The desktop app's main process, started with a stand-in for the electron module as a packaged
// app whose environment names a hostile renderer address: what it registers, loads and opens.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../fixtures/core';

const shell = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appListeners = new Map<string, Listener[]>();
  const state = {
    privileged: [] as unknown[],
    protocols: new Map<string, Listener>(),
    loaded: [] as string[],
    windows: [] as { options: { webPreferences: Record<string, unknown> } }[],
    opened: [] as string[],
    quit: false,
    appListeners,
    emit: (event: string, ...args: unknown[]) =>
      appListeners.get(event)?.map((listener) => listener(...args)),
  };
  class BrowserWindow {
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    once() {}
    loadURL(url: string) {
      state.loaded.push(url);
      return Promise.resolve();
    }
    static getAllWindows = () => state.windows;
    static getFocusedWindow = () => null;
  }
  const electron = {
    app: {
      isPackaged: true,
      getAppPath: () => process.cwd(),
      getPath: () => process.cwd(),
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) =>
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      exit: () => undefined,
      // As Electron does: quitting tells the app it will quit.
      quit: () => {
        state.quit = true;
        state.emit('will-quit');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => state.protocols.set(scheme, handler),
    },
    BrowserWindow,
    dialog: { showErrorBox: () => undefined, showMessageBoxSync: () => 1 },
    ipcMain: { handle: () => undefined },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => template },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: (url: string) => state.opened.push(url) },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...shell.electron, default: shell.electron }));

const { state } = shell;

describe('the desktop app, packaged', async () => {
  const root = path.resolve(import.meta.dirname, '../..');
  Object.assign(process, { resourcesPath: root });
  process.env.PARCOURS_DATA_DIR = tempDir();
  process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
  await import('../../src-main/electron/main');
  await vi.waitFor(() => expect(state.loaded.length).toBe(1));

  afterAll(async () => {
    delete process.env.ELECTRON_RENDERER_URL;
    delete process.env.PARCOURS_DATA_DIR;
    // The last backup is made before the core closes.
    state.emit('before-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(state.quit).toBe(true));
  });

  it('serves the renderer from its own privileged app:// scheme and ignores the development address', () => {
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect([...state.protocols.keys()]).toEqual(['app']);
    expect(state.loaded).toEqual(['app://parcours/index.html']);
    expect(state.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
  });

  it('keeps every window on the app and opens no external address that is not allowlisted', () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      id: 7,
      on: (event: string, handler: (...args: unknown[]) => unknown) => handlers.set(event, handler),
      once: () => undefined,
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    state.emit('web-contents-created', {}, contents);
    const refused = (event: string, url: string) => {
      let prevented = false;
      handlers.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(refused('will-navigate', 'https://evil.example/')).toBe(true);
    expect(refused('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(refused('will-redirect', 'https://evil.example/')).toBe(true);
    expect(refused('will-navigate', 'app://parcours/index.html#/organisations')).toBe(false);
    for (const url of ['https://example.org/', 'http://example.org/', 'file:///etc/passwd', 'smb://x/y']) {
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(state.opened).toEqual([]);
  });
});
