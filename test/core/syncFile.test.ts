// The `.parcours-sync` container and the enrolment file: round trips and every refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeId, type Change } from '../../src-main/core/sync/change';
import {
  enrolmentCode,
  newSecret,
  readEnrolmentFile,
  writeEnrolmentFile,
} from '../../src-main/core/sync/enrolment';
import {
  deviceKey,
  FILE_FORMAT,
  MAGIC,
  messages,
  readSyncFile,
  seal,
  writeSyncFile,
} from '../../src-main/core/sync/file';
import {
  createReplica,
  exportBatch,
  write,
  type Batch,
  type Installation,
} from '../../src-main/core/sync/replica';
import { parcoursRules } from '../../src-main/core/sync/scope';
import { realisticChanges } from '../fixtures/syncChanges';

const HQ: Installation = { device: 'hq', user: 'u-admin', role: 'admin', label: 'siège' };
const GAO: Installation = { device: 'gao', user: 'u-gao', role: 'trainer', label: 'poste de Gao' };
const secret = Buffer.from(newSecret(), 'base64');
const key = deviceKey(secret, 'gao');
const expectedAtHq = { device: 'hq', appVersion: '0.1.0', schemaVersion: '0007_sync' };
const meta = { appVersion: '0.1.0', schemaVersion: '0007_sync' };

function gaoBatch(): Batch {
  const out = write(createReplica(GAO, [HQ]), GAO.user, Date.UTC(2026, 10, 2, 8), [
    { table: 'participants', recordId: 'p1', set: { name: 'Aminata Traoré', phone: '+223 70 00 00 00' } },
  ]);
  return exportBatch(out.replica, parcoursRules(HQ.device), 'hq').batch;
}

function flip(file: Buffer, i: number): Buffer {
  const bad = Buffer.from(file);
  bad.writeUInt8(bad.readUInt8(i) ^ 0x01, i);
  return bad;
}

const refused = (f: () => unknown, message: string) => expect(f).toThrow(message);

describe('the .parcours-sync file', () => {
  const doc = Buffer.from('%PDF-1.4 attestation');
  const file = writeSyncFile({ batch: gaoBatch(), documents: [doc, Buffer.from(doc)], ...meta }, key);

  it('round-trips a batch produced by the engine, documents once by hash', () => {
    expect(file.subarray(0, MAGIC.length).toString('latin1')).toBe('PARCOURS-SYNC\n');
    const out = readSyncFile(file, key, expectedAtHq);
    expect(out.batch).toEqual(gaoBatch());
    expect(out.documents.size).toBe(1);
    expect([...out.documents.values()][0]).toEqual(doc);
    expect(out.manifest).toMatchObject({
      format: FILE_FORMAT,
      sender: 'gao',
      receiver: 'hq',
      number: 1,
      seqRange: [1, 2],
    });
    expect(out.manifest.counts).toEqual({ changes: 2, documents: 1 });
  });

  it('refuses a file with any one byte flipped', () => {
    for (let i = 0; i < file.length; i++) {
      expect(() => readSyncFile(flip(file, i), key, expectedAtHq), `byte ${i}`).toThrow();
    }
    refused(() => readSyncFile(flip(file, file.length - 30), key, expectedAtHq), messages.altered);
  });

  it('refuses a truncated, empty or foreign file', () => {
    for (const n of [file.length - 1, Math.floor(file.length / 2), 40])
      refused(
        () => readSyncFile(file.subarray(0, n), key, expectedAtHq),
        n < 60 ? messages.truncated : messages.altered,
      );
    refused(() => readSyncFile(Buffer.alloc(0), key, expectedAtHq), messages.empty);
    refused(() => readSyncFile(Buffer.from('%PDF-1.4 hello'), key, expectedAtHq), messages.notParcours);
  });

  it('refuses a file sealed for another laptop or addressed to another installation', () => {
    refused(() => readSyncFile(file, deviceKey(secret, 'bko'), expectedAtHq), messages.otherDevice);
    refused(() => readSyncFile(file, key, { ...expectedAtHq, device: 'bko' }), messages.otherDevice);
  });

  it('refuses a newer format, a newer schema, an app below the minimum', () => {
    const newer = Buffer.from(file);
    newer.writeUInt16BE(FILE_FORMAT + 1, MAGIC.length);
    refused(() => readSyncFile(newer, key, expectedAtHq), messages.newer);
    refused(() => readSyncFile(file, key, { ...expectedAtHq, schemaVersion: '0006_docs' }), messages.newer);
    refused(
      () => readSyncFile(file, key, { ...expectedAtHq, minAppVersion: '0.2.0' }),
      'au moins la version 0.2.0',
    );
    expect(readSyncFile(file, key, { ...expectedAtHq, minAppVersion: '0.1.0' }).batch.changes).toHaveLength(
      2,
    );
  });

  it('refuses a payload whose checksums disagree even under the right key', () => {
    const good = readSyncFile(file, key, expectedAtHq);
    const forged = {
      manifest: good.manifest,
      batch: JSON.stringify({ ...good.batch, changes: [] }),
      documents: {},
    };
    refused(() => readSyncFile(seal('batch', forged, key), key, expectedAtHq), messages.altered);
  });

  it('any batch round-trips', () => {
    const change = fc.record({
      seq: fc.integer({ min: 1, max: 1e6 }),
      table: fc.constantFrom('participants', 'sessions', 'payments'),
      recordId: fc.string({ minLength: 1, maxLength: 20 }),
      field: fc.string({ minLength: 1, maxLength: 20 }),
      value: fc.oneof(
        fc.constant(null),
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 30 }),
        fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 3 }),
        (cs, docs) => {
          const changes: Change[] = cs.map((c) => ({
            ...c,
            id: changeId('gao', c.seq),
            device: 'gao',
            author: 'u-gao',
            at: '0001',
            supersedes: [],
          }));
          const batch: Batch = {
            format: 1,
            sender: 'gao',
            receiver: 'hq',
            number: 3,
            lastSeq: 9,
            holds: { gao: [[1, 9]] },
            changes,
          };
          const out = readSyncFile(
            writeSyncFile({ batch, documents: docs.map((d) => Buffer.from(d)), ...meta }, key),
            key,
            expectedAtHq,
          );
          expect(out.batch).toEqual(JSON.parse(JSON.stringify(batch)));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('measures bytes per change for 10 000 realistic changes', () => {
    const changes = realisticChanges(10_000);
    const batch: Batch = {
      format: 1,
      sender: 'gao',
      receiver: 'hq',
      number: 1,
      lastSeq: 10_000,
      holds: { gao: [[1, 10_000]] },
      changes,
    };
    const f = writeSyncFile({ batch, ...meta }, key);
    console.log(
      `.parcours-sync: ${(f.length / changes.length).toFixed(1)} bytes per change (10 000 changes, ${f.length} bytes)`,
    );
    expect(readSyncFile(f, key, expectedAtHq).batch.changes).toHaveLength(10_000);
    expect(f.length / changes.length).toBeLessThan(100);
  });
});

describe('the enrolment file', () => {
  it('opens with the code read aloud, and only with it', () => {
    const code = enrolmentCode();
    const enrolment = {
      device: 'gao',
      account: 'u-gao',
      role: 'trainer',
      passwordHash: 'scrypt$hash',
      secret: newSecret(),
      headquarters: 'hq',
      scope: { account: 'u-gao' },
      ...meta,
      firstBatch: gaoBatch(),
    };
    const file = writeEnrolmentFile(enrolment, code);
    expect(readEnrolmentFile(file, code.toLowerCase().replace(/-/g, ' '))).toEqual(enrolment);
    expect(() => readEnrolmentFile(file, enrolmentCode())).toThrow('Code d’inscription incorrect');
    expect(() => readEnrolmentFile(flip(file, file.length - 20), code)).toThrow(messages.altered);
    expect(() => readSyncFile(file, key, expectedAtHq)).toThrow(messages.wrongKind);
  });
});
