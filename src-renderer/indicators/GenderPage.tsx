export function GenderPage() {
  return null;
}
