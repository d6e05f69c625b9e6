export function PathwaysPage() {
  return null;
}
