import { z } from 'zod';
import { calendarYear as year, id, isoDate } from './common';
import { indicatorFilters } from './indicators';

const filters = indicatorFilters.omit({ from: true, to: true, organisationId: true });

/** Which report, and for what: every report is drawn from the same query layer as the screens. */
export const reportRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quarterly'), year, quarter: z.number().int().min(1).max(4), filters }),
  z.strictObject({ kind: z.literal('results'), year }),
  z.strictObject({
    kind: z.literal('gender'),
    from: isoDate,
    to: isoDate,
    filters,
  }),
  z.strictObject({ kind: z.literal('selection'), roundId: id }),
  z.strictObject({ kind: z.literal('minutes'), roundId: id }),
  z.strictObject({ kind: z.literal('organisation'), organisationId: id }),
  z.strictObject({ kind: z.literal('attendance'), sessionId: id }),
]);
export type ReportRequest = z.input<typeof reportRequest>;
export type ReportKind = ReportRequest['kind'];

/**
 * How a column's numbers are shown: the XLSX keeps the number and gets the matching format.
 * `number` shows decimals only when there are some (values of mixed units); `percent` is a ratio 0–1.
 */
export const columnFormat = z.enum(['text', 'integer', 'number', 'decimal', 'percent', 'fcfa', 'date']);
export type ColumnFormat = z.infer<typeof columnFormat>;

/** A number, a text, an ISO date for date columns, or nothing. */
const cell = z.union([z.string(), z.number(), z.null()]);
export type Cell = z.infer<typeof cell>;

const column = z.object({ label: z.string(), format: columnFormat, width: z.number().optional() });
export type Column = z.infer<typeof column>;

const series = z.object({ name: z.string(), values: z.array(z.number()), color: z.string().optional() });

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('figures'),
    items: z.array(z.object({ label: z.string(), value: cell, format: columnFormat })),
  }),
  z.object({
    type: z.literal('table'),
    /** The XLSX sheet's name (≤ 31 characters, unique in the report). */
    sheet: z.string().max(31),
    title: z.string(),
    columns: z.array(column),
    rows: z.array(z.array(cell)),
    /** A last row computed from the rows' data (never typed), shown in bold. */
    total: z.array(cell).optional(),
    /** Rows that hold signatures on paper (attendance sheet): taller in the PDF. */
    signatures: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('bars'),
    title: z.string(),
    categories: z.array(z.string()),
    series: z.array(series),
    format: columnFormat,
  }),
  z.object({
    type: z.literal('radar'),
    title: z.string(),
    axes: z.array(z.string()),
    /** Values in % of each axis' scale. */
    series: z.array(series),
  }),
]);
export type Block = z.infer<typeof block>;

export const report = z.object({
  kind: z.string(),
  /** What and when, without extension: `rapport-trimestriel-2024-T3`. */
  fileName: z.string(),
  programme: z.string(),
  title: z.string(),
  /** The period or the record the report is about. */
  subtitle: z.string(),
  /** Filters applied, in words (empty when none). */
  scope: z.array(z.string()),
  /** Said on the report while conflicts of synchronisation that touch its data are not decided. */
  warning: z.string().nullable(),
  generatedAt: z.string(),
  /** A cover page in the PDF; one-page documents (profile, attendance sheet) have a header instead. */
  cover: z.boolean(),
  landscape: z.boolean(),
  sections: z.array(z.object({ title: z.string(), blocks: z.array(block) })),
});
export type Report = z.infer<typeof report>;

export const reportFormat = z.enum(['pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof reportFormat>;

/** A file produced by the core, to be saved by the user (save dialog or download). */
export const fileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  dataBase64: z.string(),
});
export type FileOutput = z.infer<typeof fileOutput>;

export const reportInput = z.strictObject({ request: reportRequest });
export const exportReportInput = z.strictObject({ request: reportRequest, format: reportFormat });
