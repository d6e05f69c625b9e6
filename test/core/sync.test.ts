// The merge engine's rules, one by one, on three installations of Parcours: headquarters, the
// trainer's laptop at Gao and a programme officer's laptop at Bamako.
import { describe, expect, it } from 'vitest';
import { DELETED, type Value } from '../../src-main/core/sync/change';
import {
  conflicts,
  createReplica,
  exportBatch,
  gaps,
  receive,
  reject,
  release,
  shownRecord,
  snapshot,
  write,
  type Edit,
  type Installation,
  type Replica,
} from '../../src-main/core/sync/replica';
import { parcoursRules } from '../../src-main/core/sync/scope';
import { hasSeq, missing, removeSeq, union } from '../../src-main/core/sync/ranges';

const HQ: Installation = { device: 'hq', user: 'u-admin', role: 'admin', label: 'siège' };
const GAO: Installation = { device: 'gao', user: 'u-gao', role: 'trainer', label: 'poste de Gao' };
const BAMAKO: Installation = { device: 'bko', user: 'u-bko', role: 'admin', label: 'poste de Bamako' };
const rules = parcoursRules(HQ.device);

type Name = 'hq' | 'gao' | 'bko';

function world() {
  let clock = Date.UTC(2026, 10, 2, 8);
  const r: Record<Name, Replica> = {
    hq: createReplica(HQ, [GAO, BAMAKO]),
    gao: createReplica(GAO, [HQ]),
    bko: createReplica(BAMAKO, [HQ]),
  };
  const user = { hq: HQ.user, gao: GAO.user, bko: BAMAKO.user };
  return {
    r,
    write(name: Name, ...edits: Edit[]) {
      const out = write(r[name], user[name], (clock += 1000), edits);
      r[name] = out.replica;
      return out.changes;
    },
    file(from: Name, to: Name, mode: 'new' | 'unacknowledged' = 'unacknowledged') {
      const out = exportBatch(r[from], rules, r[to].self.device, mode);
      r[from] = out.replica;
      return out.batch;
    },
    deliver(to: Name, batch: unknown) {
      const out = receive(r[to], rules, structuredClone(batch));
      if (!out.ok) throw new Error(out.message);
      r[to] = out.replica;
      return out.report;
    },
    send(from: Name, to: Name) {
      return this.deliver(to, this.file(from, to));
    },
    /** Both ways between a laptop and headquarters. */
    exchange(laptop: Name) {
      this.send(laptop, 'hq');
      this.send('hq', laptop);
    },
    shown(name: Name, table: string, id: string) {
      return shownRecord(r[name], rules, table, id);
    },
  };
}

const org = (id: string, set: Record<string, Value>): Edit => ({ table: 'organisations', recordId: id, set });

/** A pathway assigned to Gao's trainer, with one step and one action, written at headquarters. */
function assignPathway(w: ReturnType<typeof world>) {
  w.write(
    'hq',
    { table: 'pathways', recordId: 'p1', set: { title: 'Gestion financière' } },
    { table: 'user_pathways', recordId: 'up1', set: { user_id: GAO.user, pathway_id: 'p1' } },
    { table: 'pathway_steps', recordId: 'st1', set: { pathway_id: 'p1', title: 'Étape 1' } },
    { table: 'pathway_actions', recordId: 'a1', set: { step_id: 'st1', title: 'Atelier' } },
  );
}

describe('merging', () => {
  it('merges edits of different fields of one record', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative Gao', region: 'Gao' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'Coopérative des femmes de Gao' }));
    w.write('hq', org('o1', { region: 'Tombouctou' }));
    w.exchange('bko');
    for (const name of ['hq', 'bko'] as const)
      expect(w.shown(name, 'organisations', 'o1')).toEqual({
        name: 'Coopérative des femmes de Gao',
        region: 'Tombouctou',
      });
    expect(conflicts(w.r.hq, rules)).toEqual([]);
    expect(snapshot(w.r.bko)).toEqual(snapshot(w.r.hq));
  });

  it('keeps both values of a field changed in two places, shows headquarters’ one, says who and where', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative Gao' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'Coop. Bamako' }));
    w.write('hq', org('o1', { name: 'Coopérative de Gao' }));
    w.exchange('bko');
    const expected = [
      {
        kind: 'field',
        table: 'organisations',
        recordId: 'o1',
        field: 'name',
        versions: [
          expect.objectContaining({ value: 'Coopérative de Gao', author: HQ.user, device: 'hq' }),
          expect.objectContaining({ value: 'Coop. Bamako', author: BAMAKO.user, device: 'bko' }),
        ],
      },
    ];
    expect(conflicts(w.r.hq, rules)).toEqual(expected);
    expect(conflicts(w.r.bko, rules)).toEqual(expected);
    expect(w.shown('bko', 'organisations', 'o1')).toEqual({ name: 'Coopérative de Gao' });
  });

  it('makes no conflict of two times a record was last written, only of what people typed', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative Gao', updated_at: '2026-11-02T08:00:00Z' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'Coop. Bamako', updated_at: '2026-11-03T08:00:00Z' }));
    w.write('hq', org('o1', { name: 'Coopérative de Gao', updated_at: '2026-11-04T08:00:00Z' }));
    w.exchange('bko');
    expect(conflicts(w.r.hq, rules).map((c) => c.kind === 'field' && c.field)).toEqual(['name']);
  });

  it('ends a conflict with a person’s decision, which travels like any change', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'A' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'B' }));
    w.write('hq', org('o1', { name: 'C' }));
    w.exchange('bko');
    expect(conflicts(w.r.bko, rules)).toHaveLength(1);
    // The administrator keeps Bamako's value.
    w.write('hq', org('o1', { name: 'B' }));
    w.send('hq', 'bko');
    for (const name of ['hq', 'bko'] as const) {
      expect(conflicts(w.r[name], rules)).toEqual([]);
      expect(w.shown(name, 'organisations', 'o1')).toEqual({ name: 'B' });
    }
  });

  it('the order of the shown value does not depend on the installation or on arrival order', () => {
    const w = world();
    w.write('bko', org('o1', { name: 'Bamako' }));
    w.write('gao', { table: 'participants', recordId: 'x', set: { first_name: 'Awa' } });
    w.send('bko', 'hq');
    w.send('hq', 'bko');
    expect(w.shown('hq', 'organisations', 'o1')).toEqual({ name: 'Bamako' });
  });
});

describe('deletion', () => {
  it('« modifié ici, supprimé là-bas »: an edit the deletion did not see stays, as a conflict', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative', phone: '70 00 00 00' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { phone: '76 11 22 33' }));
    w.write('hq', { table: 'organisations', recordId: 'o1', delete: true });
    w.exchange('bko');
    for (const name of ['hq', 'bko'] as const) {
      const [c] = conflicts(w.r[name], rules);
      expect(c).toMatchObject({
        kind: 'deletedEdited',
        deletion: [{ device: 'hq', value: true }],
        edits: [{ field: 'phone', value: '76 11 22 33', device: 'bko' }],
      });
    }
    // Keeping the record brings back what the deletion had seen, with the edit made elsewhere.
    w.write('hq', org('o1', { [DELETED]: false }));
    w.send('hq', 'bko');
    for (const name of ['hq', 'bko'] as const) {
      expect(conflicts(w.r[name], rules)).toEqual([]);
      expect(w.shown(name, 'organisations', 'o1')).toEqual({
        [DELETED]: false,
        name: 'Coopérative',
        phone: '76 11 22 33',
      });
    }
  });

  it('a deletion that saw every edit is no conflict; deleting again settles one', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'Coop' }));
    w.write('hq', { table: 'organisations', recordId: 'o1', delete: true });
    w.exchange('bko');
    expect(conflicts(w.r.hq, rules)).toHaveLength(1);
    w.write('hq', { table: 'organisations', recordId: 'o1', delete: true });
    w.send('hq', 'bko');
    expect(conflicts(w.r.hq, rules)).toEqual([]);
    expect(conflicts(w.r.bko, rules)).toEqual([]);
    expect(w.shown('bko', 'organisations', 'o1')).toEqual({ [DELETED]: true, name: 'Coop' });
  });

  it('a mark on a session day deleted elsewhere is an orphan conflict', () => {
    const w = world();
    assignPathway(w);
    w.send('hq', 'gao');
    w.write(
      'gao',
      { table: 'sessions', recordId: 's1', set: { pathway_action_id: 'a1', title: 'Atelier de Gao' } },
      { table: 'session_days', recordId: 'd1', set: { session_id: 's1', date: '2026-11-03' } },
    );
    w.exchange('gao');
    w.write('gao', {
      table: 'attendance',
      recordId: '["d1","pa"]',
      set: { day_id: 'd1', participant_id: 'pa', status: 'present' },
    });
    w.write('hq', { table: 'session_days', recordId: 'd1', delete: true });
    w.exchange('gao');
    for (const name of ['hq', 'gao'] as const)
      expect(conflicts(w.r[name], rules)).toEqual([
        {
          kind: 'orphan',
          table: 'attendance',
          recordId: '["d1","pa"]',
          field: 'day_id',
          parent: 'd1',
          parentTable: 'session_days',
        },
      ]);
  });
});

describe('unique keys', () => {
  it('two live agreements with the same number (as compared) are a conflict', () => {
    const w = world();
    w.write('hq', {
      table: 'agreements',
      recordId: 'ag1',
      set: { organisation_id: 'o1', number: 'APO-2026-01' },
    });
    w.write('bko', {
      table: 'agreements',
      recordId: 'ag2',
      set: { organisation_id: 'o2', number: 'apo-2026-01 ' },
    });
    w.exchange('bko');
    const [c] = conflicts(w.r.hq, rules);
    expect(c).toMatchObject({
      kind: 'unique',
      table: 'agreements',
      field: 'number',
      records: [{ recordId: 'ag1' }, { recordId: 'ag2' }],
    });
    expect(conflicts(w.r.bko, rules)).toEqual(conflicts(w.r.hq, rules));
    // Renumbering one ends it.
    w.write('bko', { table: 'agreements', recordId: 'ag2', set: { number: 'APO-2026-02' } });
    w.exchange('bko');
    expect(conflicts(w.r.hq, rules)).toEqual([]);
  });
});

describe('receiving', () => {
  it('the same file twice changes nothing', () => {
    const w = world();
    w.write('bko', org('o1', { name: 'A' }), org('o2', { name: 'B' }));
    const file = w.file('bko', 'hq');
    expect(w.deliver('hq', file)).toMatchObject({ received: 2, duplicates: 0 });
    const before = snapshot(w.r.hq);
    expect(w.deliver('hq', file)).toMatchObject({ received: 0, duplicates: 2 });
    expect(snapshot(w.r.hq)).toEqual(before);
  });

  it('reports a missing file by its sequence numbers, until it comes', () => {
    const w = world();
    w.write('bko', org('o1', { name: 'A' }), org('o2', { name: 'B' }));
    const first = w.file('bko', 'hq', 'new');
    w.write('bko', org('o3', { name: 'C' }));
    const second = w.file('bko', 'hq', 'new');
    const report = w.deliver('hq', second);
    expect(report.gaps).toEqual([
      { device: 'bko', from: 1, to: 2, message: 'séquences 1–2 du poste de Bamako manquent' },
    ]);
    expect(report.summary).toBe('1 modification reçue, 0 conflit, séquences 1–2 du poste de Bamako manquent');
    w.deliver('hq', first);
    expect(gaps(w.r.hq)).toEqual([]);
  });

  it('a lost file is sent again with the next full export, since headquarters never acknowledged it', () => {
    const w = world();
    w.write('bko', org('o1', { name: 'A' }));
    w.file('bko', 'hq', 'new'); // lost on the way
    w.write('bko', org('o2', { name: 'B' }));
    w.send('bko', 'hq');
    expect(gaps(w.r.hq)).toEqual([]);
    expect(w.shown('hq', 'organisations', 'o1')).toEqual({ name: 'A' });
  });

  it('a laptop skips a headquarters file older than one it applied: the newer one held all it needed', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'A' }));
    const older = w.file('hq', 'bko');
    w.write('hq', org('o2', { name: 'B' }));
    const newer = w.file('hq', 'bko');
    w.deliver('bko', newer);
    expect(w.deliver('bko', older)).toMatchObject({
      outdated: true,
      received: 0,
      summary: 'Fichier déjà dépassé par un fichier plus récent : rien à appliquer.',
    });
    expect(snapshot(w.r.bko)).toEqual(snapshot(w.r.hq));
  });

  it('refuses a whole file with one altered change, and keeps the state as it was', () => {
    const w = world();
    w.write('bko', org('o1', { name: 'A' }));
    w.send('bko', 'hq');
    w.write('bko', org('o2', { name: 'B' }));
    const file = w.file('bko', 'hq');
    file.changes[0]!.value = 'falsifié';
    const before = w.r.hq;
    const out = receive(w.r.hq, rules, {
      ...file,
      changes: [...file.changes, { ...w.r.bko.log[0]!, value: 'Z' }],
    });
    expect(out).toMatchObject({ ok: false, code: 'ALTERED' });
    expect(w.r.hq).toBe(before);
    expect(snapshot(w.r.hq)).toEqual(['organisations/o1/name: bko:1="A"']);
  });

  it('refuses a file from a newer Parcours, another laptop’s file and a stranger’s', () => {
    const w = world();
    const file = w.file('bko', 'hq');
    expect(receive(w.r.hq, rules, { ...file, format: 2 })).toEqual({
      ok: false,
      code: 'VERSION',
      message:
        'Ce fichier vient d’une version plus récente de Parcours : mettez Parcours à jour sur ce poste.',
    });
    expect(receive(w.r.gao, rules, file)).toMatchObject({ ok: false, code: 'WRONG_RECEIVER' });
    expect(receive(w.r.hq, rules, { ...file, sender: 'inconnu' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_SENDER',
    });
    expect(receive(w.r.hq, rules, { ...file, changes: [{ id: 'x' }] })).toMatchObject({
      ok: false,
      code: 'MALFORMED',
    });
  });

  it('gives the same state at headquarters whatever the order files arrive in', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'A' }));
    w.send('hq', 'bko');
    w.write('bko', org('o1', { name: 'B' }), { table: 'organisations', recordId: 'o1', delete: true });
    const f1 = w.file('bko', 'hq', 'new');
    w.write('bko', org('o1', { name: 'C' }), org('o2', { name: 'D' }));
    const f2 = w.file('bko', 'hq', 'new');
    w.write('hq', org('o1', { region: 'Gao' }));
    const start = w.r.hq;
    const inOrder = [f1, f2].reduce((r, f) => (receive(r, rules, f) as { replica: Replica }).replica, start);
    const reversed = [f2, f1].reduce((r, f) => (receive(r, rules, f) as { replica: Replica }).replica, start);
    const shuffled = receive(start, rules, { ...f2, changes: [...f2.changes, ...f1.changes].reverse() });
    expect(snapshot(reversed)).toEqual(snapshot(inOrder));
    expect(shuffled.ok && snapshot(shuffled.replica)).toEqual(snapshot(inOrder));
    expect(conflicts(reversed, rules)).toEqual(conflicts(inOrder, rules));
  });
});

describe('quarantine', () => {
  it('keeps a change the sender’s role may not make, and applies it only if the administrator accepts', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative' }));
    w.send('hq', 'gao');
    w.write('gao', org('o1', { name: 'Renommée par le formateur' }));
    const report = w.send('gao', 'hq');
    expect(report).toMatchObject({ received: 0, quarantined: 1 });
    expect([...w.r.hq.quarantine.values()]).toEqual([
      expect.objectContaining({
        sender: 'gao',
        reason: 'Un formateur ne modifie pas la table organisations.',
      }),
    ]);
    expect(w.shown('hq', 'organisations', 'o1')).toEqual({ name: 'Coopérative' });
    expect(gaps(w.r.hq)).toEqual([]);
    w.r.hq = release(w.r.hq, 'gao:1');
    expect(w.shown('hq', 'organisations', 'o1')).toEqual({ name: 'Renommée par le formateur' });
  });

  it('a refused change is written over at headquarters, and the laptop comes back in line', () => {
    const w = world();
    w.write('hq', org('o1', { name: 'Coopérative' }));
    w.send('hq', 'gao');
    w.write('gao', org('o1', { name: 'Renommée' }));
    w.send('gao', 'hq');
    w.r.hq = reject(w.r.hq, rules, 'gao:1', HQ.user, Date.UTC(2026, 10, 4));
    w.exchange('gao');
    expect(w.shown('gao', 'organisations', 'o1')).toEqual({ name: 'Coopérative' });
    expect(conflicts(w.r.gao, rules)).toEqual([]);
    expect(w.r.hq.quarantine.size).toBe(0);
  });

  it('refuses a trainer’s session under a pathway that is not theirs', () => {
    const w = world();
    assignPathway(w);
    w.write('hq', { table: 'pathway_actions', recordId: 'a2', set: { step_id: 'st-other' } });
    w.write('gao', {
      table: 'sessions',
      recordId: 's9',
      set: { pathway_action_id: 'a2', title: 'Ailleurs' },
    });
    expect(w.send('gao', 'hq')).toMatchObject({ quarantined: 2, received: 0 });
  });
});

describe('scope', () => {
  it('a laptop receives reference data and its own pathways, never the others', () => {
    const w = world();
    assignPathway(w);
    w.write('hq', org('o1', { name: 'Coopérative' }), {
      table: 'pathways',
      recordId: 'p2',
      set: { title: 'Autre parcours' },
    });
    w.write('hq', { table: 'users', recordId: GAO.user, set: { login: 'awa', password_hash: 'scrypt$…' } });
    w.send('hq', 'gao');
    const held = [...w.r.gao.records.values()].map((r) => `${r.table}/${r.recordId}`).sort();
    expect(held).toEqual([
      'organisations/o1',
      'pathway_actions/a1',
      'pathway_steps/st1',
      'pathways/p1',
      'user_pathways/up1',
      `users/${GAO.user}`,
    ]);
    expect(w.shown('gao', 'users', GAO.user)).toEqual({ login: 'awa' });
  });

  it('taking a trainer off a pathway removes it from the laptop without a deletion, and giving it back restores it', () => {
    const w = world();
    assignPathway(w);
    w.send('hq', 'gao');
    w.write('gao', { table: 'sessions', recordId: 's1', set: { pathway_action_id: 'a1', title: 'Atelier' } });
    w.write('hq', { table: 'user_pathways', recordId: 'up1', delete: true });
    w.send('hq', 'gao');
    expect(
      [...w.r.gao.records.keys()].some((k) => k.startsWith('pathways') || k.startsWith('sessions')),
    ).toBe(false);
    expect(w.r.gao.log.every((c) => c.field !== DELETED)).toBe(true);
    // The session written meanwhile reaches headquarters, which keeps it whole in quarantine: the
    // pathway is no longer this trainer's.
    expect(w.send('gao', 'hq')).toMatchObject({ received: 0, quarantined: 2 });
    expect(w.shown('hq', 'sessions', 's1')).toBeUndefined();
    expect(w.shown('hq', 'pathways', 'p1')).toEqual({ title: 'Gestion financière' });
    w.r.hq = release(release(w.r.hq, 'gao:1'), 'gao:2');
    expect(w.shown('hq', 'sessions', 's1')).toEqual({ pathway_action_id: 'a1', title: 'Atelier' });
    w.write('hq', { table: 'user_pathways', recordId: 'up2', set: { user_id: GAO.user, pathway_id: 'p1' } });
    w.send('hq', 'gao');
    expect(w.shown('gao', 'sessions', 's1')).toEqual({ pathway_action_id: 'a1', title: 'Atelier' });
    const inGaoScope = (t: string, id: string) => w.r.gao.records.has(`${t}\u001f${id}`);
    expect(snapshot(w.r.gao)).toEqual(snapshot(w.r.hq, inGaoScope));
  });
});

describe('sequence ranges', () => {
  it('merge, split and tell what is missing', () => {
    expect(
      union(
        [[5, 7]],
        [
          [1, 2],
          [3, 4],
          [9, 9],
        ],
      ),
    ).toEqual([
      [1, 7],
      [9, 9],
    ]);
    expect(removeSeq([[1, 7]], 4)).toEqual([
      [1, 3],
      [5, 7],
    ]);
    expect(
      missing(
        [
          [3, 4],
          [8, 9],
        ],
        10,
      ),
    ).toEqual([
      [1, 2],
      [5, 7],
      [10, 10],
    ]);
    expect(
      hasSeq(
        [
          [1, 3],
          [5, 7],
        ],
        4,
      ),
    ).toBe(false);
    expect(
      hasSeq(
        [
          [1, 3],
          [5, 7],
        ],
        6,
      ),
    ).toBe(true);
  });
});
