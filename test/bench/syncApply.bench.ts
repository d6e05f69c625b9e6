// Synchronisation at scale: a laptop imports 10 000 participants (about 110 000 changes), exports
// its file, and headquarters applies it through the contract (decryption, checks, heads, rows,
// derived columns), as a programme officer would. Goal: 100 000 changes applied in ≤ 10 s.
// Run with `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createCore, DATABASE_FILE, type Core } from '../../src-main/core';
import type { ImportPreview } from '../../src-main/contract';
import type { Output } from '../../src-main/core/methods';
import { enrolThisLaptop } from '../../src-main/core/sync/installations';
import { chosenSheets, MIGRATIONS, organisationInput, tempDir } from '../fixtures/core';
import { participantsCsv } from '../fixtures/participantsCsv';

const LINES = 10_000;
const GOAL_MS_PER_100K = 10_000;
const dirs: string[] = [];
const cores: Core[] = [];
afterAll(() => {
  for (const core of cores) core.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function open(dataDir = tempDir()) {
  dirs.push(dataDir);
  const core = createCore({ dataDir, migrationsFolder: MIGRATIONS });
  cores.push(core);
  return core;
}

async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const answer = await core.request(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}

test(`${LINES} participants written on a laptop, applied at headquarters`, { timeout: 600_000 }, async () => {
  const hq = open();
  await value(hq, 'organisations.create', organisationInput());
  const account = await value<Output<'users.create'>>(hq, 'users.create', {
    login: 'gao',
    name: 'Formateur Gao',
    role: 'admin',
    password: 'mot-de-passe-solide',
  });
  const enrolled = await value<Output<'sync.enrolLaptop'>>(hq, 'sync.enrolLaptop', {
    userId: account.id,
    label: 'poste de Gao',
  });
  const laptopDir = tempDir();
  enrolThisLaptop(
    path.join(laptopDir, DATABASE_FILE),
    MIGRATIONS,
    Buffer.from(enrolled.file.dataBase64, 'base64'),
    enrolled.code,
    new Date().toISOString(),
  );
  const laptop = open(laptopDir);
  const file = { name: 'participants.csv', contentBase64: participantsCsv(LINES) };
  const preview = await value<ImportPreview>(laptop, 'imports.preview', { kind: 'participants', file });
  await value(laptop, 'imports.run', {
    kind: 'participants',
    file,
    sheets: chosenSheets(preview),
    mode: 'validOnly',
  });

  let start = performance.now();
  const exported = await value<Output<'sync.exportFile'>>(laptop, 'sync.exportFile', {});
  const exportMs = performance.now() - start;
  const bytes = Buffer.from(exported.dataBase64, 'base64').length;
  start = performance.now();
  const report = await value<Output<'sync.importFile'>>(hq, 'sync.importFile', {
    file: { name: exported.fileName, contentBase64: exported.dataBase64 },
  });
  const applyMs = performance.now() - start;
  const per100k = (applyMs / report.received) * 100_000;
  console.log(
    [
      '',
      `changes in the laptop's file: ${report.received} (${(bytes / report.received).toFixed(1)} bytes per change, encrypted and gzipped)`,
      `file written on the laptop:   ${Math.round(exportMs)} ms`,
      `file applied at headquarters: ${Math.round(applyMs)} ms (reply file included): ${Math.round(per100k)} ms per 100 000 changes, goal ≤ ${GOAL_MS_PER_100K} ${per100k <= GOAL_MS_PER_100K ? '(met)' : '(NOT met)'}`,
      `summary: ${report.summary}`,
    ].join('\n'),
  );
});
