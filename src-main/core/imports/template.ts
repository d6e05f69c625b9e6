// The XLSX template of each kind: French headers, an example line, and the allowed values.
import type { z } from 'zod';
import ExcelJS from 'exceljs';
import type { FileOutput, importTemplateInput } from '../../contract';
import { transaction, type Context } from '../context';
import type { TemplateList } from './kind';
import { columnLetter, kinds, VALUES_SHEET } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Lines of the main sheet offered the drop-down lists. */
const LIST_ROWS = 2000;

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** The worksheet's validations, addressed by range (not in exceljs's types). */
interface RangeValidations {
  dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void };
}

const thin = { style: 'thin' as const, color: { argb: 'FFB0B7C3' } };

export async function importTemplate(
  ctx: Context,
  { kind: name }: z.output<typeof importTemplateInput>,
): Promise<FileOutput> {
  const kind = kinds[name];
  const dataLists: TemplateList[] = kind.lists ? transaction(ctx, () => kind.lists!(ctx)) : [];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Parcours';
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet(kind.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = kind.fields.map((f) => ({
    key: f.key,
    width: f.width,
    style: f.numFmt ? { numFmt: f.numFmt } : {},
  }));

  const header = sheet.getRow(1);
  kind.fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.value = f.header;
    cell.font = { bold: true, color: { argb: 'FF1F2937' } };
    // Required columns stand out; the comment says what to write.
    cell.fill = fill(f.required ? 'FFFDE68A' : 'FFE5E7EB');
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: thin, right: thin };
    const note = [f.required ? 'Obligatoire.' : 'Facultatif.', f.hint].filter(Boolean).join(' ');
    cell.note = note;
  });
  header.height = 32;

  const example = sheet.getRow(2);
  kind.fields.forEach((f, i) => {
    const cell = example.getCell(i + 1);
    cell.value = f.example;
    cell.font = { italic: true, color: { argb: 'FF6B7280' } };
  });

  // The allowed values: the fixed choices, then what the data offers (organisations, sessions).
  const values = workbook.addWorksheet(VALUES_SHEET);
  values.getCell('A1').value =
    'Valeurs acceptées dans les colonnes du modèle. La ligne d’exemple en gris (ligne 2) est ignorée à l’import : remplacez-la ou laissez-la.';
  values.getCell('A1').font = { italic: true };
  const lists: TemplateList[] = [
    ...kind.fields
      .filter((f) => f.choices)
      .map((f) => ({
        header: f.header,
        values: f.choices!.map((c) => c.label),
        field: f.multiple ? undefined : f.key,
      })),
    ...dataLists,
  ];
  lists.forEach((list, i) => {
    values.getColumn(i + 1).width = Math.min(
      60,
      Math.max(18, list.header.length + 2, ...list.values.map((v) => v.length + 2)),
    );
    const head = values.getCell(3, i + 1);
    head.value = list.header;
    head.font = { bold: true };
    head.fill = fill('FFE5E7EB');
    list.values.forEach((v, j) => (values.getCell(4 + j, i + 1).value = v));
    const target = list.field ? kind.fields.findIndex((f) => f.key === list.field) : -1;
    if (target >= 0 && list.values.length) {
      const source = columnLetter(i);
      const range = `'${VALUES_SHEET}'!$${source}$4:$${source}$${3 + list.values.length}`;
      // One range (exceljs would otherwise write one overlapping entry per cell).
      const column = columnLetter(target);
      (sheet as unknown as RangeValidations).dataValidations.add(`${column}2:${column}${LIST_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        // A warning only: other spellings (codes, abbreviations) are accepted at import.
        errorStyle: 'warning',
        showErrorMessage: true,
        errorTitle: 'Valeur inconnue',
        error: `Choisissez une valeur de la feuille « ${VALUES_SHEET} ».`,
      });
    }
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: kind.fileName,
    mimeType: XLSX,
    dataBase64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
  };
}
