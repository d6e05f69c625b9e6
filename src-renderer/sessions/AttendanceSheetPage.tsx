export function AttendanceSheetPage() {
  return null;
}
