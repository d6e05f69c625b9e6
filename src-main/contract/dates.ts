/**
 * Last day of a term of `months` months starting on `start` (ISO dates): the day
 * before the same day N months later (signed 05/07/2023 for 14 months → 04/09/2024);
 * when that month is too short the term ends on its last day (31/01 + 1 → 29/02/2024).
 * A duration with a tenth of a month (19,2) adds that share of the month that follows the
 * whole months, in days rounded to the nearest (half up): signed 25/09/2023 for 19,2 months
 * → 24/04/2025 + 0,2 × 30 days → 30/04/2025. See docs/agreements.md.
 */
export function endOfTerm(start: string, months: number): string {
  const tenths = Math.round(months * 10);
  const whole = Math.floor(tenths / 10);
  const end = endOfWholeMonths(start, whole);
  if (tenths % 10 === 0) return end;
  const monthAfter = daysBetween(end, endOfWholeMonths(start, whole + 1));
  return addDays(end, Math.round(((tenths % 10) * monthAfter) / 10));
}

const dayMs = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / dayMs);
const addDays = (iso: string, days: number) => new Date(utc(iso) + days * dayMs).toISOString().slice(0, 10);

function endOfWholeMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  const end =
    d > lastDay ? new Date(Date.UTC(y, targetMonth, lastDay)) : new Date(Date.UTC(y, targetMonth, d - 1));
  return end.toISOString().slice(0, 10);
}

/** The same day `months` months later, or the month's last day when it is shorter (31/01 + 1 → 29/02/2024). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

const two = (n: number) => String(n).padStart(2, '0');

/** ISO date-time → `15/03/2024 10:00`, in the computer's time zone, whatever the language. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
