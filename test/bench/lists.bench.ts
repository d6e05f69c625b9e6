// Times the list queries on a programme of 5,000 organisations and 20,000 agreements.
// Run with `npm run bench`; figures, not pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createCore } from '../../src-main/core';
import { MIGRATIONS } from '../fixtures/core';
import { loadLargeProgramme } from '../fixtures/programme';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-bench-'));
createCore({ dataDir, migrationsFolder: MIGRATIONS }).close();
loadLargeProgramme(path.join(dataDir, 'parcours.sqlite'));
const core = createCore({ dataDir, migrationsFolder: MIGRATIONS });
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('organisations.list (5 000 organisations, 20 000 agreements)', async ({ bench }) => {
  await bench.compare(
    bench('first page, by name', () => void core.call('organisations.list', {})),
    bench(
      'search "segou" (accent-insensitive)',
      () => void core.call('organisations.list', { search: 'segou' }),
    ),
    bench('filter region + type', () => void core.call('organisations.list', { region: 'Gao', type: 'ngo' })),
    bench(
      'sort by agreements total, page 40',
      () => void core.call('organisations.list', { sort: 'agreementsTotal', direction: 'desc', page: 40 }),
    ),
  );
});

test('agreements.list (20 000 agreements)', async ({ bench }) => {
  await bench.compare(
    bench('first page with overall totals', () => void core.call('agreements.list', {})),
    bench('search by number', () => void core.call('agreements.list', { search: 'apo-42' })),
  );
});
