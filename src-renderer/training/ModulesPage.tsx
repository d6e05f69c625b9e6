export function ModulesPage() {
  return null;
}
