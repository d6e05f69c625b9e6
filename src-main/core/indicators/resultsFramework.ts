import type { z } from 'zod';
import { asc, count, desc, eq } from 'drizzle-orm';
import type {
  ComputedKey,
  Dashboard,
  dashboardInput,
  indicatorFields,
  ShareTargets,
  IndicatorRow,
  indicatorValueInput,
  ProgrammeFigures,
  ResultsFramework,
  resultsFrameworkInput,
  updateIndicatorInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { indicators, indicatorValues, results } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { DEFAULT_RESULTS } from './defaultResultsFramework';
import { participationBy, participationByOrganisation, programmeFigures } from './figures';

export function ensureDefaultResults(ctx: Context) {
  if (ctx.db.select({ n: count() }).from(results).get()!.n > 0) return;
  const now = timestamp(ctx);
  DEFAULT_RESULTS.forEach((r, position) => {
    const resultId = newId();
    ctx.db.insert(results).values({ id: resultId, code: r.code, title: r.title, position }).run();
    // The columns every release has (a database of an older release gets its defaults too).
    const insert = ctx.sqlite.prepare(
      `INSERT INTO indicators (id, result_id, code, name, definition, unit, by_sex, kind, computed_key, baseline,
                               targets, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    r.indicators.forEach((i, indicatorPosition) =>
      insert.run(
        newId(),
        resultId,
        i.code,
        i.name,
        i.definition,
        i.unit,
        i.bySex ? 1 : 0,
        i.computedKey ? 'computed' : 'entered',
        i.computedKey,
        JSON.stringify(i.targets),
        indicatorPosition,
        now,
        now,
      ),
    );
  });
}

type Value = IndicatorRow['value'];
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** Reads an indicator's value off the programme figures: the only way a computed value exists. */
export function computedValue(figures: ProgrammeFigures, key: ComputedKey): Value {
  const v = figures[key];
  if (typeof v === 'number' || v === null) {
    const isShare = key.startsWith('womenShare') || key === 'genderProgressShare';
    return { total: isShare ? percent(v) : v, women: null, men: null };
  }
  if (key === 'completionRate' || key === 'applicationRate6Months') {
    const rate = v as ProgrammeFigures['completionRate'];
    return { total: percent(rate.total), women: percent(rate.women), men: percent(rate.men) };
  }
  const counts = v as ProgrammeFigures['personDays'];
  return { total: counts.total, women: counts.women, men: counts.men };
}

/** The programme figures of a year: what the results framework's computed indicators read. */
export const yearFigures = (ctx: Context, year: number) =>
  programmeFigures(ctx, { from: `${year}-01-01`, to: `${year}-12-31` });

/** The results framework of a year; `figures` when the caller already has that year's figures. */
export function getFramework(
  ctx: Context,
  { year }: z.output<typeof resultsFrameworkInput>,
  figures: ProgrammeFigures = yearFigures(ctx, year),
): ResultsFramework {
  const rows = ctx.db.select().from(indicators).orderBy(asc(indicators.position)).all();
  const values = ctx.db
    .select()
    .from(indicatorValues)
    .orderBy(desc(indicatorValues.recordedOn), desc(indicatorValues.createdAt))
    .all();
  return {
    year,
    results: ctx.db
      .select()
      .from(results)
      .orderBy(asc(results.position))
      .all()
      .map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        indicators: rows
          .filter((i) => i.resultId === r.id)
          .map((i) => {
            const entered = values
              .filter((v) => v.indicatorId === i.id)
              .map((v) => ({
                id: v.id,
                year: v.year,
                sex: v.sex as 'F' | 'M' | null,
                value: v.value,
                source: v.source,
                recordedOn: v.recordedOn,
              }));
            const latest = (sex: 'F' | 'M' | null) =>
              entered.find((v) => v.year === year && v.sex === sex)?.value ?? null;
            const value =
              i.kind === 'computed' && i.computedKey
                ? computedValue(figures, i.computedKey as ComputedKey)
                : { total: latest(null), women: latest('F'), men: latest('M') };
            return {
              id: i.id,
              resultId: i.resultId,
              code: i.code,
              name: i.name,
              definition: i.definition,
              unit: i.unit as IndicatorRow['unit'],
              bySex: i.bySex,
              kind: i.kind as IndicatorRow['kind'],
              computedKey: i.computedKey as IndicatorRow['computedKey'],
              baseline: i.baseline,
              targets: i.targets,
              direction: i.direction === 'lower' ? 'lower' : 'higher',
              value: i.bySex ? value : { ...value, women: null, men: null },
              target: targetFor(i.targets, year),
              reached: targetReached(i.direction, value.total, targetFor(i.targets, year)),
              entered,
            };
          }),
      })),
  };
}

export function createIndicator(ctx: Context, fields: z.output<typeof indicatorFields>) {
  if (!ctx.db.select().from(results).where(eq(results.id, fields.resultId)).get()) throw notFound('Résultat');
  const now = timestamp(ctx);
  const position = ctx.db
    .select({ n: count() })
    .from(indicators)
    .where(eq(indicators.resultId, fields.resultId))
    .get()!.n;
  const id = newId();
  ctx.db
    .insert(indicators)
    .values({ id, ...fields, position, createdAt: now, updatedAt: now })
    .run();
  return { id };
}

/** Changing an indicator (its disaggregation included) never deletes the values already recorded. */
export function updateIndicator(ctx: Context, { id, fields }: z.output<typeof updateIndicatorInput>) {
  if (!ctx.db.select().from(indicators).where(eq(indicators.id, id)).get()) throw notFound('Indicateur');
  ctx.db
    .update(indicators)
    .set({ ...fields, updatedAt: timestamp(ctx) })
    .where(eq(indicators.id, id))
    .run();
  return { id };
}

export function recordValue(ctx: Context, input: z.output<typeof indicatorValueInput>) {
  const indicator = ctx.db.select().from(indicators).where(eq(indicators.id, input.indicatorId)).get();
  if (!indicator) throw notFound('Indicateur');
  if (indicator.kind === 'computed') {
    throw new AppError(
      'CONFLICT',
      'Cet indicateur est calculé à partir des données : sa valeur ne peut pas être saisie.',
      [{ path: ['value'], message: 'errors.computedIndicator' }],
    );
  }
  if (input.sex && !indicator.bySex) {
    throw new AppError('VALIDATION', 'Cet indicateur n’est pas ventilé par sexe.', [
      { path: ['sex'], message: 'errors.notBySex' },
    ]);
  }
  ctx.db
    .insert(indicatorValues)
    .values({ id: newId(), ...input, createdAt: timestamp(ctx) })
    .run();
  return { id: input.indicatorId };
}

/** A value reaches its target: at or above it when higher is better, at or below it otherwise. */
export function targetReached(
  direction: string | null,
  value: number | null,
  target: number | null,
): boolean | null {
  if (value === null || target === null) return null;
  return direction === 'lower' ? value <= target : value >= target;
}

/**
 * An indicator's target for a year: the one set for that year, else the last one set before it,
 * else the first one set (a programme that sets 2025 and 2026 aims at 2025's in 2024).
 */
export function targetFor(targets: Record<string, number>, year: number): number | null {
  const years = Object.keys(targets).sort();
  if (years.length === 0) return null;
  const before = years.filter((y) => Number(y) <= year).at(-1);
  return targets[before ?? years[0]!] ?? null;
}

/** The women's shares aimed at in a year, read from the results framework (in % there, 0–1 here). */
export function shareTargetsOf(ctx: Context, year: number): ShareTargets {
  const rows = ctx.db.select().from(indicators).orderBy(asc(indicators.position)).all();
  const target = (key: ComputedKey) => {
    const row = rows.find((i) => i.kind === 'computed' && i.computedKey === key);
    const value = row ? targetFor(row.targets, year) : null;
    return value === null ? null : value / 100;
  };
  // Without an indicator of its own, the share of person-days aims at the share of people trained.
  const participants = target('womenShareParticipants');
  return {
    womenShareParticipants: participants,
    womenSharePersonDays: target('womenSharePersonDays') ?? participants,
  };
}

/** The dashboard in one call: the figures, the months of `year`, the types and regions, the targets. */
export function getDashboard(ctx: Context, { year, ...filters }: z.output<typeof dashboardInput>): Dashboard {
  return {
    figures: programmeFigures(ctx, filters),
    byMonth: participationBy(ctx, { from: `${year}-01-01`, to: `${year}-12-31` }, 'month'),
    ...participationByOrganisation(ctx, filters),
    targets: shareTargetsOf(ctx, year),
  };
}
