// The one query layer for programme figures: the dashboard, the indicators, the gender
// report and the committees' reports all read their numbers here.
import type { z } from 'zod';
import {
  type accompaniedOrganisationPage,
  type accompaniedOrganisationsInput,
  addMonths,
  type BySex,
  type indicatorFilters,
  type ProgrammeFigures,
  type trainedParticipantPage,
  type trainedParticipantsInput,
} from '../../contract';
import type { Context } from '../context';
import {
  dates,
  dayHeld,
  dayWeight,
  followUpDue,
  followUpOverdue,
  markAttended,
  sessionHeld,
} from './notions';

type Filters = z.output<typeof indicatorFilters>;

// Ratios stay unrounded: the screen, the PDF and the XLSX each round once, for display.
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function bySex(rows: { sex: string; n: number }[]): BySex {
  const women = rows.find((r) => r.sex === 'F')?.n ?? 0;
  const men = rows.find((r) => r.sex === 'M')?.n ?? 0;
  return { women, men, total: women + men };
}

function rates(rows: { sex: string; yes: number; n: number }[]) {
  const sum = (key: 'yes' | 'n') => rows.reduce((s, r) => s + r[key], 0);
  const of = (sex: string) => rows.find((r) => r.sex === sex);
  return {
    women: ratio(of('F')?.yes ?? 0, of('F')?.n ?? 0),
    men: ratio(of('M')?.yes ?? 0, of('M')?.n ?? 0),
    total: ratio(sum('yes'), sum('n')),
  };
}

type Params = Record<string, string | number | null>;

/**
 * A query's filters as SQL conditions on the columns named in `on`, only for the filters present,
 * so that each condition can use its index (never `(@x IS NULL OR …)`).
 */
function conditions(
  filters: Filters,
  on: { organisation: string; session?: string; pathway?: string },
): string[] {
  const organisation = on.organisation;
  return [
    filters.region !== undefined &&
      `${organisation} IN (SELECT id FROM organisations WHERE region = @region)`,
    filters.organisationType !== undefined &&
      `${organisation} IN (SELECT id FROM organisations WHERE type = @type)`,
    filters.organisationId !== undefined && `${organisation} = @organisation`,
    filters.pathwayId !== undefined &&
      (on.pathway
        ? `(${on.pathway} = @pathway OR ${on.session} IN (${SESSIONS_OF_PATHWAY}))`
        : `${on.session} IN (${SESSIONS_OF_PATHWAY})`),
  ].filter((c): c is string => typeof c === 'string');
}
const SESSIONS_OF_PATHWAY = `SELECT s.id FROM sessions s JOIN pathway_actions pa ON pa.id = s.pathway_action_id
  JOIN pathway_steps ps ON ps.id = pa.step_id WHERE ps.pathway_id = @pathway`;
const and = (parts: string[]) => (parts.length ? parts.join(' AND ') : '1');

const parameters = (ctx: Context, filters: Filters): Params => {
  const { today, soon } = dates(ctx.now());
  return {
    from: filters.from ?? '0000-01-01',
    to: filters.to ?? '9999-12-31',
    // The last day that counts: the period's end, or today when it is still to come.
    upper: filters.to && filters.to < today ? filters.to : today,
    region: filters.region ?? null,
    type: filters.organisationType ?? null,
    pathway: filters.pathwayId ?? null,
    organisation: filters.organisationId ?? null,
    today,
    soon,
  };
};

/** Filters that keep few summaries (see `participation`). */
const isNarrow = (filters: Filters) =>
  filters.from !== undefined || filters.pathwayId !== undefined || filters.organisationId !== undefined;

/**
 * Per participant × session, the days held in the period (planned, weighted) and the person-days
 * attended on them. A session wholly in the period (its first and last days, read off the summary,
 * between the period's start and its last day that counts) is read from its summary; one that
 * straddles the period's bounds (or today) is counted from its days and marks inside, when it has
 * any. One pass over the summaries that overlap the period, so that grouping per participant reads
 * their covering index in order.
 */
function participation(filters: Filters) {
  const where = and(conditions(filters, { organisation: 'x.organisation_id', session: 'x.session_id' }));
  const inside = `x.first_day >= @from AND x.last_day <= @upper`;
  // A period, a pathway or an organisation keeps few summaries: they are found through the date,
  // session or organisation indexes and then grouped, never by walking the whole participant
  // index in its order (a unary + leaves the value as it is but hides the column from the planner).
  const key = isNarrow(filters) ? '+' : '';
  return `
    SELECT * FROM (
      SELECT x.session_id, ${key}x.participant_id AS participant_id, x.organisation_id,
             x.sex, x.decision_maker,
             CASE WHEN ${inside} THEN x.days_planned ELSE
               (SELECT sum(${dayWeight('d')}) FROM session_days d
                WHERE d.session_id = x.session_id AND d.date >= @from AND d.date <= @upper) END AS planned,
             CASE WHEN ${inside} THEN x.person_days ELSE
               (SELECT coalesce(sum(${dayWeight('d')}), 0) FROM attendance a JOIN session_days d ON d.id = a.day_id
                WHERE a.participant_id = x.participant_id AND d.session_id = x.session_id AND ${markAttended('a')}
                  AND d.date >= @from AND d.date <= @upper) END AS person_days
      FROM attendance_summaries x
      WHERE x.first_day <= @upper AND x.last_day >= @from AND ${where})
    WHERE planned > 0`;
}

/** Per participant over the period: days planned (held), person-days; trained when person-days > 0. */
const people = (filters: Filters) => `
  SELECT participant_id, organisation_id, sex, decision_maker, sum(planned) AS planned,
         sum(person_days) AS person_days
  FROM (${participation(filters)}) GROUP BY participant_id`;

/** The people behind "participants trained" and "person-days", each with their person-days. */
export function trainedParticipants(
  ctx: Context,
  input: z.output<typeof trainedParticipantsInput>,
): z.output<typeof trainedParticipantPage> {
  const { page, pageSize, sex, ...filters } = input;
  const params = { ...parameters(ctx, filters), sex: sex ?? null };
  const rows = `SELECT participant_id, person_days FROM (${people(filters)})
                WHERE person_days > 0 ${sex ? 'AND sex = @sex' : ''}`;
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM (${rows})`).get(params) as { n: number }).n;
  const items = ctx.sqlite
    .prepare(
      `SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.sex, p.decision_maker AS decisionMaker,
              o.id AS organisationId, o.name AS organisationName, o.region, r.person_days AS personDays
       FROM (${rows}) r JOIN participants p ON p.id = r.participant_id JOIN organisations o ON o.id = p.organisation_id
       ORDER BY p.sort_name, p.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as (Omit<
    z.output<typeof trainedParticipantPage>['items'][number],
    'decisionMaker'
  > & {
    decisionMaker: number;
  })[];
  return { items: items.map((i) => ({ ...i, decisionMaker: i.decisionMaker === 1 })), total, page, pageSize };
}

/** The organisations behind "organisations accompanied", with their people trained and person-days. */
export function accompaniedOrganisations(
  ctx: Context,
  input: z.output<typeof accompaniedOrganisationsInput>,
): z.output<typeof accompaniedOrganisationPage> {
  const { page, pageSize, ...filters } = input;
  const params = parameters(ctx, filters);
  const rows = `SELECT organisation_id, count(*) AS people, count(*) FILTER (WHERE sex = 'F') AS women,
                       sum(person_days) AS person_days
                FROM (${people(filters)}) WHERE person_days > 0 GROUP BY organisation_id`;
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM (${rows})`).get(params) as { n: number }).n;
  const items = ctx.sqlite
    .prepare(
      `SELECT o.id, o.name, o.acronym, o.type, o.region, r.people AS participantsTrained, r.women AS womenTrained,
              r.person_days AS personDays
       FROM (${rows}) r JOIN organisations o ON o.id = r.organisation_id
       ORDER BY fold(o.name), o.id LIMIT @limit OFFSET @offset`,
    )
    .all({
      ...params,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }) as z.output<typeof accompaniedOrganisationPage>['items'];
  return { items, total, page, pageSize };
}

/**
 * The change of the capacity index and of the gender domain against the baseline, for the
 * organisations diagnosed at least twice whose latest diagnostic falls in the period: one
 * set-based query with the same arithmetic as `compareWithBaseline` (shares of each scale,
 * domain and index means rounded to 2 decimals, each change rounded once).
 */
function diagnosticChanges(ctx: Context, filters: Filters, params: Params) {
  const round2 = (x: string) => `(CAST(${x} * 100 + 0.5 AS INTEGER) / 100.0)`;
  const where = and([
    ...conditions({ ...filters, pathwayId: undefined }, { organisation: 'g.organisation_id' }),
    ...(filters.pathwayId
      ? ['g.organisation_id = (SELECT organisation_id FROM pathways WHERE id = @pathway)']
      : []),
  ]);
  const rows = ctx.sqlite
    .prepare(
      `WITH completed AS (
         SELECT g.id, g.organisation_id, g.framework_version_id,
                row_number() OVER (PARTITION BY g.organisation_id ORDER BY g.conducted_on, g.completed_at) AS rank,
                row_number() OVER (PARTITION BY g.organisation_id ORDER BY g.conducted_on DESC, g.completed_at DESC) AS back,
                count(*) OVER (PARTITION BY g.organisation_id) AS n,
                max(g.conducted_on) OVER (PARTITION BY g.organisation_id) AS last_on
         FROM diagnostics g WHERE g.status = 'completed' AND g.deleted_at IS NULL AND ${where}),
       compared AS MATERIALIZED (SELECT * FROM completed WHERE n >= 2 AND (rank = 1 OR back = 1)
                    AND last_on >= @from AND last_on <= @to),
       -- Walked diagnostic by diagnostic, domain by domain (the join order is forced, and the
       -- diagnostics are not searched from the compared ones), so that the groups come in order
       -- without sorting every score.
       domains AS MATERIALIZED (
         SELECT g.id, fd.code, ${round2('avg(s.score)')} AS score
         FROM diagnostics g CROSS JOIN framework_domains fd ON fd.version_id = g.framework_version_id
         CROSS JOIN framework_criteria fc ON fc.domain_id = fd.id
         CROSS JOIN diagnostic_scores s ON s.diagnostic_id = g.id AND s.criterion_id = fc.id AND s.score IS NOT NULL
         WHERE +g.id IN (SELECT id FROM compared)
         GROUP BY g.id, fd.id),
       shares AS MATERIALIZED (
         SELECT c.organisation_id, c.rank = 1 AS baseline,
                (${round2('(SELECT avg(score) FROM domains d WHERE d.id = c.id)')} - v.scale_min) * 100.0 / (v.scale_max - v.scale_min) AS idx,
                ((SELECT score FROM domains d WHERE d.id = c.id AND d.code = 'gender') - v.scale_min) * 100.0 / (v.scale_max - v.scale_min) AS gender
         FROM compared c JOIN framework_versions v ON v.id = c.framework_version_id)
       SELECT b.idx AS beforeIndex, l.idx AS afterIndex, b.gender AS beforeGender, l.gender AS afterGender
       FROM shares b JOIN shares l ON l.organisation_id = b.organisation_id AND l.baseline = 0
       WHERE b.baseline = 1`,
    )
    .all(params) as {
    beforeIndex: number | null;
    afterIndex: number | null;
    beforeGender: number | null;
    afterGender: number | null;
  }[];
  const change = (before: number | null, after: number | null) =>
    before !== null && after !== null ? Math.round((after - before) * 10) / 10 : null;
  const indexChanges = rows
    .map((r) => change(r.beforeIndex, r.afterIndex))
    .filter((v): v is number => v !== null);
  const genderChanges = rows
    .map((r) => change(r.beforeGender, r.afterGender))
    .filter((v): v is number => v !== null);
  return { indexChanges, genderChanges };
}

export function programmeFigures(ctx: Context, filters: Filters): ProgrammeFigures {
  const params = parameters(ctx, filters);
  const all = <T>(sql: string) => ctx.sqlite.prepare(sql).all(params) as T[];
  const one = <T>(sql: string) => ctx.sqlite.prepare(sql).get(params) as T;

  // The participation of the period gives the people, person-days, completion, organisations,
  // sessions and trainers.
  // The participant is joined only when an organisation filter needs it (every row has one), and
  // is then read first: the filter's people, and their evaluations and follow-ups by their index.
  const byOrganisation =
    filters.region !== undefined ||
    filters.organisationType !== undefined ||
    filters.organisationId !== undefined;
  // Sessions and organisations attended: read off the rows when they are few, else each session
  // or organisation probed for one summary with person-days.
  const few = isNarrow(filters);
  const attended =
    few || byOrganisation
      ? `SELECT DISTINCT session_id FROM (${participation(filters)}) WHERE person_days > 0`
      : `SELECT s.id AS session_id FROM sessions s
       WHERE EXISTS (SELECT 1 FROM (${participation(filters)}) x WHERE x.session_id = s.id AND x.person_days > 0)`;
  const participationRow = one<{ bySex: string; organisations: string; sessions: number; trainers: string }>(
    `WITH attended AS MATERIALIZED (${attended})
     SELECT
       (SELECT json_group_array(json_object('sex', sex, 'trained', trained, 'personDays', personDays,
                 'decisionMakers', decisionMakers, 'completed', completed, 'registered', registered))
        FROM (SELECT sex, count(*) FILTER (WHERE person_days > 0) AS trained,
                     coalesce(sum(person_days), 0) AS personDays,
                     count(*) FILTER (WHERE person_days > 0 AND decision_maker = 1) AS decisionMakers,
                     count(*) FILTER (WHERE person_days >= 0.8 * planned) AS completed, count(*) AS registered
              FROM (${people(filters)}) GROUP BY sex)) AS bySex,
       (SELECT json_object('all', count(*), 'women', count(*) FILTER (WHERE o.type = 'women_group'))
        FROM organisations o
        WHERE ${
          few
            ? `o.id IN (SELECT organisation_id FROM (${participation(filters)}) WHERE person_days > 0)`
            : `EXISTS (SELECT 1 FROM (${participation(filters)}) x WHERE x.organisation_id = o.id AND x.person_days > 0)`
        }) AS organisations,
       (SELECT count(*) FROM attended) AS sessions,
       (SELECT json_group_array(json_object('sex', sex, 'n', n)) FROM (
          SELECT t.sex, count(DISTINCT t.name) AS n FROM session_trainers t
          WHERE t.session_id IN (SELECT session_id FROM attended) GROUP BY t.sex)) AS trainers`,
  );
  const bySexRows = JSON.parse(participationRow.bySex) as {
    sex: string;
    trained: number;
    personDays: number;
    decisionMakers: number;
    completed: number;
    registered: number;
  }[];
  const pick = (key: 'trained' | 'personDays' | 'decisionMakers') =>
    bySex(bySexRows.map((r) => ({ sex: r.sex, n: r[key] })));
  const participantsTrained = pick('trained');
  const personDays = pick('personDays');
  const decisionMakersTrained = pick('decisionMakers');
  const completion = bySexRows.map((r) => ({ sex: r.sex, yes: r.completed, n: r.registered }));
  const organisations = JSON.parse(participationRow.organisations) as { all: number; women: number };
  const sessionCount = participationRow.sessions;
  const trainers = bySex(JSON.parse(participationRow.trainers) as { sex: string; n: number }[]);
  const followUpWhere = and(
    conditions(filters, {
      organisation: 'p.organisation_id',
      session: 'f.session_id',
      pathway: 'f.pathway_id',
    }),
  );
  // Follow-ups done in the period, by sex: skills applied (at any offset, and at 6 months).
  const applied = `f.skills_applied IN ('partly', 'fully')`;
  const done = all<{ sex: string; yes: number; n: number; yes6: number; n6: number }>(
    `SELECT p.sex, count(*) FILTER (WHERE ${applied}) AS yes, count(*) AS n,
            count(*) FILTER (WHERE ${applied} AND f.offset_months = 6) AS yes6,
            count(*) FILTER (WHERE f.offset_months = 6) AS n6
     FROM ${byOrganisation ? 'participants p CROSS JOIN follow_ups f ON f.participant_id = p.id' : 'follow_ups f JOIN participants p ON p.id = f.participant_id'}
     WHERE f.status = 'done' AND f.done_on >= @from AND f.done_on <= @to AND ${followUpWhere}
     GROUP BY p.sex`,
  );
  const application = rates(done);
  const application6Months = rates(done.map((r) => ({ sex: r.sex, yes: r.yes6, n: r.n6 })));
  const doneCount = done.reduce((sum, r) => sum + r.n, 0);
  const reaction = one<{ satisfaction: number | null; gain: number | null }>(
    `SELECT avg(e.satisfaction) AS satisfaction, avg(e.post_score - e.pre_score) AS gain
     FROM ${byOrganisation ? 'participants p CROSS JOIN evaluations e ON e.participant_id = p.id' : 'evaluations e'}
     WHERE +e.session_id IN (
         SELECT s.id FROM sessions s WHERE s.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM session_days d WHERE d.session_id = s.id AND d.date >= @from AND d.date <= @to))
       AND ${and(conditions(filters, { organisation: 'p.organisation_id', session: 'e.session_id' }))}`,
  );
  const scheduled = one<{ due: number; overdue: number }>(
    `SELECT count(*) FILTER (WHERE ${followUpDue('f')}) AS due, count(*) FILTER (WHERE ${followUpOverdue('f')}) AS overdue
     FROM ${byOrganisation ? 'participants p CROSS JOIN follow_ups f ON f.participant_id = p.id' : 'follow_ups f'}
     WHERE f.status = 'scheduled' AND ${followUpWhere}`,
  );
  const { indexChanges, genderChanges } = diagnosticChanges(ctx, filters, params);

  return {
    organisationsAccompanied: organisations.all,
    womenOrganisationsSupported: organisations.women,
    sessions: sessionCount,
    participantsTrained,
    personDays,
    decisionMakersTrained,
    trainers,
    womenShareParticipants: ratio(participantsTrained.women, participantsTrained.total),
    womenSharePersonDays: ratio(personDays.women, personDays.total),
    womenShareDecisionMakers: ratio(decisionMakersTrained.women, decisionMakersTrained.total),
    womenShareTrainers: ratio(trainers.women, trainers.total),
    parityIndex:
      participantsTrained.men > 0
        ? Math.round((participantsTrained.women / participantsTrained.men) * 100) / 100
        : null,
    completionRate: rates(completion),
    applicationRate: application,
    applicationRate6Months: application6Months,
    meanSatisfaction: reaction.satisfaction === null ? null : Math.round(reaction.satisfaction * 10) / 10,
    meanGain: reaction.gain === null ? null : Math.round(reaction.gain * 10) / 10,
    meanIndexChange: indexChanges.length
      ? Math.round((indexChanges.reduce((a, b) => a + b, 0) / indexChanges.length) * 10) / 10
      : null,
    genderProgressShare: ratio(genderChanges.filter((c) => c > 0).length, genderChanges.length),
    followUpsDue: scheduled.due ?? 0,
    followUpsOverdue: scheduled.overdue ?? 0,
    followUpsDone: doneCount,
  };
}

export interface SessionHeld {
  id: string;
  title: string;
  firstDay: string;
  lastDay: string;
  days: number;
  costFcfa: number;
  women: number;
  men: number;
  personDaysWomen: number;
  personDaysMen: number;
}

/**
 * Sessions held with a day in the period (up to today), each with the days held in it, its cost
 * (spent), the people present and their person-days (the same participation as
 * `programmeFigures`, so the totals agree).
 */
export function sessionsHeld(ctx: Context, filters: Filters) {
  const params = parameters(ctx, filters);
  const organisationFiltered =
    filters.region !== undefined ||
    filters.organisationType !== undefined ||
    filters.organisationId !== undefined;
  const query = `SELECT s.id, s.title, min(d.date) AS firstDay, max(d.date) AS lastDay,
              sum(${dayWeight('d')}) AS days, s.cost_fcfa AS costFcfa,
              coalesce(m.women, 0) AS women, coalesce(m.men, 0) AS men,
              coalesce(m.pd_women, 0) AS personDaysWomen, coalesce(m.pd_men, 0) AS personDaysMen
       FROM sessions s
       JOIN session_days d ON d.session_id = s.id
       LEFT JOIN (SELECT session_id,
                         count(*) FILTER (WHERE sex = 'F' AND person_days > 0) AS women,
                         count(*) FILTER (WHERE sex = 'M' AND person_days > 0) AS men,
                         sum(CASE WHEN sex = 'F' THEN person_days ELSE 0 END) AS pd_women,
                         sum(CASE WHEN sex = 'M' THEN person_days ELSE 0 END) AS pd_men
                  FROM (${participation(filters)}) GROUP BY session_id) m ON m.session_id = s.id
       WHERE ${dayHeld('d.date', 's', '@upper')} AND d.date >= @from
         AND ${and(conditions({ pathwayId: filters.pathwayId }, { organisation: '', session: 's.id' }))}
         ${organisationFiltered ? 'AND m.session_id IS NOT NULL' : ''}
       GROUP BY s.id`;
  const rows = ctx.sqlite.prepare(`${query} ORDER BY min(d.date), s.title`).all(params) as SessionHeld[];
  // People are counted once however many sessions they attended: their totals are the figures'.
  const totals = ctx.sqlite
    .prepare(
      `SELECT coalesce(sum(days), 0) AS days, coalesce(sum(costFcfa), 0) AS spentFcfa,
              coalesce(sum(personDaysWomen), 0) AS personDaysWomen, coalesce(sum(personDaysMen), 0) AS personDaysMen
       FROM (${query})`,
    )
    .get(params) as { days: number; spentFcfa: number; personDaysWomen: number; personDaysMen: number };
  return { rows, totals };
}

/** Which of the sessions given are held (see `sessionHeld`): their cost is what was spent. */
export function heldSessions(ctx: Context, sessionIds: string[]): Set<string> {
  if (sessionIds.length === 0) return new Set();
  const rows = ctx.sqlite
    .prepare(
      `SELECT s.id FROM sessions s WHERE s.id IN (SELECT value FROM json_each(@ids))
         AND ${sessionHeld('(SELECT min(d.date) FROM session_days d WHERE d.session_id = s.id)', 's')}`,
    )
    .pluck()
    .all({ ids: JSON.stringify(sessionIds), today: dates(ctx.now()).today }) as string[];
  return new Set(rows);
}

export interface PathwayExecution {
  id: string;
  title: string;
  organisationName: string;
  status: string;
  actionsPlanned: number;
  actionsDone: number;
  sessionsHeld: number;
  budgetPlannedFcfa: number;
  spentFcfa: number;
}

/**
 * Per pathway, over the period: actions planned (their planned dates overlap it) against
 * actions done (a session of the action held in the period), the budget of the planned actions
 * against the cost of the sessions held that started in the period (spent).
 */
export function pathwayExecution(ctx: Context, filters: Filters) {
  const params = parameters(ctx, filters);
  const held = `SELECT s.id, s.pathway_action_id, s.cost_fcfa, min(d.date) AS first_day FROM sessions s
                JOIN session_days d ON d.session_id = s.id
                WHERE s.pathway_action_id IS NOT NULL AND ${dayHeld('d.date', 's', '@upper')} AND d.date >= @from
                GROUP BY s.id`;
  const planned = `pa.planned_start <= @to AND pa.planned_end >= @from`;
  const query = `SELECT pw.id, pw.title, o.name AS organisationName, pw.status,
              count(DISTINCT CASE WHEN ${planned} THEN pa.id END) AS actionsPlanned,
              count(DISTINCT CASE WHEN ${planned} AND h.id IS NOT NULL THEN pa.id END) AS actionsDone,
              count(DISTINCT h.id) AS sessionsHeld,
              coalesce((SELECT sum(pa2.budget_fcfa) FROM pathway_actions pa2 JOIN pathway_steps ps2 ON ps2.id = pa2.step_id
                        WHERE ps2.pathway_id = pw.id AND ${planned.replaceAll('pa.', 'pa2.')}), 0) AS budgetPlannedFcfa,
              coalesce((SELECT sum(h2.cost_fcfa) FROM (${held}) h2
                        JOIN pathway_actions pa3 ON pa3.id = h2.pathway_action_id
                        JOIN pathway_steps ps3 ON ps3.id = pa3.step_id
                        WHERE ps3.pathway_id = pw.id AND h2.first_day >= @from), 0) AS spentFcfa
       FROM pathways pw
       JOIN organisations o ON o.id = pw.organisation_id
       LEFT JOIN pathway_steps ps ON ps.pathway_id = pw.id
       LEFT JOIN pathway_actions pa ON pa.step_id = ps.id
       LEFT JOIN (${held}) h ON h.pathway_action_id = pa.id
       WHERE ${and([
         ...conditions({ ...filters, pathwayId: undefined }, { organisation: 'pw.organisation_id' }),
         ...(filters.pathwayId ? ['pw.id = @pathway'] : []),
       ])}
       GROUP BY pw.id
       HAVING actionsPlanned > 0 OR sessionsHeld > 0`;
  const rows = ctx.sqlite
    .prepare(`${query} ORDER BY fold(o.name), pw.title`)
    .all(params) as PathwayExecution[];
  const totals = ctx.sqlite
    .prepare(
      `SELECT coalesce(sum(actionsPlanned), 0) AS actionsPlanned, coalesce(sum(actionsDone), 0) AS actionsDone,
              coalesce(sum(sessionsHeld), 0) AS sessionsHeld, coalesce(sum(budgetPlannedFcfa), 0) AS budgetPlannedFcfa,
              coalesce(sum(spentFcfa), 0) AS spentFcfa
       FROM (${query})`,
    )
    .get(params) as Omit<PathwayExecution, 'id' | 'title' | 'organisationName' | 'status'>;
  return { rows, totals };
}

/** Follow-ups due in the period (cancelled ones aside): done, still to do, overdue. */
export function followUpsDueInPeriod(ctx: Context, filters: Filters) {
  const params = parameters(ctx, filters);
  return ctx.sqlite
    .prepare(
      `SELECT count(*) AS due, count(*) FILTER (WHERE f.status = 'done') AS done,
              count(*) FILTER (WHERE f.status = 'scheduled') AS pending,
              count(*) FILTER (WHERE ${followUpOverdue('f')}) AS overdue
       FROM follow_ups f
       JOIN participants p ON p.id = f.participant_id
       WHERE f.status <> 'cancelled' AND f.due_on >= @from AND f.due_on <= @to
         AND ${and(conditions(filters, { organisation: 'p.organisation_id', session: 'f.session_id', pathway: 'f.pathway_id' }))}`,
    )
    .get(params) as { due: number; done: number; pending: number; overdue: number };
}

export interface GroupParticipation {
  group: string;
  women: number;
  total: number;
  personDaysWomen: number;
  personDays: number;
}

/** The quarter (2024-T1) or month (2024-01) of a date column. */
const PERIODS = {
  quarter: (day: string) =>
    `substr(${day}, 1, 4) || '-T' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`,
  month: (day: string) => `substr(${day}, 1, 7)`,
} as const;

/**
 * Per participant, the person-days of each quarter or month of the period: the days of a session
 * wholly in one of them (and in the period) read from its summary, the others' from their marks
 * day by day, so that each period's figures are `participation` with that period as filter.
 */
function participationByPeriod(filters: Filters, unit: 'quarter' | 'month') {
  const period = PERIODS[unit];
  const where = and(conditions(filters, { organisation: 'x.organisation_id', session: 'x.session_id' }));
  const onePeriod = `x.first_day >= @from AND x.last_day <= @upper AND ${period('x.first_day')} = ${period('x.last_day')}`;
  return `
    SELECT ${period('x.first_day')} AS "group", x.participant_id, x.sex, x.person_days
    FROM attendance_summaries x WHERE ${onePeriod} AND ${where}
    UNION ALL
    SELECT ${period('d.date')}, x.participant_id, x.sex, ${dayWeight('d')}
    FROM attendance_summaries x
    CROSS JOIN session_days d ON d.session_id = x.session_id AND d.date >= @from AND d.date <= @upper
    CROSS JOIN attendance a ON a.day_id = d.id AND a.participant_id = x.participant_id AND ${markAttended('a')}
    WHERE x.first_day <= @upper AND x.last_day >= @from AND NOT (${onePeriod}) AND ${where}`;
}

/** Per group, the people trained (person-days > 0) and their person-days, by sex. */
const byGroup = (rows: string) => `
  SELECT "group", count(*) FILTER (WHERE sex = 'F') AS women, count(*) AS total,
         sum(CASE WHEN sex = 'F' THEN person_days ELSE 0 END) AS personDaysWomen,
         sum(person_days) AS personDays
  FROM (${rows}) GROUP BY 1 ORDER BY 1`;

/**
 * People trained and person-days by sex for each quarter or month, over the same participation
 * as `programmeFigures`, so that each group's figures equal `programmeFigures` with that group as
 * filter.
 */
export function participationBy(
  ctx: Context,
  filters: Filters,
  group: 'quarter' | 'month',
): GroupParticipation[] {
  return ctx.sqlite
    .prepare(
      byGroup(`SELECT "group", participant_id, sex, sum(person_days) AS person_days
               FROM (${participationByPeriod(filters, group)})
               GROUP BY 1, participant_id HAVING sum(person_days) > 0`),
    )
    .all(parameters(ctx, filters)) as GroupParticipation[];
}

/**
 * The same by organisation type and by region, from one pass over the participation grouped per
 * participant (a participant's summaries all carry their organisation).
 */
export function participationByOrganisation(
  ctx: Context,
  filters: Filters,
): { byType: GroupParticipation[]; byRegion: GroupParticipation[] } {
  const rows = ctx.sqlite
    .prepare(
      `WITH trained AS MATERIALIZED (
         SELECT o.type, coalesce(o.region, '') AS region, x.participant_id, x.sex, x.person_days
         FROM (SELECT participant_id, organisation_id, sex, sum(person_days) AS person_days
               FROM (${participation(filters)}) GROUP BY participant_id HAVING sum(person_days) > 0) x
         JOIN organisations o ON o.id = x.organisation_id)
       SELECT 'type' AS by, * FROM (${byGroup('SELECT type AS "group", sex, person_days FROM trained')})
       UNION ALL
       SELECT 'region', * FROM (${byGroup('SELECT region AS "group", sex, person_days FROM trained')})
       ORDER BY 1, 2`,
    )
    .all(parameters(ctx, filters)) as (GroupParticipation & { by: string })[];
  const of = (by: string) => rows.filter((r) => r.by === by).map(({ by: _, ...group }) => group);
  return { byType: of('type'), byRegion: of('region') };
}
