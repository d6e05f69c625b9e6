export function TrainedParticipantsPage() {
  return null;
}
