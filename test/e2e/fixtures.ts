import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Envelope, Input, Method, Output } from '../../src-main/contract';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

interface WebMode {
  /** Calls the contract over HTTP as the app does, to prepare data a test is not about. */
  call: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
  launchUrl: string;
  origin: string;
  token: string;
  dataDir: string;
  restart: () => Promise<void>;
  /** Starts over: a new server on a new, empty data folder. */
  reset: () => Promise<void>;
}

const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-'));
/** The test file whose data the worker's server holds. */
let dataOwner: string | undefined;

/** Starts the real web mode (`node out/main/web.js`) on a fresh data folder, as a user would. */
async function startWebMode(dataDir: string): Promise<{ child: ChildProcess; launchUrl: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js')], {
    env: { ...process.env, PARCOURS_DATA_DIR: dataDir, BROWSER: 'none', PARCOURS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Adresse : (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}):\n${out}`)));
  });
  return { child, launchUrl };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export const test = base.extend<
  { signIn: (path?: string) => Promise<void>; freshPerFile: void },
  { web: WebMode }
>({
  web: [
    // One server per worker; `freshPerFile` gives each test file an empty data folder.
    async ({}, use) => {
      let dataDir = newDataDir();
      let server = await startWebMode(dataDir);
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
          return new URL(server.launchUrl).searchParams.get('token')!;
        },
        call: async (method, input) => {
          const response = await fetch(`${web.origin}/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
            body: JSON.stringify(input),
          });
          const envelope = (await response.json()) as Envelope<never>;
          if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
          return envelope.value;
        },
        restart: async () => {
          await stop(server.child);
          server = await startWebMode(dataDir);
        },
        reset: async () => {
          await stop(server.child);
          fs.rmSync(dataDir, { recursive: true, force: true });
          dataDir = newDataDir();
          server = await startWebMode(dataDir);
        },
      };
      await use(web);
      await stop(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // Playwright keeps a worker, and its worker fixtures, from one test file to the next:
  // the tests of a file share their data, and find none left by another file.
  freshPerFile: [
    async ({ web }, use, testInfo) => {
      if (dataOwner !== testInfo.file) {
        if (dataOwner !== undefined) await web.reset();
        dataOwner = testInfo.file;
      }
      await use();
    },
    { auto: true },
  ],
  signIn: async ({ page, web }, use) => {
    // Opens the launch address (which sets the session cookie), then the page asked for.
    await use(async (path = '/organisations') => {
      await page.goto(web.launchUrl);
      await expect(page.getByRole('heading', { name: 'Parcours' })).toBeVisible();
      if (path !== '/') await page.goto(`${web.origin}/#${path}`);
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
}

/** Text with the no-break spaces of French number formatting made plain. */
export const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
