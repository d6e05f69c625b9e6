export function MinutesPage() {
  return null;
}
