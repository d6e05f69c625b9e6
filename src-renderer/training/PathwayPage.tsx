export function PathwayPage() {
  return null;
}
