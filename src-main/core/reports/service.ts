import type { z } from 'zod';
import type { exportReportInput, FileOutput, Report, reportInput } from '../../contract';
import { transaction, type Context } from '../context';
import { renderPdf } from './pdf';
import { attendanceReport } from './attendance';
import { genderReport } from './gender';
import { organisationReport } from './organisation';
import { quarterlyReport } from './quarterly';
import { resultsReport } from './results';
import { minutesReport, selectionFileReport } from './selection';
import { renderXlsx } from './xlsx';
import { beginStep } from '../system/progress';

type Request = z.output<typeof reportInput>['request'];

/** A report's content, drawn from the query layer: the screen shows it, the PDF and XLSX print it. */
export function buildReport(ctx: Context, request: Request): Report {
  switch (request.kind) {
    case 'quarterly':
      return quarterlyReport(ctx, request);
    case 'results':
      return resultsReport(ctx, request);
    case 'gender':
      return genderReport(ctx, request);
    case 'selection':
      return selectionFileReport(ctx, request);
    case 'minutes':
      return minutesReport(ctx, request);
    case 'organisation':
      return organisationReport(ctx, request);
    case 'attendance':
      return attendanceReport(ctx, request);
  }
}

export const getReport = (ctx: Context, { request }: z.output<typeof reportInput>): Report =>
  buildReport(ctx, request);

const mimeTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function exportReport(
  ctx: Context,
  { request, format }: z.output<typeof exportReportInput>,
): Promise<FileOutput> {
  // One consistent read of the data; rendering happens after, outside the transaction.
  await beginStep(ctx, 'compute');
  const report = transaction(ctx, () => buildReport(ctx, request));
  await beginStep(ctx, 'write');
  const bytes = format === 'pdf' ? await renderPdf(report, ctx.fontsFolder) : await renderXlsx(report);
  return {
    fileName: `${report.fileName}.${format}`,
    mimeType: mimeTypes[format],
    dataBase64: bytes.toString('base64'),
  };
}
