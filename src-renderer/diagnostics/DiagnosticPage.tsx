export function DiagnosticPage() {
  return null;
}
