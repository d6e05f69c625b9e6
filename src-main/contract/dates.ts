/**
 * Last day of a term of `months` months starting on `start` (ISO dates): the day
 * before the same day N months later (signed 05/07/2023 for 14 months → 04/09/2024);
 * when that month is too short the term ends on its last day (31/01 + 1 → 29/02/2024).
 */
export function endOfTerm(start: string, months: number): string {
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
