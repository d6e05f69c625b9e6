// Attendance summaries: per participant × live session, the days planned, the days attended and
// the person-days, so that figures never rescan a million marks. They are computed, never typed:
// TEMP triggers (created on each connection the core opens, from the notions) rewrite the rows a
// write touches in the same transaction, whatever wrote it (register, import, session edit or
// deletion, demo); a restored or migrated file is recomputed in full.
import type { Sqlite } from '../db/client';
import { dayWeight, markAttended, sessionLive } from './notions';

export const SUMMARIES = 'attendance_summaries';

/**
 * The summary rows of the pairs matching `session` / `participant` (SQL expressions, or null for
 * all): every pair registered or marked, for live sessions with at least one day.
 */
function summaryRows(session: string | null, participant: string | null) {
  const on = (sessionColumn: string, participantColumn: string) =>
    [session && `${sessionColumn} = ${session}`, participant && `${participantColumn} = ${participant}`]
      .filter(Boolean)
      .join(' AND ') || '1';
  return `
    SELECT k.session_id, k.participant_id, p.organisation_id, p.sex, p.decision_maker,
           b.first_day, b.last_day, b.planned, coalesce(m.attended, 0), coalesce(m.person_days, 0)
    FROM (SELECT sp.session_id, sp.participant_id FROM session_participants sp WHERE ${on('sp.session_id', 'sp.participant_id')}
          UNION
          SELECT d.session_id, a.participant_id FROM attendance a JOIN session_days d ON d.id = a.day_id
          WHERE ${on('d.session_id', 'a.participant_id')}) k
    JOIN sessions s ON s.id = k.session_id AND ${sessionLive('s')}
    JOIN participants p ON p.id = k.participant_id
    JOIN (SELECT d.session_id, min(d.date) AS first_day, max(d.date) AS last_day, sum(${dayWeight('d')}) AS planned
          FROM session_days d WHERE ${session ? `d.session_id = ${session}` : '1'} GROUP BY d.session_id) b
      ON b.session_id = k.session_id
    LEFT JOIN (SELECT d.session_id, a.participant_id, count(*) AS attended, sum(${dayWeight('d')}) AS person_days
               FROM attendance a JOIN session_days d ON d.id = a.day_id
               WHERE ${markAttended('a')} AND ${on('d.session_id', 'a.participant_id')}
               GROUP BY d.session_id, a.participant_id) m
      ON m.session_id = k.session_id AND m.participant_id = k.participant_id`;
}

const COLUMNS = `(session_id, participant_id, organisation_id, sex, decision_maker, first_day, last_day,
  days_planned, days_attended, person_days)`;

const refreshPair = (session: string, participant: string) => `
    DELETE FROM main.${SUMMARIES} WHERE session_id = ${session} AND participant_id = ${participant};
    INSERT INTO main.${SUMMARIES} ${COLUMNS} ${summaryRows(session, participant)};`;
const refreshSession = (session: string) => `
    DELETE FROM main.${SUMMARIES} WHERE session_id = ${session};
    INSERT INTO main.${SUMMARIES} ${COLUMNS} ${summaryRows(session, null)};`;
const sessionOfDay = (day: string) => `(SELECT session_id FROM main.session_days WHERE id = ${day})`;

function triggerStatements(): string[] {
  const trigger = (name: string, event: string, body: string) => [
    `DROP TRIGGER IF EXISTS temp.summaries_${name}`,
    `CREATE TEMP TRIGGER summaries_${name} AFTER ${event} BEGIN ${body} END`,
  ];
  return [
    ...trigger(
      'mark_insert',
      'INSERT ON main.attendance',
      refreshPair(sessionOfDay('NEW.day_id'), 'NEW.participant_id'),
    ),
    ...trigger(
      'mark_update',
      'UPDATE ON main.attendance',
      refreshPair(sessionOfDay('OLD.day_id'), 'OLD.participant_id') +
        refreshPair(sessionOfDay('NEW.day_id'), 'NEW.participant_id'),
    ),
    ...trigger(
      'mark_delete',
      'DELETE ON main.attendance',
      refreshPair(sessionOfDay('OLD.day_id'), 'OLD.participant_id'),
    ),
    ...trigger(
      'enrol_insert',
      'INSERT ON main.session_participants',
      refreshPair('NEW.session_id', 'NEW.participant_id'),
    ),
    ...trigger(
      'enrol_delete',
      'DELETE ON main.session_participants',
      refreshPair('OLD.session_id', 'OLD.participant_id'),
    ),
    ...trigger('day_insert', 'INSERT ON main.session_days', refreshSession('NEW.session_id')),
    ...trigger(
      'day_update',
      'UPDATE OF session_id, date, half_day ON main.session_days',
      refreshSession('OLD.session_id') + refreshSession('NEW.session_id'),
    ),
    ...trigger('day_delete', 'DELETE ON main.session_days', refreshSession('OLD.session_id')),
    ...trigger('session_update', 'UPDATE OF deleted_at ON main.sessions', refreshSession('NEW.id')),
    ...trigger(
      'participant_update',
      'UPDATE OF organisation_id, sex, decision_maker ON main.participants',
      `UPDATE main.${SUMMARIES} SET organisation_id = NEW.organisation_id, sex = NEW.sex,
         decision_maker = NEW.decision_maker WHERE participant_id = NEW.id;`,
    ),
  ];
}

/** Rewrites every summary from the marks (a restored, migrated or directly written file). */
export function recomputeSummaries(sqlite: Sqlite) {
  sqlite.transaction(() => {
    sqlite.exec(`DELETE FROM main.${SUMMARIES}`);
    sqlite.exec(`INSERT INTO main.${SUMMARIES} ${COLUMNS} ${summaryRows(null, null)}`);
  })();
}

/** Every summary as a full recomputation would write it, beside what is stored (tests). */
export function summariesDiffer(sqlite: Sqlite): number {
  const stored = `SELECT ${COLUMNS.replace(/[()]/g, '')} FROM main.${SUMMARIES}`;
  const fresh = summaryRows(null, null);
  return (
    (sqlite.prepare(`SELECT count(*) AS n FROM (${fresh} EXCEPT ${stored})`).get() as { n: number }).n +
    (sqlite.prepare(`SELECT count(*) AS n FROM (${stored} EXCEPT ${fresh})`).get() as { n: number }).n
  );
}

/**
 * Keeps the summaries of this connection's writes (TEMP triggers), and recomputes them when asked
 * (a restore) or when the table is new (the migration that created it just ran).
 */
export function installSummaries(sqlite: Sqlite, { recompute }: { recompute: boolean }) {
  const exists = sqlite
    .prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?")
    .get(SUMMARIES);
  if (!exists) return;
  sqlite.transaction(() => {
    for (const statement of triggerStatements()) sqlite.exec(statement);
  })();
  if (recompute) recomputeSummaries(sqlite);
}
