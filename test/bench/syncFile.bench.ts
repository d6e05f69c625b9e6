// Size and time of a `.parcours-sync` file of 100 000 changes. Run with `npm run bench`; figures, not pass/fail.
import { randomBytes } from 'node:crypto';
import { test } from 'vitest';
import { deviceKey, readSyncFile, writeSyncFile } from '../../src-main/core/sync/file';
import type { Batch } from '../../src-main/core/sync/replica';
import { realisticChanges } from '../fixtures/syncChanges';

test('.parcours-sync, 100 000 changes', () => {
  const n = 100_000;
  const batch: Batch = {
    format: 1,
    sender: 'gao',
    receiver: 'hq',
    number: 1,
    lastSeq: n,
    holds: { gao: [[1, n]] },
    changes: realisticChanges(n),
  };
  const key = deviceKey(randomBytes(32), 'gao');
  const meta = { appVersion: '0.1.0', schemaVersion: '0007_sync' };
  let t = performance.now();
  const file = writeSyncFile({ batch, ...meta }, key);
  const written = performance.now() - t;
  t = performance.now();
  readSyncFile(file, key, { device: 'hq', ...meta });
  const read = performance.now() - t;
  console.log(
    `.parcours-sync ${n} changes: ${file.length} bytes, ${(file.length / n).toFixed(1)} bytes/change, ` +
      `write ${written.toFixed(0)} ms, read ${read.toFixed(0)} ms`,
  );
});
