import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src-main/contract';
import { openWithAdmin } from '../fixtures/accounts';

describe('progress of long work', () => {
  it('tells the session running a backup how far it is, page by page, and no one else', async () => {
    const t = await openWithAdmin();
    const reader = await t.account('reader', 'lecteur');
    // A few megabytes of documents: the copy takes several steps.
    const module = t.ok('modules.create', { title: 'Gestion financière', durationHours: 12 });
    t.ok('modules.attachMaterial', {
      id: module.id,
      document: {
        name: 'guide.pdf',
        mimeType: 'application/pdf',
        contentBase64: crypto.randomBytes(6 * 1024 * 1024).toString('base64'),
      },
    });

    const seen: Task[] = [];
    const seenByOthers: Task[] = [];
    let finished = false;
    const backup = t.admin.request('backups.create', {}).finally(() => (finished = true));
    while (!finished) {
      seen.push(...(await t.admin.value('system.progress', {})).tasks);
      seenByOthers.push(...(await reader.value('system.progress', {})).tasks);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await backup).ok).toBe(true);

    expect(new Set(seen.map((task) => task.method))).toEqual(new Set(['backups.create']));
    expect([...new Set(seen.map((task) => task.step))]).toEqual(['copy', 'verify']);
    const counted = seen.filter((task) => task.step === 'copy' && task.total !== null);
    expect(new Set(counted.map((task) => task.done)).size).toBeGreaterThan(2);
    for (const task of counted) expect(task.done).toBeLessThanOrEqual(task.total!);
    expect(counted.map((task) => task.done)).toEqual(
      [...counted.map((task) => task.done)].sort((a, b) => a! - b!),
    );
    expect(seenByOthers).toEqual([]);
    // Forgotten once the call has ended.
    expect((await t.admin.value('system.progress', {})).tasks).toEqual([]);
  });

  it('tells the steps of a report being written', async () => {
    const t = await openWithAdmin();
    const steps: string[] = [];
    let finished = false;
    const exported = t.admin
      .request('reports.export', { request: { kind: 'results', year: 2024 }, format: 'pdf' })
      .finally(() => (finished = true));
    while (!finished) {
      steps.push(...(await t.admin.value('system.progress', {})).tasks.map((task) => task.step));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await exported).ok).toBe(true);
    expect([...new Set(steps)]).toEqual(['compute', 'write']);
  });
});
