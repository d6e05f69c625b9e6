import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it('on a built tree, neither builds nor downloads, and answers within seconds', async () => {
    const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-start-'));
    const started = Date.now();
    const child = spawn(process.execPath, ['scripts/start.js', '--web'], {
      cwd: ROOT,
      env: { ...process.env, BROWSER: 'none', PARCOURS_DATA_DIR: dataDir, PARCOURS_PORT: '0' },
    });
    let output = '';
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address after 20 s:\n${output}`)), 20_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /Adresse : (\S+)/.exec(output);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
      });
      // The launch address serves the page; its fragment holds the token the page sends with each call.
      const url = new URL(address);
      const token = new URLSearchParams(url.hash.slice(1)).get('token');
      expect(token).toBeTruthy();
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const status = await fetch(new URL('/api/auth.status', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      expect(await status.json()).toMatchObject({ ok: true });
      // How long it took is printed; the start-up time itself is measured by the benchmark.
      const seconds = (Date.now() - started) / 1000;
      console.log(`npm start (mode web, déjà construit) : répond en ${seconds.toFixed(1)} s`);
      expect(output).toContain('pas de construction');
      expect(output).not.toMatch(/Téléchargement|construction de Parcours/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
