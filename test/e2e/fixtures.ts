import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { Envelope } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** The administrator every e2e data folder starts with (created through the API on first use). */
export const E2E_ADMIN = { login: 'admin', name: 'Équipe PRC', password: 'Parcours-e2e-2024' } as const;
/** Where the page keeps web mode's token and session (src-renderer/api/client.ts). */
export const STORAGE_KEYS = { token: 'parcours.jeton', session: 'parcours.session' } as const;

export interface WebMode {
  /**
   * Calls the contract over HTTP as the app does, to prepare data a test is not about: signed in
   * as E2E_ADMIN (created on a fresh data folder), once per data folder.
   */
  call: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
  /**
   * A new session through the API (the administrator is created first on a fresh data folder);
   * its token, as the X-Parcours-Session header carries it.
   */
  openSession: (credentials?: { login: string; password: string }) => Promise<string>;
  launchUrl: string;
  origin: string;
  token: string;
  dataDir: string;
  restart: () => Promise<void>;
  /** Starts over: a new server on a new, empty data folder. */
  reset: () => Promise<void>;
}

const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-'));
/** Whether a test has run on the worker's data folder (the next one then starts on a new one). */
let dataUsed = false;

/** Starts the real web mode (`node out/main/web.js`) on a fresh data folder, as a user would. */
async function startWebMode(
  dataDir: string,
  args: string[] = [],
): Promise<{ child: ChildProcess; launchUrl: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js'), ...args], {
    env: { ...process.env, PARCOURS_DATA_DIR: dataDir, BROWSER: 'none', PARCOURS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Adresse : (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}):\n${out}`)));
  });
  return { child, launchUrl, output: () => out };
}

interface Posted {
  envelope: Envelope<unknown>;
  /** The session the answer opened (X-Parcours-Session), if any. */
  session: string | null;
}

async function post(
  origin: string,
  token: string,
  method: string,
  input: unknown,
  session?: string,
): Promise<Posted> {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(session ? { 'X-Parcours-Session': session } : {}),
    },
    body: JSON.stringify(input),
  });
  return {
    envelope: (await response.json()) as Envelope<unknown>,
    session: response.headers.get('x-parcours-session'),
  };
}

/** Signs in through the API, creating the administrator first when the data folder is new. */
async function openSession(
  origin: string,
  token: string,
  credentials: { login: string; password: string } = E2E_ADMIN,
): Promise<string> {
  const status = await post(origin, token, 'auth.status', {});
  if (!status.envelope.ok) throw new Error(`auth.status: ${JSON.stringify(status.envelope.error)}`);
  const { needsSetup } = status.envelope.value as { needsSetup: boolean };
  const { envelope, session } =
    needsSetup && credentials.login === E2E_ADMIN.login
      ? await post(origin, token, 'auth.setup', E2E_ADMIN)
      : await post(origin, token, 'auth.signIn', {
          login: credentials.login,
          password: credentials.password,
        });
  if (!envelope.ok) throw new Error(`sign-in: ${JSON.stringify(envelope.error)}`);
  if (!session) throw new Error('sign-in: no session header');
  return session;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Opens `path` of an installation in `page`, signed in with `session`: the token and the session
 * are left where the launch address and the sign-in page would (the tab's sessionStorage).
 */
async function openSignedIn(
  page: Page,
  { origin, token, session }: { origin: string; token: string; session: string },
  path: string,
) {
  // Once per sign-in: later loads of the page (a reload) find what the page itself left.
  const once = `e2e.signIn.${crypto.randomUUID()}`;
  await page.addInitScript(
    ({ keys, once, origin, token, session }) => {
      if (location.origin !== origin || sessionStorage.getItem(once)) return;
      sessionStorage.setItem(once, 'done');
      sessionStorage.setItem(keys.token, token);
      sessionStorage.setItem(keys.session, session);
    },
    { keys: STORAGE_KEYS, once, origin, token, session },
  );
  await page.goto(`${origin}/#${path}`);
  await expect(page.getByRole('heading', { name: 'Parcours', exact: true })).toBeVisible();
}

/**
 * Another installation (a field laptop) in web mode on its own data folder, signed in through the
 * API as `credentials`: what a test needs beside the page's installation, through calls or in a
 * page of its own. Stop it at the end.
 */
export async function startInstallation(
  dataDir: string,
  credentials: { login: string; password: string },
  args: string[] = [],
) {
  const server = await startWebMode(dataDir, args);
  const origin = new URL(server.launchUrl).origin;
  const token = new URL(server.launchUrl).hash.slice('#token='.length);
  const session = await openSession(origin, token, credentials);
  return {
    /** What it printed: its addresses. */
    output: server.output,
    /** Opens `path` of this installation in `page` (a second page of the test), signed in. */
    open: (page: Page, path: string) => openSignedIn(page, { origin, token, session }, path),
    call: async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
      const { envelope } = await post(origin, token, method, input, session);
      if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
      return envelope.value as Output<M>;
    },
    stop: () => stop(server.child),
  };
}

export const test = base.extend<
  { signIn: (path?: string) => Promise<void>; freshPerTest: void },
  { web: WebMode }
>({
  web: [
    // One server per worker; `freshPerTest` gives each test an empty data folder.
    async ({}, use) => {
      let dataDir = newDataDir();
      let server = await startWebMode(dataDir);
      // The session `call` uses: one per data folder (kept across restarts, as the database is).
      let session: string | undefined;
      const web: WebMode = {
        get dataDir() {
          return dataDir;
        },
        get launchUrl() {
          return server.launchUrl;
        },
        get origin() {
          return new URL(server.launchUrl).origin;
        },
        get token() {
          return new URL(server.launchUrl).hash.slice('#token='.length);
        },
        openSession: (credentials) => openSession(web.origin, web.token, credentials),
        call: async (method, input) => {
          session ??= await web.openSession();
          let { envelope } = await post(web.origin, web.token, method, input, session);
          if (!envelope.ok && envelope.error.code === 'FORBIDDEN') {
            // The session may have ended (signed out in the page, or expired): once more, anew.
            session = await web.openSession();
            ({ envelope } = await post(web.origin, web.token, method, input, session));
          }
          if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
          return envelope.value as never;
        },
        restart: async () => {
          await stop(server.child);
          server = await startWebMode(dataDir);
        },
        reset: async () => {
          await stop(server.child);
          fs.rmSync(dataDir, { recursive: true, force: true });
          dataDir = newDataDir();
          session = undefined;
          server = await startWebMode(dataDir);
        },
      };
      await use(web);
      await stop(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // Each test starts on an empty data folder, whatever ran before it: any test passes alone and
  // in any order, and prepares what it needs (through `web.call`, see ./prepare.ts).
  freshPerTest: [
    async ({ web }, use) => {
      if (dataUsed) await web.reset();
      dataUsed = true;
      await use();
    },
    { auto: true },
  ],
  signIn: async ({ page, web }, use) => {
    // Signs in as the administrator through the API, then opens the page.
    await use(async (path = '/organisations') => {
      const session = await web.openSession();
      await openSignedIn(page, { origin: web.origin, token: web.token, session }, path);
    });
  },
});

export { expect };

/** Keeps a full-page screenshot of what the test saw, for people to look at. */
export async function snapshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Grow the window to the whole page rather than stitching a scrolled capture, so the
  // fixed header and navigation stay where a person sees them.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  // Passing notices ("Organisation enregistrée") would hide the page under them.
  const hideNotices = await page.addStyleTag({
    content: '.mantine-Notifications-root { display: none !important; }',
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await hideNotices.evaluate((style) => (style as HTMLStyleElement).remove());
  await page.setViewportSize(viewport);
  await expectAccessible(page, name);
}

/**
 * Every page a test photographs is also checked by axe (WCAG 2 A and AA): a critical or serious
 * violation (a colour contrast below 4.5:1, a control without a name…) fails the test.
 */
async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const described = violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.html.slice(0, 100)} [${n.any.map((a) => a.message).join(' ')}]`).join(' | ')}`,
    );
  expect(described, `critical or serious accessibility violations on ${name}`).toEqual([]);
}

/** Text with the no-break spaces of French number formatting made plain. */
export const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A key figure of the dashboard (`testId` of its card), as a number: « 1 234,5 » → 1234.5. */
export const keyFigure = async (page: Page, testId: string) =>
  Number(
    plain(await page.getByTestId(`${testId}-value`).textContent())
      .replace(/[^\d,]/g, '')
      .replace(',', '.'),
  );
