// The cost of the synchronisation capture (core/sync/capture.ts) on a 10 000-line participants
// import: the same import on two fresh databases, one captured, one whose capture cursor is moved
// past the trail first (the capture then finds nothing to do). Run with `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import type { Sqlite } from '../../src-main/core/db/client';
import { chosenSheets, MIGRATIONS, organisationInput, tempDir } from '../fixtures/core';
import type { ImportPreview } from '../../src-main/contract';

const LINES = 10_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Names far apart from each other (no line resembles another): a fixed pseudo-random sequence. */
function participantsCsv(): string {
  let seed = 42;
  const word = () =>
    Array.from({ length: 9 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
  const lines = ['Organisation;Nom;Prénom;Sexe;Téléphone'];
  for (let i = 0; i < LINES; i++)
    lines.push(`CAFO;${word()};${word()};${i % 2 ? 'F' : 'M'};${70_000_000 + i}`);
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

async function timedImport(captured: boolean) {
  const dataDir = tempDir();
  dirs.push(dataDir);
  let sqlite: Sqlite | undefined;
  const core: Core = createCore({ dataDir, migrationsFolder: MIGRATIONS, onConnection: (s) => (sqlite = s) });
  try {
    const org = core.invoke('organisations.create', organisationInput());
    if (!org.ok) throw new Error(org.error.message);
    const file = { name: 'participants.csv', contentBase64: participantsCsv() };
    const preview = await core.request('imports.preview', { kind: 'participants', file });
    if (!preview.ok) throw new Error(preview.error.message);
    const sheets = chosenSheets(preview.value as ImportPreview);
    if (!captured) sqlite!.prepare('UPDATE sync_installation SET captured_through = 9007199254740991').run();
    const before = sqlite!.prepare('SELECT count(*) FROM sync_changes').pluck().get() as number;
    const start = performance.now();
    const run = await core.request('imports.run', {
      kind: 'participants',
      file,
      sheets,
      mode: 'validOnly',
    });
    const ms = performance.now() - start;
    if (!run.ok) throw new Error(run.error.message);
    const changes = (sqlite!.prepare('SELECT count(*) FROM sync_changes').pluck().get() as number) - before;
    return { ms, changes, created: (run.value as { created: number }).created };
  } finally {
    core.close();
  }
}

test(`capture of a ${LINES}-line participants import`, { timeout: 600_000 }, async () => {
  const without = await timedImport(false);
  const withCapture = await timedImport(true);
  console.log(
    [
      '',
      `participants imported: ${withCapture.created} (${without.created} without capture)`,
      `import without capture: ${Math.round(without.ms)} ms`,
      `import with capture:    ${Math.round(withCapture.ms)} ms (${withCapture.changes} changes)`,
      `capture cost:           ${Math.round(withCapture.ms - without.ms)} ms, ${(((withCapture.ms - without.ms) / withCapture.changes) * 1000).toFixed(1)} µs per change`,
    ].join('\n'),
  );
});
