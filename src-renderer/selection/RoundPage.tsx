export function RoundPage() {
  return null;
}
