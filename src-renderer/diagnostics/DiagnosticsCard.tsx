export function DiagnosticsCard({ organisationId }: { organisationId: string }) {
  void organisationId;
  return null;
}
