import dayjs from 'dayjs';
import { markWeight, type AttendanceStatus, type Participant, type Session } from '../../src-main/contract';
import { formatNumber } from '../format';
import i18n from '../i18n';

export type SessionPhase = Session['phase'];

export const phaseColor: Record<SessionPhase, string> = {
  classroom: 'teal',
  workplace_support: 'indigo',
  coaching: 'grape',
};

export const statusColor: Record<AttendanceStatus, string> = {
  present: 'teal',
  absent: 'red',
  late: 'yellow',
  excused: 'gray',
};

/** `YYYY-MM` of a date (today by default). */
export const monthOf = (iso?: string) => dayjs(iso).format('YYYY-MM');

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'fr-FR');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase(locale()) + s.slice(1);

/** "Avril 2024" */
export const monthTitle = (month: string) =>
  capitalise(
    new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    ),
  );

/** Monday first: "Lundi" … "Dimanche". */
export const weekdayNames = (style: 'long' | 'short' = 'long') =>
  // 2024-01-01 was a Monday.
  Array.from({ length: 7 }, (_, i) =>
    capitalise(
      new Intl.DateTimeFormat(locale(), { weekday: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, 0, 1 + i)),
      ),
    ),
  );

/** "Mardi" (or "Mar.") for `2024-04-02`. */
export const weekdayOf = (iso: string, style: 'long' | 'short' = 'long') =>
  capitalise(
    new Intl.DateTimeFormat(locale(), { weekday: style, timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    ),
  );

/** Dates `YYYY-MM-DD` from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = dayjs(from); !d.isAfter(dayjs(to), 'day'); d = d.add(1, 'day'))
    dates.push(d.format('YYYY-MM-DD'));
  return dates;
}

/** The weeks of a month's calendar, Monday first, with the days of the neighbouring months to fill them. */
export function monthWeeks(month: string): string[][] {
  const first = dayjs(`${month}-01`);
  const start = first.subtract((first.day() + 6) % 7, 'day');
  const last = first.endOf('month');
  const end = last.add((7 - last.day()) % 7, 'day');
  const dates = datesBetween(start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD'));
  return Array.from({ length: dates.length / 7 }, (_, w) => dates.slice(w * 7, w * 7 + 7));
}

/** The server's weight of a mark (contract `markWeight`), for a preview of unsaved marks. */
export const dayWeight = markWeight;

/** Person-days: whole, or with the half of a half-day (`6,5`). */
export const formatDays = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1);

/** "Salle de la mairie, Kati, Koulikoro" — a commune named like its region is not repeated. */
export const placeOf = (s: Pick<Session, 'venue' | 'commune' | 'region'>) =>
  [...new Set([s.venue, s.commune, s.region].filter(Boolean))].join(', ');
