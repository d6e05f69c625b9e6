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
import { compareWithBaseline } from '../diagnostics/service';

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

/** SQL conditions for the filters on a participant's organisation, a day's date and a session. */
const organisationFilter = `(@region IS NULL OR o.region = @region) AND (@type IS NULL OR o.type = @type)
  AND (@organisation IS NULL OR o.id = @organisation)`;
const dayFilter = `(@from IS NULL OR d.date >= @from) AND (@to IS NULL OR d.date <= @to)`;
const sessionFilter = `(@pathway IS NULL OR s.pathway_action_id IN (
  SELECT pa.id FROM pathway_actions pa JOIN pathway_steps ps ON ps.id = pa.step_id WHERE ps.pathway_id = @pathway))`;

const MARKS = `
  SELECT a.participant_id, p.sex, p.decision_maker, o.id AS organisation_id, o.type AS organisation_type,
         o.region, d.date, d.session_id, CASE WHEN d.half_day THEN 0.5 ELSE 1 END AS weight, a.status
  FROM attendance a
  JOIN session_days d ON d.id = a.day_id
  JOIN sessions s ON s.id = d.session_id AND s.deleted_at IS NULL
  JOIN participants p ON p.id = a.participant_id
  JOIN organisations o ON o.id = p.organisation_id
  WHERE ${dayFilter} AND ${organisationFilter} AND ${sessionFilter}`;
const ATTENDED = `SELECT * FROM (${MARKS}) WHERE status IN ('present', 'late')`;

const parameters = (filters: Filters) => ({
  from: filters.from ?? null,
  to: filters.to ?? null,
  region: filters.region ?? null,
  type: filters.organisationType ?? null,
  pathway: filters.pathwayId ?? null,
  organisation: filters.organisationId ?? null,
});

/** The people behind "participants trained" and "person-days", each with their person-days. */
export function trainedParticipants(
  ctx: Context,
  input: z.output<typeof trainedParticipantsInput>,
): z.output<typeof trainedParticipantPage> {
  const { page, pageSize, sex, ...filters } = input;
  const params = { ...parameters(filters), sex: sex ?? null };
  const rows = `SELECT participant_id, sum(weight) AS person_days FROM (${ATTENDED}) WHERE (@sex IS NULL OR sex = @sex) GROUP BY participant_id`;
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
  const params = parameters(filters);
  const rows = `SELECT organisation_id, count(DISTINCT participant_id) AS people,
                       count(DISTINCT CASE WHEN sex = 'F' THEN participant_id END) AS women, sum(weight) AS person_days
                FROM (${ATTENDED}) GROUP BY organisation_id`;
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

export function programmeFigures(ctx: Context, filters: Filters): ProgrammeFigures {
  const params = parameters(filters);
  const all = <T>(sql: string, extra: Record<string, unknown> = {}) =>
    ctx.sqlite.prepare(sql).all({ ...params, ...extra }) as T[];
  const one = <T>(sql: string, extra: Record<string, unknown> = {}) =>
    ctx.sqlite.prepare(sql).get({ ...params, ...extra }) as T;

  const participantsTrained = bySex(
    all(`SELECT sex, count(DISTINCT participant_id) AS n FROM (${ATTENDED}) GROUP BY sex`),
  );
  const personDays = bySex(all(`SELECT sex, sum(weight) AS n FROM (${ATTENDED}) GROUP BY sex`));
  const decisionMakersTrained = bySex(
    all(
      `SELECT sex, count(DISTINCT participant_id) AS n FROM (${ATTENDED}) WHERE decision_maker = 1 GROUP BY sex`,
    ),
  );
  const organisations = one<{ all: number; women: number; sessions: number }>(
    `SELECT count(DISTINCT organisation_id) AS "all",
            count(DISTINCT CASE WHEN organisation_type = 'women_group' THEN organisation_id END) AS women,
            count(DISTINCT session_id) AS sessions
     FROM (${ATTENDED})`,
  );
  const trainers = bySex(
    all(
      `SELECT t.sex, count(DISTINCT t.name) AS n FROM session_trainers t
       WHERE t.session_id IN (SELECT DISTINCT session_id FROM (${ATTENDED})) GROUP BY t.sex`,
    ),
  );
  const today = ctx.now().toISOString().slice(0, 10);
  // Completion: present on at least 80 % of the (weighted) days held so far of the sessions one is registered for.
  const completion = all<{ sex: string; yes: number; n: number }>(
    `SELECT sex, sum(attended >= 0.8 * planned) AS yes, count(*) AS n FROM (
       SELECT p.id, p.sex, sum(CASE WHEN d.half_day THEN 0.5 ELSE 1 END) AS planned,
              sum(CASE WHEN a.status IN ('present', 'late') THEN (CASE WHEN d.half_day THEN 0.5 ELSE 1 END) ELSE 0 END) AS attended
       FROM session_participants sp
       JOIN sessions s ON s.id = sp.session_id AND s.deleted_at IS NULL
       JOIN session_days d ON d.session_id = s.id
       JOIN participants p ON p.id = sp.participant_id
       JOIN organisations o ON o.id = p.organisation_id
       LEFT JOIN attendance a ON a.day_id = d.id AND a.participant_id = p.id
       WHERE ${dayFilter} AND d.date <= @today AND ${organisationFilter} AND ${sessionFilter}
       GROUP BY p.id)
     GROUP BY sex`,
    { today },
  );
  const followUpsDone = `
    SELECT p.sex, f.skills_applied, f.offset_months FROM follow_ups f
    JOIN participants p ON p.id = f.participant_id
    JOIN organisations o ON o.id = p.organisation_id
    LEFT JOIN sessions s ON s.id = f.session_id
    WHERE f.status = 'done' AND (@from IS NULL OR f.done_on >= @from) AND (@to IS NULL OR f.done_on <= @to)
      AND ${organisationFilter}
      AND (@pathway IS NULL OR f.pathway_id = @pathway OR (s.id IS NOT NULL AND ${sessionFilter}))`;
  const application = (extra = '') =>
    rates(
      all(
        `SELECT sex, sum(skills_applied IN ('partly', 'fully')) AS yes, count(*) AS n FROM (${followUpsDone}) ${extra} GROUP BY sex`,
      ),
    );
  const reaction = one<{ satisfaction: number | null; gain: number | null }>(
    `SELECT avg(e.satisfaction) AS satisfaction, avg(e.post_score - e.pre_score) AS gain
     FROM evaluations e
     JOIN participants p ON p.id = e.participant_id
     JOIN organisations o ON o.id = p.organisation_id
     JOIN sessions s ON s.id = e.session_id AND s.deleted_at IS NULL
     WHERE ${organisationFilter} AND ${sessionFilter}
       AND EXISTS (SELECT 1 FROM session_days d WHERE d.session_id = s.id AND ${dayFilter})`,
  );
  const scheduled = one<{ due: number; overdue: number }>(
    `SELECT sum(f.due_on <= @soon) AS due, sum(f.due_on < @today) AS overdue FROM follow_ups f
     JOIN participants p ON p.id = f.participant_id
     JOIN organisations o ON o.id = p.organisation_id
     LEFT JOIN sessions s ON s.id = f.session_id
     WHERE f.status = 'scheduled' AND ${organisationFilter}
       AND (@pathway IS NULL OR f.pathway_id = @pathway OR (s.id IS NOT NULL AND ${sessionFilter}))`,
    { today, soon: addMonths(today, 1) },
  );
  const doneCount = one<{ n: number }>(`SELECT count(*) AS n FROM (${followUpsDone})`).n;

  // Results: organisations diagnosed at least twice, latest diagnostic within the period.
  const diagnosed = all<{ id: string }>(
    `SELECT o.id FROM organisations o
     JOIN diagnostics g ON g.organisation_id = o.id AND g.status = 'completed' AND g.deleted_at IS NULL
     WHERE ${organisationFilter}
       AND (@pathway IS NULL OR o.id = (SELECT organisation_id FROM pathways WHERE id = @pathway))
     GROUP BY o.id HAVING count(*) >= 2
       AND (@from IS NULL OR max(g.conducted_on) >= @from) AND (@to IS NULL OR max(g.conducted_on) <= @to)`,
  );
  const comparisons = diagnosed.map((o) => compareWithBaseline(ctx, o.id));
  const indexChanges = comparisons.map((c) => c.indexChange).filter((v): v is number => v !== null);
  const genderChanges = comparisons
    .map((c) => c.domains.find((d) => d.code === 'gender')?.change ?? null)
    .filter((v): v is number => v !== null);

  return {
    organisationsAccompanied: organisations.all,
    womenOrganisationsSupported: organisations.women,
    sessions: organisations.sessions,
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
    applicationRate: application(),
    applicationRate6Months: application('WHERE offset_months = 6'),
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
 * Sessions with a day in the period, each with the people present and their person-days
 * (the same attendance marks as `programmeFigures`, so the totals agree).
 */
export function sessionsHeld(ctx: Context, filters: Filters): SessionHeld[] {
  const params = parameters(filters);
  const organisationFiltered = params.region !== null || params.type !== null || params.organisation !== null;
  return ctx.sqlite
    .prepare(
      `SELECT s.id, s.title, min(d.date) AS firstDay, max(d.date) AS lastDay,
              sum(CASE WHEN d.half_day THEN 0.5 ELSE 1 END) AS days, s.cost_fcfa AS costFcfa,
              coalesce(m.women, 0) AS women, coalesce(m.men, 0) AS men,
              coalesce(m.pd_women, 0) AS personDaysWomen, coalesce(m.pd_men, 0) AS personDaysMen
       FROM sessions s
       JOIN session_days d ON d.session_id = s.id
       LEFT JOIN (SELECT session_id,
                         count(DISTINCT CASE WHEN sex = 'F' THEN participant_id END) AS women,
                         count(DISTINCT CASE WHEN sex = 'M' THEN participant_id END) AS men,
                         sum(CASE WHEN sex = 'F' THEN weight ELSE 0 END) AS pd_women,
                         sum(CASE WHEN sex = 'M' THEN weight ELSE 0 END) AS pd_men
                  FROM (${ATTENDED}) GROUP BY session_id) m ON m.session_id = s.id
       WHERE s.deleted_at IS NULL AND ${dayFilter} AND ${sessionFilter}
         AND (@filtered = 0 OR m.session_id IS NOT NULL)
       GROUP BY s.id ORDER BY min(d.date), s.title`,
    )
    .all({ ...params, filtered: organisationFiltered ? 1 : 0 }) as SessionHeld[];
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
 * actions done (a session of the action held in the period, up to today), the budget of the
 * planned actions against the cost of the sessions that started in the period.
 */
export function pathwayExecution(ctx: Context, filters: Filters): PathwayExecution[] {
  const params = { ...parameters(filters), today: ctx.now().toISOString().slice(0, 10) };
  const held = `SELECT s.id, s.pathway_action_id, s.cost_fcfa, min(d.date) AS first_day FROM sessions s
                JOIN session_days d ON d.session_id = s.id
                WHERE s.deleted_at IS NULL AND s.pathway_action_id IS NOT NULL AND d.date <= @today AND ${dayFilter}
                GROUP BY s.id`;
  const planned = `pa.planned_start <= coalesce(@to, '9999-12-31') AND pa.planned_end >= coalesce(@from, '0000-01-01')`;
  return ctx.sqlite
    .prepare(
      `SELECT pw.id, pw.title, o.name AS organisationName, pw.status,
              count(DISTINCT CASE WHEN ${planned} THEN pa.id END) AS actionsPlanned,
              count(DISTINCT CASE WHEN ${planned} AND h.id IS NOT NULL THEN pa.id END) AS actionsDone,
              count(DISTINCT h.id) AS sessionsHeld,
              coalesce((SELECT sum(pa2.budget_fcfa) FROM pathway_actions pa2 JOIN pathway_steps ps2 ON ps2.id = pa2.step_id
                        WHERE ps2.pathway_id = pw.id AND ${planned.replaceAll('pa.', 'pa2.')}), 0) AS budgetPlannedFcfa,
              coalesce((SELECT sum(h2.cost_fcfa) FROM (${held}) h2
                        JOIN pathway_actions pa3 ON pa3.id = h2.pathway_action_id
                        JOIN pathway_steps ps3 ON ps3.id = pa3.step_id
                        WHERE ps3.pathway_id = pw.id
                          AND (@from IS NULL OR h2.first_day >= @from)), 0) AS spentFcfa
       FROM pathways pw
       JOIN organisations o ON o.id = pw.organisation_id
       LEFT JOIN pathway_steps ps ON ps.pathway_id = pw.id
       LEFT JOIN pathway_actions pa ON pa.step_id = ps.id
       LEFT JOIN (${held}) h ON h.pathway_action_id = pa.id
       WHERE ${organisationFilter} AND (@pathway IS NULL OR pw.id = @pathway)
       GROUP BY pw.id
       HAVING actionsPlanned > 0 OR sessionsHeld > 0
       ORDER BY fold(o.name), pw.title`,
    )
    .all(params) as PathwayExecution[];
}

/** Follow-ups due in the period (cancelled ones aside): done, still to do, overdue. */
export function followUpsDueInPeriod(ctx: Context, filters: Filters) {
  const params = { ...parameters(filters), today: ctx.now().toISOString().slice(0, 10) };
  const row = ctx.sqlite
    .prepare(
      `SELECT count(*) AS due, coalesce(sum(f.status = 'done'), 0) AS done,
              coalesce(sum(f.status = 'scheduled'), 0) AS pending,
              coalesce(sum(f.status = 'scheduled' AND f.due_on < @today), 0) AS overdue
       FROM follow_ups f
       JOIN participants p ON p.id = f.participant_id
       JOIN organisations o ON o.id = p.organisation_id
       LEFT JOIN sessions s ON s.id = f.session_id
       WHERE f.status <> 'cancelled'
         AND (@from IS NULL OR f.due_on >= @from) AND (@to IS NULL OR f.due_on <= @to)
         AND ${organisationFilter}
         AND (@pathway IS NULL OR f.pathway_id = @pathway OR (s.id IS NOT NULL AND ${sessionFilter}))`,
    )
    .get(params) as { due: number; done: number; pending: number; overdue: number };
  return row;
}

export interface GroupParticipation {
  group: string;
  women: number;
  total: number;
  personDaysWomen: number;
  personDays: number;
}

const GROUPS = {
  type: 'organisation_type',
  region: "coalesce(region, '')",
  quarter: "substr(date, 1, 4) || '-T' || ((CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3)",
} as const;

/**
 * People trained and person-days by sex for each organisation type, region or quarter, in one
 * pass over the same attendance marks as `programmeFigures` (so each group's figures equal
 * `programmeFigures` with that group as filter).
 */
export function participationBy(
  ctx: Context,
  filters: Filters,
  group: keyof typeof GROUPS,
): GroupParticipation[] {
  return ctx.sqlite
    .prepare(
      `SELECT ${GROUPS[group]} AS "group",
              count(DISTINCT CASE WHEN sex = 'F' THEN participant_id END) AS women,
              count(DISTINCT participant_id) AS total,
              sum(CASE WHEN sex = 'F' THEN weight ELSE 0 END) AS personDaysWomen,
              sum(weight) AS personDays
       FROM (${ATTENDED}) GROUP BY 1 ORDER BY 1`,
    )
    .all(parameters(filters)) as GroupParticipation[];
}
