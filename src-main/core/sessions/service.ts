import type { z } from 'zod';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type {
  addParticipantsInput,
  listSessionsInput,
  recordAttendanceInput,
  recordEvaluationsInput,
  removeParticipantInput,
  Session,
  sessionFields,
  sessionPage,
  updateSessionInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { planList, writeRowsById } from '../db/lists';
import {
  attendance,
  evaluations,
  organisations,
  participants,
  pathwayActions,
  pathways,
  pathwaySteps,
  sessionDays,
  sessionParticipants,
  sessions,
  sessionTrainers,
  trainingModules,
} from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { containsSearch, qualified } from '../db/sql';
import { gain, mean, personDays } from './figures';
import { participantsWhere } from '../participants/service';
import { scheduleForSession } from '../followups/service';
import { enrolledIn, pathwayOfAction } from '../pathways/links';

type Fields = z.output<typeof sessionFields>;

function findSession(ctx: Context, id: string) {
  const row = ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.deletedAt)))
    .get();
  if (!row) throw notFound('Session');
  return row;
}

export function getSession(ctx: Context, id: string): Session {
  const row = findSession(ctx, id);
  const days = ctx.db
    .select({
      id: sessionDays.id,
      date: sessionDays.date,
      startTime: sessionDays.startTime,
      endTime: sessionDays.endTime,
      halfDay: sessionDays.halfDay,
    })
    .from(sessionDays)
    .where(eq(sessionDays.sessionId, id))
    .orderBy(asc(sessionDays.date))
    .all();
  const trainers = ctx.db
    .select({ name: sessionTrainers.name, sex: sessionTrainers.sex, kind: sessionTrainers.kind })
    .from(sessionTrainers)
    .where(eq(sessionTrainers.sessionId, id))
    .orderBy(asc(sessionTrainers.position))
    .all() as Session['trainers'];
  const registered = ctx.db
    .select({ participantId: sessionParticipants.participantId, walkIn: sessionParticipants.walkIn })
    .from(sessionParticipants)
    .where(eq(sessionParticipants.sessionId, id))
    .all();
  const walkIn = new Map(registered.map((r) => [r.participantId, r.walkIn]));
  const people = registered.length
    ? participantsWhere(
        ctx,
        inArray(
          participants.id,
          registered.map((r) => r.participantId),
        ),
      ).map((p) => ({ ...p, walkIn: walkIn.get(p.id)! }))
    : [];
  const marks = days.length
    ? (ctx.db
        .select({
          dayId: attendance.dayId,
          participantId: attendance.participantId,
          status: attendance.status,
        })
        .from(attendance)
        .where(
          inArray(
            attendance.dayId,
            days.map((d) => d.id),
          ),
        )
        .all() as Session['attendance'])
    : [];
  const evaluationRows = ctx.db
    .select({
      participantId: evaluations.participantId,
      satisfaction: evaluations.satisfaction,
      preScore: evaluations.preScore,
      postScore: evaluations.postScore,
    })
    .from(evaluations)
    .where(eq(evaluations.sessionId, id))
    .all()
    .map((e) => ({ ...e, gain: gain(e.preScore, e.postScore) }));
  const women = new Set(people.filter((p) => p.sex === 'F').map((p) => p.id));
  const men = new Set(people.filter((p) => p.sex === 'M').map((p) => p.id));
  const module = row.moduleId
    ? ctx.db
        .select({ title: trainingModules.title })
        .from(trainingModules)
        .where(eq(trainingModules.id, row.moduleId))
        .get()
    : undefined;
  return {
    id: row.id,
    title: row.title,
    pathwayActionId: row.pathwayActionId,
    pathway: row.pathwayActionId ? (pathwayOfAction(ctx, row.pathwayActionId) ?? null) : null,
    moduleId: row.moduleId,
    moduleTitle: module?.title ?? null,
    phase: row.phase as Session['phase'],
    region: row.region,
    commune: row.commune,
    venue: row.venue,
    costFcfa: row.costFcfa,
    days,
    trainers,
    participants: people,
    attendance: marks,
    evaluations: evaluationRows,
    figures: {
      personDays: personDays(days, marks),
      personDaysWomen: personDays(days, marks, women),
      personDaysMen: personDays(days, marks, men),
      participantsWomen: women.size,
      participantsMen: men.size,
      satisfaction: mean(evaluationRows.map((e) => e.satisfaction)),
      meanGain: mean(evaluationRows.map((e) => e.gain)),
    },
  };
}

const firstDayOf = sql<
  string | null
>`(SELECT min(${sessionDays.date}) FROM ${sessionDays} WHERE ${sessionDays.sessionId} = ${qualified(sessions.id)})`;

/** The ids of one page of the sessions matching `where`, by first day then id. */
function sessionsByFirstDay(
  ctx: Context,
  where: SQL | undefined,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  return ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(where)
    .orderBy(direction === 'asc' ? asc(firstDayOf) : desc(firstDayOf), asc(sessions.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id);
}

/**
 * One page of all live sessions, latest first day first (then id), as `sessionsByFirstDay` orders
 * them, without computing the first day of every session: the date index is walked backwards and
 * a day is kept when it is its session's first (no earlier day, nor an equal one with a smaller
 * id), so a page reads a few hundred days. Sessions without days come last (by id).
 */
function latestSessions(ctx: Context, limit: number, offset: number): string[] {
  const withDays = ctx.sqlite
    .prepare(
      `SELECT f.session_id AS id FROM session_days f INDEXED BY session_days_date_idx
       CROSS JOIN sessions s ON s.id = f.session_id
       WHERE s.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM session_days o
         WHERE o.session_id = f.session_id AND (o.date < f.date OR (o.date = f.date AND o.id < f.id)))
       ORDER BY f.date DESC, f.session_id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit, offset) as string[];
  if (withDays.length === limit) return withDays;
  const dated = ctx.sqlite
    .prepare(
      `SELECT count(*) FROM sessions s WHERE s.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM session_days d WHERE d.session_id = s.id)`,
    )
    .pluck()
    .get() as number;
  const undated = ctx.sqlite
    .prepare(
      `SELECT s.id FROM sessions s WHERE s.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM session_days d WHERE d.session_id = s.id)
       ORDER BY s.id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit - withDays.length, Math.max(0, offset - dated)) as string[];
  return [...withDays, ...undated];
}

export function listSessions(
  ctx: Context,
  input: z.output<typeof listSessionsInput>,
): z.output<typeof sessionPage> {
  const filters: (SQL | undefined)[] = [isNull(sessions.deletedAt)];
  if (input.month) {
    const [y, m] = input.month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    filters.push(
      sql`EXISTS (SELECT 1 FROM ${sessionDays} WHERE ${sessionDays.sessionId} = ${qualified(sessions.id)} AND ${and(gte(sessionDays.date, `${input.month}-01`), lt(sessionDays.date, `${next}-01`))})`,
    );
  }
  if (input.pathwayId) {
    filters.push(
      inArray(
        sessions.pathwayActionId,
        ctx.db
          .select({ id: pathwayActions.id })
          .from(pathwayActions)
          .innerJoin(pathwaySteps, eq(pathwaySteps.id, pathwayActions.stepId))
          .where(eq(pathwaySteps.pathwayId, input.pathwayId)),
      ),
    );
  }
  if (input.search)
    filters.push(containsSearch([sessions.title, sessions.venue, sessions.region], input.search));
  const where = and(...filters);
  const total = ctx.db.select({ n: count() }).from(sessions).where(where).get()!.n;
  const offset = (input.page - 1) * input.pageSize;
  const ids =
    input.month || input.pathwayId || input.search
      ? sessionsByFirstDay(ctx, where, input.month ? 'asc' : 'desc', input.pageSize, offset)
      : latestSessions(ctx, input.pageSize, offset);
  // The columns that cost a subquery each are read for the page's sessions only.
  const rows = ids.length
    ? (ctx.db
        .select({
          id: sessions.id,
          title: sessions.title,
          phase: sessions.phase,
          organisationName: sql<string | null>`(${ctx.db
            .select({ name: organisations.name })
            .from(pathwayActions)
            .innerJoin(pathwaySteps, eq(pathwaySteps.id, pathwayActions.stepId))
            .innerJoin(pathways, eq(pathways.id, pathwaySteps.pathwayId))
            .innerJoin(organisations, eq(organisations.id, pathways.organisationId))
            .where(eq(pathwayActions.id, qualified(sessions.pathwayActionId)))})`,
          firstDay: firstDayOf,
          lastDay: sql<
            string | null
          >`(SELECT max(${sessionDays.date}) FROM ${sessionDays} WHERE ${sessionDays.sessionId} = ${qualified(sessions.id)})`,
          daysCount: sql<number>`(SELECT count(*) FROM ${sessionDays} WHERE ${sessionDays.sessionId} = ${qualified(sessions.id)})`,
          participantsCount: sql<number>`(SELECT count(*) FROM ${sessionParticipants} WHERE ${sessionParticipants.sessionId} = ${qualified(sessions.id)})`,
          region: sessions.region,
          venue: sessions.venue,
        })
        .from(sessions)
        .where(inArray(sessions.id, ids))
        .all() as z.output<typeof sessionPage>['items'])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.map((id) => byId.get(id)!);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

function writeDetails(ctx: Context, sessionId: string, fields: Fields) {
  const existing = ctx.db
    .select({ id: sessionDays.id, date: sessionDays.date })
    .from(sessionDays)
    .where(eq(sessionDays.sessionId, sessionId))
    .all();
  const kept = new Set(fields.days.map((d) => d.id).filter(Boolean));
  const removed = existing.filter((d) => !kept.has(d.id));
  if (removed.length) {
    const marked = ctx.db
      .select({ n: count() })
      .from(attendance)
      .where(
        inArray(
          attendance.dayId,
          removed.map((d) => d.id),
        ),
      )
      .get()!.n;
    if (marked > 0) {
      throw new AppError(
        'CONFLICT',
        'Des présences sont enregistrées pour un jour retiré : effacez-les d’abord dans le registre.',
        [{ path: ['days'], message: 'errors.dayHasAttendance' }],
      );
    }
    ctx.db
      .delete(sessionDays)
      .where(
        inArray(
          sessionDays.id,
          removed.map((d) => d.id),
        ),
      )
      .run();
  }
  const known = new Set(existing.map((d) => d.id));
  for (const { id, ...day } of fields.days) {
    if (id && known.has(id)) ctx.db.update(sessionDays).set(day).where(eq(sessionDays.id, id)).run();
    else
      ctx.db
        .insert(sessionDays)
        .values({ id: newId(), sessionId, ...day })
        .run();
  }
  const trainerKey = (t: { name: string; sex: string; kind: string }) =>
    JSON.stringify([t.name, t.sex, t.kind]);
  const plan = planList(
    ctx.db
      .select()
      .from(sessionTrainers)
      .where(eq(sessionTrainers.sessionId, sessionId))
      .orderBy(asc(sessionTrainers.position))
      .all(),
    fields.trainers,
    { old: trainerKey, item: trainerKey },
  );
  writeRowsById(ctx, sessionTrainers, plan, (item, position) => ({ position, ...item }), { sessionId });
}

function assertLinks(ctx: Context, fields: Fields) {
  if (fields.pathwayActionId && !pathwayOfAction(ctx, fields.pathwayActionId))
    throw notFound('Action du parcours');
  if (
    fields.moduleId &&
    !ctx.db
      .select({ id: trainingModules.id })
      .from(trainingModules)
      .where(eq(trainingModules.id, fields.moduleId))
      .get()
  ) {
    throw notFound('Module');
  }
}

/** A session of a pathway action starts with the pathway's enrolled participants on its register. */
export function createSession(ctx: Context, fields: Fields): Session {
  assertLinks(ctx, fields);
  const { days: _d, trainers: _t, ...values } = fields;
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(sessions)
    .values({ id, ...values, createdAt: now, updatedAt: now })
    .run();
  writeDetails(ctx, id, fields);
  if (fields.pathwayActionId) {
    const pathway = pathwayOfAction(ctx, fields.pathwayActionId)!;
    const enrolled = enrolledIn(ctx, pathway.id).all();
    for (const p of enrolled)
      ctx.db.insert(sessionParticipants).values({ sessionId: id, participantId: p.id, walkIn: false }).run();
  }
  return getSession(ctx, id);
}

export function updateSession(ctx: Context, { id, fields }: z.output<typeof updateSessionInput>): Session {
  findSession(ctx, id);
  assertLinks(ctx, fields);
  const { days: _d, trainers: _t, ...values } = fields;
  ctx.db
    .update(sessions)
    .set({ ...values, updatedAt: timestamp(ctx) })
    .where(eq(sessions.id, id))
    .run();
  writeDetails(ctx, id, fields);
  return getSession(ctx, id);
}

export function addSessionParticipants(ctx: Context, input: z.output<typeof addParticipantsInput>): Session {
  findSession(ctx, input.sessionId);
  const found = participantsWhere(ctx, inArray(participants.id, input.participantIds));
  if (found.length !== new Set(input.participantIds).size) throw notFound('Participant');
  for (const p of found) {
    ctx.db
      .insert(sessionParticipants)
      .values({ sessionId: input.sessionId, participantId: p.id, walkIn: input.walkIn })
      .onConflictDoNothing()
      .run();
  }
  return getSession(ctx, input.sessionId);
}

export function removeSessionParticipant(
  ctx: Context,
  { sessionId, participantId }: z.output<typeof removeParticipantInput>,
): Session {
  const session = getSession(ctx, sessionId);
  if (session.attendance.some((m) => m.participantId === participantId)) {
    throw new AppError('CONFLICT', 'Cette personne a des présences enregistrées : effacez-les d’abord.');
  }
  ctx.db
    .delete(evaluations)
    .where(and(eq(evaluations.sessionId, sessionId), eq(evaluations.participantId, participantId)))
    .run();
  ctx.db
    .delete(sessionParticipants)
    .where(
      and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.participantId, participantId)),
    )
    .run();
  return getSession(ctx, sessionId);
}

/** Writes a register (any number of days and people) in one transaction; an empty mark erases the line. */
export function recordAttendance(
  ctx: Context,
  { sessionId, marks }: z.output<typeof recordAttendanceInput>,
): Session {
  findSession(ctx, sessionId);
  const days = new Set(
    ctx.db
      .select({ id: sessionDays.id })
      .from(sessionDays)
      .where(eq(sessionDays.sessionId, sessionId))
      .all()
      .map((d) => d.id),
  );
  const people = new Set(
    ctx.db
      .select({ id: sessionParticipants.participantId })
      .from(sessionParticipants)
      .where(eq(sessionParticipants.sessionId, sessionId))
      .all()
      .map((p) => p.id),
  );
  const issues = marks.flatMap((m, i) => [
    ...(days.has(m.dayId) ? [] : [{ path: ['marks', i, 'dayId'], message: 'errors.unknownDay' }]),
    ...(people.has(m.participantId)
      ? []
      : [{ path: ['marks', i, 'participantId'], message: 'errors.notRegistered' }]),
  ]);
  if (issues.length)
    throw new AppError(
      'VALIDATION',
      'Le registre contient des lignes inconnues pour cette session.',
      issues.slice(0, 20),
    );
  const upsert = ctx.sqlite.prepare(
    'INSERT INTO attendance (day_id, participant_id, status) VALUES (?, ?, ?) ON CONFLICT (day_id, participant_id) DO UPDATE SET status = excluded.status',
  );
  const erase = ctx.sqlite.prepare('DELETE FROM attendance WHERE day_id = ? AND participant_id = ?');
  for (const m of marks) {
    if (m.status) upsert.run(m.dayId, m.participantId, m.status);
    else erase.run(m.dayId, m.participantId);
  }
  ctx.db
    .update(sessions)
    .set({ updatedAt: timestamp(ctx) })
    .where(eq(sessions.id, sessionId))
    .run();
  scheduleForSession(ctx, sessionId);
  return getSession(ctx, sessionId);
}

export function recordEvaluations(
  ctx: Context,
  { sessionId, evaluations: rows }: z.output<typeof recordEvaluationsInput>,
): Session {
  const session = getSession(ctx, sessionId);
  const registered = new Set(session.participants.map((p) => p.id));
  const issues = rows.flatMap((r, i) =>
    registered.has(r.participantId)
      ? []
      : [{ path: ['evaluations', i, 'participantId'], message: 'errors.notRegistered' }],
  );
  if (issues.length)
    throw new AppError('VALIDATION', 'Évaluation d’une personne non inscrite à la session.', issues);
  for (const r of rows) {
    const { participantId, ...values } = r;
    ctx.db
      .insert(evaluations)
      .values({ sessionId, participantId, ...values })
      .onConflictDoUpdate({ target: [evaluations.sessionId, evaluations.participantId], set: values })
      .run();
  }
  return getSession(ctx, sessionId);
}
