// « Synchroniser maintenant » over loopback: headquarters' network server (web/syncServer.ts) in
// front of a real core, a laptop's real core calling it through a relay that cuts the link when
// told. The files are the same as by USB stick; a cut mid-way resumes without losing or repeating.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import type { Output } from '../../src-main/core/methods';
import { networkToken } from '../../src-main/core/sync/network';
import { startSyncServer, type SyncServer } from '../../src-main/web/syncServer';
import { organisationInput } from '../fixtures/core';
import { relay } from '../fixtures/relay';
import { adminAccount, laptop, seen, type Ok } from '../fixtures/laptops';
import { programme } from '../fixtures/smallProgramme';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(core: Core): Promise<SyncServer> {
  const server = await startSyncServer({ core, host: '127.0.0.1', port: 0 });
  servers.push(server);
  return server;
}

async function syncNow(core: Core) {
  return core.request('sync.syncNow', {}) as Promise<
    { ok: true; value: Output<'sync.syncNow'> } | { ok: false; error: { code: string; message: string } }
  >;
}

/** Organisations whose mandate does not compress: files of several pieces (256 KB each). */
function bulky(ok: Ok, count: number, prefix: string) {
  for (let i = 0; i < count; i++)
    ok('organisations.create', {
      ...organisationInput({ name: `${prefix} ${i}` }),
      mandate: crypto.randomBytes(2900).toString('base64').slice(0, 3900),
      keyFunctions: crypto.randomBytes(2900).toString('base64').slice(0, 3900),
    });
}

async function connected() {
  const hq = programme();
  const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
  const link = await relay((await serve(hq.core)).port);
  servers.push(link);
  gao.ok('sync.setHeadquartersUrl', { url: link.url });
  return { hq, gao, link };
}

describe('« Synchroniser maintenant » over the network', () => {
  it('sends the laptop’s work and brings back headquarters’, as a file would', async () => {
    const { hq, gao } = await connected();
    const organisation = gao.ok('organisations.list', {}).items.find((o) => o.name === 'B')!;
    gao.ok('participants.create', {
      fields: { organisationId: organisation.id, firstName: 'Fatou', lastName: 'Traoré', sex: 'F' },
      confirmedNotDuplicate: true,
    });
    hq.ok('organisations.update', {
      id: organisation.id,
      fields: organisationInput({ name: 'B', acronym: 'B-SIÈGE' }),
    });

    const result = await syncNow(gao.core);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sent.received).toBeGreaterThan(0);
    expect(result.value.sent.summary).toMatch(/modifications? reçues?/);
    expect(result.value.received.received).toBeGreaterThan(0);
    expect(hq.ok('participants.list', { search: 'fatou' }).items).toHaveLength(1);
    expect(gao.ok('organisations.get', { id: organisation.id }).acronym).toBe('B-SIÈGE');
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(gao.ok('sync.status', {}).interruptedTransfer).toBeNull();
    expect(gao.ok('sync.status', {}).pending).toBe(0);
    // Both histories say it went over the network, with what each side received.
    const way = (ok: typeof gao.ok) =>
      ok('sync.status', {}).exchanges.map((e) => [e.direction, e.via, e.summary]);
    expect(way(gao.ok)).toEqual([
      ['received', 'network', result.value.received.summary],
      ['sent', 'network', null],
    ]);
    expect(way(hq.ok)).toEqual([
      ['sent', 'network', null],
      ['received', 'network', result.value.sent.summary],
    ]);

    // Nothing new on either side: a second exchange brings nothing and repeats nothing.
    const again = await syncNow(gao.core);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.sent.received).toBe(0);
    expect(again.value.received.received).toBe(0);
  });

  it('goes on by itself when the link drops once in the middle of the file', async () => {
    const { hq, gao, link } = await connected();
    bulky(gao.ok, 100, 'Coopérative de Gao');
    link.state.cutUpAt = 300_000;
    const result = await syncNow(gao.core);
    if (!result.ok) throw new Error(result.error.message);
    expect(link.state.cuts).toBe(1);
    expect(result.value.sent.received).toBeGreaterThan(100);
    expect(hq.ok('organisations.list', { search: 'Coopérative de Gao' }).total).toBe(100);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
  }, 30_000);

  it('after a long cut, says how far it went, and resumes there without sending the file again', async () => {
    const { hq, gao, link } = await connected();
    bulky(hq.ok, 100, 'Association de Bamako');
    gao.ok('participants.create', {
      fields: {
        organisationId: gao.ok('organisations.list', {}).items.find((o) => o.name === 'B')!.id,
        firstName: 'Kadidia',
        lastName: 'Sangaré',
        sex: 'F',
      },
      confirmedNotDuplicate: true,
    });
    // Headquarters' answer is cut after its first piece, and the link stays down.
    const cut = link.state;
    cut.cutDownAt = 300_000;
    cut.stayDown = true;
    const failed = await syncNow(gao.core);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('UNAVAILABLE');
    expect(failed.error.message).toMatch(
      /fichier envoyé et reçu par le siège ; réponse reçue à \d+ Ko sur \d+ Ko/,
    );
    // Headquarters applied the file; the laptop keeps its file and the answer's first piece.
    expect(hq.ok('participants.list', { search: 'kadidia' }).items).toHaveLength(1);
    expect(gao.ok('sync.status', {}).interruptedTransfer).toBeGreaterThan(0);

    cut.stayDown = cut.refused = false;
    const sentBefore = cut.up;
    const resumed = await syncNow(gao.core);
    if (!resumed.ok) throw new Error(resumed.error.message);
    // Only the calls for the answer's remaining pieces went up: not the file again.
    expect(cut.up - sentBefore).toBeLessThan(10_000);
    expect(resumed.value.sent.received).toBeGreaterThan(0);
    expect(gao.ok('organisations.list', { search: 'Association de Bamako' }).total).toBe(100);
    expect(seen(gao.ok)).toEqual(seen(hq.ok));
    expect(gao.ok('sync.status', {}).interruptedTransfer).toBeNull();
  }, 30_000);

  it('answers only a laptop that shows its token, and a laptop only once given an address', async () => {
    const hq = programme();
    const gao = laptop(hq.ok, await adminAccount(hq.core), 'poste de Gao');
    const server = await serve(hq.core);
    const device = gao.ok('sync.status', {}).device;
    const response = await fetch(`http://127.0.0.1:${server.port}/synchronisation/sendPiece`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        device,
        token: 'x',
        transfer: '0'.repeat(64),
        size: 10,
        offset: 0,
        pieceBase64: '',
      }),
    });
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('jeton refusé') },
    });
    // A known laptop whose piece disagrees with the file being received is told so, not « jeton refusé ».
    const db = new Database(hq.core.databaseFile, { readonly: true });
    const secret = db.prepare('SELECT secret FROM sync_peers WHERE device = ?').pluck().get(device) as string;
    db.close();
    const send = async (size: number) => {
      const piece = await fetch(`http://127.0.0.1:${server.port}/synchronisation/sendPiece`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          device,
          token: networkToken(secret, device),
          transfer: '1'.repeat(64),
          size,
          offset: 0,
          pieceBase64: Buffer.from('début').toString('base64'),
        }),
      });
      return piece.json();
    };
    expect(await send(100)).toMatchObject({ ok: true });
    expect(await send(101)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Ce morceau ne correspond pas au fichier que le siège reçoit déjà : synchronisez de nouveau.',
      },
    });
    const page = await fetch(`http://127.0.0.1:${server.port}/api/organisations.list`, { method: 'POST' });
    expect(page.status).toBe(404);

    const noAddress = await syncNow(gao.core);
    expect(noAddress).toMatchObject({
      ok: false,
      error: { message: 'Indiquez d’abord l’adresse du siège.' },
    });
    const refused = await gao.core.request('sync.setHeadquartersUrl', { url: 'siège' });
    expect(refused).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['url'], message: 'errors.headquartersUrl' }] },
    });
  });
});
