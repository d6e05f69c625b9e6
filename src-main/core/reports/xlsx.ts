import ExcelJS from 'exceljs';
import type { Block, Cell, ColumnFormat, Report } from '../../contract';
import { frenchDate } from '../../contract/reportFormat';

// Excel shows these with the reader's own separators: spaces and commas in French.
const numFmt: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.0',
  number: 'General',
  percent: '0.0%',
  fcfa: '#,##0 "F CFA"',
  date: 'dd/mm/yyyy',
};

/** Dates are written as real dates (at noon UTC, so no time zone moves them to another day). */
const value = (cell: Cell, format: ColumnFormat): ExcelJS.CellValue =>
  cell !== null && format === 'date' && typeof cell === 'string' ? new Date(`${cell}T12:00:00Z`) : cell;

type TableBlock = Extract<Block, { type: 'table' }>;

function addTable(workbook: ExcelJS.Workbook, block: TableBlock, names: Set<string>) {
  let name = block.sheet.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${block.sheet.slice(0, 27)} (${n})`;
  names.add(name.toLowerCase());
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = block.columns.map((c, i) => {
    const longest = Math.max(
      c.label.length,
      ...block.rows.slice(0, 500).map((r) => String(r[i] ?? '').length + (c.format === 'fcfa' ? 8 : 2)),
    );
    return {
      header: c.label,
      width: Math.min(60, Math.max(10, longest + 2)),
      style: { numFmt: numFmt[c.format] },
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of block.rows) sheet.addRow(block.columns.map((c, i) => value(row[i] ?? null, c.format)));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + block.rows.length, column: block.columns.length },
  };
  if (block.total) {
    const total = sheet.addRow(block.columns.map((c, i) => value(block.total![i] ?? null, c.format)));
    total.font = { bold: true };
  }
}

/** The report's data as a workbook: a summary sheet, then one sheet per table, real numbers only. */
export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Parcours';
  workbook.title = `${report.title} — ${report.subtitle}`;
  const summary = workbook.addWorksheet('Synthèse');
  summary.columns = [{ width: 52 }, { width: 22 }];
  summary.addRow([report.programme]).font = { color: { argb: 'FF6C757D' } };
  summary.addRow([report.title]).font = { bold: true, size: 14 };
  summary.addRow([report.subtitle]);
  for (const line of report.scope) summary.addRow([line]);
  if (report.warning) summary.addRow([report.warning]).font = { bold: true, color: { argb: 'FFB3541E' } };
  summary.addRow([`Établi le ${frenchDate(report.generatedAt)} avec Parcours`]).font = {
    italic: true,
    color: { argb: 'FF6C757D' },
  };
  const names = new Set(['synthèse']);
  for (const section of report.sections) {
    const figures = section.blocks.filter((b) => b.type === 'figures');
    if (figures.length) {
      summary.addRow([]);
      summary.addRow([section.title]).font = { bold: true };
      for (const block of figures)
        for (const item of block.items) {
          const row = summary.addRow([item.label, value(item.value, item.format)]);
          row.getCell(2).numFmt = numFmt[item.format] ?? 'General';
        }
    }
    for (const block of section.blocks) if (block.type === 'table') addTable(workbook, block, names);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
