// Randomised convergence: headquarters and three trainers' laptops write, delete, reassign pathways
// and exchange files that arrive late, out of order, twice or never. After a final full exchange
// (and the administrator's decision on every quarantined change) every laptop holds exactly
// headquarters' state for its scope, no write is lost silently, and lost files showed as gaps.
// A failure prints fast-check's seed: SYNC_SEED=<seed> replays it.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { recordKey, type Change, type Value } from '../../src-main/core/sync/change';
import { hasSeq } from '../../src-main/core/sync/ranges';
import {
  conflicts,
  createReplica,
  exportBatch,
  gaps,
  headsOf,
  isDeleted,
  receive,
  reject,
  release,
  snapshot,
  view,
  write,
  type Batch,
  type Edit,
  type Installation,
  type Replica,
} from '../../src-main/core/sync/replica';
import { inScope, parcoursRules } from '../../src-main/core/sync/scope';

const RUNS = Number(process.env.SYNC_RUNS ?? 200);
const SEED = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : undefined;

const HQ: Installation = { device: 'hq', user: 'u-admin', role: 'admin', label: 'siège' };
const LAPTOPS: Installation[] = [1, 2, 3].map((i) => ({
  device: `l${i}`,
  user: `u${i}`,
  role: 'trainer',
  label: `poste ${i}`,
}));
const ALL = [HQ, ...LAPTOPS];
const rules = parcoursRules(HQ.device);

type Op =
  | { kind: 'write'; who: number; action: 'create' | 'edit' | 'delete'; pick: number; value: number }
  | { kind: 'reassign'; pathway: number; trainer: number }
  | { kind: 'export'; laptop: number; toHq: boolean; mode: 'new' | 'unacknowledged' }
  | { kind: 'deliver'; pick: number; again: boolean }
  | { kind: 'lose'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      who: fc.nat(3),
      action: fc.constantFrom('create' as const, 'edit' as const, 'delete' as const),
      pick: fc.nat(),
      value: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reassign' as const), pathway: fc.nat(2), trainer: fc.nat(2) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      laptop: fc.nat(2),
      toHq: fc.boolean(),
      mode: fc.constantFrom('new' as const, 'unacknowledged' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), again: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('lose' as const), pick: fc.nat() }) },
);

const VALUES = ['Gao', 'Kidal', 'Ménaka', 'Tombouctou'];
const EDITABLE: Record<string, string[]> = {
  organisations: ['name', 'region'],
  agreements: ['number'],
  sessions: ['title', 'venue'],
  session_days: ['date'],
  attendance: ['status'],
};

interface Sim {
  r: Map<string, Replica>;
  transit: { to: string; batch: Batch }[];
  lost: Batch[];
  written: Change[];
  clock: number;
  ids: number;
  gapsSeen: number;
}

function setUp(): Sim {
  const sim: Sim = {
    r: new Map([
      [HQ.device, createReplica(HQ, LAPTOPS)],
      ...LAPTOPS.map((l) => [l.device, createReplica(l, [HQ])] as const),
    ]),
    transit: [],
    lost: [],
    written: [],
    clock: Date.UTC(2026, 10, 2, 8),
    ids: 0,
    gapsSeen: 0,
  };
  const edits: Edit[] = [];
  for (let i = 0; i < 3; i++) {
    edits.push(
      { table: 'organisations', recordId: `o${i}`, set: { name: VALUES[i]!, region: 'Gao' } },
      { table: 'pathways', recordId: `p${i}`, set: { organisation_id: `o${i}`, title: `Parcours ${i}` } },
      {
        table: 'user_pathways',
        recordId: `up-p${i}-init`,
        set: { user_id: LAPTOPS[i]!.user, pathway_id: `p${i}` },
      },
      { table: 'pathway_steps', recordId: `st${i}`, set: { pathway_id: `p${i}`, title: 'Étape' } },
      { table: 'pathway_actions', recordId: `a${i}`, set: { step_id: `st${i}`, title: 'Atelier' } },
    );
  }
  doWrite(sim, HQ, edits);
  // Enrolment: each laptop starts from a snapshot of its scope.
  for (const l of LAPTOPS) deliver(sim, l.device, exportFrom(sim, HQ.device, l.device, 'unacknowledged'));
  return sim;
}

function doWrite(sim: Sim, who: Installation, edits: Edit[]) {
  const out = write(sim.r.get(who.device)!, who.user, (sim.clock += 1000), edits);
  sim.r.set(who.device, out.replica);
  sim.written.push(...out.changes);
}

function exportFrom(sim: Sim, from: string, to: string, mode: 'new' | 'unacknowledged'): Batch {
  const out = exportBatch(sim.r.get(from)!, rules, to, mode);
  sim.r.set(from, out.replica);
  // What travels is a copy: a file, not a shared object.
  return structuredClone(out.batch);
}

function deliver(sim: Sim, to: string, batch: Batch) {
  const out = receive(sim.r.get(to)!, rules, batch);
  if (!out.ok) throw new Error(`refusé : ${out.message}`);
  sim.r.set(to, out.replica);
  sim.gapsSeen += out.report.gaps.length;
}

/** The live records of `tables` that an installation holds, in a stable order. */
function liveRecords(replica: Replica, tables: string[]) {
  return [...replica.records.values()]
    .filter((rec) => tables.includes(rec.table) && !isDeleted(rec, rules.headquarters))
    .sort((a, b) => (recordKey(a.table, a.recordId) < recordKey(b.table, b.recordId) ? -1 : 1));
}

function run(sim: Sim, o: Op) {
  switch (o.kind) {
    case 'write': {
      const who = ALL[o.who]!;
      const replica = sim.r.get(who.device)!;
      const value = VALUES[o.value]!;
      const newId = (prefix: string) => `${prefix}${++sim.ids}`;
      if (o.action === 'create') {
        if (who === HQ) {
          if (o.pick % 2 === 0)
            doWrite(sim, who, [
              { table: 'organisations', recordId: newId('o'), set: { name: value, region: 'Kidal' } },
            ]);
          else
            doWrite(sim, who, [
              {
                table: 'agreements',
                recordId: newId('ag'),
                set: { organisation_id: 'o0', number: `APO-${o.value}` },
              },
            ]);
          return;
        }
        // A trainer creates a session, a day or a register mark under what they hold.
        const parents = liveRecords(replica, ['pathway_actions', 'sessions', 'session_days']);
        const parent = parents[o.pick % Math.max(parents.length, 1)];
        if (!parent) return;
        if (parent.table === 'pathway_actions')
          doWrite(sim, who, [
            {
              table: 'sessions',
              recordId: newId('s'),
              set: { pathway_action_id: parent.recordId, title: value },
            },
          ]);
        else if (parent.table === 'sessions')
          doWrite(sim, who, [
            {
              table: 'session_days',
              recordId: newId('d'),
              set: { session_id: parent.recordId, date: `2026-11-0${o.value + 1}` },
            },
          ]);
        else {
          const person = `pa${o.value % 2}`;
          doWrite(sim, who, [
            {
              table: 'attendance',
              recordId: JSON.stringify([parent.recordId, person]),
              set: { day_id: parent.recordId, participant_id: person, status: value },
            },
          ]);
        }
        return;
      }
      // Trainers also try to rename organisations: refused at headquarters, kept in quarantine.
      const tables =
        o.action === 'edit'
          ? Object.keys(EDITABLE)
          : ['organisations', 'agreements', 'sessions', 'session_days', 'attendance'];
      const candidates = liveRecords(replica, tables);
      const target = candidates[o.pick % Math.max(candidates.length, 1)];
      if (!target) return;
      if (o.action === 'delete')
        doWrite(sim, who, [{ table: target.table, recordId: target.recordId, delete: true }]);
      else {
        const fields = EDITABLE[target.table]!;
        const field = fields[o.value % fields.length]!;
        const v: Value = target.table === 'agreements' ? `APO-${o.value}` : value;
        doWrite(sim, who, [{ table: target.table, recordId: target.recordId, set: { [field]: v } }]);
      }
      return;
    }
    case 'reassign': {
      // Headquarters gives a pathway to another trainer: the link is deleted, a new one written.
      const hq = sim.r.get(HQ.device)!;
      const pathway = `p${o.pathway}`;
      const links = liveRecords(hq, ['user_pathways']).filter(
        (rec) => headsOf(rec, 'pathway_id', HQ.device)[0]?.value === pathway,
      );
      doWrite(sim, HQ, [
        ...links.map((l) => ({ table: 'user_pathways', recordId: l.recordId, delete: true as const })),
        {
          table: 'user_pathways',
          recordId: `up-${pathway}-${++sim.ids}`,
          set: { user_id: LAPTOPS[o.trainer]!.user, pathway_id: pathway },
        },
      ]);
      return;
    }
    case 'export': {
      const laptop = LAPTOPS[o.laptop]!.device;
      if (o.toHq) sim.transit.push({ to: HQ.device, batch: exportFrom(sim, laptop, HQ.device, o.mode) });
      else sim.transit.push({ to: laptop, batch: exportFrom(sim, HQ.device, laptop, o.mode) });
      return;
    }
    case 'deliver': {
      if (!sim.transit.length) return;
      const i = o.pick % sim.transit.length;
      const file = sim.transit[i]!;
      deliver(sim, file.to, file.batch);
      // « again »: the same file stays in the bag and may be imported a second time.
      if (!o.again) sim.transit.splice(i, 1);
      return;
    }
    case 'lose': {
      if (!sim.transit.length) return;
      const [file] = sim.transit.splice(o.pick % sim.transit.length, 1);
      if (file!.to === HQ.device) sim.lost.push(file!.batch);
    }
  }
}

/** Every seq of a lost laptop file that headquarters lacks below what it was told exists is a reported gap. */
function checkLostFilesAreGaps(sim: Sim) {
  const hq = sim.r.get(HQ.device)!;
  const reported = gaps(hq);
  for (const file of sim.lost)
    for (const c of file.changes) {
      if (hasSeq(hq.holds.get(c.device) ?? [], c.seq) || c.seq > (hq.announced.get(c.device) ?? 0)) continue;
      expect(reported.some((g) => g.device === c.device && g.from <= c.seq && c.seq <= g.to)).toBe(true);
    }
  // And no gap is invented: each reported seq was written and is not held.
  for (const g of reported)
    for (let s = g.from; s <= g.to; s++) expect(hasSeq(hq.holds.get(g.device) ?? [], s)).toBe(false);
}

function finalExchange(sim: Sim, decisions: boolean[]) {
  for (const l of LAPTOPS) deliver(sim, HQ.device, exportFrom(sim, l.device, HQ.device, 'unacknowledged'));
  // The administrator decides on every quarantined change: accept or refuse.
  let hq = sim.r.get(HQ.device)!;
  const written = hq.log.length;
  [...hq.quarantine.keys()].sort().forEach((id, i) => {
    hq = decisions[i % decisions.length]
      ? release(hq, id)
      : reject(hq, rules, id, HQ.user, (sim.clock += 1000));
  });
  sim.r.set(HQ.device, hq);
  // Refusals are writes of headquarters: they too must not lose anything.
  sim.written.push(...hq.log.slice(written));
  for (const l of LAPTOPS) deliver(sim, l.device, exportFrom(sim, HQ.device, l.device, 'unacknowledged'));
}

function checkConverged(sim: Sim) {
  const hq = sim.r.get(HQ.device)!;
  expect(gaps(hq)).toEqual([]);
  expect(hq.quarantine.size).toBe(0);
  const hqView = view(hq, rules);
  const hqConflicts = conflicts(hq, rules);
  for (const l of LAPTOPS) {
    const laptop = sim.r.get(l.device)!;
    const mine = (table: string, id: string) => inScope(l, table, id, hqView);
    expect(snapshot(laptop)).toEqual(snapshot(hq, mine));
    const theirs = hqConflicts.filter((c) =>
      c.kind === 'unique' ? c.records.every((r) => mine(c.table, r.recordId)) : mine(c.table, c.recordId),
    );
    expect(conflicts(laptop, rules)).toEqual(theirs);
  }
  // Nothing lost silently: every write is shown, or in a conflict, or superseded by a change
  // whose author had seen it.
  const inConflict = new Set(
    hqConflicts
      .flatMap((c) =>
        c.kind === 'field'
          ? c.versions
          : c.kind === 'deletedEdited'
            ? [...c.deletion, ...c.edits]
            : c.kind === 'unique'
              ? c.records
              : [],
      )
      .map((v) => v.changeId),
  );
  const supersededBySeen = new Set(
    [...hq.records.values()].flatMap((rec) => [...rec.changes.values()].flatMap((c) => c.supersedes)),
  );
  for (const c of sim.written) {
    if (supersededBySeen.has(c.id) || inConflict.has(c.id)) continue;
    const rec = hq.records.get(recordKey(c.table, c.recordId));
    expect(rec?.changes.get(c.id), `${c.id} manque au siège`).toEqual(c);
    const shown = headsOf(rec!, c.field, HQ.device)[0];
    expect(shown?.value, `${c.id} n’est ni affichée, ni en conflit, ni remplacée`).toEqual(c.value);
  }
}

it(`converges for ${RUNS} generated scenarios of three laptops and headquarters`, () => {
  const started = performance.now();
  let gapsSeen = 0;
  let conflictsSeen = 0;
  let quarantined = 0;
  fc.assert(
    fc.property(
      fc.array(op, { minLength: 5, maxLength: 40, size: 'medium' }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      (ops, decisions) => {
        const sim = setUp();
        for (const o of ops) run(sim, o);
        checkLostFilesAreGaps(sim);
        gapsSeen += sim.gapsSeen;
        quarantined += sim.r.get(HQ.device)!.quarantine.size;
        finalExchange(sim, decisions);
        conflictsSeen += conflicts(sim.r.get(HQ.device)!, rules).length;
        checkConverged(sim);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
  const ms = Math.round(performance.now() - started);
  console.log(
    `sync convergence: ${RUNS} scenarios in ${ms} ms (${gapsSeen} gaps reported, ${conflictsSeen} conflicts, ${quarantined} quarantined)`,
  );
  // The scenarios must reach the cases they are meant to test.
  expect(gapsSeen).toBeGreaterThan(0);
  expect(conflictsSeen).toBeGreaterThan(0);
  expect(quarantined).toBeGreaterThan(0);
}, 60_000);
