import { z } from 'zod';
import { id, isoDate, page, pageInput } from './common';

// ── The audit trail: every change, by whom, when, through which call ─────────────────

export const auditActions = ['insert', 'update', 'delete'] as const;

/** A row's values (JSON); a file's content appears as its size in bytes. */
const values = z.record(z.string(), z.unknown()).nullable();

export const auditChange = z.object({
  id: z.number().int(),
  callId: z.string(),
  /** ISO date-time of the call. */
  at: z.string(),
  /** Null: the application itself (start-up, data loaded by a script). */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  method: z.string(),
  table: z.string(),
  recordId: z.string(),
  action: z.enum(auditActions),
  before: values,
  after: values,
});
export type AuditChange = z.infer<typeof auditChange>;

export const auditFilters = z.strictObject({
  userId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  table: z.string().max(64).optional(),
  recordId: z.string().trim().max(200).optional(),
  method: z.string().max(100).optional(),
});
export type AuditFilters = z.input<typeof auditFilters>;

export const listChangesInput = auditFilters.extend(pageInput);
/** What the filters can choose from: the people, methods and tables found in the trail. */
export const auditFilterOptions = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  methods: z.array(z.string()),
  tables: z.array(z.string()),
});
export const auditChangePage = page(auditChange);
