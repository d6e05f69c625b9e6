import type { z } from 'zod';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type changePathwayStatusInput,
  type enrolInput,
  type listPathwaysInput,
  type Pathway,
  type pathwayFields,
  type pathwaySummary,
  pathwayTransitions,
  type stepsInput,
  type unenrolInput,
  type updatePathwayInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import {
  diagnosticNeeds,
  diagnostics,
  organisations,
  participants,
  pathwayActions,
  pathwayNeeds,
  pathwayParticipants,
  pathways,
  pathwaySteps,
  sessionDays,
  sessions,
} from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { qualified } from '../db/sql';
import { heldSessions } from '../indicators/figures';
import { findOrganisation, recordStatusChange } from '../organisations/service';
import { participantsWhere } from '../participants/service';
import { scheduleForPathway } from '../followups/service';
import { enrolledIn } from './links';

function findPathway(ctx: Context, id: string) {
  const row = ctx.db.select().from(pathways).where(eq(pathways.id, id)).get();
  if (!row) throw notFound('Parcours');
  return row;
}

export function getPathway(ctx: Context, id: string): Pathway {
  const row = findPathway(ctx, id);
  const organisation = findOrganisation(ctx, row.organisationId);
  const needs = ctx.db
    .select({
      id: diagnosticNeeds.id,
      domainCode: diagnosticNeeds.domainCode,
      description: diagnosticNeeds.description,
    })
    .from(pathwayNeeds)
    .innerJoin(diagnosticNeeds, eq(diagnosticNeeds.id, pathwayNeeds.needId))
    .where(eq(pathwayNeeds.pathwayId, id))
    .orderBy(asc(diagnosticNeeds.priority))
    .all();
  const steps = ctx.db
    .select()
    .from(pathwaySteps)
    .where(eq(pathwaySteps.pathwayId, id))
    .orderBy(asc(pathwaySteps.position))
    .all();
  const actions = steps.length
    ? ctx.db
        .select()
        .from(pathwayActions)
        .where(
          inArray(
            pathwayActions.stepId,
            steps.map((s) => s.id),
          ),
        )
        .orderBy(asc(pathwayActions.position))
        .all()
    : [];
  const held = actions.length
    ? ctx.db
        .select({
          id: sessions.id,
          actionId: sessions.pathwayActionId,
          title: sessions.title,
          costFcfa: sessions.costFcfa,
          firstDay: sql<string | null>`min(${sessionDays.date})`,
          lastDay: sql<string | null>`max(${sessionDays.date})`,
        })
        .from(sessions)
        .leftJoin(sessionDays, eq(sessionDays.sessionId, sessions.id))
        .where(
          and(
            inArray(
              sessions.pathwayActionId,
              actions.map((a) => a.id),
            ),
            isNull(sessions.deletedAt),
          ),
        )
        .groupBy(sessions.id)
        .orderBy(sql`min(${sessionDays.date})`)
        .all()
    : [];
  const enrolled = participantsWhere(ctx, inArray(participants.id, enrolledIn(ctx, id)));
  const isHeld = heldSessions(
    ctx,
    held.map((h) => h.id),
  );
  const stepsOut = steps.map((s) => ({
    id: s.id,
    phase: s.phase as Pathway['steps'][number]['phase'],
    title: s.title,
    actions: actions
      .filter((a) => a.stepId === s.id)
      .map((a) => ({
        id: a.id,
        type: a.type as Pathway['steps'][number]['actions'][number]['type'],
        title: a.title,
        plannedStart: a.plannedStart,
        plannedEnd: a.plannedEnd,
        budgetFcfa: a.budgetFcfa,
        sessions: held
          .filter((h) => h.actionId === a.id)
          .map(({ actionId: _, ...h }) => ({ ...h, held: isHeld.has(h.id) })),
      })),
  }));
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: organisation.name,
    title: row.title,
    needs,
    targetSkills: row.targetSkills,
    performanceObjective: row.performanceObjective,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    budgetFcfa: row.budgetFcfa,
    plannedActionsBudgetFcfa: actions.reduce((sum, a) => sum + a.budgetFcfa, 0),
    spentFcfa: held.filter((h) => isHeld.has(h.id)).reduce((sum, h) => sum + h.costFcfa, 0),
    status: row.status as Pathway['status'],
    approvedOn: row.approvedOn,
    approvalReference: row.approvalReference,
    suspensionReason: row.suspensionReason,
    participants: enrolled,
    steps: stepsOut,
  };
}

export function listPathways(
  ctx: Context,
  input: z.output<typeof listPathwaysInput>,
): z.output<typeof pathwaySummary>[] {
  return ctx.db
    .select({
      id: pathways.id,
      organisationId: pathways.organisationId,
      organisationName: organisations.name,
      title: pathways.title,
      startsOn: pathways.startsOn,
      endsOn: pathways.endsOn,
      budgetFcfa: pathways.budgetFcfa,
      status: pathways.status,
      participantsCount: sql<number>`(SELECT count(*) FROM ${pathwayParticipants} WHERE ${pathwayParticipants.pathwayId} = ${qualified(pathways.id)})`,
      actionsCount: sql<number>`(${ctx.db
        .select({ n: count() })
        .from(pathwayActions)
        .innerJoin(pathwaySteps, eq(pathwaySteps.id, pathwayActions.stepId))
        .where(eq(pathwaySteps.pathwayId, qualified(pathways.id)))})`,
    })
    .from(pathways)
    .innerJoin(organisations, eq(organisations.id, pathways.organisationId))
    .where(input.organisationId ? eq(pathways.organisationId, input.organisationId) : undefined)
    .orderBy(desc(pathways.startsOn))
    .all() as z.output<typeof pathwaySummary>[];
}

/** Needs chosen for a pathway must come from the organisation's own diagnostics. */
function writeNeeds(
  ctx: Context,
  pathwayId: string,
  organisationId: string,
  needIds: string[],
  path: string[],
) {
  const valid = needIds.length
    ? new Set(
        ctx.db
          .select({ id: diagnosticNeeds.id })
          .from(diagnosticNeeds)
          .innerJoin(diagnostics, eq(diagnostics.id, diagnosticNeeds.diagnosticId))
          .where(and(inArray(diagnosticNeeds.id, needIds), eq(diagnostics.organisationId, organisationId)))
          .all()
          .map((n) => n.id),
      )
    : new Set<string>();
  const issues = needIds.flatMap((n, i) =>
    valid.has(n) ? [] : [{ path: [...path, 'needIds', i], message: 'errors.unknownNeed' }],
  );
  if (issues.length) throw new AppError('VALIDATION', 'Besoin inconnu pour cette organisation.', issues);
  // In place: a need that stays is not deleted and inserted again.
  const wanted = new Set(needIds);
  const current = new Set(
    ctx.db
      .select({ needId: pathwayNeeds.needId })
      .from(pathwayNeeds)
      .where(eq(pathwayNeeds.pathwayId, pathwayId))
      .all()
      .map((n) => n.needId),
  );
  const gone = [...current].filter((n) => !wanted.has(n));
  if (gone.length)
    ctx.db
      .delete(pathwayNeeds)
      .where(and(eq(pathwayNeeds.pathwayId, pathwayId), inArray(pathwayNeeds.needId, gone)))
      .run();
  for (const needId of wanted)
    if (!current.has(needId)) ctx.db.insert(pathwayNeeds).values({ pathwayId, needId }).run();
}

export function createPathway(ctx: Context, fields: z.output<typeof pathwayFields>): Pathway {
  findOrganisation(ctx, fields.organisationId);
  const { needIds, ...rest } = fields;
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(pathways)
    .values({ id, ...rest, status: 'draft', createdAt: now, updatedAt: now })
    .run();
  writeNeeds(ctx, id, fields.organisationId, needIds, []);
  return getPathway(ctx, id);
}

export function updatePathway(ctx: Context, { id, fields }: z.output<typeof updatePathwayInput>): Pathway {
  const row = findPathway(ctx, id);
  if (row.organisationId !== fields.organisationId) {
    throw new AppError('VALIDATION', 'Un parcours ne change pas d’organisation.', [
      { path: ['fields', 'organisationId'], message: 'errors.organisationFixed' },
    ]);
  }
  const { needIds, ...rest } = fields;
  ctx.db
    .update(pathways)
    .set({ ...rest, updatedAt: timestamp(ctx) })
    .where(eq(pathways.id, id))
    .run();
  writeNeeds(ctx, id, row.organisationId, needIds, ['fields']);
  return getPathway(ctx, id);
}

/** Saves the whole ordered plan; steps and actions sent back with their id keep it (and their sessions). */
export function saveSteps(ctx: Context, { pathwayId, steps }: z.output<typeof stepsInput>): Pathway {
  const current = getPathway(ctx, pathwayId);
  const knownSteps = new Set(current.steps.map((s) => s.id));
  const knownActions = new Set(current.steps.flatMap((s) => s.actions.map((a) => a.id)));
  const keptActions = new Set(
    steps.flatMap((s) => s.actions.map((a) => a.id)).filter((id) => id && knownActions.has(id)),
  );
  const dropped = current.steps.flatMap((s) => s.actions).filter((a) => !keptActions.has(a.id));
  const held = dropped.find((a) => a.sessions.length > 0);
  if (held)
    throw new AppError(
      'CONFLICT',
      `Des sessions ont eu lieu pour « ${held.title} » : cette action ne peut pas être supprimée.`,
    );
  if (dropped.length)
    ctx.db
      .delete(pathwayActions)
      .where(
        inArray(
          pathwayActions.id,
          dropped.map((a) => a.id),
        ),
      )
      .run();

  const keptSteps = new Set<string>();
  steps.forEach((step, position) => {
    let stepId = step.id && knownSteps.has(step.id) ? step.id : undefined;
    if (stepId) {
      ctx.db
        .update(pathwaySteps)
        .set({ phase: step.phase, position, title: step.title })
        .where(eq(pathwaySteps.id, stepId))
        .run();
    } else {
      stepId = newId();
      ctx.db
        .insert(pathwaySteps)
        .values({ id: stepId, pathwayId, phase: step.phase, position, title: step.title })
        .run();
    }
    keptSteps.add(stepId);
    step.actions.forEach(({ id, ...values }, actionPosition) => {
      if (id && keptActions.has(id)) {
        ctx.db
          .update(pathwayActions)
          .set({ ...values, stepId, position: actionPosition })
          .where(eq(pathwayActions.id, id))
          .run();
      } else {
        ctx.db
          .insert(pathwayActions)
          .values({ id: newId(), ...values, stepId, position: actionPosition })
          .run();
      }
    });
  });
  const goneSteps = [...knownSteps].filter((id) => !keptSteps.has(id));
  if (goneSteps.length) ctx.db.delete(pathwaySteps).where(inArray(pathwaySteps.id, goneSteps)).run();
  ctx.db
    .update(pathways)
    .set({ updatedAt: timestamp(ctx) })
    .where(eq(pathways.id, pathwayId))
    .run();
  return getPathway(ctx, pathwayId);
}

/** Moves the pathway along its workflow; the organisation enters and leaves "in pathway" with it. */
export function changePathwayStatus(ctx: Context, input: z.output<typeof changePathwayStatusInput>): Pathway {
  const row = findPathway(ctx, input.id);
  const allowed = pathwayTransitions[row.status as Pathway['status']];
  if (!allowed.includes(input.status)) {
    throw new AppError('CONFLICT', `Passage impossible de « ${row.status} » à « ${input.status} ».`, [
      { path: ['status'], message: 'errors.transitionNotAllowed' },
    ]);
  }
  ctx.db
    .update(pathways)
    .set({
      status: input.status,
      ...(input.status === 'approved' ? { approvedOn: input.on, approvalReference: input.reference } : {}),
      suspensionReason: input.status === 'suspended' ? input.reason : null,
      updatedAt: timestamp(ctx),
    })
    .where(eq(pathways.id, input.id))
    .run();
  if (input.status === 'in_progress') {
    recordStatusChange(ctx, row.organisationId, 'in_pathway', input.on, `Parcours « ${row.title} » en cours`);
  } else if (input.status === 'completed') {
    recordStatusChange(ctx, row.organisationId, 'completed', input.on, `Parcours « ${row.title} » terminé`);
    scheduleForPathway(ctx, input.id, input.on);
  }
  return getPathway(ctx, input.id);
}

export function enrol(ctx: Context, { pathwayId, participantIds }: z.output<typeof enrolInput>): Pathway {
  const row = findPathway(ctx, pathwayId);
  const people = participantsWhere(ctx, inArray(participants.id, participantIds));
  if (people.length !== new Set(participantIds).size) throw notFound('Participant');
  const outsiders = people.filter((p) => p.organisationId !== row.organisationId);
  if (outsiders.length) {
    throw new AppError(
      'VALIDATION',
      'Seules les personnes de l’organisation peuvent être inscrites à son parcours.',
      [{ path: ['participantIds'], message: 'errors.participantOtherOrganisation' }],
    );
  }
  const now = timestamp(ctx);
  for (const p of people) {
    ctx.db
      .insert(pathwayParticipants)
      .values({ pathwayId, participantId: p.id, enrolledAt: now })
      .onConflictDoNothing()
      .run();
  }
  return getPathway(ctx, pathwayId);
}

export function unenrol(ctx: Context, { pathwayId, participantId }: z.output<typeof unenrolInput>): Pathway {
  findPathway(ctx, pathwayId);
  ctx.db
    .delete(pathwayParticipants)
    .where(
      and(eq(pathwayParticipants.pathwayId, pathwayId), eq(pathwayParticipants.participantId, participantId)),
    )
    .run();
  return getPathway(ctx, pathwayId);
}
