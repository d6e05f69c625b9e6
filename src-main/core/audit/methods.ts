import {
  auditChangePage,
  auditFilterOptions,
  auditFilters,
  fileOutput,
  listChangesInput,
  none,
} from '../../contract';
import { adminRead, method } from '../method';
import * as audit from './service';

/** The audit trail, for administrators. */
export const auditMethods = {
  /** Changes, newest first. */
  'audit.list': method({
    input: listChangesInput,
    output: auditChangePage,
    permission: adminRead,
    handler: audit.listChanges,
  }),
  'audit.options': method({
    input: none,
    output: auditFilterOptions,
    permission: adminRead,
    handler: (ctx) => audit.auditOptions(ctx),
  }),
  /** The filtered changes as a workbook (at most 100 000 lines). */
  'audit.export': method({
    input: auditFilters,
    output: fileOutput,
    permission: adminRead,
    async: true,
    handler: audit.exportChanges,
  }),
};
