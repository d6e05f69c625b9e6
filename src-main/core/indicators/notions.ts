// The programme's notions, each written once, as SQL fragments the query layer composes. Every
// screen, PDF and XLSX reads its figures through queries built from these (a test scans the
// sources for these definitions written anywhere else).
import { addMonths, attendedStatuses, HALF_DAY_WEIGHT } from '../../contract';

/** The weight of a session day: a half-day counts ½. `d` is a `session_days` row. */
export const dayWeight = (d: string) => `(CASE WHEN ${d}.half_day THEN ${HALF_DAY_WEIGHT} ELSE 1 END)`;

/** A mark attended: present or late (absent and excused do not count). `a` is an `attendance` row. */
export const markAttended = (a: string) =>
  `(${a}.status IN (${attendedStatuses.map((s) => `'${s}'`).join(', ')}))`;

/** A live session: not deleted (cancelling a session deletes it). `s` is a `sessions` row. */
export const sessionLive = (s: string) => `(${s}.deleted_at IS NULL)`;

/**
 * A session day held: on or before today, its session live. `day` is a date column,
 * `today` the SQL of today's ISO date (usually `@today`).
 */
export const dayHeld = (day: string, s: string, today = '@today') =>
  `(${day} <= ${today} AND ${sessionLive(s)})`;

/**
 * A session held: live and its first day on or before today. Spent is the cost of the sessions
 * held; planned, the cost of every live session. `firstDay` is the SQL of the session's first day.
 */
export const sessionHeld = (firstDay: string, s: string, today = '@today') =>
  `(${firstDay} <= ${today} AND ${sessionLive(s)})`;

/** A follow-up due: still to do and due within a month. Overdue: still to do, due before today. */
export const followUpDue = (f: string, soon = '@soon') =>
  `(${f}.status = 'scheduled' AND ${f}.due_on <= ${soon})`;
export const followUpOverdue = (f: string, today = '@today') =>
  `(${f}.status = 'scheduled' AND ${f}.due_on < ${today})`;

/** Today and the horizon of "due" for a query's parameters. */
export function dates(now: Date) {
  const today = now.toISOString().slice(0, 10);
  return { today, soon: addMonths(today, 1) };
}
