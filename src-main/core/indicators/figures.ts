// The one query layer for programme figures: the dashboard, the indicators, the gender
// report and the committees' reports all read their numbers here.
import { addMonths, type BySex, type Output, type ParsedInput, type ProgrammeFigures } from '../../contract';
import type { Context } from '../context';
import { compareWithBaseline } from '../diagnostics/service';

type Filters = ParsedInput<'indicators.figures'>;

// Ratios stay unrounded: the screen, the PDF and the XLSX each round once, for display.
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

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
const organisationFilter = `(@region IS NULL OR o.region = @region) AND (@type IS NULL OR o.type = @type)`;
const dayFilter = `(@from IS NULL OR d.date >= @from) AND (@to IS NULL OR d.date <= @to)`;
const sessionFilter = `(@pathway IS NULL OR s.pathway_action_id IN (
  SELECT pa.id FROM pathway_actions pa JOIN pathway_steps ps ON ps.id = pa.step_id WHERE ps.pathway_id = @pathway))`;

const MARKS = `
  SELECT a.participant_id, p.sex, p.decision_maker, o.id AS organisation_id, o.type AS organisation_type,
         d.session_id, CASE WHEN d.half_day THEN 0.5 ELSE 1 END AS weight, a.status
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
});

/** The people behind "participants trained" and "person-days", each with their person-days. */
export function trainedParticipants(
  ctx: Context,
  input: ParsedInput<'indicators.trainedParticipants'>,
): Output<'indicators.trainedParticipants'> {
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
    Output<'indicators.trainedParticipants'>['items'][number],
    'decisionMaker'
  > & {
    decisionMaker: number;
  })[];
  return { items: items.map((i) => ({ ...i, decisionMaker: i.decisionMaker === 1 })), total, page, pageSize };
}

/** The organisations behind "organisations accompanied", with their people trained and person-days. */
export function accompaniedOrganisations(
  ctx: Context,
  input: ParsedInput<'indicators.accompaniedOrganisations'>,
): Output<'indicators.accompaniedOrganisations'> {
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
    }) as Output<'indicators.accompaniedOrganisations'>['items'];
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
  // Completion: present on at least 80 % of the (weighted) days of the sessions one is registered for.
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
       WHERE ${dayFilter} AND ${organisationFilter} AND ${sessionFilter}
       GROUP BY p.id)
     GROUP BY sex`,
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
  const today = ctx.now().toISOString().slice(0, 10);
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
