import type { z } from 'zod';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import {
  type attachHrPlanInput,
  type createDiagnosticInput,
  type Diagnostic,
  type DiagnosticComparison,
  type DiagnosticSummary,
  type updateDiagnosticInput,
  diagnosticSummary,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { planList, writePlan } from '../db/lists';
import { diagnosticNeeds, diagnostics, diagnosticScores, pathwayNeeds } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { documentInfo, storeDocument } from '../documents/service';
import { findOrganisation, recordStatusChange } from '../organisations/service';
import { currentVersion, loadVersion } from './grids';
import { capacityIndex, domainScores, round1, shareOfScale } from './scoring';

type Fields = z.output<typeof createDiagnosticInput>['fields'];
type Row = typeof diagnostics.$inferSelect;

function findRow(ctx: Context, id: string): Row {
  const row = ctx.db
    .select()
    .from(diagnostics)
    .where(and(eq(diagnostics.id, id), isNull(diagnostics.deletedAt)))
    .get();
  if (!row) throw notFound('Diagnostic');
  return row;
}

/** The baseline is the organisation's first completed diagnostic. */
function baselineId(ctx: Context, organisationId: string): string | null {
  return (
    ctx.db
      .select({ id: diagnostics.id })
      .from(diagnostics)
      .where(
        and(
          eq(diagnostics.organisationId, organisationId),
          eq(diagnostics.status, 'completed'),
          isNull(diagnostics.deletedAt),
        ),
      )
      .orderBy(asc(diagnostics.conductedOn), asc(diagnostics.completedAt))
      .get()?.id ?? null
  );
}

export function getDiagnostic(ctx: Context, id: string): Diagnostic {
  const row = findRow(ctx, id);
  const version = loadVersion(ctx, row.frameworkVersionId);
  const scores = ctx.db
    .select({
      criterionId: diagnosticScores.criterionId,
      score: diagnosticScores.score,
      evidence: diagnosticScores.evidence,
    })
    .from(diagnosticScores)
    .where(eq(diagnosticScores.diagnosticId, id))
    .all();
  const needs = ctx.db
    .select({
      id: diagnosticNeeds.id,
      domainCode: diagnosticNeeds.domainCode,
      priority: diagnosticNeeds.priority,
      description: diagnosticNeeds.description,
    })
    .from(diagnosticNeeds)
    .where(eq(diagnosticNeeds.diagnosticId, id))
    .orderBy(asc(diagnosticNeeds.priority))
    .all();
  const byDomain = domainScores(version.domains, scores);
  const organisation = findOrganisation(ctx, row.organisationId);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: organisation.name,
    conductedOn: row.conductedOn,
    status: row.status as Diagnostic['status'],
    method: row.method as Diagnostic['method'],
    level: row.level as Diagnostic['level'],
    assessors: row.assessors,
    notes: row.notes,
    completedAt: row.completedAt,
    frameworkVersionId: version.id,
    frameworkVersion: version.version,
    scaleMin: version.scaleMin,
    scaleMax: version.scaleMax,
    domains: version.domains,
    scores,
    needs,
    domainScores: byDomain,
    index: capacityIndex(byDomain),
    isBaseline: baselineId(ctx, row.organisationId) === row.id,
    hrPlan: row.hrPlanDocumentId ? documentInfo(ctx, row.hrPlanDocumentId) : null,
    hrPlanRating: row.hrPlanRating as Diagnostic['hrPlanRating'],
    hrPlanComment: row.hrPlanComment,
  };
}

const summaryFields = Object.keys(diagnosticSummary.shape) as (keyof DiagnosticSummary)[];
/** The summary's fields of a diagnostic. */
const summarise = (d: Diagnostic): DiagnosticSummary =>
  Object.fromEntries(summaryFields.map((field) => [field, d[field]])) as DiagnosticSummary;

export function listForOrganisation(ctx: Context, organisationId: string): DiagnosticSummary[] {
  findOrganisation(ctx, organisationId);
  return ctx.db
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.organisationId, organisationId), isNull(diagnostics.deletedAt)))
    .orderBy(asc(diagnostics.conductedOn), asc(diagnostics.createdAt))
    .all()
    .map(({ id }) => summarise(getDiagnostic(ctx, id)));
}

/** Checks scores and needs against the diagnostic's framework version, then replaces them. */
function writeContent(ctx: Context, diagnosticId: string, versionId: string, fields: Fields) {
  const version = loadVersion(ctx, versionId);
  const criteria = new Set(version.domains.flatMap((d) => d.criteria.map((c) => c.id)));
  const codes = new Set(version.domains.map((d) => d.code));
  const issues = [
    ...fields.scores.flatMap((s, i) =>
      !criteria.has(s.criterionId)
        ? [{ path: ['fields', 'scores', i, 'criterionId'], message: 'errors.unknownCriterion' }]
        : s.score !== null && (s.score < version.scaleMin || s.score > version.scaleMax)
          ? [{ path: ['fields', 'scores', i, 'score'], message: 'errors.scoreOutOfScale' }]
          : [],
    ),
    ...fields.needs.flatMap((n, i) =>
      codes.has(n.domainCode)
        ? []
        : [{ path: ['fields', 'needs', i, 'domainCode'], message: 'errors.unknownDomain' }],
    ),
  ];
  if (issues.length)
    throw new AppError('VALIDATION', 'Certaines notes ne correspondent pas à la grille.', issues);

  const seen = new Set<string>();
  const scores = fields.scores.filter((s) => {
    if (seen.has(s.criterionId) || (s.score === null && !s.evidence)) return false;
    seen.add(s.criterionId);
    return true;
  });
  const byCriterion = (s: { criterionId: string }) => s.criterionId;
  const plan = planList(
    ctx.db.select().from(diagnosticScores).where(eq(diagnosticScores.diagnosticId, diagnosticId)).all(),
    scores,
    { old: byCriterion, item: byCriterion },
    { pairLeftovers: false },
  );
  const ofScore = (criterionId: string) =>
    and(eq(diagnosticScores.diagnosticId, diagnosticId), eq(diagnosticScores.criterionId, criterionId));
  writePlan(plan, (item) => ({ score: item.score, evidence: item.evidence ?? null }), {
    remove: (rows) => {
      for (const gone of rows) ctx.db.delete(diagnosticScores).where(ofScore(gone.criterionId)).run();
    },
    insert: (values, item) =>
      ctx.db
        .insert(diagnosticScores)
        .values({ diagnosticId, criterionId: item.criterionId, ...values })
        .run(),
    update: (old, changed) =>
      ctx.db.update(diagnosticScores).set(changed).where(ofScore(old.criterionId)).run(),
  });
  // Needs keep their rows (and ids) position by position: pathways answer them by id.
  const existing = ctx.db
    .select({ id: diagnosticNeeds.id })
    .from(diagnosticNeeds)
    .where(eq(diagnosticNeeds.diagnosticId, diagnosticId))
    .orderBy(asc(diagnosticNeeds.priority))
    .all();
  fields.needs.forEach((n, i) => {
    const values = { domainCode: n.domainCode, priority: i + 1, description: n.description };
    const kept = existing[i];
    if (kept) ctx.db.update(diagnosticNeeds).set(values).where(eq(diagnosticNeeds.id, kept.id)).run();
    else
      ctx.db
        .insert(diagnosticNeeds)
        .values({ id: newId(), diagnosticId, ...values })
        .run();
  });
  const dropped = existing.slice(fields.needs.length).map((n) => n.id);
  if (dropped.length === 0) return;
  const answered = ctx.db
    .select({ n: count() })
    .from(pathwayNeeds)
    .where(inArray(pathwayNeeds.needId, dropped))
    .get()!.n;
  if (answered > 0) {
    throw new AppError(
      'CONFLICT',
      'Un besoin retiré est traité par un parcours : retirez-le d’abord du parcours, ou gardez-le ici.',
    );
  }
  ctx.db.delete(diagnosticNeeds).where(inArray(diagnosticNeeds.id, dropped)).run();
}

function assertComplete(ctx: Context, id: string) {
  const d = getDiagnostic(ctx, id);
  const missing = d.domainScores.filter((s) => s.scored < s.criteria);
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      `Chaque critère doit être noté avant de terminer le diagnostic (${missing.map((m) => m.name).join(', ')}).`,
      [{ path: ['fields', 'scores'], message: 'errors.diagnosticIncomplete' }],
    );
  }
}

const header = (fields: Fields) => ({
  conductedOn: fields.conductedOn,
  assessors: fields.assessors,
  method: fields.method,
  level: fields.level,
  notes: fields.notes,
  hrPlanRating: fields.hrPlanRating,
  hrPlanComment: fields.hrPlanComment,
});

export function createDiagnostic(ctx: Context, input: z.output<typeof createDiagnosticInput>): Diagnostic {
  const organisation = findOrganisation(ctx, input.organisationId);
  if (organisation.archivedAt) throw new AppError('CONFLICT', 'Cette organisation est archivée.');
  // A grid version that does not exist is refused before anything is written.
  const versionId = (
    input.frameworkVersionId ? loadVersion(ctx, input.frameworkVersionId) : currentVersion(ctx)
  ).id;
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(diagnostics)
    .values({
      id,
      organisationId: input.organisationId,
      frameworkVersionId: versionId,
      status: 'draft',
      ...header(input.fields),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  writeContent(ctx, id, versionId, input.fields);
  return getDiagnostic(ctx, id);
}

export function updateDiagnostic(
  ctx: Context,
  { id, fields }: z.output<typeof updateDiagnosticInput>,
): Diagnostic {
  const row = findRow(ctx, id);
  ctx.db
    .update(diagnostics)
    .set({ ...header(fields), updatedAt: timestamp(ctx) })
    .where(eq(diagnostics.id, id))
    .run();
  writeContent(ctx, id, row.frameworkVersionId, fields);
  // A completed diagnostic stays complete: a correction cannot leave a criterion unscored.
  if (row.status === 'completed') assertComplete(ctx, id);
  return getDiagnostic(ctx, id);
}

/** Completes a diagnostic once every criterion is scored; the first one moves the organisation to "diagnosed". */
export function completeDiagnostic(ctx: Context, id: string): Diagnostic {
  const row = findRow(ctx, id);
  if (row.status === 'completed') return getDiagnostic(ctx, id);
  assertComplete(ctx, id);
  const now = timestamp(ctx);
  ctx.db
    .update(diagnostics)
    .set({ status: 'completed', completedAt: now, updatedAt: now })
    .where(eq(diagnostics.id, id))
    .run();
  const organisation = findOrganisation(ctx, row.organisationId);
  if (organisation.status === 'identified') {
    recordStatusChange(
      ctx,
      row.organisationId,
      'diagnosed',
      row.conductedOn,
      'Diagnostic organisationnel réalisé',
    );
  }
  return getDiagnostic(ctx, id);
}

export function removeDiagnostic(ctx: Context, id: string) {
  const row = findRow(ctx, id);
  if (row.status === 'completed') {
    throw new AppError(
      'CONFLICT',
      'Un diagnostic terminé ne peut pas être supprimé : il fait partie de l’historique.',
    );
  }
  ctx.db
    .update(diagnostics)
    .set({ deletedAt: timestamp(ctx) })
    .where(eq(diagnostics.id, id))
    .run();
  return { ok: true as const };
}

export function attachHrPlan(ctx: Context, { id, document }: z.output<typeof attachHrPlanInput>): Diagnostic {
  findRow(ctx, id);
  const documentId = storeDocument(ctx, document);
  ctx.db
    .update(diagnostics)
    .set({ hrPlanDocumentId: documentId, updatedAt: timestamp(ctx) })
    .where(eq(diagnostics.id, id))
    .run();
  return getDiagnostic(ctx, id);
}

/** The latest completed diagnostic against the baseline, domain by domain, in % of each scale. */
export function compareWithBaseline(ctx: Context, organisationId: string): DiagnosticComparison {
  const completed = listForOrganisation(ctx, organisationId).filter((d) => d.status === 'completed');
  const baselineSummary = completed.find((d) => d.isBaseline) ?? null;
  const latestSummary = completed.length > 1 ? completed[completed.length - 1]! : null;
  const baseline = baselineSummary && getDiagnostic(ctx, baselineSummary.id);
  const latest = latestSummary && getDiagnostic(ctx, latestSummary.id);
  // Shares are compared unrounded, then each figure is rounded once (2 → 3 on 1–4 is +33,3, not 66,7 − 33,3).
  const share = (d: Diagnostic | null, code: string) => {
    const score = d?.domainScores.find((s) => s.code === code)?.score ?? null;
    return d ? shareOfScale(score, d.scaleMin, d.scaleMax) : null;
  };
  const change = (before: number | null, after: number | null) =>
    before !== null && after !== null ? round1(after - before) : null;
  const rounded = (n: number | null) => (n === null ? null : round1(n));
  const codes = new Map<string, string>();
  for (const d of [latest, baseline])
    for (const s of d?.domainScores ?? []) if (!codes.has(s.code)) codes.set(s.code, s.name);
  const domains = [...codes].map(([code, name]) => {
    const before = share(baseline, code);
    const after = share(latest, code);
    return { code, name, baseline: rounded(before), latest: rounded(after), change: change(before, after) };
  });
  const indexShare = (d: Diagnostic | null) => (d ? shareOfScale(d.index, d.scaleMin, d.scaleMax) : null);
  return {
    baseline: baselineSummary,
    latest: latestSummary,
    domains,
    indexChange: change(indexShare(baseline), indexShare(latest)),
  };
}
