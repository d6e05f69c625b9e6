import type { z } from 'zod';
import { asc, count, desc, eq } from 'drizzle-orm';
import {
  type CriteriaSet,
  type criteriaSetFields,
  eligibilityRules,
  type updateCriteriaSetInput,
  type validateCriteriaSetInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { planList, writeRowsById } from '../db/lists';
import { criteriaSets, selectionCriteria, selectionRounds } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';

type Fields = z.output<typeof criteriaSetFields>;

export function getCriteriaSet(ctx: Context, id: string): CriteriaSet {
  const row = ctx.db.select().from(criteriaSets).where(eq(criteriaSets.id, id)).get();
  if (!row) throw notFound('Grille de sélection');
  const criteria = ctx.db
    .select({
      id: selectionCriteria.id,
      position: selectionCriteria.position,
      name: selectionCriteria.name,
      description: selectionCriteria.description,
      weight: selectionCriteria.weight,
    })
    .from(selectionCriteria)
    .where(eq(selectionCriteria.setId, id))
    .orderBy(asc(selectionCriteria.position))
    .all();
  const roundsCount = ctx.db
    .select({ n: count() })
    .from(selectionRounds)
    .where(eq(selectionRounds.criteriaSetId, id))
    .get()!.n;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    previousVersionId: row.previousVersionId,
    scoreMax: row.scoreMax,
    status: row.validatedOn ? 'validated' : 'draft',
    validatedOn: row.validatedOn,
    validationReference: row.validationReference,
    eligibility: eligibilityRules.parse(row.eligibility),
    criteria,
    roundsCount,
    createdAt: row.createdAt,
  };
}

export function listCriteriaSets(ctx: Context): CriteriaSet[] {
  return ctx.db
    .select({ id: criteriaSets.id })
    .from(criteriaSets)
    .orderBy(desc(criteriaSets.createdAt))
    .all()
    .map(({ id }) => getCriteriaSet(ctx, id));
}

function writeCriteria(ctx: Context, setId: string, fields: Fields) {
  const byName = (c: { name: string }) => c.name;
  const plan = planList(
    ctx.db
      .select()
      .from(selectionCriteria)
      .where(eq(selectionCriteria.setId, setId))
      .orderBy(asc(selectionCriteria.position))
      .all(),
    fields.criteria,
    { old: byName, item: byName },
  );
  writeRowsById(
    ctx,
    selectionCriteria,
    plan,
    (item, position) => ({
      position,
      name: item.name,
      description: item.description ?? null,
      weight: item.weight,
    }),
    { setId },
  );
}

function insertSet(ctx: Context, fields: Fields, version: number, previousVersionId: string | null): string {
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(criteriaSets)
    .values({
      id,
      name: fields.name,
      version,
      previousVersionId,
      scoreMax: fields.scoreMax,
      eligibility: fields.eligibility,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  writeCriteria(ctx, id, fields);
  return id;
}

export function createCriteriaSet(ctx: Context, fields: Fields): CriteriaSet {
  return getCriteriaSet(ctx, insertSet(ctx, fields, 1, null));
}

const lockedError = () =>
  new AppError(
    'CONFLICT',
    'Cette grille a été validée par le comité de pilotage : elle ne peut plus être modifiée. Créez-en une nouvelle version.',
  );

export function updateCriteriaSet(
  ctx: Context,
  { id, fields }: z.output<typeof updateCriteriaSetInput>,
): CriteriaSet {
  const set = getCriteriaSet(ctx, id);
  if (set.status === 'validated') throw lockedError();
  ctx.db
    .update(criteriaSets)
    .set({
      name: fields.name,
      scoreMax: fields.scoreMax,
      eligibility: fields.eligibility,
      updatedAt: timestamp(ctx),
    })
    .where(eq(criteriaSets.id, id))
    .run();
  writeCriteria(ctx, id, fields);
  return getCriteriaSet(ctx, id);
}

/** The steering committee's ex-ante validation: from then on the set is locked. */
export function validateCriteriaSet(
  ctx: Context,
  input: z.output<typeof validateCriteriaSetInput>,
): CriteriaSet {
  const set = getCriteriaSet(ctx, input.id);
  if (set.status === 'validated') throw lockedError();
  ctx.db
    .update(criteriaSets)
    .set({
      validatedOn: input.validatedOn,
      validationReference: input.validationReference,
      updatedAt: timestamp(ctx),
    })
    .where(eq(criteriaSets.id, input.id))
    .run();
  return getCriteriaSet(ctx, input.id);
}

/** A draft copy of a set, one version up, to be changed and validated again. */
export function newCriteriaSetVersion(ctx: Context, id: string): CriteriaSet {
  const set = getCriteriaSet(ctx, id);
  const latest = ctx.db
    .select({ version: criteriaSets.version })
    .from(criteriaSets)
    .where(eq(criteriaSets.name, set.name))
    .orderBy(desc(criteriaSets.version))
    .get();
  const copy = insertSet(
    ctx,
    {
      name: set.name,
      scoreMax: set.scoreMax,
      eligibility: set.eligibility,
      criteria: set.criteria.map(({ name, description, weight }) => ({ name, description, weight })),
    },
    Math.max(set.version, latest?.version ?? 0) + 1,
    set.id,
  );
  return getCriteriaSet(ctx, copy);
}
