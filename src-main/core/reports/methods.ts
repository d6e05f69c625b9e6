import { exportReportInput, fileOutput, report, reportInput } from '../../contract';
import { method, read } from '../method';
import * as reports from './service';

export const reportsMethods = {
  'reports.get': method({ input: reportInput, output: report, permission: read, handler: reports.getReport }),
  'reports.export': method({
    input: exportReportInput,
    output: fileOutput,
    permission: read,
    async: true,
    handler: reports.exportReport,
  }),
};
