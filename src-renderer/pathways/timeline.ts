import type { Pathway } from '../../src-main/contract';

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, free of time zones. */
export const dayNumber = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
};

const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export interface Span {
  /** Left edge, as a percentage of the timeline. */
  left: number;
  width: number;
}

/**
 * The timeline of a pathway: whole months around its period, its actions' planned dates
 * and the sessions held, so nothing falls off either end.
 */
export function timelineOf(p: Pathway) {
  const dates = [p.startsOn, p.endsOn];
  for (const s of p.steps)
    for (const a of s.actions) {
      dates.push(a.plannedStart, a.plannedEnd);
      for (const h of a.sessions) if (h.firstDay && h.lastDay) dates.push(h.firstDay, h.lastDay);
    }
  const sorted = dates.sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const start = dayNumber(`${first.slice(0, 7)}-01`);
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const end = Date.UTC(ly, lm, 1) / DAY - 1; // the last day of the last month
  const total = end - start + 1;
  const span = (from: string, to: string): Span => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    return { left: ((a - start) / total) * 100, width: ((b - a + 1) / total) * 100 };
  };
  const months: { iso: string; left: number; width: number }[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ;) {
    const iso = `${y}-${String(m).padStart(2, '0')}-01`;
    if (dayNumber(iso) > end) break;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    months.push({ iso, ...span(iso, isoOf(dayNumber(next) - 1)) });
    if (m === 12) ((y += 1), (m = 1));
    else m += 1;
  }
  const position = (iso: string) => ((dayNumber(iso) - start) / total) * 100;
  return { span, months, position, start: isoOf(start), end: isoOf(end) };
}
