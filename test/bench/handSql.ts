// The four gender figures (people trained, person-days, decision-makers, completion by sex) written
// by hand as one SQL pass over the raw marks: the reference the query layer is compared with.
import Database from 'better-sqlite3';

export async function handWrittenGenderFigures(file: string) {
  const db = new Database(file, { readonly: true });
  const today = new Date().toISOString().slice(0, 10);
  const sql = `
    SELECT count(*) FILTER (WHERE pd > 0 AND sex = 'F') AS trainedWomen,
           count(*) FILTER (WHERE pd > 0 AND sex = 'M') AS trainedMen,
           coalesce(sum(pd), 0) AS personDays,
           count(*) FILTER (WHERE pd > 0 AND dm = 1) AS decisionMakers,
           count(*) FILTER (WHERE pd >= 0.8 * planned AND sex = 'F') AS completedWomen,
           count(*) FILTER (WHERE pd >= 0.8 * planned AND sex = 'M') AS completedMen
    FROM (SELECT p.id, p.sex, p.decision_maker AS dm,
                 sum(CASE WHEN d.half_day THEN 0.5 ELSE 1 END) AS planned,
                 sum(CASE WHEN a.status IN ('present', 'late') THEN CASE WHEN d.half_day THEN 0.5 ELSE 1 END ELSE 0 END) AS pd
          FROM session_participants sp
          JOIN sessions s ON s.id = sp.session_id AND s.deleted_at IS NULL
          JOIN session_days d ON d.session_id = s.id AND d.date <= @today
          JOIN participants p ON p.id = sp.participant_id
          LEFT JOIN attendance a ON a.day_id = d.id AND a.participant_id = p.id
          GROUP BY p.id)`;
  const statement = db.prepare(sql);
  statement.get({ today });
  const started = performance.now();
  const figures = statement.get({ today }) as {
    trainedWomen: number;
    trainedMen: number;
    personDays: number;
    decisionMakers: number;
  };
  const ms = performance.now() - started;
  db.close();
  return { ms, figures };
}
