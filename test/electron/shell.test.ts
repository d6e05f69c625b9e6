import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, isTrustedSender, registerIpc } from '../../src-main/electron/ipc';
import { isAppNavigation, secureWebPreferences } from '../../src-main/electron/security';
import type { Envelope } from '../../src-main/contract';

const appUrl = 'file:///opt/Parcours/resources/app/out/renderer/index.html';

/** A stand-in for Electron's ipcMain: records the handler so the test can call it as a page would. */
function fakeIpcMain() {
  const handlers = new Map<
    string,
    (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown
  >();
  return { handle: (channel: string, listener: never) => handlers.set(channel, listener), handlers };
}

describe('desktop shell', () => {
  it('turns on every item of the security checklist', () => {
    expect(secureWebPreferences('/preload.cjs')).toMatchObject({
      preload: '/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only the app’s own page', () => {
    expect(isTrustedSender({ senderFrame: { url: `${appUrl}#/organisations` } }, appUrl)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/evil.html' } }, appUrl)).toBe(false);
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
    expect(isAppNavigation(`${appUrl}#/conventions`, appUrl)).toBe(true);
    expect(isAppNavigation('https://example.org', appUrl)).toBe(false);
    expect(isAppNavigation('not a url', appUrl)).toBe(false);
  });

  it('answers the one IPC channel for trusted senders and refuses others', async () => {
    const ipc = fakeIpcMain();
    const calls: [string, unknown][] = [];
    registerIpc(
      ipc,
      (method, input) => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true, value: 'done' });
      },
      appUrl,
    );
    const handler = ipc.handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ senderFrame: { url: appUrl } }, 'organisations.list', {})).toEqual({
      ok: true,
      value: 'done',
    });
    const refused = handler(
      { senderFrame: { url: 'https://example.org' } },
      'organisations.list',
      {},
    ) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handler({ senderFrame: { url: appUrl } }, 42, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(calls).toEqual([['organisations.list', {}]]);
  });
});
