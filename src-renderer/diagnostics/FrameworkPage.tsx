export function FrameworkPage() {
  return null;
}
