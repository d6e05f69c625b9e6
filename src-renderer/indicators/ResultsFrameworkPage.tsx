export function ResultsFrameworkPage() {
  return null;
}
