// Reading a spreadsheet chosen by the user (XLSX or CSV) into lines of cells.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS, type ImportFile } from '../../contract';
import { AppError } from '../errors';

/** A cell as read: Excel keeps numbers, dates and booleans; CSV only has text. */
export type Cell = string | number | boolean | Date | null;

export interface Line {
  /** The line's number as the spreadsheet shows it (1 for the first). */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  /** Hidden sheets are listed, never read without the user asking. */
  hidden: boolean;
  /** Non-empty lines only, in order. */
  lines: Line[];
}

/** Every sheet of a workbook, in its order; a CSV file is one sheet named after the file. */
export interface Workbook {
  sheets: Sheet[];
}

const fileError = (message: string, key: string) =>
  new AppError('VALIDATION', message, [{ path: ['file'], message: key }]);

const unreadable = () => fileError('Le fichier n’a pas pu être lu.', 'errors.fileUnreadable');

/** The value a cell shows: rich text joined, a formula's result, a hyperlink's text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value)
      return (
        value.richText
          .map((part) => part.text)
          .join('')
          .trim() || null
      );
    if ('formula' in value || 'sharedFormula' in value) {
      return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
  }
  return null;
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null);

async function readXlsx(bytes: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const rows = workbook.worksheets.reduce((n, s) => n + s.actualRowCount, 0);
  if (rows > MAX_IMPORT_ROWS + 20 * workbook.worksheets.length) throw tooManyRows();
  const sheets = workbook.worksheets.map((sheet): Sheet => {
    const lines: Line[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values starts at index 1 (column A).
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i] ?? null));
      if (!isBlank(cells)) lines.push({ number, cells });
    });
    return { name: sheet.name, hidden: sheet.state !== 'visible', lines };
  });
  return { sheets };
}

/** UTF-8 (with or without BOM), UTF-16 from Excel's "Unicode text", else Windows-1252 (old French Excel). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // The decoder drops the BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the header line: `;` from French Excel, `,`, or a tab. */
function delimiterOf(text: string): string {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  const counts = [';', ',', '\t', '|'].map((d) => ({ d, n: first.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ';';
}

function readCsv(bytes: Uint8Array, name: string): Workbook {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw unreadable();
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const lines: Line[] = [];
  parsed.data.forEach((record, i) => {
    const cells = record.map((c) => c.trim() || null);
    if (!isBlank(cells)) lines.push({ number: i + 1, cells });
  });
  return { sheets: [{ name, hidden: false, lines }] };
}

function tooManyRows() {
  return fileError(
    `Le fichier dépasse ${MAX_IMPORT_ROWS.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
    'errors.importTooManyRows',
  );
}

async function readWorkbook(file: ImportFile): Promise<Workbook> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw fileError('Le fichier est vide.', 'errors.fileEmpty');
  let workbook: Workbook;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    workbook = await readXlsx(bytes); // a zip: XLSX (an ODS or a DOCX fails to load as a workbook)
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError(
      'Les fichiers Excel 97-2003 (.xls) ne sont pas lus : enregistrez-le au format .xlsx ou CSV.',
      'errors.importOldExcel',
    );
  } else {
    workbook = readCsv(bytes, file.name || 'CSV');
  }
  const lines = workbook.sheets.reduce((n, s) => n + s.lines.length, 0);
  if (lines === 0) throw fileError('Le fichier est vide.', 'errors.fileEmpty');
  if (lines > MAX_IMPORT_ROWS + 20 * workbook.sheets.length) throw tooManyRows();
  return workbook;
}

// A preview is asked again for each page and each change of columns: the last files read are kept.
const recent = new Map<string, Promise<Workbook>>();
const KEPT = 2;

/** The file's sheets; the same bytes are read once however many times they are previewed. */
export function readFile(file: ImportFile): Promise<Workbook> {
  const key = createHash('sha256').update(file.contentBase64).digest('hex');
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    return known;
  }
  const reading = readWorkbook(file);
  recent.set(key, reading);
  reading.catch(() => recent.delete(key));
  while (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return reading;
}
