// The database keeps the engine's rule for heads (core/sync/store.ts `Store.apply`): whatever the
// order in which a set of changes arrives, and however often, each field's heads are the changes of
// that field that no change of the same field in the set supersedes — the definition, computed
// here from the whole set. Changes are generated as a random history: each supersedes some of the
// changes already written for its field (what its writer had seen), on several devices.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { openDb } from '../../src-main/core/db/client';
import { applyMigrations } from '../../src-main/core/db/migrate';
import { changeId, type Change } from '../../src-main/core/sync/change';
import { formatAt } from '../../src-main/core/sync/clock';
import { Store } from '../../src-main/core/sync/store';
import { MIGRATIONS, tempDir } from '../fixtures/core';

const { sqlite, db } = openDb(path.join(tempDir(), 'store.sqlite'));
applyMigrations(sqlite, db, MIGRATIONS);
afterAll(() => sqlite.close());

const DEVICES = ['hq', 'l1', 'l2'];
const RECORDS = ['r1', 'r2'];
const FIELDS = ['name', 'phone', '_deleted'];

const step: fc.Arbitrary<Step> = fc.record({
  device: fc.nat(DEVICES.length - 1),
  record: fc.nat(RECORDS.length - 1),
  field: fc.nat(FIELDS.length - 1),
  seen: fc.array(fc.nat(), { maxLength: 3 }),
  value: fc.nat(3),
});

/** A history: each change supersedes some earlier changes of its field (by index among them). */
interface Step {
  device: number;
  record: number;
  field: number;
  seen: number[];
  value: number;
}

function history(steps: Step[]): Change[] {
  const out: Change[] = [];
  const seqs = new Map<string, number>();
  steps.forEach((s, i) => {
    const device = DEVICES[s.device]!;
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    const recordId = RECORDS[s.record]!;
    const field = FIELDS[s.field]!;
    const earlier = out.filter((c) => c.recordId === recordId && c.field === field);
    const supersedes = [
      ...new Set(s.seen.filter(() => earlier.length).map((k) => earlier[k % earlier.length]!.id)),
    ];
    out.push({
      id: changeId(device, seq),
      device,
      seq,
      table: 'participants',
      recordId,
      field,
      value: field === '_deleted' ? s.value % 2 === 0 : `v${s.value}`,
      author: 'u',
      at: formatAt({ ms: Date.UTC(2026, 0, 1) + i, counter: 0 }),
      supersedes: supersedes.sort(),
    });
  });
  return out;
}

/** The heads by definition, from the whole set. */
function expectedHeads(changes: Change[]) {
  const heads = new Map<string, string[]>();
  for (const c of changes) {
    const superseded = changes.some(
      (o) => o.recordId === c.recordId && o.field === c.field && o.supersedes.includes(c.id),
    );
    const key = `${c.recordId}/${c.field}`;
    if (!heads.has(key)) heads.set(key, []);
    if (!superseded) heads.get(key)!.push(c.id);
  }
  return new Map([...heads].map(([k, ids]) => [k, ids.sort()]));
}

it('gives each field the heads of the definition, in any order of arrival, twice or once', () => {
  fc.assert(
    fc.property(
      fc.array(step, { minLength: 1, maxLength: 25 }).chain((steps) => {
        const changes = history(steps);
        // Some changes delivered twice, all of them in a shuffled order.
        return fc
          .tuple(fc.shuffledSubarray(changes), fc.array(fc.nat(), { maxLength: changes.length }))
          .map(([again, order]) => {
            const all = [...changes, ...again];
            const keyed = all.map((c, i) => ({ c, k: order[i % Math.max(order.length, 1)] ?? i }));
            return { changes, delivered: keyed.sort((a, b) => a.k - b.k).map((x) => x.c) };
          });
      }),
      ({ changes, delivered }) => {
        sqlite.exec('SAVEPOINT run');
        try {
          const store = new Store(sqlite);
          for (const c of delivered) if (!store.hasSeq(c.device, c.seq)) store.apply(c);
          const stored = new Map(
            (
              sqlite
                .prepare('SELECT record_id AS r, field AS f, change_ids AS ids FROM sync_heads')
                .all() as {
                r: string;
                f: string;
                ids: string;
              }[]
            ).map((h) => [`${h.r}/${h.f}`, JSON.parse(h.ids) as string[]]),
          );
          expect(stored).toEqual(expectedHeads(changes));
        } finally {
          sqlite.exec('ROLLBACK TO run; RELEASE run');
        }
      },
    ),
    { numRuns: 300 },
  );
});
