import type { z } from 'zod';
import { asc, count, eq, isNull, and } from 'drizzle-orm';
import type {
  attachMaterialInput,
  moduleFields,
  removeMaterialInput,
  TrainingModule,
  updateModuleInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { documents, moduleMaterials, sessions, trainingModules } from '../db/schema';
import { notFound } from '../errors';
import { newId } from '../ids';
import { documentInfoColumns, storeDocument } from '../documents/service';

export function getModule(ctx: Context, id: string): TrainingModule {
  const row = ctx.db.select().from(trainingModules).where(eq(trainingModules.id, id)).get();
  if (!row) throw notFound('Module');
  const materials = ctx.db
    .select(documentInfoColumns)
    .from(moduleMaterials)
    .innerJoin(documents, eq(documents.id, moduleMaterials.documentId))
    .where(eq(moduleMaterials.moduleId, id))
    .orderBy(asc(documents.name))
    .all();
  const sessionsCount = ctx.db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.moduleId, id), isNull(sessions.deletedAt)))
    .get()!.n;
  const { createdAt: _c, updatedAt: _u, ...fields } = row;
  return { ...fields, materials, sessionsCount };
}

export function listModules(ctx: Context): TrainingModule[] {
  return ctx.db
    .select({ id: trainingModules.id })
    .from(trainingModules)
    .orderBy(asc(trainingModules.title))
    .all()
    .map(({ id }) => getModule(ctx, id));
}

export function createModule(ctx: Context, fields: z.output<typeof moduleFields>): TrainingModule {
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(trainingModules)
    .values({ id, ...fields, createdAt: now, updatedAt: now })
    .run();
  return getModule(ctx, id);
}

export function updateModule(
  ctx: Context,
  { id, fields }: z.output<typeof updateModuleInput>,
): TrainingModule {
  getModule(ctx, id);
  ctx.db
    .update(trainingModules)
    .set({ ...fields, updatedAt: timestamp(ctx) })
    .where(eq(trainingModules.id, id))
    .run();
  return getModule(ctx, id);
}

/** Training materials are stored with the data, like every document. */
export function attachMaterial(
  ctx: Context,
  { id, document }: z.output<typeof attachMaterialInput>,
): TrainingModule {
  getModule(ctx, id);
  ctx.db
    .insert(moduleMaterials)
    .values({ moduleId: id, documentId: storeDocument(ctx, document) })
    .run();
  return getModule(ctx, id);
}

export function removeMaterial(
  ctx: Context,
  { id, documentId }: z.output<typeof removeMaterialInput>,
): TrainingModule {
  ctx.db
    .delete(moduleMaterials)
    .where(and(eq(moduleMaterials.moduleId, id), eq(moduleMaterials.documentId, documentId)))
    .run();
  return getModule(ctx, id);
}
