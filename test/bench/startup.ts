// Web mode's first answer after launch on the national file: `node out/main/web.js` started,
// then `auth.status` asked until it answers (the automatic backup of the day runs meanwhile).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function webFirstAnswer(dataDir: string): Promise<number | null> {
  const entry = path.join(ROOT, 'out/main/web.js');
  if (!fs.existsSync(entry)) return null;
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...process.env, BROWSER: 'none', PARCOURS_DATA_DIR: dataDir, PARCOURS_PORT: '0' },
  });
  let output = '';
  try {
    const address = await new Promise<URL>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address after 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Adresse : (\S+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(new URL(found[1]!));
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    const token = new URLSearchParams(address.hash.slice(1)).get('token');
    const answer = await fetch(new URL('/api/auth.status', address), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    await answer.json();
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
