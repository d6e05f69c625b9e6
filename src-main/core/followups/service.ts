import type { z } from 'zod';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dates, followUpDue, followUpOverdue } from '../indicators/notions';
import {
  addMonths,
  attendedStatuses,
  type cancelFollowUpInput,
  type FollowUp,
  type followUpPage,
  type FollowUpSettings,
  followUpSettings,
  type listFollowUpsInput,
  type recordFollowUpInput,
  type rescheduleFollowUpInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import {
  attendance,
  documents,
  followUpDocuments,
  followUps,
  organisations,
  participants,
  pathways,
  sessionDays,
  sessions,
  sessionTrainers,
  settings,
} from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { documentInfoColumns, storeDocument } from '../documents/service';
import { addCoachingAction, enrolledIn, pathwayOfAction } from '../pathways/links';

const SETTINGS_KEY = 'followUps';
const DEFAULT_SETTINGS: FollowUpSettings = { offsetsMonths: [3, 6] };

export function getSettings(ctx: Context): FollowUpSettings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  return row ? followUpSettings.parse(row.value) : DEFAULT_SETTINGS;
}

export function updateSettings(ctx: Context, value: FollowUpSettings): FollowUpSettings {
  const sorted = { offsetsMonths: [...value.offsetsMonths].sort((a, b) => a - b) };
  ctx.db
    .insert(settings)
    .values({ key: SETTINGS_KEY, value: sorted })
    .onConflictDoUpdate({ target: settings.key, set: { value: sorted } })
    .run();
  return sorted;
}

function schedule(
  ctx: Context,
  people: string[],
  origin: { sessionId: string | null; pathwayId: string | null },
  endedOn: string,
  trainerName: string | null,
) {
  const { offsetsMonths } = getSettings(ctx);
  const originMatch = origin.sessionId
    ? eq(followUps.sessionId, origin.sessionId)
    : eq(followUps.pathwayId, origin.pathwayId!);
  const existing = new Set(
    ctx.db
      .select({ participantId: followUps.participantId, offset: followUps.offsetMonths })
      .from(followUps)
      .where(originMatch)
      .all()
      .map((f) => `${f.participantId}|${f.offset}`),
  );
  const now = timestamp(ctx);
  for (const participantId of people) {
    for (const offsetMonths of offsetsMonths) {
      if (existing.has(`${participantId}|${offsetMonths}`)) continue;
      ctx.db
        .insert(followUps)
        .values({
          id: newId(),
          participantId,
          ...origin,
          offsetMonths,
          dueOn: addMonths(endedOn, offsetMonths),
          status: 'scheduled',
          trainerName,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
  }
}

/** Every participant who attended a session is followed up at the set offsets after its last day. */
export function scheduleForSession(ctx: Context, sessionId: string) {
  const lastDay = ctx.db
    .select({ date: sql<string | null>`max(${sessionDays.date})` })
    .from(sessionDays)
    .where(eq(sessionDays.sessionId, sessionId))
    .get()?.date;
  if (!lastDay) return;
  const attended = ctx.db
    .selectDistinct({ id: attendance.participantId })
    .from(attendance)
    .innerJoin(sessionDays, eq(sessionDays.id, attendance.dayId))
    .where(and(eq(sessionDays.sessionId, sessionId), inArray(attendance.status, [...attendedStatuses])))
    .all()
    .map((r) => r.id);
  const trainer = ctx.db
    .select({ name: sessionTrainers.name })
    .from(sessionTrainers)
    .where(eq(sessionTrainers.sessionId, sessionId))
    .orderBy(asc(sessionTrainers.position))
    .get();
  schedule(ctx, attended, { sessionId, pathwayId: null }, lastDay, trainer?.name ?? null);
}

/** When a pathway is completed, each enrolled participant is followed up after its completion. */
export function scheduleForPathway(ctx: Context, pathwayId: string, completedOn: string) {
  const enrolled = enrolledIn(ctx, pathwayId)
    .all()
    .map((r) => r.id);
  schedule(ctx, enrolled, { sessionId: null, pathwayId }, completedOn, null);
}

const today = (ctx: Context) => ctx.now().toISOString().slice(0, 10);

function selectFollowUps(ctx: Context) {
  return ctx.db
    .select({
      f: followUps,
      participantName: sql<string>`${participants.firstName} || ' ' || ${participants.lastName}`,
      participantSex: participants.sex,
      organisationId: organisations.id,
      organisationName: organisations.name,
      region: organisations.region,
      sessionTitle: sessions.title,
      pathwayTitle: pathways.title,
    })
    .from(followUps)
    .innerJoin(participants, eq(participants.id, followUps.participantId))
    .innerJoin(organisations, eq(organisations.id, participants.organisationId))
    .leftJoin(sessions, eq(sessions.id, followUps.sessionId))
    .leftJoin(pathways, eq(pathways.id, followUps.pathwayId));
}

type Row = ReturnType<ReturnType<typeof selectFollowUps>['all']>[number];

function toFollowUp(ctx: Context, row: Row, withAttachments = false): FollowUp {
  const { f } = row;
  return {
    id: f.id,
    participantId: f.participantId,
    participantName: row.participantName,
    participantSex: row.participantSex as FollowUp['participantSex'],
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    region: row.region,
    sessionId: f.sessionId,
    sessionTitle: row.sessionTitle,
    pathwayId: f.pathwayId,
    pathwayTitle: row.pathwayTitle,
    offsetMonths: f.offsetMonths,
    dueOn: f.dueOn,
    status: f.status as FollowUp['status'],
    trainerName: f.trainerName,
    reason: f.reason,
    doneOn: f.doneOn,
    method: f.method as FollowUp['method'],
    skillsApplied: f.skillsApplied as FollowUp['skillsApplied'],
    evidence: f.evidence,
    obstacles: f.obstacles,
    supportNeeded: f.supportNeeded,
    changeObserved: f.changeObserved,
    coachingActionId: f.coachingActionId,
    attachments: withAttachments
      ? ctx.db
          .select(documentInfoColumns)
          .from(followUpDocuments)
          .innerJoin(documents, eq(documents.id, followUpDocuments.documentId))
          .where(eq(followUpDocuments.followUpId, f.id))
          .all()
      : [],
    overdue: f.status === 'scheduled' && f.dueOn < today(ctx),
  };
}

export function getFollowUp(ctx: Context, id: string): FollowUp {
  const row = selectFollowUps(ctx).where(eq(followUps.id, id)).get();
  if (!row) throw notFound('Suivi');
  return toFollowUp(ctx, row, true);
}

export function listFollowUps(
  ctx: Context,
  input: z.output<typeof listFollowUpsInput>,
): z.output<typeof followUpPage> {
  const { today, soon } = dates(ctx.now());
  const views: Record<typeof input.view, SQL | undefined> = {
    due: sql.raw(followUpDue('follow_ups', `'${soon}'`)),
    overdue: sql.raw(followUpOverdue('follow_ups', `'${today}'`)),
    scheduled: eq(followUps.status, 'scheduled'),
    done: eq(followUps.status, 'done'),
    cancelled: eq(followUps.status, 'cancelled'),
    all: undefined,
  };
  const where = and(
    views[input.view],
    input.trainerName ? eq(followUps.trainerName, input.trainerName) : undefined,
    input.organisationId ? eq(organisations.id, input.organisationId) : undefined,
    input.region ? eq(organisations.region, input.region) : undefined,
  );
  // Every follow-up has its participant and organisation: the count joins them only to filter on them.
  const byOrganisation = input.organisationId !== undefined || input.region !== undefined;
  const counted = ctx.db.select({ n: count() }).from(followUps);
  const total = (
    byOrganisation
      ? counted
          .innerJoin(participants, eq(participants.id, followUps.participantId))
          .innerJoin(organisations, eq(organisations.id, participants.organisationId))
      : counted
  )
    .where(where)
    .get()!.n;
  const rows = selectFollowUps(ctx)
    .where(where)
    .orderBy(input.view === 'done' ? desc(followUps.doneOn) : asc(followUps.dueOn), asc(followUps.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const trainers = ctx.db
    .selectDistinct({ name: followUps.trainerName })
    .from(followUps)
    .where(sql`${followUps.trainerName} IS NOT NULL`)
    .orderBy(asc(followUps.trainerName))
    .all()
    .map((t) => t.name!);
  return {
    items: rows.map((r) => toFollowUp(ctx, r)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    trainers,
  };
}

function findScheduled(ctx: Context, id: string) {
  const f = getFollowUp(ctx, id);
  if (f.status !== 'scheduled') throw new AppError('CONFLICT', 'Ce suivi est déjà réalisé ou annulé.');
  return f;
}

export function rescheduleFollowUp(ctx: Context, input: z.output<typeof rescheduleFollowUpInput>): FollowUp {
  findScheduled(ctx, input.id);
  ctx.db
    .update(followUps)
    .set({
      dueOn: input.dueOn,
      trainerName: input.trainerName,
      reason: input.reason,
      updatedAt: timestamp(ctx),
    })
    .where(eq(followUps.id, input.id))
    .run();
  return getFollowUp(ctx, input.id);
}

export function cancelFollowUp(ctx: Context, input: z.output<typeof cancelFollowUpInput>): FollowUp {
  findScheduled(ctx, input.id);
  ctx.db
    .update(followUps)
    .set({ status: 'cancelled', reason: input.reason, updatedAt: timestamp(ctx) })
    .where(eq(followUps.id, input.id))
    .run();
  return getFollowUp(ctx, input.id);
}

/** The pathway a follow-up belongs to: its own, or the one of its session's action. */
function pathwayOf(ctx: Context, f: FollowUp): string | null {
  if (f.pathwayId) return f.pathwayId;
  if (!f.sessionId) return null;
  const actionId = ctx.db
    .select({ id: sessions.pathwayActionId })
    .from(sessions)
    .where(eq(sessions.id, f.sessionId))
    .get()?.id;
  return actionId ? (pathwayOfAction(ctx, actionId)?.id ?? null) : null;
}

export function recordFollowUp(ctx: Context, input: z.output<typeof recordFollowUpInput>): FollowUp {
  const f = findScheduled(ctx, input.id);
  let coachingActionId: string | null = null;
  if (input.createCoachingAction) {
    const pathwayId = pathwayOf(ctx, f);
    if (!input.supportNeeded || !pathwayId) {
      throw new AppError(
        'VALIDATION',
        'Un coaching se crée à partir d’un appui demandé, pour un participant qui suit un parcours.',
        [
          {
            path: ['createCoachingAction'],
            message: pathwayId ? 'errors.supportRequired' : 'errors.noPathway',
          },
        ],
      );
    }
    coachingActionId = addCoachingAction(
      ctx,
      pathwayId,
      `Coaching : ${f.participantName} — ${input.supportNeeded}`.slice(0, 200),
      input.doneOn,
    );
  }
  ctx.db
    .update(followUps)
    .set({
      status: 'done',
      doneOn: input.doneOn,
      method: input.method,
      skillsApplied: input.skillsApplied,
      evidence: input.evidence,
      obstacles: input.obstacles,
      supportNeeded: input.supportNeeded,
      changeObserved: input.changeObserved,
      coachingActionId,
      updatedAt: timestamp(ctx),
    })
    .where(eq(followUps.id, input.id))
    .run();
  for (const document of input.attachments) {
    ctx.db
      .insert(followUpDocuments)
      .values({ followUpId: input.id, documentId: storeDocument(ctx, document) })
      .run();
  }
  return getFollowUp(ctx, input.id);
}
