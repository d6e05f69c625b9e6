export function FollowUpsPage() {
  return null;
}
