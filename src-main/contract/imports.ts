import { z } from 'zod';
import { optionalText, plainText, requiredText } from './common';
import { level, organisationType } from './organisations';

// ── Importing organisations, agreements, participants and attendance from Excel or CSV ──

export const importKinds = ['organisations', 'agreements', 'participants', 'attendance'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

/** The largest file read (10 MB: about 100 000 lines of CSV). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most data lines one import takes, all sheets together. */
export const MAX_IMPORT_ROWS = 50_000;

export const importFile = z.strictObject({
  name: plainText().trim().max(260),
  /** base64 of the file. */
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: 'errors.importFileTooLarge', abort: true })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.fileUnreadable' }),
});
export type ImportFile = z.infer<typeof importFile>;

/** Which column of the sheet (0 for A) holds each field; null or absent when none does. */
export const importMapping = z.record(z.string().max(40), z.number().int().min(0).max(999).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

/** One value for every line of a sheet, for a field the sheet has no column for (Type, Région, Statut). */
export const importValues = z.record(z.string().max(40), plainText().trim().max(4000));

/** A sheet to import, and how its columns are read. */
export const importSheetChoice = z.strictObject({
  name: plainText().max(200),
  /** Absent: suggested from the sheet's headers. */
  mapping: importMapping.optional(),
  values: importValues.default({}),
});
export type ImportSheetChoice = z.input<typeof importSheetChoice>;

/** Where a line is: its sheet, and its number as the spreadsheet shows it. */
export const lineRef = z.strictObject({ sheet: plainText().max(200), line: z.number().int().min(1) });
export type LineRef = z.infer<typeof lineRef>;

export const resemblance = lineRef.extend({ samePerson: z.boolean() });
export type Resemblance = z.infer<typeof resemblance>;

/** An organisation that lines name but Parcours does not know, created with the import once confirmed. */
export const newOrganisation = z.strictObject({
  /** How the lines name it. */
  reference: requiredText(200),
  name: requiredText(200),
  acronym: optionalText(40),
  type: organisationType,
  level: level,
  region: optionalText(80),
});
export type NewOrganisation = z.input<typeof newOrganisation>;

/** What the user decided, the same for the preview and for the import itself. */
const importChoices = {
  kind: importKind,
  file: importFile,
  /** Absent: the sheets whose headers name this kind's fields. */
  sheets: z.array(importSheetChoice).min(1).max(100).optional(),
  newOrganisations: z.array(newOrganisation).max(10_000).default([]),
  /** Lines resembling a participant, settled by the user: the same person (not imported), or another. */
  resemblances: z.array(resemblance).max(MAX_IMPORT_ROWS).default([]),
};

/** A value as it will be stored: text, a number, an ISO date, a choice's code, yes/no, several codes. */
export const storedValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type StoredValue = z.infer<typeof storedValue>;

/**
 * A problem on a line: `message` is an i18n key (`errors.*`, `imports.*`) with its `params`.
 * `field` is the field whose cell is at fault, null for the line as a whole.
 */
export const importIssue = z.object({
  field: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The same key with other content: what the line says beside what is recorded (or an earlier line). */
  differences: z.array(z.object({ field: z.string(), file: storedValue, recorded: storedValue })).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** `ignored`: a total line, or the template's example line: never stored, never blocking. */
export const importRowStatuses = ['valid', 'error', 'duplicate', 'ignored'] as const;

export const importRow = z.object({
  sheet: z.string(),
  line: z.number().int(),
  status: z.enum(importRowStatuses),
  /** Each field's cell as written in the file. */
  cells: z.record(z.string(), z.string()),
  /** What will be stored for each field, as read from its cell or from the sheet's value for it. */
  stored: z.record(z.string(), storedValue),
  errors: z.array(importIssue),
  /** Why the line is not imported although it is valid: it repeats a record or a line above. */
  duplicate: importIssue.nullable(),
  /** What importing the line will also do (e.g. create an organisation), or why it is ignored. */
  notices: z.array(importIssue),
  /** Cells read one way although they could be read another (a date, a separator): to check. */
  warnings: z.array(importIssue),
  /** The line resembles a participant: the user may say it is the same person, or another. */
  resemblance: z.boolean(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importFieldFormats = ['text', 'date', 'fcfa', 'number', 'choice', 'choices', 'yesNo'] as const;

export const importField = z.object({
  key: z.string(),
  /** The template's French header. */
  header: z.string(),
  /** Needs a column, or one value for every line. */
  required: z.boolean(),
  format: z.enum(importFieldFormats),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  /** May take one value for every line of a sheet that has no column for it. */
  fixable: z.boolean(),
});
export type ImportField = z.infer<typeof importField>;

export const sheetReasons = ['notChosen', 'hidden', 'empty', 'valuesSheet', 'unrecognised'] as const;

export const importCounts = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  error: z.number().int(),
  duplicate: z.number().int(),
  ignored: z.number().int(),
});

export const importSheet = z.object({
  name: z.string(),
  /** Lines with something in them, header included. */
  lineCount: z.number().int(),
  included: z.boolean(),
  /** Why the sheet is left out: not chosen, hidden, empty, the template's allowed values, no known header. */
  reason: z.enum(sheetReasons).nullable(),
  /** The line holding the column headers. */
  headerLine: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  values: z.record(z.string(), z.string()),
  /** Required fields with neither a column nor a value: no line is checked until they have one. */
  missingFields: z.array(z.string()),
  /** Values given for every line that cannot be read (an unknown type…). */
  valueErrors: z.array(importIssue),
  counts: importCounts,
  /** The amounts of the lines to import, added up by Parcours. */
  sum: z.object({ field: z.string(), lines: z.number().int(), value: z.number() }).nullable(),
  /** Each total typed in the sheet, beside the sum of the lines it covers. */
  totals: z.array(
    z.object({ line: z.number().int(), typed: z.number(), sum: z.number(), lines: z.number().int() }),
  ),
});
export type ImportSheet = z.infer<typeof importSheet>;

export const previewImportInput = z.strictObject({
  ...importChoices,
  only: z.enum(['errors', 'duplicates', 'ignored', 'warnings']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const unknownOrganisation = z.object({
  reference: z.string(),
  /** Lines naming it, and the first of them. */
  lines: z.number().int(),
  first: lineRef,
  /** The user chose to create it with the import. */
  creating: z.boolean(),
  /** Suggested from the reference and the lines' region. */
  name: z.string(),
  acronym: z.string().nullable(),
  region: z.string().nullable(),
});
export type UnknownOrganisation = z.infer<typeof unknownOrganisation>;

export const importPreview = z.object({
  kind: importKind,
  /** The fields of this kind, in the template's order. */
  fields: z.array(importField),
  /** Every sheet of the file, imported or not, with why. */
  sheets: z.array(importSheet),
  /** All imported sheets together. */
  counts: importCounts,
  /** Lines with a cell to check (read one way, could be read another). */
  warningCount: z.number().int(),
  /** The lines of the page asked for, among those kept by `only`. */
  rows: z.array(importRow),
  matching: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Organisations the lines name that are not registered: this import may create them. */
  unknownOrganisations: z.array(unknownOrganisation),
  canCreateOrganisations: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const runImportInput = z.strictObject({
  ...importChoices,
  sheets: z
    .array(importSheetChoice.extend({ mapping: importMapping }))
    .min(1)
    .max(100),
  /** `all`: nothing is written if a line has an error; `validOnly`: the lines in error are left out. */
  mode: z.enum(['all', 'validOnly']),
});

export const importResult = z.object({
  kind: importKind,
  created: z.number().int(),
  organisationsCreated: z.number().int(),
  skippedDuplicates: z.number().int(),
  skippedErrors: z.number().int(),
  skippedIgnored: z.number().int(),
  sheets: z.array(z.object({ name: z.string(), created: z.number().int(), counts: importCounts })),
  /** The lines not stored, with why (the first 500). */
  skipped: z.array(
    z.object({
      sheet: z.string(),
      line: z.number().int(),
      status: z.enum(['error', 'duplicate', 'ignored']),
    }),
  ),
  /** Attendance: the sessions whose register was written, and the people added to a register. */
  sessions: z.array(z.object({ id: z.string(), title: z.string() })),
  walkIns: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importTemplateInput = z.strictObject({ kind: importKind });
