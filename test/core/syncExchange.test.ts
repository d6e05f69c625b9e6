// Headquarters and field laptops as real cores, each on its own data folder, exchanging
// `.parcours-sync` files through the contract: a laptop created from its enrolment shows
// headquarters' programme, its writes reach headquarters whole, a file received twice does
// nothing, a field changed on both sides is a conflict shown the same way on both.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src-main/core/methods';
import { databaseSchema, shippedMigrations } from '../../src-main/core/backups/schema';
import { APP_VERSION } from '../../src-main/core/backups/version';
import { writeSyncFile } from '../../src-main/core/sync/file';
import { parcoursRules } from '../../src-main/core/sync/scope';
import { keyOf } from '../../src-main/core/sync/service';
import { exportBatch } from '../../src-main/core/sync/store';
import type { Change } from '../../src-main/core/sync/change';
import type { Batch } from '../../src-main/core/sync/replica';
import { upgradeBatch, type Upgrade } from '../../src-main/core/sync/upgrades';
import { MIGRATIONS, openTestCore, organisationInput } from '../fixtures/core';
import { openWithAdmin } from '../fixtures/accounts';
import {
  adminAccount,
  asFile,
  dayInput,
  laptop,
  NOW,
  sessionFields,
  seen,
  summariesAreRecomputed,
  trainerLaptop,
  type Ok,
} from '../fixtures/laptops';
import { programme } from '../fixtures/smallProgramme';
import { pdfText, rowsOf, workbook } from '../fixtures/reports';

/** Which conflict a decision is about. */
const decision = (c: { table: string; recordId: string; field: string }) => ({
  table: c.table,
  recordId: c.recordId,
  field: c.field,
});

/** Awa's phone changed at headquarters and on the laptop, the laptop's file imported at headquarters. */
async function phoneConflict() {
  const hq = programme();
  const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
  const awa = hq.ok('participants.list', { search: 'awa' }).items[0]!.id;
  const edit = (ok: Ok, phone: string) => {
    const p = ok('participants.get', { id: awa });
    ok('participants.update', {
      id: awa,
      fields: {
        organisationId: p.organisationId,
        firstName: p.firstName,
        lastName: p.lastName,
        sex: p.sex,
        ageBand: p.ageBand,
        position: p.position,
        decisionMaker: p.decisionMaker,
        phone,
      },
    });
  };
  edit(hq.ok, '76 11 11 11');
  edit(gao.ok, '66 22 22 22');
  const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
  return { hq, gao, awa, report };
}

describe('exchanging files between headquarters and a laptop', () => {
  it('creates a laptop that shows headquarters’ programme, with the same figures', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(gao.ok('sync.status', {})).toMatchObject({ role: 'field', changes: 0, conflicts: 0 });
    expect(summariesAreRecomputed(gao.core)).toBe(0);
    // The default grid is headquarters' (no second one created when the laptop first opened).
    expect(gao.ok('grids.current', {}).id).toBe(hq.ok('grids.current', {}).id);
  });

  it('brings a laptop’s register and new participant to headquarters, once, whole', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const session = gao.ok('sessions.list', {}).items.find((s) => s.title === 'Session 2')!;
    const organisation = gao.ok('organisations.list', {}).items.find((o) => o.name === 'B')!;
    const fatou = gao.ok('participants.create', {
      fields: {
        organisationId: organisation.id,
        firstName: 'Fatou',
        lastName: 'Traoré',
        sex: 'F',
        phone: '66 00 11 22',
      },
      confirmedNotDuplicate: true,
    });
    gao.ok('sessions.addParticipants', { sessionId: session.id, participantIds: [fatou.id], walkIn: true });
    const full = gao.ok('sessions.get', { id: session.id });
    gao.ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: full.participants.map((p) => ({
        dayId: full.days[0]!.id,
        participantId: p.id,
        status: 'present' as const,
      })),
    });
    const before = hq.ok('indicators.figures', {});
    const ownChanges = hq.ok('sync.status', {}).changes;
    const laptopChanges = gao.ok('sync.status', {}).changes;
    expect(laptopChanges).toBeGreaterThan(10);

    const file = gao.ok('sync.exportFile', {});
    const report = hq.ok('sync.importFile', asFile(file));
    expect(report.summary).toMatch(/^\d+ modifications reçues, 0 conflit$/);
    expect(report.received).toBeGreaterThan(10);
    expect(seen(hq.ok)).toEqual(seen(gao.ok));
    expect(hq.ok('indicators.figures', {})).not.toEqual(before);
    expect(hq.ok('participants.list', { search: 'fatou' }).items.map((p) => p.phone)).toEqual([
      '66 00 11 22',
    ]);
    expect(summariesAreRecomputed(hq.core)).toBe(0);

    // The same file again changes nothing; the reply brings the laptop nothing it lacks.
    const again = hq.ok('sync.importFile', asFile(file));
    expect(again).toMatchObject({ received: 0, duplicates: report.received });
    expect(seen(hq.ok)).toEqual(seen(gao.ok));
    const back = gao.ok('sync.importFile', asFile(again.reply!));
    expect(back.received).toBe(0);
    // Nothing received became a change of the receiver's own.
    expect(hq.ok('sync.status', {}).changes).toBe(ownChanges);
    expect(gao.ok('sync.status', {}).changes).toBe(laptopChanges);
  });

  it('keeps both values of a phone changed on both sides as a conflict, shown alike on both', async () => {
    const { hq, gao, awa, report } = await phoneConflict();
    expect(report.summary).toMatch(/1 conflit$/);
    gao.ok('sync.importFile', asFile(report.reply!));
    // Headquarters' value is shown on both until a person decides; the laptop's is kept.
    for (const ok of [hq.ok, gao.ok]) {
      expect(ok('participants.get', { id: awa }).phone).toBe('76 11 11 11');
      expect(ok('sync.status', {}).conflicts).toBe(1);
    }
  });
  it('shows an edit made on a laptop to a record deleted at headquarters as a conflict, never dropped', async () => {
    const hq = programme();
    const organisation = hq.ok('organisations.list', {}).items[0]!;
    const fields = { number: 'APO-GAO-1', signedOn: '2024-01-05', durationMonths: 12, amountFcfa: 1_000_000 };
    const agreement = hq.ok('agreements.create', { organisationId: organisation.id, fields });
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    hq.ok('agreements.remove', { id: agreement.id });
    gao.ok('agreements.update', { id: agreement.id, fields: { ...fields, amountFcfa: 1_250_000 } });
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    // Headquarters' deletion is shown until a person decides; the laptop's amount is kept.
    expect(report.summary).toMatch(/1 conflit$/);
    expect(hq.ok('sync.status', {}).conflicts).toBe(1);
    expect(hq.ok('agreements.list', {}).items.map((a) => a.id)).not.toContain(agreement.id);
  });
});

/** An agreement numbered APO-2024-7 at headquarters, and another typed « apo-2024-7 » on Gao's laptop. */
async function sameNumber() {
  const hq = programme();
  const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
  const [first, second] = hq.ok('organisations.list', {}).items;
  const fields = { number: 'APO-2024-7', signedOn: '2024-01-05', durationMonths: 12, amountFcfa: 1_000_000 };
  const atHq = hq.ok('agreements.create', { organisationId: first!.id, fields });
  const atGao = gao.ok('agreements.create', {
    organisationId: second!.id,
    fields: { ...fields, number: 'apo-2024-7', signedOn: '2024-02-01', amountFcfa: 2_000_000 },
  });
  const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
  gao.ok('sync.importFile', asFile(report.reply!));
  const toGao = () =>
    gao.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })));
  const numbers = (ok: Ok) =>
    ok('agreements.list', {})
      .items.map((a) => [a.id, a.number])
      .sort();
  return { hq, gao, atHq, atGao, report, toGao, numbers, names: [first!.name, second!.name] };
}

describe('two agreements with the same number', () => {
  it('are both kept: each installation shows the one it had first, the other waits aside as a conflict', async () => {
    const { hq, gao, atHq, atGao, report, numbers, names } = await sameNumber();
    expect(report.summary).toMatch(/1 conflit$/);
    expect(numbers(hq.ok)).toEqual([[atHq.id, 'APO-2024-7']]);
    expect(numbers(gao.ok)).toEqual([[atGao.id, 'apo-2024-7']]);
    const [conflict] = hq.ok('sync.conflicts', {});
    expect(conflict).toMatchObject({
      kind: 'unique',
      table: 'agreements',
      field: 'number',
      recordId: atGao.id,
    });
    expect(conflict!.versions.map((v) => [v.recordId, v.value, v.device, v.record])).toEqual([
      [atHq.id, 'APO-2024-7', 'siège', `${names[0]}, signée le 05/01/2024`],
      [atGao.id, 'apo-2024-7', 'poste de Gao', `${names[1]}, signée le 01/02/2024`],
    ]);
    expect(gao.ok('sync.conflicts', {})).toMatchObject([{ kind: 'unique', recordId: atHq.id }]);
  });

  it('is decided by giving one of them another number; then both are on both installations', async () => {
    const { hq, gao, atHq, atGao, toGao, numbers } = await sameNumber();
    const before = hq.ok('sync.status', {});
    for (const value of ['', ' APO-2024-8', 'APO -2024-7', 'apo-2024-7', 12, true]) {
      const refused = hq.core.call('sync.resolveConflict', {
        table: 'agreements',
        recordId: atGao.id,
        field: 'number',
        value,
      });
      expect(refused.ok, String(value)).toBe(false);
      if (!refused.ok) expect(refused.error.issues?.[0]?.path).toEqual(['value']);
    }
    expect(hq.ok('sync.status', {})).toEqual(before);
    hq.ok('sync.resolveConflict', {
      table: 'agreements',
      recordId: atGao.id,
      field: 'number',
      value: 'APO-2024-8',
    });
    const both = [
      [atHq.id, 'APO-2024-7'],
      [atGao.id, 'APO-2024-8'],
    ].sort();
    expect(numbers(hq.ok)).toEqual(both);
    expect(hq.ok('sync.conflicts', {})).toEqual([]);
    expect(toGao().conflicts).toBe(0);
    expect(numbers(gao.ok)).toEqual(both);
    expect(gao.ok('agreements.list', {}).items.find((a) => a.id === atGao.id)!.amountFcfa).toBe(2_000_000);
  });

  it('is decided by deleting the one entered twice; the other takes the number everywhere', async () => {
    const { hq, gao, atHq, atGao, toGao, numbers } = await sameNumber();
    hq.ok('sync.resolveConflict', { table: 'agreements', recordId: atHq.id, field: '_deleted', value: true });
    expect(numbers(hq.ok)).toEqual([[atGao.id, 'apo-2024-7']]);
    expect(toGao().conflicts).toBe(0);
    expect(numbers(gao.ok)).toEqual([[atGao.id, 'apo-2024-7']]);
    // A new agreement cannot take the number either side.
    const organisation = hq.ok('organisations.list', {}).items[0]!;
    const taken = hq.core.call('agreements.create', {
      organisationId: organisation.id,
      fields: { number: 'APO-2024-7', signedOn: '2024-03-01', durationMonths: 6, amountFcfa: 10 },
    });
    expect(taken.ok).toBe(false);
  });
});

describe('two accounts with the same login', () => {
  it('keep the second aside with its pathways until it is renamed, then both are everywhere', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const account = (name: string) => ({
      login: 'awa.diarra',
      name,
      role: 'trainer' as const,
      password: 'mot-de-passe-solide',
      pathwayIds: [hq.pathway.id],
    });
    const atHq = await hq.core.request('users.create', account('Awa Diarra (Gao)'));
    const atGao = await gao.core.request('users.create', {
      ...account('Awa Diarra (Ansongo)'),
      login: 'Awa.Diarra',
    });
    if (!atHq.ok || !atGao.ok) throw new Error('accounts not created');
    const [hqId, gaoId] = [atHq.value, atGao.value].map((u) => (u as { id: string }).id) as [string, string];
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    // One conflict: the account's assignment waits with it, it is no conflict of its own.
    expect(report.summary).toMatch(/ 1 conflit$/);
    const logins = (ok: Ok) =>
      ok('users.list', {})
        .items.filter((u) => u.login.toLowerCase().startsWith('awa.diarra'))
        .map((u) => [u.id, u.login, u.pathways.map((p) => p.id)]);
    expect(logins(hq.ok)).toEqual([[hqId, 'awa.diarra', [hq.pathway.id]]]);
    const [conflict] = hq.ok('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'unique', table: 'users', recordId: gaoId, deletable: false });
    expect(conflict!.versions.map((v) => v.record)).toEqual(['Awa Diarra (Gao)', 'Awa Diarra (Ansongo)']);
    const deleting = hq.core.call('sync.resolveConflict', {
      table: 'users',
      recordId: gaoId,
      field: '_deleted',
      value: true,
    });
    expect(deleting.ok).toBe(false);

    hq.ok('sync.resolveConflict', { table: 'users', recordId: gaoId, field: 'login', value: 'awa.diarra2' });
    const both = [
      [hqId, 'awa.diarra', [hq.pathway.id]],
      [gaoId, 'awa.diarra2', [hq.pathway.id]],
    ].sort();
    expect(logins(hq.ok).sort()).toEqual(both);
    expect(hq.ok('sync.conflicts', {})).toEqual([]);
    gao.ok('sync.importFile', asFile(report.reply!));
    const back = gao.ok(
      'sync.importFile',
      asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })),
    );
    expect(back.conflicts).toBe(0);
    expect(logins(gao.ok).sort()).toEqual(both);
  });
});

describe('a trainer’s laptop', () => {
  it('holds the reference data and its own pathways only, and a change outside them waits in quarantine', async () => {
    const hq = programme();
    const other = hq.ok('pathways.create', {
      organisationId: hq.pathway.organisationId,
      title: 'Parcours d’un autre formateur',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      budgetFcfa: 0,
    });
    const { kidal, trainerId } = await trainerLaptop(hq);

    expect(kidal.ok('organisations.list', {}).items).toHaveLength(
      hq.ok('organisations.list', {}).items.length,
    );
    expect(kidal.ok('pathways.list', {}).map((p) => p.id)).toEqual([hq.pathway.id]);
    expect(kidal.ok('sessions.list', {}).items.map((s) => s.title)).toEqual(['Session 1']);
    const db = new Database(kidal.core.databaseFile, { readonly: true });
    try {
      // Its own account only, and without any password hash but its own.
      expect(db.prepare('SELECT id FROM users').pluck().all()).toEqual([trainerId]);
      expect(db.prepare('SELECT password_hash FROM users').pluck().get()).toMatch(/\S{20,}/);
    } finally {
      db.close();
    }

    // An organisation is reference data: a trainer may not change it (on the laptop, this test's
    // calls are trusted); headquarters keeps the change aside and applies the rest of the file.
    const org = kidal.ok('organisations.list', {}).items.find((o) => o.name === 'A')!;
    kidal.ok('organisations.update', {
      id: org.id,
      fields: organisationInput({ name: 'A', acronym: 'A-KIDAL' }),
    });
    const session = kidal.ok('sessions.list', {}).items[0]!;
    const full = kidal.ok('sessions.get', { id: session.id });
    kidal.ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: full.participants.map((p) => ({
        dayId: full.days[1]!.id,
        participantId: p.id,
        status: 'present' as const,
      })),
    });
    // The trainer signs in on the laptop with the password of headquarters (the enrolment carried
    // its hash); the sign-in is the laptop's own fact, not a change of the account sent back.
    const signedIn = await kidal.core.request('auth.signIn', {
      login: 'kidal',
      password: 'mot-de-passe-solide',
    });
    expect(signedIn.ok).toBe(true);
    const report = hq.ok('sync.importFile', asFile(kidal.ok('sync.exportFile', {})));
    expect(report.quarantined).toBe(1);
    expect(report.received).toBeGreaterThan(0);
    expect(hq.ok('organisations.get', { id: org.id }).acronym).not.toBe('A-KIDAL');
    expect(hq.ok('sync.status', {}).quarantined).toBe(1);
    expect(hq.ok('sessions.get', { id: session.id }).attendance).toEqual(
      kidal.ok('sessions.get', { id: session.id }).attendance,
    );
    expect(hq.ok('pathways.get', { id: other.id }).title).toBe('Parcours d’un autre formateur');
  });

  it('refuses a file from a laptop headquarters did not enrol, in French, and writes nothing', async () => {
    const hq = programme();
    const otherHq = programme();
    const gao = laptop(otherHq.ok, await adminAccount(otherHq.core), 'poste de Gao');
    const before = hq.ok('sync.status', {});
    const refused = hq.core.call('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/destiné à un autre poste/);
    expect(hq.ok('sync.status', {})).toEqual(before);
  });
});

describe('at headquarters', () => {
  it('lets only an administrator exchange the laptops’ files', async () => {
    const t = await openWithAdmin();
    const trainer = await t.account('trainer', 'formateur');
    const answers = [
      await trainer.request('sync.exportFile', {}),
      await trainer.request('sync.importFile', { file: { name: 'x.parcours-sync', contentBase64: '' } }),
    ];
    for (const answer of answers) {
      expect(answer.ok).toBe(false);
      if (!answer.ok)
        expect(answer.error.message).toBe(
          'Au siège, seul un administrateur échange les fichiers des postes.',
        );
    }
  });
});

/** The laptop's changes as an older Parcours (its app `version`, or its `schema`) would have written its file. */
function fileOfVersion(laptopFile: string, version: string, schema?: string) {
  const db = new Database(laptopFile);
  try {
    const { device, secret } = db
      .prepare('SELECT s.device, p.secret FROM sync_installation s, sync_peers p WHERE p.headquarters = 1')
      .get() as { device: string; secret: string };
    const hq = db.prepare('SELECT device FROM sync_peers WHERE headquarters = 1').pluck().get() as string;
    const schemaVersion = schema ?? databaseSchema(db, shippedMigrations(MIGRATIONS)).version!;
    const batch = exportBatch(db, parcoursRules, hq);
    const bytes = writeSyncFile({ batch, appVersion: version, schemaVersion }, keyOf(secret, device));
    return { file: { name: 'ancien.parcours-sync', contentBase64: bytes.toString('base64') } };
  } finally {
    db.close();
  }
}

describe('the history of exchanges', () => {
  it('lists each file applied or written, and what a laptop has not yet had received', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const device = gao.ok('sync.status', {}).device;
    expect(gao.ok('sync.status', {})).toMatchObject({ pending: 0, exchanges: [] });
    expect(hq.ok('sync.status', {}).pending).toBeNull();
    gao.ok('organisations.create', organisationInput({ name: 'Groupement de Tombouctou' }));
    const written = gao.ok('sync.status', {}).changes;
    expect(gao.ok('sync.status', {}).pending).toBe(written);

    const sent = gao.ok('sync.exportFile', {});
    const report = hq.ok('sync.importFile', asFile(sent));
    // Sent is not received: only headquarters' answer tells the laptop its changes arrived.
    expect(gao.ok('sync.status', {}).pending).toBe(written);
    gao.ok('sync.importFile', asFile(report.reply!));
    expect(gao.ok('sync.status', {}).pending).toBe(0);

    const atHq = hq.ok('sync.status', {});
    expect(
      atHq.exchanges.map(({ peer, direction, via, number, changes, summary }) => ({
        peer,
        direction,
        via,
        number,
        changes,
        summary,
      })),
    ).toEqual([
      // Headquarters' first batch for the laptop was its enrolment; the answer has nothing new for it.
      { peer: device, direction: 'sent', via: 'file', number: 2, changes: 0, summary: null },
      {
        peer: device,
        direction: 'received',
        via: 'file',
        number: 1,
        changes: report.received,
        summary: report.summary,
      },
    ]);
    expect(atHq.peers.find((p) => p.device === device)!.lastExchangeAt).toBe(NOW().toISOString());
    const onLaptop = gao.ok('sync.status', {});
    expect(onLaptop.exchanges.map((e) => [e.direction, e.via, e.number])).toEqual([
      ['received', 'file', 2],
      ['sent', 'file', 1],
    ]);
    expect(onLaptop.exchanges[0]!.summary).toMatch(/^\d+ modifications? reçues?|^Aucune/);
  });
});

describe('the minimum version headquarters requires', () => {
  it('refuses, in words, a file from an older Parcours, and is never above headquarters’ own', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    gao.ok('organisations.create', organisationInput({ name: 'Groupement de Tombouctou' }));
    expect(hq.ok('sync.status', {})).toMatchObject({ appVersion: APP_VERSION, minAppVersion: null });

    for (const version of ['1.2', 'v1.2.0', ' 1.2.0']) {
      const refused = hq.core.call('sync.setMinAppVersion', { version });
      expect(refused.ok, version).toBe(false);
      if (!refused.ok) expect(refused.error.issues?.[0]?.path).toEqual(['version']);
    }
    const above = hq.core.call('sync.setMinAppVersion', { version: '99.0.0' });
    expect(above.ok).toBe(false);
    if (!above.ok)
      expect(above.error.message).toBe(
        `Le siège est en version ${APP_VERSION} : il ne peut demander une version plus récente que la sienne.`,
      );
    expect(hq.ok('sync.status', {}).minAppVersion).toBeNull();
    const onLaptop = gao.core.call('sync.setMinAppVersion', { version: APP_VERSION });
    expect(onLaptop.ok).toBe(false);

    hq.ok('sync.setMinAppVersion', { version: APP_VERSION });
    const before = hq.ok('sync.status', {});
    const old = hq.core.call('sync.importFile', fileOfVersion(gao.core.databaseFile, '0.0.1'));
    expect(old.ok).toBe(false);
    if (!old.ok)
      expect(old.error.message).toBe(
        `Ce fichier vient d’une version trop ancienne de Parcours : le siège demande au moins la version ${APP_VERSION}. Mettez Parcours à jour sur le poste qui l’a produit.`,
      );
    expect(hq.ok('sync.status', {})).toEqual(before);
    // A laptop at the version asked for goes through; null accepts every version again.
    expect(hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {}))).received).toBeGreaterThan(0);
    hq.ok('sync.setMinAppVersion', { version: null });
    expect(hq.ok('sync.status', {}).minAppVersion).toBeNull();
  });
});

describe('a file from an older schema', () => {
  it('is applied at headquarters, its changes brought to this schema first', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const { id } = gao.ok('organisations.create', organisationInput({ name: 'Groupement de Tombouctou' }));
    // The first schema that captured changes: every migration since only added to it.
    const old = fileOfVersion(gao.core.databaseFile, APP_VERSION, '0010_sync_capture');
    expect(hq.ok('sync.importFile', old).received).toBeGreaterThan(0);
    expect(hq.ok('organisations.get', { id }).name).toBe('Groupement de Tombouctou');
  });

  it('runs each step whose migration the sender lacked, in order, and no other', () => {
    const change = (field: string, value: string): Change => ({
      id: 'gao:1',
      device: 'gao',
      seq: 1,
      table: 'participants',
      recordId: 'p1',
      field,
      value,
      author: 'u1',
      at: '2026-01-01T00:00:00.000Z-0000-gao',
      supersedes: [],
    });
    const batch = (c: Change): Batch => ({
      format: 1,
      sender: 'gao',
      receiver: 'hq',
      number: 1,
      lastSeq: 1,
      holds: {},
      changes: [c],
    });
    const steps: Upgrade[] = [
      { schema: '0016_phone', change: (c) => (c.field === 'tel' ? { ...c, field: 'phone' } : c) },
      {
        schema: '0017_phone_digits',
        change: (c) => (c.field === 'phone' ? { ...c, value: String(c.value).replace(/\D/g, '') } : c),
      },
    ];
    const [fromOld] = upgradeBatch(batch(change('tel', '66 12 34 56')), '0015_sync_claims', steps).changes;
    expect(fromOld).toMatchObject({ field: 'phone', value: '66123456' });
    const [fromMiddle] = upgradeBatch(batch(change('phone', '66 12')), '0016_phone', steps).changes;
    expect(fromMiddle).toMatchObject({ field: 'phone', value: '6612' });
    const current = batch(change('phone', '66 12'));
    expect(upgradeBatch(current, '0017_phone_digits', steps)).toBe(current);
    expect(upgradeBatch(current, '0015_sync_claims')).toBe(current);
  });
});

describe('deciding at headquarters', () => {
  it('keeps the value an administrator chooses, on headquarters and, with the next file, on the laptop', async () => {
    const { hq, gao, awa, report } = await phoneConflict();
    gao.ok('sync.importFile', asFile(report.reply!));
    const [conflict] = hq.ok('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'field', table: 'participants', recordId: awa, field: 'phone' });
    expect(conflict!.record).toBe(
      `${hq.ok('participants.get', { id: awa }).firstName} ${hq.ok('participants.get', { id: awa }).lastName}`,
    );
    expect(conflict!.versions.map((v) => [v.value, v.device])).toEqual([
      ['76 11 11 11', 'siège'],
      ['66 22 22 22', 'poste de Gao'],
    ]);
    expect(gao.ok('sync.conflicts', {})).toHaveLength(1);

    expect(hq.ok('sync.resolveConflict', { ...decision(conflict!), value: '66 22 22 22' })).toEqual({
      remaining: 0,
    });
    expect(hq.ok('participants.get', { id: awa }).phone).toBe('66 22 22 22');
    // The folded phone digits follow the value kept.
    const db = new Database(hq.core.databaseFile, { readonly: true });
    expect(db.prepare('SELECT phone_digits FROM participants WHERE id = ?').pluck().get(awa)).toBe(
      '66222222',
    );
    db.close();
    expect(hq.ok('sync.status', {}).conflicts).toBe(0);

    const back = gao.ok(
      'sync.importFile',
      asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })),
    );
    expect(back.conflicts).toBe(0);
    expect(gao.ok('participants.get', { id: awa }).phone).toBe('66 22 22 22');
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    // Decided once: the same decision again is refused in words.
    const again = hq.core.call('sync.resolveConflict', { ...decision(conflict!), value: '76 11 11 11' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toBe('Ce conflit a déjà été décidé (ou n’existe plus).');
  });

  it('keeps a third value typed by the administrator, and refuses one of another kind without writing', async () => {
    const { hq, awa } = await phoneConflict();
    const [conflict] = hq.ok('sync.conflicts', {});
    const before = hq.ok('sync.status', {});
    for (const value of [12, '   ', true]) {
      const refused = hq.core.call('sync.resolveConflict', { ...decision(conflict!), value });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.issues?.[0]?.path).toEqual(['value']);
    }
    expect(hq.ok('sync.status', {})).toEqual(before);
    hq.ok('sync.resolveConflict', { ...decision(conflict!), value: '70 00 00 00' });
    expect(hq.ok('participants.get', { id: awa }).phone).toBe('70 00 00 00');
    expect(hq.ok('sync.conflicts', {})).toEqual([]);
  });

  it('restores a record deleted at headquarters with the laptop’s edit, when the administrator says so', async () => {
    const hq = programme();
    const organisation = hq.ok('organisations.list', {}).items[0]!;
    const fields = { number: 'APO-GAO-1', signedOn: '2024-01-05', durationMonths: 12, amountFcfa: 1_000_000 };
    const agreement = hq.ok('agreements.create', { organisationId: organisation.id, fields });
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    hq.ok('agreements.remove', { id: agreement.id });
    gao.ok('agreements.update', { id: agreement.id, fields: { ...fields, amountFcfa: 1_250_000 } });
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    const [conflict] = hq.ok('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'deletedEdited', record: 'APO-GAO-1', field: '_deleted' });
    expect(conflict!.edits.map((e) => [e.field, e.value])).toEqual([['amount_fcfa', 1_250_000]]);

    hq.ok('sync.resolveConflict', { ...decision(conflict!), value: false });
    expect(hq.ok('agreements.list', {}).items.find((a) => a.id === agreement.id)?.amountFcfa).toBe(1_250_000);
    expect(hq.ok('sync.conflicts', {})).toEqual([]);
    gao.ok('sync.importFile', asFile(report.reply!));
    gao.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })));
    expect(gao.ok('agreements.list', {}).items.map((a) => a.id)).toContain(agreement.id);
    expect(gao.ok('sync.status', {}).conflicts).toBe(0);
  });

  it('releases or refuses a record kept in quarantine; a refusal brings the laptop back in line', async () => {
    const hq = programme();
    const { kidal } = await trainerLaptop(hq);
    const [a, b] = ['A', 'B'].map((name) =>
      kidal.ok('organisations.list', {}).items.find((o) => o.name === name)!,
    );
    for (const org of [a!, b!])
      kidal.ok('organisations.update', {
        id: org.id,
        fields: organisationInput({ name: org.name, acronym: `${org.name}-KIDAL` }),
      });
    const report = hq.ok('sync.importFile', asFile(kidal.ok('sync.exportFile', {})));
    expect(report.quarantined).toBeGreaterThanOrEqual(2);
    const held = hq.ok('sync.quarantine', {});
    // This test's calls on the laptop are in-process, without an account: their author is Parcours.
    expect(held.map((q) => [q.record, q.sender, q.author])).toEqual([
      ['A', 'poste de Kidal', 'Parcours'],
      ['B', 'poste de Kidal', 'Parcours'],
    ]);
    expect(held[0]!.changes).toContainEqual({ field: 'acronym', value: 'A-KIDAL' });

    expect(hq.ok('sync.releaseQuarantined', { table: 'organisations', recordId: a!.id })).toEqual({
      remaining: 1,
    });
    expect(hq.ok('organisations.get', { id: a!.id }).acronym).toBe('A-KIDAL');
    const acronymOfB = hq.ok('organisations.get', { id: b!.id }).acronym;
    expect(hq.ok('sync.rejectQuarantined', { table: 'organisations', recordId: b!.id })).toEqual({
      remaining: 0,
    });
    expect(hq.ok('organisations.get', { id: b!.id }).acronym).toBe(acronymOfB);
    expect(hq.ok('sync.status', {})).toMatchObject({ quarantined: 0, conflicts: 0 });

    kidal.ok('sync.importFile', asFile(report.reply!));
    kidal.ok(
      'sync.importFile',
      asFile(hq.ok('sync.exportFile', { device: kidal.ok('sync.status', {}).device })),
    );
    expect(kidal.ok('organisations.get', { id: a!.id }).acronym).toBe('A-KIDAL');
    expect(kidal.ok('organisations.get', { id: b!.id }).acronym).toBe(acronymOfB);
    expect(kidal.ok('sync.status', {}).conflicts).toBe(0);
  });
});

describe('a laptop enrolled from its first page', () => {
  it('becomes the laptop of its enrolment where the core first opened, and only on a first start', async () => {
    const hq = programme();
    const { trainerId } = await trainerLaptop(hq);
    const enrolled = hq.ok('sync.enrolLaptop', { userId: trainerId, label: 'second poste de Kidal' });
    const file = { name: enrolled.file.fileName, contentBase64: enrolled.file.dataBase64 };
    const fresh = openTestCore({ now: NOW });
    const anonymous = (method: string, input: unknown) =>
      fresh.core.request(method, input, { session: null });

    const wrong = await anonymous('sync.enrolHere', { file, code: 'AAAA-BBBB-CCCC' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Code d’inscription incorrect') },
    });
    expect(await anonymous('sync.enrolHere', { file, code: enrolled.code })).toMatchObject({
      ok: true,
      value: { device: enrolled.device },
    });
    expect(fresh.ok('sync.status', {})).toMatchObject({ role: 'field', device: enrolled.device });
    expect(fresh.ok('organisations.list', {}).items).toHaveLength(
      hq.ok('organisations.list', {}).items.length,
    );
    expect(fresh.ok('grids.current', {}).id).toBe(hq.ok('grids.current', {}).id);
    expect(await anonymous('auth.signIn', { login: 'kidal', password: 'mot-de-passe-solide' })).toMatchObject(
      {
        ok: true,
      },
    );
    // Its data now hold an account: never replaced again.
    expect(await anonymous('sync.enrolHere', { file, code: enrolled.code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('contient déjà des données') },
    });
  });
});

describe('a trainer taken off a pathway', () => {
  it('loses it from the laptop with its next file, and nothing is deleted at headquarters', async () => {
    const hq = programme();
    const { kidal, trainerId } = await trainerLaptop(hq);
    const session = kidal.ok('sessions.list', {}).items.find((s) => s.title === 'Session 1')!;
    const full = kidal.ok('sessions.get', { id: session.id });
    expect(kidal.ok('pathways.list', {})).toHaveLength(1);
    const before = seen(hq.ok);

    hq.ok('users.update', {
      id: trainerId,
      fields: { name: 'Formatrice Kidal', role: 'trainer', pathwayIds: [] },
    });
    const device = kidal.ok('sync.status', {}).device;
    kidal.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device })));
    expect(kidal.ok('pathways.list', {})).toEqual([]);
    expect(kidal.ok('sessions.list', {}).items.map((s) => s.id)).not.toContain(session.id);
    // The people of that pathway only are gone too; the reference data stays.
    expect(kidal.ok('participants.list', {}).items.map((p) => p.firstName)).not.toContain('Issa');
    expect(kidal.ok('organisations.list', {}).items).toHaveLength(
      hq.ok('organisations.list', {}).items.length,
    );
    expect(summariesAreRecomputed(kidal.core)).toBe(0);

    // Nothing of it travels back as a deletion: headquarters keeps the whole programme.
    const report = hq.ok('sync.importFile', asFile(kidal.ok('sync.exportFile', {})));
    expect(report).toMatchObject({ received: 0, quarantined: 0, conflicts: 0, gaps: [] });
    expect({ ...seen(hq.ok), figures: undefined }).toEqual({ ...before, figures: undefined });
    expect(hq.ok('sessions.get', { id: session.id }).attendance).toHaveLength(full.attendance.length);

    // Given the pathway back, the laptop receives it again whole.
    hq.ok('users.update', {
      id: trainerId,
      fields: { name: 'Formatrice Kidal', role: 'trainer', pathwayIds: [hq.pathway.id] },
    });
    kidal.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device })));
    expect(kidal.ok('sessions.get', { id: session.id }).attendance).toHaveLength(full.attendance.length);
  });
  it('keeps on the laptop what its own marks not yet sent need, and they reach headquarters’ quarantine', async () => {
    const hq = programme();
    const { kidal, trainerId } = await trainerLaptop(hq);
    const session = kidal.ok('sessions.list', {}).items.find((s) => s.title === 'Session 1')!;
    const full = kidal.ok('sessions.get', { id: session.id });
    const awa = full.participants.find((p) => p.firstName === 'Awa')!;
    kidal.ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: [{ dayId: full.days[1]!.id, participantId: awa.id, status: 'late' }],
    });
    hq.ok('users.update', {
      id: trainerId,
      fields: { name: 'Formatrice Kidal', role: 'trainer', pathwayIds: [] },
    });
    kidal.ok(
      'sync.importFile',
      asFile(hq.ok('sync.exportFile', { device: kidal.ok('sync.status', {}).device })),
    );
    expect(kidal.ok('sessions.get', { id: session.id }).attendance).toContainEqual(
      expect.objectContaining({ participantId: awa.id, status: 'late' }),
    );
    // No longer the trainer's pathway: headquarters keeps the mark aside for the administrator.
    const report = hq.ok('sync.importFile', asFile(kidal.ok('sync.exportFile', {})));
    expect(report.quarantined).toBeGreaterThan(0);
    const [waiting] = hq.ok('sync.quarantine', {});
    hq.ok('sync.releaseQuarantined', { table: waiting!.table, recordId: waiting!.recordId });
    expect(hq.ok('sessions.get', { id: session.id }).attendance).toContainEqual({
      dayId: full.days[1]!.id,
      participantId: awa.id,
      status: 'late',
    });
  });
});

describe('reports while a conflict is not decided', () => {
  it('say their figures are provisional, on the screen, in the PDF and in the XLSX, until it is decided', async () => {
    const { hq, awa } = await phoneConflict();
    const request = { kind: 'quarterly' as const, year: 2024, quarter: 3 as const, filters: {} };
    const warning = '1 conflit de synchronisation non tranché touche les données de ce rapport';
    expect(hq.ok('reports.get', { request }).warning).toContain(warning);
    expect((await pdfText(hq.core, request)).pages[0]).toContain(warning);
    const { book } = await workbook(hq.core, request);
    expect(rowsOf(book.getWorksheet('Synthèse')!).flat().join('\n')).toContain(warning);
    const [conflict] = hq.ok('sync.conflicts', {});
    hq.ok('sync.resolveConflict', { ...decision(conflict!), value: '66 22 22 22' });
    expect(hq.ok('participants.get', { id: awa }).phone).toBe('66 22 22 22');
    expect(hq.ok('reports.get', { request }).warning).toBeNull();
  });
});

describe('a laptop restored from its backup', () => {
  it('goes on numbering its changes, and gets back from headquarters what it had sent since', async () => {
    const { hq, gao, awa, report } = await phoneConflict();
    gao.ok('sync.importFile', asFile(report.reply!));
    const backup = await gao.core.request('backups.create', {});
    if (!backup.ok) throw new Error(JSON.stringify(backup.error));
    const organisation = gao.ok('organisations.list', {}).items.find((o) => o.name === 'B')!;
    const fatou = gao.ok('participants.create', {
      fields: { organisationId: organisation.id, firstName: 'Fatou', lastName: 'Traoré', sex: 'F' },
      confirmedNotDuplicate: true,
    });
    hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    const changes = gao.ok('sync.status', {}).changes;

    const restored = await gao.core.request('backups.restore', {
      source: { from: 'backup', id: (backup.value as Output<'backups.create'>).id },
    });
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    expect(gao.ok('participants.list', { search: 'fatou' }).items).toEqual([]);

    // A write after the restore takes a new seq: headquarters applies it, refusing nothing.
    gao.ok('organisations.update', {
      id: organisation.id,
      fields: organisationInput({ name: 'B', acronym: 'B-GAO' }),
    });
    const after = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    expect(after.received).toBeGreaterThan(0);
    expect(hq.ok('organisations.get', { id: organisation.id }).acronym).toBe('B-GAO');
    // Headquarters' answer brings back Fatou, sent before the restore and lost by it.
    gao.ok('sync.importFile', asFile(after.reply!));
    expect(gao.ok('participants.list', { search: 'fatou' }).items.map((p) => p.id)).toEqual([fatou.id]);
    expect(gao.ok('sync.status', {}).changes).toBeGreaterThan(changes);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(hq.ok('sync.status', {}).gaps).toEqual([]);
    expect(gao.ok('participants.get', { id: awa }).phone).toBe('76 11 11 11');
  });
});

describe('a mark on a session day deleted elsewhere', () => {
  /** A session of two days, its second day removed at headquarters while the laptop marks it. */
  async function markOnDeletedDay() {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const session = hq.ok('sessions.list', {}).items.find((s) => s.title === 'Session 2')!;
    const full = hq.ok('sessions.get', { id: session.id });
    const fields = sessionFields(full);
    hq.ok('sessions.update', {
      id: session.id,
      fields: {
        ...fields,
        days: [...full.days.map(dayInput), { ...dayInput(full.days[0]!), id: undefined, date: '2024-07-19' }],
      },
    });
    const added = hq.ok('sessions.get', { id: session.id }).days.find((d) => d.date === '2024-07-19')!;
    gao.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })));
    // Headquarters takes the day away again; the laptop, not knowing, marks the register on it.
    hq.ok('sessions.update', { id: session.id, fields: { ...fields, days: full.days.map(dayInput) } });
    gao.ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: full.participants.map((p) => ({
        dayId: added.id,
        participantId: p.id,
        status: 'present' as const,
      })),
    });
    return { hq, gao, session, added, marks: full.participants.length };
  }

  it('is applied at headquarters as a conflict, the marks kept aside, not written on a day that is gone', async () => {
    const { hq, gao, session, added, marks } = await markOnDeletedDay();
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    expect(report.received).toBeGreaterThan(0);
    expect(hq.ok('sessions.get', { id: session.id }).days.map((d) => d.id)).not.toContain(added.id);
    const orphans = hq.ok('sync.conflicts', {}).filter((c) => c.kind === 'orphan');
    expect(orphans).toHaveLength(marks);
    expect(report.conflicts).toBe(marks);
    expect(summariesAreRecomputed(hq.core)).toBe(0);
    // Headquarters' answer takes the day away on the laptop too, and keeps its marks aside there.
    gao.ok('sync.importFile', asFile(report.reply!));
    expect(gao.ok('sessions.get', { id: session.id }).days.map((d) => d.id)).not.toContain(added.id);
    expect(gao.ok('sync.status', {}).conflicts).toBe(marks);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
  });

  it('is decided at headquarters by giving the day back, with every mark on it, and the decision reaches the laptop', async () => {
    const { hq, gao, session, added, marks } = await markOnDeletedDay();
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    gao.ok('sync.importFile', asFile(report.reply!));
    const [first, ...others] = hq.ok('sync.conflicts', {}).filter((c) => c.kind === 'orphan');
    // The day given back: every mark on it stands again.
    expect(hq.ok('sync.resolveConflict', { ...decision(first!), value: false }).remaining).toBe(0);
    expect(others).toHaveLength(marks - 1);
    const day = hq.ok('sessions.get', { id: session.id }).days.find((d) => d.id === added.id);
    expect(day).toBeDefined();
    expect(
      hq.ok('sessions.get', { id: session.id }).attendance.filter((a) => a.dayId === added.id),
    ).toHaveLength(marks);
    gao.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })));
    expect(gao.ok('sync.status', {}).conflicts).toBe(0);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(summariesAreRecomputed(gao.core)).toBe(0);
  });

  it('is decided at headquarters by letting each mark go, the day staying deleted, on the laptop too', async () => {
    const { hq, gao, session, added, marks } = await markOnDeletedDay();
    const report = hq.ok('sync.importFile', asFile(gao.ok('sync.exportFile', {})));
    gao.ok('sync.importFile', asFile(report.reply!));
    const orphans = hq.ok('sync.conflicts', {}).filter((c) => c.kind === 'orphan');
    expect(orphans[0]).toMatchObject({ parent: expect.stringMatching(/^la journée du 19\/07\/2024$/) });
    orphans.forEach((o, i) =>
      expect(hq.ok('sync.resolveConflict', { ...decision(o), value: true }).remaining).toBe(marks - i - 1),
    );
    expect(hq.ok('sessions.get', { id: session.id }).days.map((d) => d.id)).not.toContain(added.id);
    gao.ok('sync.importFile', asFile(hq.ok('sync.exportFile', { device: gao.ok('sync.status', {}).device })));
    expect(gao.ok('sync.status', {}).conflicts).toBe(0);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(summariesAreRecomputed(hq.core)).toBe(0);
  });
});

describe('documents', () => {
  it('travel by their content: a module’s material to a trainer’s laptop, a follow-up’s attachment back', async () => {
    const hq = programme();
    const module = hq.ok('modules.create', { title: 'Gestion financière', durationHours: 12 });
    const guide = Buffer.from('%PDF-1.4 guide du formateur');
    hq.ok('modules.attachMaterial', {
      id: module.id,
      document: { name: 'guide.pdf', mimeType: 'application/pdf', contentBase64: guide.toString('base64') },
    });
    const { kidal } = await trainerLaptop(hq);
    const [material] = kidal.ok('modules.get', { id: module.id }).materials;
    expect(Buffer.from(kidal.ok('documents.get', { id: material!.id }).contentBase64, 'base64')).toEqual(
      guide,
    );

    // A follow-up of the trainer's pathway, recorded on the laptop with a photo of the evidence.
    const due = kidal
      .ok('followUps.list', { view: 'all', pageSize: 100 })
      .items.find((f) => f.status !== 'done')!;
    const photo = Buffer.from('JFIF photo du plan de travail');
    kidal.ok('followUps.record', {
      id: due.id,
      doneOn: '2024-07-18',
      method: 'visit',
      skillsApplied: 'fully',
      attachments: [{ name: 'plan.jpg', mimeType: 'image/jpeg', contentBase64: photo.toString('base64') }],
    });
    const report = hq.ok('sync.importFile', asFile(kidal.ok('sync.exportFile', {})));
    expect(report).toMatchObject({ quarantined: 0, conflicts: 0 });
    const [attachment] = hq.ok('followUps.get', { id: due.id }).attachments;
    expect(Buffer.from(hq.ok('documents.get', { id: attachment!.id }).contentBase64, 'base64')).toEqual(
      photo,
    );
    // Sent once: headquarters' answer does not carry the photo back, nor the guide again.
    const back = kidal.ok('sync.importFile', asFile(report.reply!));
    expect(back.received).toBe(0);
    expect(Buffer.from(report.reply!.dataBase64, 'base64').length).toBeLessThan(photo.length + 2000);
  });
});
