export function CriteriaSetPage() {
  return null;
}
