import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aboutText,
  appResources,
  desktopDataDir,
  PORTABLE_DATA_FOLDER,
} from '../../src-main/electron/installation';
import { INVOKE_CHANNEL, isTrustedSender, registerIpc } from '../../src-main/electron/ipc';
import { serveAppRequest } from '../../src-main/electron/protocol';
import {
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  isAllowedExternal,
  isAppUrl,
  rendererUrlFor,
  secureWebPreferences,
} from '../../src-main/electron/security';
import type { Envelope } from '../../src-main/contract';
import { tempDir } from '../fixtures/core';

const appUrl = APP_URL;

/** A stand-in for Electron's ipcMain: records the handler so the test can call it as a page would. */
function fakeIpcMain() {
  const handlers = new Map<
    string,
    (event: { senderFrame: { url: string } | null; sender?: { id: number } }, ...args: unknown[]) => unknown
  >();
  return { handle: (channel: string, listener: never) => handlers.set(channel, listener), handlers };
}

describe('desktop shell', () => {
  it('turns on every item of the security checklist', () => {
    expect(secureWebPreferences('/preload.cjs', { devTools: false })).toMatchObject({
      preload: '/preload.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only the app’s own page', () => {
    expect(appUrl).toBe('app://parcours/index.html');
    expect(isTrustedSender({ senderFrame: { url: `${appUrl}#/organisations` } }, appUrl)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://parcours/assets/x.js' } }, appUrl)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://evil/index.html' } }, appUrl)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/evil.html' } }, appUrl)).toBe(false);
    expect(
      isTrustedSender({ senderFrame: { url: 'file:///opt/Parcours/out/renderer/index.html' } }, appUrl),
    ).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://example.org/' } }, appUrl)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, appUrl)).toBe(false);
    expect(
      isTrustedSender({ senderFrame: { url: 'http://localhost:5173/#/x' } }, 'http://localhost:5173/'),
    ).toBe(true);
    expect(
      isTrustedSender({ senderFrame: { url: 'http://localhost:5174/' } }, 'http://localhost:5173/'),
    ).toBe(false);
  });

  it('keeps navigation inside the app', () => {
    expect(isAppUrl(`${appUrl}#/conventions`, appUrl)).toBe(true);
    expect(isAppUrl('https://example.org', appUrl)).toBe(false);
    expect(isAppUrl('app://parcours.evil.example/', appUrl)).toBe(false);
    expect(isAppUrl('not a url', appUrl)).toBe(false);
  });

  it('loads the app protocol, never a development address once packaged', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererUrlFor(true, dev)).toBe(APP_URL);
    expect(rendererUrlFor(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP_URL);
    expect(rendererUrlFor(true, {})).toBe(APP_URL);
    // In development, the dev server; only on this computer.
    expect(rendererUrlFor(false, dev)).toBe('http://localhost:5173/');
    expect(rendererUrlFor(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP_URL);
    expect(rendererUrlFor(false, { ELECTRON_RENDERER_URL: 'http://localhost.evil.example/' })).toBe(APP_URL);
    expect(rendererUrlFor(false, { ELECTRON_RENDERER_URL: 'pas une adresse' })).toBe(APP_URL);
  });

  it('serves the built renderer on app://parcours, nothing outside it', async () => {
    const root = tempDir();
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parcours</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), rendererDir);

    const page = await get(APP_URL);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Parcours</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await get('app://parcours/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    // A way out of the folder leads back to the app's page at most.
    for (const url of ['app://parcours/..%2fsecret.txt', 'app://parcours/%2e%2e/secret.txt']) {
      expect(await (await get(url)).text(), url).toContain('<title>Parcours</title>');
    }
    for (const url of [
      'app://parcours/%',
      'app://parcours/%E0%A4%A',
      'app://parcours/%00',
      'app://evil/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get(APP_URL, 'POST')).status).toBe(404);
  });

  it('hands only the allowlisted https sites to the user’s browser', () => {
    // None today: every external address is refused.
    expect(isAllowedExternal('https://example.org/')).toBe(false);
    const allowed = ['https://docs.example.org'];
    expect(isAllowedExternal('https://docs.example.org/guide', allowed)).toBe(true);
    for (const url of [
      'http://docs.example.org/',
      'https://docs.example.org.evil.com/',
      'https://docs.example.org@evil.com/',
      'https://user:pw@docs.example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://docs.example.org/share',
      'pas une adresse',
    ]) {
      expect(isAllowedExternal(url, allowed), url).toBe(false);
    }
  });

  it('answers the one IPC channel for trusted senders and refuses others', async () => {
    const ipc = fakeIpcMain();
    const calls: [string, unknown, unknown][] = [];
    registerIpc(
      ipc,
      (method, input, caller) => {
        calls.push([method, input, caller]);
        return Promise.resolve({ ok: true, value: 'done' });
      },
      appUrl,
    );
    const handler = ipc.handlers.get(INVOKE_CHANNEL)!;
    const page = { senderFrame: { url: appUrl }, sender: { id: 1 } };
    expect(await handler(page, 'organisations.list', {})).toEqual({ ok: true, value: 'done' });
    const refused = (await handler(
      { senderFrame: { url: 'https://example.org' }, sender: { id: 1 } },
      'organisations.list',
      {},
    )) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler(page, 42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([['organisations.list', {}, { session: null }]]);
  });

  it('keeps each window’s session in the main process, never in the page', async () => {
    const ipc = fakeIpcMain();
    const calls: [string, unknown][] = [];
    const { forget } = registerIpc(
      ipc,
      (method, _input, caller) => {
        calls.push([method, caller.session]);
        if (method === 'auth.signIn') {
          return Promise.resolve({ ok: true, value: { user: { name: 'Awa' }, session: 'secret-1' } });
        }
        return Promise.resolve({ ok: true, value: { ok: true } });
      },
      appUrl,
    );
    const handler = ipc.handlers.get(INVOKE_CHANNEL)!;
    const first = { senderFrame: { url: appUrl }, sender: { id: 1 } };
    const second = { senderFrame: { url: appUrl }, sender: { id: 2 } };
    // The page gets the person, not the token.
    expect(await handler(first, 'auth.signIn', { login: 'awa', password: 'x' })).toEqual({
      ok: true,
      value: { user: { name: 'Awa' } },
    });
    await handler(first, 'organisations.list', {});
    await handler(second, 'organisations.list', {});
    await handler(first, 'auth.signOut', {});
    await handler(first, 'organisations.list', {});
    await handler(first, 'auth.signIn', { login: 'awa', password: 'x' });
    forget(1);
    expect(calls).toEqual([
      ['auth.signIn', null],
      ['organisations.list', 'secret-1'],
      ['organisations.list', null],
      ['auth.signOut', 'secret-1'],
      ['organisations.list', null],
      ['auth.signIn', null],
      // A closed window's session ends.
      ['auth.signOut', 'secret-1'],
    ]);
  });
});

describe('desktop installation', () => {
  it('finds the migrations and fonts beside the archive once packaged, in the source tree otherwise', () => {
    expect(appResources(true, '/opt/Parcours/resources', '/opt/Parcours/resources/app.asar')).toEqual({
      migrationsFolder: path.join('/opt/Parcours/resources', 'migrations'),
      fontsFolder: path.join('/opt/Parcours/resources', 'fonts'),
    });
    expect(appResources(false, '/usr/lib/electron/resources', '/home/awa/parcours')).toEqual({
      migrationsFolder: path.join('/home/awa/parcours', 'migrations'),
      fontsFolder: undefined,
    });
  });

  it('keeps the data in the user’s folder, beside the portable .exe on a USB key, or where asked', () => {
    const userData = 'C:\\Users\\awa\\AppData\\Roaming\\Parcours';
    expect(desktopDataDir({}, userData)).toBe(userData);
    expect(desktopDataDir({ PORTABLE_EXECUTABLE_DIR: 'E:\\Parcours' }, userData)).toBe(
      path.join('E:\\Parcours', PORTABLE_DATA_FOLDER),
    );
    expect(desktopDataDir({ PARCOURS_DATA_DIR: '/data', PORTABLE_EXECUTABLE_DIR: 'E:\\' }, userData)).toBe(
      '/data',
    );
  });

  it('says in the About dialog the version, the schema and where the data is', () => {
    const text = aboutText({ appVersion: '1.2.0', schemaVersion: '0006_accounts' }, '/data', '45.4.1');
    expect(text.message).toBe('Parcours 1.2.0');
    expect(text.detail).toContain(
      'Schéma des données : 0006_accounts\nDossier des données : /data\nElectron 45.4.1',
    );
  });
});
