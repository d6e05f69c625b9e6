// The cost of the synchronisation capture (core/sync/capture.ts): the same writes on two fresh
// databases, one captured, one whose capture cursor is moved past the trail first (the capture
// then finds nothing to do): a 10 000-line participants import, and a 40 × 5 register saved again
// and again (interleaved, so a busy machine slows both alike). Run with `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import type { Sqlite } from '../../src-main/core/db/client';
import { chosenSheets, MIGRATIONS, okCaller, organisationInput, tempDir } from '../fixtures/core';
import type { ImportPreview } from '../../src-main/contract';
import { participantsCsv } from '../fixtures/participantsCsv';

const LINES = 10_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dataDir = tempDir();
  dirs.push(dataDir);
  let sqlite: Sqlite | undefined;
  const core: Core = createCore({ dataDir, migrationsFolder: MIGRATIONS, onConnection: (s) => (sqlite = s) });
  const uncaptured = () =>
    sqlite!.prepare('UPDATE sync_installation SET captured_through = 9007199254740991').run();
  const count = () => sqlite!.prepare('SELECT count(*) FROM sync_changes').pluck().get() as number;
  return { core, uncaptured, count };
}

async function timedImport(captured: boolean) {
  const { core, uncaptured, count } = open();
  try {
    const org = core.invoke('organisations.create', organisationInput());
    if (!org.ok) throw new Error(org.error.message);
    const file = { name: 'participants.csv', contentBase64: participantsCsv(LINES) };
    const preview = await core.request('imports.preview', { kind: 'participants', file });
    if (!preview.ok) throw new Error(preview.error.message);
    const sheets = chosenSheets(preview.value as ImportPreview);
    if (!captured) uncaptured();
    const before = count();
    const start = performance.now();
    const run = await core.request('imports.run', {
      kind: 'participants',
      file,
      sheets,
      mode: 'validOnly',
    });
    const ms = performance.now() - start;
    if (!run.ok) throw new Error(run.error.message);
    const changes = count() - before;
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

/** A session of 5 days and 40 people, and a function that saves its register (all present, then all late…). */
function register(captured: boolean) {
  const { core, uncaptured, count } = open();
  const ok = okCaller(core);
  const org = ok('organisations.create', organisationInput());
  const people = Array.from({ length: 40 }, (_, i) =>
    ok('participants.create', {
      fields: {
        organisationId: org.id,
        firstName: `Personne ${i}`,
        lastName: 'Test',
        sex: i % 2 ? 'F' : 'M',
      },
      confirmedNotDuplicate: true,
    }),
  );
  const session = ok('sessions.create', {
    title: 'Session',
    phase: 'classroom',
    days: Array.from({ length: 5 }, (_, d) => ({
      date: `2024-04-0${d + 1}`,
      startTime: '08:30',
      endTime: '16:30',
    })),
    trainers: [{ name: 'Kadiatou', sex: 'F', kind: 'external' }],
  });
  ok('sessions.addParticipants', {
    sessionId: session.id,
    participantIds: people.map((p) => p.id),
    walkIn: false,
  });
  if (!captured) uncaptured();
  let status: 'present' | 'late' = 'present';
  return {
    count,
    close: () => core.close(),
    save() {
      status = status === 'present' ? 'late' : 'present';
      const start = performance.now();
      ok('sessions.recordAttendance', {
        sessionId: session.id,
        marks: session.days.flatMap((d) => people.map((p) => ({ dayId: d.id, participantId: p.id, status }))),
      });
      return performance.now() - start;
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test('capture of a 40 × 5 register saved', { timeout: 300_000 }, () => {
  const captured = register(true);
  const uncaptured = register(false);
  const times = { captured: [] as number[], uncaptured: [] as number[] };
  for (let i = 0; i < 30; i++) {
    times.captured.push(captured.save());
    times.uncaptured.push(uncaptured.save());
  }
  const changes = captured.count();
  captured.close();
  uncaptured.close();
  const [withCapture, without] = [median(times.captured), median(times.uncaptured)];
  console.log(
    [
      '',
      `register 40 × 5 saved, median of 30: ${withCapture.toFixed(1)} ms with capture, ${without.toFixed(1)} ms without`,
      `capture cost: ${(withCapture - without).toFixed(1)} ms for 200 changes (${changes} changes in all)`,
    ].join('\n'),
  );
});
