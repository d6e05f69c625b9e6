// The screens used most, on a programme of 100 000 participants and 1 000 000 attendance
// rows. Run with `npm run bench`: figures, not pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createCore } from '../../src-main/core';
import type { Output } from '../../src-main/core/methods';
import { MIGRATIONS } from '../fixtures/core';
import { loadTrainingProgramme } from '../fixtures/programme';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-bench-'));
createCore({ dataDir, migrationsFolder: MIGRATIONS }).close();
const started = performance.now();
loadTrainingProgramme(path.join(dataDir, 'parcours.sqlite'));
console.log(
  `loaded 100 000 participants and 1 000 000 attendance rows in ${Math.round(performance.now() - started)} ms`,
);
const core = createCore({ dataDir, migrationsFolder: MIGRATIONS });
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const value = <T>(envelope: { ok: boolean; value?: unknown; error?: unknown }) => {
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
};
const someSession = value<Output<'sessions.list'>>(core.call('sessions.list', { month: '2024-06' }))
  .items[0]!;
const register = value<Output<'sessions.get'>>(core.call('sessions.get', { id: someSession.id }));
const allPresent = register.days.flatMap((d) =>
  register.participants.map((p) => ({ dayId: d.id, participantId: p.id, status: 'present' })),
);

test('participants (100 000)', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('first page, by name', () => void core.call('participants.list', {})),
    bench('search "traore 4242"', () => void core.call('participants.list', { search: 'traore 4242' })),
    bench(
      'one organisation',
      () => void core.call('participants.list', { organisationId: register.participants[0]!.organisationId }),
    ),
    bench(
      'duplicate check before creating',
      () =>
        void core.call('participants.checkDuplicates', {
          fields: {
            organisationId: register.participants[0]!.organisationId,
            firstName: 'Aminata',
            lastName: 'Traoré',
            sex: 'F',
            phone: '70 00 42 42',
          },
        }),
    ),
    { time: 2000 },
  );
});

test('sessions and registers (1 000 000 attendance rows)', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('month calendar', () => void core.call('sessions.list', { month: '2024-06', pageSize: 100 })),
    bench('open a 40 × 5 register', () => void core.call('sessions.get', { id: someSession.id })),
    bench(
      'save a 40 × 5 register in one call',
      () =>
        void value(core.call('sessions.recordAttendance', { sessionId: someSession.id, marks: allPresent })),
    ),
    { time: 2000 },
  );
});

test('reports (1 000 000 attendance rows)', { timeout: 600_000 }, async ({ bench }) => {
  const quarterly = { kind: 'quarterly', year: 2024, quarter: 2, filters: {} } as const;
  const gender = { kind: 'gender', from: '2024-01-01', to: '2024-12-31', filters: {} } as const;
  await bench.compare(
    bench('quarterly report (screen)', () => void value(core.call('reports.get', { request: quarterly }))),
    bench(
      'gender report (screen, 9 regions)',
      () => void value(core.call('reports.get', { request: gender })),
    ),
    bench(
      'quarterly report as PDF',
      async () => void value(await core.request('reports.export', { request: quarterly, format: 'pdf' })),
    ),
    bench(
      'quarterly report as XLSX',
      async () => void value(await core.request('reports.export', { request: quarterly, format: 'xlsx' })),
    ),
    { time: 1000, iterations: 2 },
  );
});
