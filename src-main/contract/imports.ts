import { z } from 'zod';
import { fileOutput } from './reports';

// ── Importing organisations, agreements, participants and attendance from Excel or CSV ──

export const importKinds = ['organisations', 'agreements', 'participants', 'attendance'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

/** The largest file read (10 MB: about 100 000 lines of CSV). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most data lines one import takes. */
export const MAX_IMPORT_ROWS = 50_000;

export const importFile = z.strictObject({
  name: z.string().trim().max(260),
  /** base64 of the file. */
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: 'errors.importFileTooLarge', abort: true })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.fileUnreadable' }),
});
export type ImportFile = z.infer<typeof importFile>;

/** Which column of the file (0 for A) holds each field; null or absent when none does. */
export const importMapping = z.record(z.string().max(40), z.number().int().min(0).max(999).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

/**
 * A problem on a line: `message` is an i18n key (`errors.*`) with its `params`, or zod's own text.
 * `field` is the field whose cell is at fault, null for the line as a whole.
 */
export const importIssue = z.object({
  field: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importRowStatuses = ['valid', 'error', 'duplicate'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

export const importRow = z.object({
  /** The line's number in the file, as the spreadsheet shows it. */
  line: z.number().int(),
  status: z.enum(importRowStatuses),
  /** Each mapped field's cell as written in the file. */
  values: z.record(z.string(), z.string()),
  errors: z.array(importIssue),
  /** Why the line is not imported although it is valid: it is already recorded, or repeats a line above. */
  duplicate: importIssue.nullable(),
  /** What importing the line will also do (e.g. register a walk-in at a session). */
  notices: z.array(importIssue),
});
export type ImportRow = z.infer<typeof importRow>;

export const previewImportInput = z.strictObject({
  kind: importKind,
  file: importFile,
  /** Absent: suggested from the file's headers. */
  mapping: importMapping.optional(),
  only: z.enum(['errors', 'duplicates']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PreviewImportInput = z.input<typeof previewImportInput>;

export const importPreview = z.object({
  kind: importKind,
  /** The line holding the column headers. */
  headerLine: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string() })),
  /** The fields of this kind, in the template's order, with their French header. */
  fields: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** Required fields without a column: no line is checked until they have one. */
  missingFields: z.array(z.string()),
  total: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  duplicateCount: z.number().int(),
  /** The lines of the page asked for, among those kept by `only`. */
  rows: z.array(importRow),
  matching: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const runImportInput = z.strictObject({
  kind: importKind,
  file: importFile,
  mapping: importMapping,
  /** `all`: nothing is written if a line has an error; `validOnly`: the lines in error are left out. */
  mode: z.enum(['all', 'validOnly']),
});
export type RunImportInput = z.input<typeof runImportInput>;

export const importResult = z.object({
  kind: importKind,
  created: z.number().int(),
  skippedDuplicates: z.number().int(),
  skippedErrors: z.number().int(),
  /** Attendance: the sessions whose register was written, and the people added to a register. */
  sessions: z.array(z.object({ id: z.string(), title: z.string() })),
  walkIns: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importMethods = {
  'imports.template': { input: z.strictObject({ kind: importKind }), output: fileOutput },
  'imports.preview': { input: previewImportInput, output: importPreview },
  'imports.run': { input: runImportInput, output: importResult },
} as const;
