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
});

export const syncStatus = z.object({
  device: z.string(),
  role: syncRole,
  peers: z.array(syncPeer),
  /** Changes written on this installation. */
  changes: z.number().int(),
  conflicts: z.number().int(),
  quarantined: z.number().int(),
  gaps: z.array(syncGap),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const enrolLaptopInput = z.strictObject({
  userId: id,
  /** How people will name it: « poste de Gao ». */
  label: requiredText(100),
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
