const two = (n: number) => String(n).padStart(2, '0');

/** ISO date-time → `15/03/2024 10:00`, in the computer's time zone, whatever the language. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
