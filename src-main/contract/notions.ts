// The weight of an attendance mark, written once: the query layer builds its SQL from these
// (core/indicators/notions.ts) and the register's preview of unsaved marks uses `markWeight`.
import type { AttendanceStatus } from './sessions';

/** Marks that count as attended. */
export const attendedStatuses = ['present', 'late'] as const satisfies readonly AttendanceStatus[];
/** A half-day counts for ½ of a day. */
export const HALF_DAY_WEIGHT = 0.5;

/** The person-days one mark is worth. */
export const markWeight = (status: AttendanceStatus | null | undefined, halfDay: boolean) =>
  status && (attendedStatuses as readonly string[]).includes(status) ? (halfDay ? HALF_DAY_WEIGHT : 1) : 0;
