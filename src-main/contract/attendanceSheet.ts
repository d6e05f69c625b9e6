// How the paper attendance sheet is laid out: shared by the print page and the PDF.

/** Blank lines for the people who come without being registered. */
export const EMPTY_ROWS = 5;
/** Signature columns that fit across a landscape A4 page next to the identity columns. */
export const COLUMNS_PER_SHEET = 6;

/** A full day is signed morning and afternoon, a half-day once. */
export const signatureColumns = (day: { halfDay: boolean }) => (day.halfDay ? 1 : 2);

/** The days split into sheets that fit the page width. */
export function attendanceSheets<D extends { halfDay: boolean }>(days: D[]): D[][] {
  const sheets: D[][] = [];
  let current: D[] = [];
  let width = 0;
  for (const d of days) {
    if (current.length > 0 && width + signatureColumns(d) > COLUMNS_PER_SHEET) {
      sheets.push(current);
      current = [];
      width = 0;
    }
    current.push(d);
    width += signatureColumns(d);
  }
  if (current.length > 0) sheets.push(current);
  return sheets;
}
