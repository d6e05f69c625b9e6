// What sessions and follow-ups read of a pathway, or add to it: apart from ./service.ts, which
// itself schedules follow-ups, so that the follow-ups can use them too.
import { count, desc, eq, and, sql } from 'drizzle-orm';
import { addMonths } from '../../contract';
import type { Context } from '../context';
import { organisations, pathwayActions, pathwayParticipants, pathways, pathwaySteps } from '../db/schema';
import { newId } from '../ids';

/** The participants enrolled in a pathway (their ids): a query to run, or to nest in another. */
export const enrolledIn = (ctx: Context, pathwayId: string) =>
  ctx.db
    .select({ id: pathwayParticipants.participantId })
    .from(pathwayParticipants)
    .where(eq(pathwayParticipants.pathwayId, pathwayId));

/** The pathway holding an action, with its organisation and the action's title. */
export function pathwayOfAction(ctx: Context, actionId: string) {
  return ctx.db
    .select({
      id: pathways.id,
      title: pathways.title,
      organisationName: organisations.name,
      actionTitle: pathwayActions.title,
    })
    .from(pathwayActions)
    .innerJoin(pathwaySteps, eq(pathwaySteps.id, pathwayActions.stepId))
    .innerJoin(pathways, eq(pathways.id, pathwaySteps.pathwayId))
    .innerJoin(organisations, eq(organisations.id, pathways.organisationId))
    .where(eq(pathwayActions.id, actionId))
    .get();
}

/**
 * A coaching action of a month from `on`, added to the pathway's last after-training step (one
 * « Suivi post-formation » step is created when it has none). Returns the action's id.
 */
export function addCoachingAction(ctx: Context, pathwayId: string, title: string, on: string): string {
  let step = ctx.db
    .select({ id: pathwaySteps.id })
    .from(pathwaySteps)
    .where(and(eq(pathwaySteps.pathwayId, pathwayId), eq(pathwaySteps.phase, 'after')))
    .orderBy(desc(pathwaySteps.position))
    .get();
  if (!step) {
    const last = ctx.db
      .select({ n: sql<number>`coalesce(max(${pathwaySteps.position}), -1)` })
      .from(pathwaySteps)
      .where(eq(pathwaySteps.pathwayId, pathwayId))
      .get()!.n;
    step = { id: newId() };
    ctx.db
      .insert(pathwaySteps)
      .values({ id: step.id, pathwayId, phase: 'after', position: last + 1, title: 'Suivi post-formation' })
      .run();
  }
  const position = ctx.db
    .select({ n: count() })
    .from(pathwayActions)
    .where(eq(pathwayActions.stepId, step.id))
    .get()!.n;
  const id = newId();
  ctx.db
    .insert(pathwayActions)
    .values({
      id,
      stepId: step.id,
      position,
      type: 'coaching',
      title,
      plannedStart: on,
      plannedEnd: addMonths(on, 1),
      budgetFcfa: 0,
    })
    .run();
  return id;
}
