import {
  fileOutput,
  importPreview,
  importResult,
  importTemplateInput,
  previewImportInput,
  runImportInput,
} from '../../contract';
import { admin, adminRead, method } from '../method';
import * as imports from './service';
import { importTemplate } from './template';

/** Importing workbooks and CSV files: they are read and written asynchronously. */
export const importsMethods = {
  'imports.template': method({
    input: importTemplateInput,
    output: fileOutput,
    permission: adminRead,
    async: true,
    handler: importTemplate,
  }),
  'imports.preview': method({
    input: previewImportInput,
    output: importPreview,
    permission: adminRead,
    async: true,
    handler: imports.previewImport,
  }),
  'imports.run': method({
    input: runImportInput,
    output: importResult,
    permission: admin,
    async: true,
    handler: imports.runImport,
  }),
};
