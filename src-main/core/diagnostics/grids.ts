import type { z } from 'zod';
import { asc, count, desc, eq, inArray, isNull, and } from 'drizzle-orm';
import type { frameworkSummary, FrameworkVersion, frameworkVersionFields } from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import {
  diagnostics,
  frameworkCriteria,
  frameworkDomains,
  frameworks,
  frameworkVersions,
} from '../db/schema';
import { notFound } from '../errors';
import { newId } from '../ids';
import { DEFAULT_FRAMEWORK } from './defaultGrid';

/** Seeds the shipped grid into an empty database. */
export function ensureDefaultFramework(ctx: Context): void {
  const existing = ctx.db.select({ n: count() }).from(frameworks).get()!.n;
  if (existing > 0) return;
  const now = timestamp(ctx);
  const frameworkId = newId();
  ctx.db
    .insert(frameworks)
    .values({ id: frameworkId, name: DEFAULT_FRAMEWORK.name, createdAt: now, updatedAt: now })
    .run();
  insertVersion(ctx, { frameworkId, notes: null, ...DEFAULT_FRAMEWORK });
}

function insertVersion(ctx: Context, fields: z.output<typeof frameworkVersionFields>): string {
  const last = ctx.db
    .select({ version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, fields.frameworkId))
    .orderBy(desc(frameworkVersions.version))
    .get();
  const id = newId();
  ctx.db
    .insert(frameworkVersions)
    .values({
      id,
      frameworkId: fields.frameworkId,
      version: (last?.version ?? 0) + 1,
      scaleMin: fields.scaleMin,
      scaleMax: fields.scaleMax,
      notes: fields.notes,
      createdAt: timestamp(ctx),
    })
    .run();
  fields.domains.forEach((domain, position) => {
    const domainId = newId();
    ctx.db
      .insert(frameworkDomains)
      .values({ id: domainId, versionId: id, code: domain.code, position, name: domain.name })
      .run();
    domain.criteria.forEach((criterion, criterionPosition) =>
      ctx.db
        .insert(frameworkCriteria)
        .values({
          id: newId(),
          domainId,
          position: criterionPosition,
          name: criterion.name,
          descriptors: criterion.descriptors,
        })
        .run(),
    );
  });
  return id;
}

/** A new version; the previous ones, and the diagnostics made with them, stay as they were. */
export function saveVersion(ctx: Context, fields: z.output<typeof frameworkVersionFields>): FrameworkVersion {
  const framework = ctx.db.select().from(frameworks).where(eq(frameworks.id, fields.frameworkId)).get();
  if (!framework) throw notFound('Référentiel');
  const id = insertVersion(ctx, fields);
  ctx.db
    .update(frameworks)
    .set({ updatedAt: timestamp(ctx) })
    .where(eq(frameworks.id, fields.frameworkId))
    .run();
  return loadVersion(ctx, id);
}

export function loadVersion(ctx: Context, versionId: string): FrameworkVersion {
  const version = ctx.db
    .select({ v: frameworkVersions, frameworkName: frameworks.name })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.id, versionId))
    .get();
  if (!version) throw notFound('Version du référentiel');
  const domains = ctx.db
    .select()
    .from(frameworkDomains)
    .where(eq(frameworkDomains.versionId, versionId))
    .orderBy(asc(frameworkDomains.position))
    .all();
  const criteria = domains.length
    ? ctx.db
        .select()
        .from(frameworkCriteria)
        .where(
          inArray(
            frameworkCriteria.domainId,
            domains.map((d) => d.id),
          ),
        )
        .orderBy(asc(frameworkCriteria.position))
        .all()
    : [];
  const diagnosticsCount = ctx.db
    .select({ n: count() })
    .from(diagnostics)
    .where(and(eq(diagnostics.frameworkVersionId, versionId), isNull(diagnostics.deletedAt)))
    .get()!.n;
  return {
    id: version.v.id,
    frameworkId: version.v.frameworkId,
    frameworkName: version.frameworkName,
    version: version.v.version,
    scaleMin: version.v.scaleMin,
    scaleMax: version.v.scaleMax,
    notes: version.v.notes,
    createdAt: version.v.createdAt,
    diagnosticsCount,
    domains: domains.map((d) => ({
      id: d.id,
      code: d.code,
      position: d.position,
      name: d.name,
      criteria: criteria
        .filter((c) => c.domainId === d.id)
        .map((c) => ({ id: c.id, position: c.position, name: c.name, descriptors: c.descriptors })),
    })),
  };
}

/** The latest version of a framework (of the first one when none is named). */
export function currentVersion(ctx: Context, frameworkId?: string): FrameworkVersion {
  const id =
    frameworkId ??
    ctx.db.select({ id: frameworks.id }).from(frameworks).orderBy(asc(frameworks.createdAt)).get()?.id;
  if (!id) throw notFound('Référentiel');
  const latest = ctx.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, id))
    .orderBy(desc(frameworkVersions.version))
    .get();
  if (!latest) throw notFound('Référentiel');
  return loadVersion(ctx, latest.id);
}

export function listFrameworks(ctx: Context): z.output<typeof frameworkSummary>[] {
  return ctx.db
    .select()
    .from(frameworks)
    .orderBy(asc(frameworks.createdAt))
    .all()
    .map((f) => {
      const versions = ctx.db
        .select({
          id: frameworkVersions.id,
          version: frameworkVersions.version,
          createdAt: frameworkVersions.createdAt,
          diagnosticsCount: count(diagnostics.id),
        })
        .from(frameworkVersions)
        .leftJoin(
          diagnostics,
          and(eq(diagnostics.frameworkVersionId, frameworkVersions.id), isNull(diagnostics.deletedAt)),
        )
        .where(eq(frameworkVersions.frameworkId, f.id))
        .groupBy(frameworkVersions.id)
        .orderBy(desc(frameworkVersions.version))
        .all();
      return { id: f.id, name: f.name, currentVersionId: versions[0]!.id, versions };
    });
}
