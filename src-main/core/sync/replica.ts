// The merge engine: one installation's synchronised state, as a pure value. Each field of each
// record is a multi-value register: its heads are the changes received for it that no received
// change supersedes. Writing, receiving a batch and exporting one return a new replica (or a
// refusal), never a half-changed one. The SQLite layer will keep the same structures in tables;
// the rules below are the ones it must follow.
import { z } from 'zod';
import { changeId, changeSchema, DELETED, recordKey, sameChange, type Change, type Value } from './change';
import { formatAt, observe, parseAt, startClock, tick, type Clock } from './clock';
import { addSeq, hasSeq, missing, removeSeq, union, type Ranges } from './ranges';

/** The version of the batch format this engine writes and reads. */
export const FORMAT = 1;

/** One installation of Parcours: its device id, the person it belongs to, and that person's role. */
export interface Installation {
  device: string;
  user: string;
  role: string;
  /** How people name it: « poste de Gao ». */
  label: string;
}

/** Read access to a replica's shown values, for scope and permission rules. */
export interface View {
  /** The shown value of a field, undefined when the field has no head. */
  value(table: string, recordId: string, field: string): Value | undefined;
  held(table: string, recordId: string): boolean;
  deleted(table: string, recordId: string): boolean;
  /** The records of `table` whose shown `field` equals `value`. */
  find(table: string, field: string, value: Value): string[];
}

export interface SyncRules {
  /** The device id of headquarters: its changes are shown first, it holds everything. */
  headquarters: string;
  /** Fields no two live records may share (agreement number, login), compared by `key` if given. */
  unique: { table: string; field: string; key?: (value: string) => string }[];
  /** Parent references: a live record pointing to a deleted parent is a conflict. */
  references: { table: string; field: string; target: string }[];
  /** Whether a record belongs on an installation (headquarters holds everything). */
  scope(installation: Installation, table: string, recordId: string, view: View): boolean;
  /** At headquarters, for each change arriving from a laptop: null, or why its sender may not make it. */
  permit(change: Change, sender: Installation, view: View): string | null;
  /** `table.field` that never leave headquarters (password hashes). */
  neverSent: string[];
  /**
   * Columns that record when a record was last written (`updated_at`), of any table: two values
   * are no decision for a person, the one shown by the order of heads stands.
   */
  bookkeeping?: string[];
}

export interface RecordState {
  table: string;
  recordId: string;
  changes: Map<string, Change>;
  /**
   * For each id superseded by a change of this record (received or not yet), the fields of the
   * changes that supersede it. Only a change of the same field takes a head away; a deletion's
   * list of other fields' heads says what it had seen (see `conflicts`).
   */
  superseded: Map<string, Set<string>>;
  heads: Map<string, Set<string>>;
}

export interface Peer {
  installation: Installation;
  /** What the peer said it holds, per device (its acknowledgement), from its latest batch. */
  holds: Map<string, Ranges>;
  lastBatchReceived: number;
  lastBatchSent: number;
}

export interface Quarantined {
  change: Change;
  sender: string;
  reason: string;
}

export interface Replica {
  self: Installation;
  clock: Clock;
  records: Map<string, RecordState>;
  /** Per device, the seqs held (applied or quarantined): what this installation acknowledges. */
  holds: Map<string, Ranges>;
  /** Per device, the last seq its sender said it wrote: the holes below are gaps. */
  announced: Map<string, number>;
  /** This installation's own changes, in seq order: kept whole for sending, whatever the scope. */
  log: Change[];
  /** The last own seq put in a batch by `export` in « new » mode. */
  exported: number;
  peers: Map<string, Peer>;
  quarantine: Map<string, Quarantined>;
}

export function createReplica(self: Installation, peers: Installation[] = []): Replica {
  return {
    self,
    clock: startClock,
    records: new Map(),
    holds: new Map(),
    announced: new Map(),
    log: [],
    exported: 0,
    peers: new Map(
      peers.map((p) => [
        p.device,
        { installation: p, holds: new Map(), lastBatchReceived: 0, lastBatchSent: 0 },
      ]),
    ),
    quarantine: new Map(),
  };
}

/** Headquarters enrols a laptop: from now on it accepts its batches and writes batches for it. */
export function enrol(replica: Replica, installation: Installation): Replica {
  const peers = new Map(replica.peers);
  peers.set(installation.device, { installation, holds: new Map(), lastBatchReceived: 0, lastBatchSent: 0 });
  return { ...replica, peers };
}

// ── Copy on write ─────────────────────────────────────────────────────────────────

/** A working copy: maps are copied once, a record the first time it is touched. */
class Draft {
  readonly r: Replica;
  private touched = new Set<string>();
  constructor(base: Replica) {
    this.r = {
      ...base,
      records: new Map(base.records),
      holds: new Map(base.holds),
      announced: new Map(base.announced),
      log: [...base.log],
      peers: new Map(base.peers),
      quarantine: new Map(base.quarantine),
    };
  }
  record(table: string, recordId: string): RecordState {
    const key = recordKey(table, recordId);
    const old = this.r.records.get(key);
    if (old && this.touched.has(key)) return old;
    const copy: RecordState = old
      ? {
          table,
          recordId,
          changes: new Map(old.changes),
          superseded: new Map([...old.superseded].map(([id, fields]) => [id, new Set(fields)])),
          heads: new Map([...old.heads].map(([f, ids]) => [f, new Set(ids)])),
        }
      : { table, recordId, changes: new Map(), superseded: new Map(), heads: new Map() };
    this.r.records.set(key, copy);
    this.touched.add(key);
    return copy;
  }
  hold(device: string, seq: number): void {
    this.r.holds.set(device, addSeq(this.r.holds.get(device) ?? [], seq));
  }
}

function apply(record: RecordState, c: Change): void {
  record.changes.set(c.id, c);
  for (const s of c.supersedes) {
    let fields = record.superseded.get(s);
    if (!fields) record.superseded.set(s, (fields = new Set()));
    fields.add(c.field);
    const old = record.changes.get(s);
    if (old?.field === c.field) record.heads.get(old.field)?.delete(s);
  }
  if (record.superseded.get(c.id)?.has(c.field)) return;
  let heads = record.heads.get(c.field);
  if (!heads) record.heads.set(c.field, (heads = new Set()));
  heads.add(c.id);
}

// ── Reading ───────────────────────────────────────────────────────────────────────

/**
 * The order of a field's heads; the first is shown until a person decides. Headquarters' change
 * first (the reference), then the latest clock, then the device id: the same on every installation.
 */
export function showOrder(headquarters: string): (a: Change, b: Change) => number {
  return (a, b) => {
    const hqA = a.device === headquarters;
    const hqB = b.device === headquarters;
    if (hqA !== hqB) return hqA ? -1 : 1;
    if (a.at !== b.at) return a.at > b.at ? -1 : 1;
    if (a.device !== b.device) return a.device < b.device ? -1 : 1;
    return a.seq - b.seq;
  };
}

/** A field's heads, shown one first. */
export function headsOf(record: RecordState, field: string, headquarters: string): Change[] {
  const ids = record.heads.get(field);
  if (!ids) return [];
  return [...ids].map((id) => record.changes.get(id)!).sort(showOrder(headquarters));
}

const shown = (record: RecordState, field: string, hq: string): Value | undefined =>
  headsOf(record, field, hq)[0]?.value;

export const isDeleted = (record: RecordState, hq: string): boolean => shown(record, DELETED, hq) === true;

/** The shown values of a record's fields (`_deleted` included when written). */
export function shownRecord(replica: Replica, rules: SyncRules, table: string, recordId: string) {
  const record = replica.records.get(recordKey(table, recordId));
  if (!record) return undefined;
  const fields: Record<string, Value> = {};
  for (const field of [...record.heads.keys()].sort()) {
    const value = shown(record, field, rules.headquarters);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/** A view over a replica that is still being written: `forget` drops the indexes of a table it changed. */
export function view(
  replica: Pick<Replica, 'records'>,
  rules: SyncRules,
): View & { forget(table: string): void } {
  const hq = rules.headquarters;
  const get = (table: string, recordId: string) => replica.records.get(recordKey(table, recordId));
  const indexes = new Map<string, Map<string, string[]>>();
  return {
    forget: (table) => {
      for (const name of indexes.keys()) if (name.startsWith(recordKey(table, ''))) indexes.delete(name);
    },
    value: (table, recordId, field) => {
      const r = get(table, recordId);
      return r && shown(r, field, hq);
    },
    held: (table, recordId) => get(table, recordId) !== undefined,
    deleted: (table, recordId) => {
      const r = get(table, recordId);
      return !!r && isDeleted(r, hq);
    },
    find: (table, field, value) => {
      const name = recordKey(table, field);
      let index = indexes.get(name);
      if (!index) {
        index = new Map();
        for (const r of replica.records.values()) {
          if (r.table !== table) continue;
          const v = JSON.stringify(shown(r, field, hq) ?? null);
          index.set(v, [...(index.get(v) ?? []), r.recordId]);
        }
        indexes.set(name, index);
      }
      return index.get(JSON.stringify(value)) ?? [];
    },
  };
}

// ── Writing ───────────────────────────────────────────────────────────────────────

/** A write as the capture sees it: fields set on a record, or the record deleted. */
export type Edit =
  | { table: string; recordId: string; set: Record<string, Value> }
  | { table: string; recordId: string; delete: true };

function writeOne(
  d: Draft,
  author: string,
  now: number,
  table: string,
  recordId: string,
  field: string,
  value: Value,
  supersedes: string[],
): Change {
  const r = d.r;
  r.clock = tick(r.clock, now);
  const seq = r.log.length + 1;
  const change: Change = {
    id: changeId(r.self.device, seq),
    device: r.self.device,
    seq,
    table,
    recordId,
    field,
    value,
    author,
    at: formatAt(r.clock),
    supersedes: [...supersedes].sort(),
  };
  r.log.push(change);
  d.hold(r.self.device, seq);
  apply(d.record(table, recordId), change);
  return change;
}

/**
 * Records the edits of one call as changes. Each supersedes the heads this installation holds for
 * its field: a resolution of a conflict is simply a write over its heads. A deletion lists the
 * heads of every field, i.e. what it had seen; the fields keep their values (scope, references and
 * history still read them), and `_deleted: false` over it restores the record.
 */
export function write(
  replica: Replica,
  author: string,
  now: number,
  edits: Edit[],
): { replica: Replica; changes: Change[] } {
  const d = new Draft(replica);
  const changes: Change[] = [];
  for (const edit of edits) {
    // Read from the draft: a later edit of the same call supersedes an earlier one.
    const record = d.r.records.get(recordKey(edit.table, edit.recordId));
    const headIds = (field: string) => [...(record?.heads.get(field) ?? [])];
    if ('delete' in edit) {
      const all = record ? [...record.heads.values()].flatMap((ids) => [...ids]) : [];
      changes.push(writeOne(d, author, now, edit.table, edit.recordId, DELETED, true, all));
    } else {
      for (const [field, value] of Object.entries(edit.set)) {
        changes.push(writeOne(d, author, now, edit.table, edit.recordId, field, value, headIds(field)));
      }
    }
  }
  return { replica: d.r, changes };
}

// ── Batches ───────────────────────────────────────────────────────────────────────

/** What travels in one file or one network exchange, before encryption. */
export interface Batch {
  format: number;
  sender: string;
  receiver: string;
  /** Per sender and receiver, from 1: a laptop skips a headquarters batch older than one it applied. */
  number: number;
  /** A laptop's last own seq (it sends its own changes only); null from headquarters (filtered). */
  lastSeq: number | null;
  /** What the sender holds, per device: the acknowledgement. */
  holds: Record<string, [number, number][]>;
  changes: Change[];
}

const rangesSchema = z.array(z.tuple([z.number().int().min(1), z.number().int().min(1)]));
export const batchSchema = z
  .object({
    format: z.literal(FORMAT),
    sender: z.string().min(1),
    receiver: z.string().min(1),
    number: z.number().int().min(1),
    lastSeq: z.number().int().min(0).nullable(),
    holds: z.record(z.string(), rangesSchema),
    changes: z.array(changeSchema),
  })
  .strict();

export type Refusal = {
  ok: false;
  code: 'VERSION' | 'MALFORMED' | 'UNKNOWN_SENDER' | 'WRONG_RECEIVER' | 'ALTERED';
  message: string;
};

export interface Gap {
  device: string;
  from: number;
  to: number;
  message: string;
}

export interface ReceiveReport {
  received: number;
  duplicates: number;
  quarantined: number;
  /** A headquarters batch older than one already applied: nothing in it was needed. */
  outdated: boolean;
  conflicts: number;
  gaps: Gap[];
  summary: string;
}

const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });

const isHq = (replica: Replica, rules: SyncRules) => replica.self.device === rules.headquarters;

/** The change already held under this id, wherever it is kept. */
function heldCopy(replica: Replica, c: Change): Change | undefined {
  if (c.device === replica.self.device) return replica.log[c.seq - 1];
  return (
    replica.records.get(recordKey(c.table, c.recordId))?.changes.get(c.id) ??
    replica.quarantine.get(c.id)?.change
  );
}

/** A batch read from a file: its format, its shape, its receiver. The first checks of every receiver. */
export function parseBatch(input: unknown, self: string): { ok: true; batch: Batch } | Refusal {
  const format = (input as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT)
    return refuse(
      'VERSION',
      'Ce fichier vient d’une version plus récente de Parcours : mettez Parcours à jour sur ce poste.',
    );
  const parsed = batchSchema.safeParse(input);
  if (!parsed.success)
    return refuse('MALFORMED', 'Ce fichier de synchronisation est illisible ou incomplet.');
  const batch = parsed.data as Batch;
  if (batch.receiver !== self) return refuse('WRONG_RECEIVER', 'Ce fichier est destiné à un autre poste.');
  return { ok: true, batch };
}

/**
 * Each change of a batch against the copy already held under its id (`held`), and what a sender
 * may carry: the batch's distinct changes, or why the whole file is refused.
 */
export function checkChanges(
  batch: Batch,
  self: string,
  fromHq: boolean,
  held: (c: Change) => Change | undefined,
  /** Whether a change of this installation's own, not held, was lost by a restore (headquarters brings it back). */
  lostOwn?: (c: Change) => boolean,
): { ok: true; changes: Map<string, Change> } | Refusal {
  const changes = new Map<string, Change>();
  for (const c of batch.changes) {
    const other = changes.get(c.id) ?? held(c);
    if (other && !sameChange(other, c))
      return refuse('ALTERED', `La modification ${c.id} diffère de celle déjà reçue : fichier refusé.`);
    if (c.device === self && !other && !(fromHq && lostOwn?.(c)))
      return refuse('ALTERED', `La modification ${c.id} se dit de ce poste, qui ne l’a pas écrite.`);
    if (!fromHq && c.device !== batch.sender)
      return refuse('ALTERED', `Un poste ne transmet que ses propres modifications (${c.id}).`);
    if (!parseAt(c.at)) return refuse('MALFORMED', `Heure illisible dans la modification ${c.id}.`);
    changes.set(c.id, c);
  }
  if (
    batch.lastSeq !== null &&
    batch.changes.some((c) => c.device === batch.sender && c.seq > batch.lastSeq!)
  )
    return refuse('ALTERED', 'Le fichier annonce moins de modifications qu’il n’en contient.');
  return { ok: true, changes };
}

/**
 * Applies a batch, all or nothing. Receiving the same change twice does nothing; at headquarters
 * the result depends only on the set of changes received, not on their order.
 */
export function receive(
  replica: Replica,
  rules: SyncRules,
  input: unknown,
): { ok: true; replica: Replica; report: ReceiveReport } | Refusal {
  const self = replica.self;
  const parsed = parseBatch(input, self.device);
  if (!parsed.ok) return parsed;
  const { batch } = parsed;
  const peer = replica.peers.get(batch.sender);
  if (!peer) return refuse('UNKNOWN_SENDER', 'Ce fichier vient d’un poste qui n’est pas inscrit ici.');
  const fromHq = batch.sender === rules.headquarters;
  const emptyReport = { received: 0, duplicates: 0, quarantined: 0, conflicts: 0, gaps: gaps(replica) };

  // Checks first: nothing is written until the whole batch is known to be acceptable.
  const checked = checkChanges(batch, self.device, fromHq, (c) => heldCopy(replica, c));
  if (!checked.ok) return checked;
  const inBatch = checked.changes;

  if (fromHq && !isHq(replica, rules) && batch.number <= peer.lastBatchReceived) {
    const report = {
      ...emptyReport,
      duplicates: batch.changes.length,
      outdated: true,
      conflicts: conflicts(replica, rules).length,
    };
    return { ok: true, replica, report: { ...report, summary: summarise(report) } };
  }

  // A record with one refused change is kept whole in quarantine (no half-created session), and
  // so are the records below it: passes are repeated until the set of refused records is stable.
  const refused = new Map<string, string>();
  let pass: ReturnType<typeof applyChanges>;
  do pass = applyChanges(replica, rules, peer.installation, [...inBatch.values()], refused);
  while (pass.newlyRefused);
  const { d, received, duplicates, quarantined } = pass;
  if (batch.lastSeq !== null)
    d.r.announced.set(batch.sender, Math.max(d.r.announced.get(batch.sender) ?? 0, batch.lastSeq));
  if (batch.number > peer.lastBatchReceived) {
    // Sorted and merged here: the lookups assume it, whatever the file says.
    const holds = new Map(
      Object.entries(batch.holds).map(([device, r]) => [
        device,
        union(
          [],
          r.filter(([a, b]) => a <= b),
        ),
      ]),
    );
    d.r.peers.set(batch.sender, { ...peer, holds, lastBatchReceived: batch.number });
  }
  if (!isHq(replica, rules)) settleScope(d, rules);
  const report = {
    received,
    duplicates,
    quarantined,
    outdated: false,
    conflicts: conflicts(d.r, rules).length,
    gaps: gaps(d.r),
  };
  return { ok: true, replica: d.r, report: { ...report, summary: summarise(report) } };
}

function applyChanges(
  replica: Replica,
  rules: SyncRules,
  sender: Installation,
  changes: Change[],
  refused: Map<string, string>,
) {
  const d = new Draft(replica);
  let received = 0;
  let duplicates = 0;
  let quarantined = 0;
  let newlyRefused = false;
  const v = view(d.r, rules);
  for (const c of changes) {
    if (hasSeq(d.r.holds.get(c.device) ?? [], c.seq) || c.device === replica.self.device) {
      duplicates++;
      continue;
    }
    d.hold(c.device, c.seq);
    d.r.clock = observe(d.r.clock, parseAt(c.at)!);
    const key = recordKey(c.table, c.recordId);
    let reason = refused.get(key) ?? null;
    if (reason === null && isHq(replica, rules)) {
      // A record with a change awaiting the administrator waits whole: a later edit of it applied
      // alone would leave headquarters and the laptop with two different records.
      const waiting = [...d.r.quarantine.values()].some(
        (q) => q.change.table === c.table && q.change.recordId === c.recordId,
      );
      reason = waiting
        ? 'En attente : une autre modification de cette fiche est en quarantaine.'
        : rules.permit(c, sender, v);
      if (reason !== null) {
        refused.set(key, reason);
        newlyRefused = true;
      }
    }
    if (reason !== null) {
      d.r.quarantine.set(c.id, { change: c, sender: sender.device, reason });
      quarantined++;
      continue;
    }
    apply(d.record(c.table, c.recordId), c);
    v.forget(c.table);
    received++;
  }
  return { d, received, duplicates, quarantined, newlyRefused };
}

/**
 * On a laptop, drops the records that left its scope (a trainer taken off a pathway) without
 * writing any deletion; their seqs leave `holds` so headquarters sends them again if they come
 * back. Own changes stay in the log (still to be sent) and come back with their record.
 */
function settleScope(d: Draft, rules: SyncRules): void {
  const r = d.r;
  for (const c of r.log) {
    const record = r.records.get(recordKey(c.table, c.recordId));
    if (!record?.changes.has(c.id)) apply(d.record(c.table, c.recordId), c);
  }
  const v = view(r, rules);
  const out = [...r.records.entries()].filter(([, rec]) => !rules.scope(r.self, rec.table, rec.recordId, v));
  for (const [key, rec] of out) {
    r.records.delete(key);
    for (const c of rec.changes.values())
      if (c.device !== r.self.device) r.holds.set(c.device, removeSeq(r.holds.get(c.device) ?? [], c.seq));
  }
}

/**
 * The batch for `receiver`. A laptop sends its own changes: the ones not yet exported (« new »,
 * small files) or all those headquarters has not acknowledged (« unacknowledged »). Headquarters
 * sends every change in the laptop's scope that the laptop has not acknowledged.
 */
export function exportBatch(
  replica: Replica,
  rules: SyncRules,
  receiver: string,
  mode: 'new' | 'unacknowledged' = 'unacknowledged',
): { replica: Replica; batch: Batch } {
  const peer = replica.peers.get(receiver);
  if (!peer) throw new Error(`Poste inconnu : ${receiver}`);
  let changes: Change[];
  let lastSeq: number | null = null;
  let exported = replica.exported;
  if (isHq(replica, rules)) {
    const v = view(replica, rules);
    const hidden = new Set(rules.neverSent);
    changes = [];
    for (const rec of replica.records.values()) {
      if (!rules.scope(peer.installation, rec.table, rec.recordId, v)) continue;
      for (const c of rec.changes.values())
        if (
          c.device !== receiver &&
          !hidden.has(`${c.table}.${c.field}`) &&
          !hasSeq(peer.holds.get(c.device) ?? [], c.seq)
        )
          changes.push(c);
    }
    changes.sort((a, b) => (a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1));
  } else {
    const acknowledged = peer.holds.get(replica.self.device) ?? [];
    changes =
      mode === 'new'
        ? replica.log.slice(replica.exported)
        : replica.log.filter((c) => !hasSeq(acknowledged, c.seq));
    lastSeq = replica.log.length;
    exported = replica.log.length;
  }
  const number = peer.lastBatchSent + 1;
  const peers = new Map(replica.peers).set(receiver, { ...peer, lastBatchSent: number });
  const holds = Object.fromEntries(
    [...replica.holds].map(([device, r]) => [device, r.map(([a, b]) => [a, b] as [number, number])]),
  );
  return {
    replica: { ...replica, peers, exported },
    batch: { format: FORMAT, sender: replica.self.device, receiver, number, lastSeq, holds, changes },
  };
}

// ── Gaps, conflicts, quarantine ───────────────────────────────────────────────────

/** Seqs announced by a sender (its last seq) that never arrived: a file lost on the way. */
export function gaps(replica: Replica): Gap[] {
  const out: Gap[] = [];
  for (const [device, upTo] of [...replica.announced].sort()) {
    const label = replica.peers.get(device)?.installation.label ?? device;
    for (const [from, to] of missing(replica.holds.get(device) ?? [], upTo))
      out.push({
        device,
        from,
        to,
        message:
          from === to
            ? `séquence ${from} du ${label} manque`
            : `séquences ${from}–${to} du ${label} manquent`,
      });
  }
  return out;
}

/** One of the values in a conflict: what, who, when, on which laptop. */
export interface Version {
  changeId: string;
  value: Value;
  author: string;
  device: string;
  at: string;
}

export type Conflict =
  | { kind: 'field'; table: string; recordId: string; field: string; versions: Version[] }
  | {
      kind: 'deletedEdited';
      table: string;
      recordId: string;
      deletion: Version[];
      edits: (Version & { field: string })[];
    }
  | { kind: 'orphan'; table: string; recordId: string; field: string; parent: string; parentTable: string }
  | {
      kind: 'unique';
      table: string;
      field: string;
      value: Value;
      records: (Version & { recordId: string })[];
    };

/** A change as one of the values of a conflict. */
export const versionOf = (c: Change): Version => ({
  changeId: c.id,
  value: c.value,
  author: c.author,
  device: c.device,
  at: c.at,
});

/**
 * Everything a person must decide, computed from the state (never stored, so it cannot drift):
 * the first version of each is the one shown meanwhile.
 */
export function conflicts(replica: Pick<Replica, 'records'>, rules: SyncRules): Conflict[] {
  const hq = rules.headquarters;
  const out: Conflict[] = [];
  const v = view(replica, rules);
  const records = [...replica.records.values()].sort((a, b) =>
    recordKey(a.table, a.recordId) < recordKey(b.table, b.recordId) ? -1 : 1,
  );
  const bookkeeping = new Set(rules.bookkeeping);
  for (const rec of records) {
    const deleted = isDeleted(rec, hq);
    const fields = [...rec.heads.keys()].filter((f) => !bookkeeping.has(f)).sort();
    for (const field of fields) {
      const heads = headsOf(rec, field, hq);
      // Two people who wrote the same value have nothing to decide.
      if (new Set(heads.map((c) => JSON.stringify(c.value))).size > 1 && (field === DELETED || !deleted))
        out.push({
          kind: 'field',
          table: rec.table,
          recordId: rec.recordId,
          field,
          versions: heads.map(versionOf),
        });
    }
    if (deleted) {
      const deletion = headsOf(rec, DELETED, hq).filter((c) => c.value === true);
      // What any deletion of the record had seen: a later one need not list it again.
      const seen = new Set(
        [...rec.changes.values()]
          .filter((c) => c.field === DELETED && c.value === true)
          .flatMap((c) => c.supersedes),
      );
      const edits = fields
        .filter((f) => f !== DELETED)
        .flatMap((f) =>
          headsOf(rec, f, hq)
            .filter((c) => !seen.has(c.id))
            .map((c) => ({ ...versionOf(c), field: f })),
        );
      if (edits.length)
        out.push({
          kind: 'deletedEdited',
          table: rec.table,
          recordId: rec.recordId,
          deletion: deletion.map(versionOf),
          edits,
        });
      continue;
    }
    for (const ref of rules.references) {
      if (ref.table !== rec.table) continue;
      const parent = shown(rec, ref.field, hq);
      if (typeof parent === 'string' && v.deleted(ref.target, parent))
        out.push({
          kind: 'orphan',
          table: rec.table,
          recordId: rec.recordId,
          field: ref.field,
          parent,
          parentTable: ref.target,
        });
    }
  }
  for (const { table, field, key } of rules.unique) {
    const claims = new Map<string, (Version & { recordId: string })[]>();
    for (const rec of records) {
      if (rec.table !== table || isDeleted(rec, hq)) continue;
      const head = headsOf(rec, field, hq)[0];
      if (!head || head.value === null) continue;
      const k = JSON.stringify(key && typeof head.value === 'string' ? key(head.value) : head.value);
      claims.set(k, [...(claims.get(k) ?? []), { ...versionOf(head), recordId: rec.recordId }]);
    }
    for (const list of claims.values())
      if (list.length > 1) out.push({ kind: 'unique', table, field, value: list[0]!.value, records: list });
  }
  return out;
}

/** The administrator accepts a quarantined change: it is applied as if it had been permitted. */
export function release(replica: Replica, id: string): Replica {
  const q = replica.quarantine.get(id);
  if (!q) return replica;
  const d = new Draft(replica);
  d.r.quarantine.delete(id);
  apply(d.record(q.change.table, q.change.recordId), q.change);
  return d.r;
}

/**
 * The administrator refuses a quarantined change. It is kept as history (so what it superseded on
 * its laptop stays superseded here too) and, if it would show, headquarters writes over it: the
 * value shown before, or a deletion of a record that only refused changes would create. Either
 * way the laptop that made it comes back in line.
 */
export function reject(replica: Replica, rules: SyncRules, id: string, author: string, now: number): Replica {
  const q = replica.quarantine.get(id);
  if (!q) return replica;
  const c = q.change;
  const hq = rules.headquarters;
  const d = new Draft(replica);
  d.r.quarantine.delete(id);
  const before = d.r.records.get(recordKey(c.table, c.recordId));
  const live = !!before && !isDeleted(before, hq);
  const previous = before ? headsOf(before, c.field, hq)[0]?.value : undefined;
  const record = d.record(c.table, c.recordId);
  apply(record, c);
  const allHeads = () => [...record.heads.values()].flatMap((ids) => [...ids]);
  if (!live) writeOne(d, author, now, c.table, c.recordId, DELETED, true, allHeads());
  else if (record.heads.get(c.field)?.has(c.id)) {
    const value = previous ?? (c.field === DELETED ? false : null);
    writeOne(d, author, now, c.table, c.recordId, c.field, value, [...record.heads.get(c.field)!]);
  }
  return d.r;
}

export function summarise(r: Omit<ReceiveReport, 'summary'>): string {
  if (r.outdated) return 'Fichier déjà dépassé par un fichier plus récent : rien à appliquer.';
  const parts = [`${r.received} modification${r.received > 1 ? 's' : ''} reçue${r.received > 1 ? 's' : ''}`];
  if (r.duplicates) parts.push(`${r.duplicates} déjà reçue${r.duplicates > 1 ? 's' : ''}`);
  if (r.quarantined) parts.push(`${r.quarantined} en quarantaine`);
  parts.push(`${r.conflicts} conflit${r.conflicts > 1 ? 's' : ''}`);
  for (const g of r.gaps) parts.push(g.message);
  return parts.join(', ');
}

/**
 * The state as comparable text: each field's heads with their values, record by record, sorted.
 * Two installations with the same snapshot show the same values and the same conflicts.
 */
export function snapshot(
  replica: Replica,
  keep: (table: string, recordId: string) => boolean = () => true,
): string[] {
  const lines: string[] = [];
  for (const rec of replica.records.values()) {
    if (!keep(rec.table, rec.recordId)) continue;
    for (const [field, ids] of rec.heads) {
      if (ids.size === 0) continue;
      const heads = [...ids].sort().map((id) => `${id}=${JSON.stringify(rec.changes.get(id)!.value)}`);
      lines.push(`${rec.table}/${rec.recordId}/${field}: ${heads.join(' ')}`);
    }
  }
  return lines.sort();
}
