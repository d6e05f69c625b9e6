import { z } from 'zod';
import { id, requiredText } from './common';
import { importFile } from './imports';
import { fileOutput } from './reports';

// ── Synchronisation between headquarters and field laptops (core/sync) ──────────────

export const syncRole = z.enum(['headquarters', 'field']);

export const syncGap = z.object({
  device: z.string(),
  from: z.number(),
  to: z.number(),
  message: z.string(),
});

export const syncPeer = z.object({
  device: z.string(),
  label: z.string(),
  userId: z.string(),
  role: z.string(),
  headquarters: z.boolean(),
  /** The number of its latest batch received here, and of the latest written for it. */
  lastBatchReceived: z.number().int(),
  lastBatchSent: z.number().int(),
  enrolledAt: z.string(),
  /** When a file or network exchange with it was last applied or written here (null: never). */
  lastExchangeAt: z.string().nullable(),
});

/** One line of this installation's history of exchanges, newest first. */
export const syncExchange = z.object({
  id: z.number().int(),
  at: z.string(),
  peer: z.string(),
  direction: z.enum(['received', 'sent']),
  via: z.enum(['file', 'network']),
  number: z.number().int(),
  changes: z.number().int(),
  summary: z.string().nullable(),
});

export const syncStatus = z.object({
  device: z.string(),
  role: syncRole,
  peers: z.array(syncPeer),
  /** Changes written on this installation; on a laptop, those headquarters has not yet received. */
  changes: z.number().int(),
  pending: z.number().int().nullable(),
  conflicts: z.number().int(),
  quarantined: z.number().int(),
  gaps: z.array(syncGap),
  /** On a laptop: headquarters' network address, and the size of a file whose sending was cut. */
  headquartersUrl: z.string().nullable(),
  interruptedTransfer: z.number().int().nullable(),
  /** This installation's Parcours; at headquarters, the lowest version whose files it accepts. */
  appVersion: z.string(),
  minAppVersion: z.string().nullable(),
  /** The latest exchanges (at most HISTORY_SIZE). */
  exchanges: z.array(syncExchange),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const enrolLaptopInput = z.strictObject({
  userId: id,
  /** How people will name it: « poste de Gao ». */
  label: requiredText(100),
});

/** A field laptop's first start, from its page: the enrolment file and the code read to the trainer. */
export const enrolHereInput = z.strictObject({
  file: importFile,
  code: z.string().trim().min(1, { error: 'errors.required' }).max(40),
});

export const laptopEnrolment = z.object({
  device: z.string(),
  /** The one-time code that opens the file, to be read to the trainer (never written in it). */
  code: z.string(),
  file: fileOutput,
});

/** At headquarters, the laptop the file is for; on a laptop, nothing (it writes for headquarters). */
export const exportSyncInput = z.strictObject({ device: z.string().max(100).optional() });

export const importSyncInput = z.strictObject({ file: importFile });

export const syncReport = z.object({
  received: z.number().int(),
  duplicates: z.number().int(),
  quarantined: z.number().int(),
  outdated: z.boolean(),
  conflicts: z.number().int(),
  gaps: z.array(syncGap),
  /** « 128 modifications reçues, 2 conflits, séquence 41 du poste de Gao manque ». */
  summary: z.string(),
  /** At headquarters, the answer for the laptop that sent the file (and its acknowledgement). */
  reply: fileOutput.nullable(),
});
export type SyncReport = z.infer<typeof syncReport>;

// ── Over the network (core/sync/network.ts): a file in pieces, resumed after a cut ─────────

/** A piece of a file travels as base64 in the JSON of its call. */
export const TRANSFER_PIECE_BYTES = 256 * 1024;
const MAX_TRANSFER_BYTES = 512 * 1024 * 1024;

/** The laptop and its network token (derived from its enrolment secret), in every call it makes. */
const laptopCredentials = {
  device: z.string().max(100),
  token: z.string().max(200),
  /** The SHA-256 (hex) of the file sent. */
  transfer: z.string().regex(/^[0-9a-f]{64}$/),
};

/** At headquarters: the next piece of a laptop's file (empty to ask where the sending stands). */
export const transferPieceInput = z.strictObject({
  ...laptopCredentials,
  size: z.number().int().positive().max(MAX_TRANSFER_BYTES),
  offset: z.number().int().min(0),
  pieceBase64: z
    .string()
    .max(Math.ceil(TRANSFER_PIECE_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const receivedReport = syncReport.omit({ reply: true });
export type ReceivedReport = z.infer<typeof receivedReport>;

/** Where a file's sending stands at headquarters; once whole, what it brought and its answer's size. */
export const transferState = z.object({
  received: z.number().int(),
  report: receivedReport.nullable(),
  replySize: z.number().int().nullable(),
});
export type TransferState = z.infer<typeof transferState>;

export const replyPieceInput = z.strictObject({
  ...laptopCredentials,
  offset: z.number().int().min(0),
});
export const replyPiece = z.object({ pieceBase64: z.string() });

export const headquartersUrlInput = z.strictObject({
  url: z
    .string()
    .trim()
    .max(300)
    .refine((u) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(u) && URL.canParse(u), {
      error: 'errors.headquartersUrl',
    })
    .nullable(),
});

/** At headquarters: files from an older Parcours are refused (« mettez Parcours à jour »); null accepts all. */
export const minAppVersionInput = z.strictObject({
  version: z
    .string()
    .max(20)
    .regex(/^\d+\.\d+\.\d+$/, { error: 'errors.appVersion' })
    .nullable(),
});

/** « Synchroniser maintenant »: what headquarters received, and what this laptop received back. */
export const syncNowOutput = z.object({ sent: receivedReport, received: receivedReport });
export type SyncNowOutput = z.infer<typeof syncNowOutput>;

// ── Decisions: conflicts and quarantine (core/sync/decisions.ts) ────────────────────

export const syncValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One of the values in conflict: what, who, when, on which installation. */
export const syncVersion = z.object({
  changeId: z.string(),
  value: syncValue,
  author: z.string(),
  device: z.string(),
  at: z.string(),
  /** For « unique »: the record that claims the value, and how people tell it from the other. */
  recordId: z.string().optional(),
  record: z.string().optional(),
});
export type SyncVersion = z.infer<typeof syncVersion>;

export const syncConflict = z.object({
  /**
   * « field »: one field changed on two installations; « deletedEdited »: edited where it was
   * deleted; « orphan »: entered on a parent removed elsewhere (a mark on a session day taken away);
   * « unique »: two records with the same agreement number or login, the second kept aside.
   */
  kind: z.enum(['field', 'deletedEdited', 'orphan', 'unique']),
  table: z.string(),
  recordId: z.string(),
  /** The record as people name it (a participant's name, an agreement's number). */
  record: z.string(),
  /**
   * The field in conflict; `_deleted` for a record deleted on one side and edited on the other.
   * For « unique », `recordId` is the record kept aside and `versions` the record in place first.
   */
  field: z.string(),
  /** The values in conflict, the one shown meanwhile first (a deletion's, for « deletedEdited »). */
  versions: z.array(syncVersion),
  /** For « deletedEdited »: the edits made without knowing of the deletion; for « orphan », the entry. */
  edits: z.array(syncVersion.extend({ field: z.string() })),
  /** For « orphan »: the parent removed, as people name it (« la journée du 19/07/2024 »). */
  parent: z.string().nullable(),
  /** For « unique »: whether one of the two may be deleted (an agreement; an account is renamed). */
  deletable: z.boolean().optional(),
});
export type SyncConflict = z.infer<typeof syncConflict>;

export const resolveConflictInput = z.strictObject({
  table: z.string().max(100),
  recordId: z.string().max(200),
  field: z.string().max(100),
  /**
   * The value kept: one of the versions', or a third one typed; for a deletion, true keeps it
   * deleted; for an orphan, true lets the entry go and false gives its parent back. For « unique »,
   * `recordId` names one of the two records: `field` its new value, or `_deleted` true to delete it.
   */
  value: syncValue,
});

export const quarantinedRecordInput = z.strictObject({
  table: z.string().max(100),
  recordId: z.string().max(200),
});

/** A record whose changes headquarters keeps aside: the sender's role may not make them. */
export const syncQuarantined = z.object({
  table: z.string(),
  recordId: z.string(),
  record: z.string(),
  sender: z.string(),
  author: z.string(),
  reason: z.string(),
  receivedAt: z.string(),
  changes: z.array(z.object({ field: z.string(), value: syncValue })),
});
export type SyncQuarantined = z.infer<typeof syncQuarantined>;

export const decisionOutput = z.object({ remaining: z.number().int() });
