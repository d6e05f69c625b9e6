import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { DemoStatus, demoLoaded, demoRemoved } from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { settings } from '../db/schema';
import { AppError } from '../errors';
import { loadProgramme } from './load';
import { countRecords, hasProgrammeData, recordNewRows, removeDemoRows, snapshotKeys } from './records';

/** Created with the demonstration (and removed with it): when it was loaded. */
const LOADED_KEY = 'demo.loadedAt';
/** The user's choice to start with an empty database; kept whatever happens to the demonstration. */
const DECLINED_KEY = 'demo.declined';

const setting = (ctx: Context, key: string): unknown =>
  ctx.db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;

export function demoStatus(ctx: Context): DemoStatus {
  const loadedAt = setting(ctx, LOADED_KEY);
  return {
    canLoad: !hasProgrammeData(ctx),
    loaded: typeof loadedAt === 'string',
    loadedAt: typeof loadedAt === 'string' ? loadedAt : null,
    declined: setting(ctx, DECLINED_KEY) === true,
    records: countRecords(ctx),
  };
}

/** Loads the demonstration programme into an empty database, and notes every row it created. */
export function loadDemo(ctx: Context): z.output<typeof demoLoaded> {
  if (hasProgrammeData(ctx)) {
    throw new AppError(
      'CONFLICT',
      'Le programme de démonstration ne se charge que dans une base vide : cette base contient déjà des données.',
    );
  }
  const before = snapshotKeys(ctx);
  const summary = loadProgramme(ctx);
  ctx.db
    .insert(settings)
    .values({ key: LOADED_KEY, value: timestamp(ctx) })
    .run();
  recordNewRows(ctx, before);
  return { ...demoStatus(ctx), ...summary };
}

/** Removes the demonstration, and only it, in one transaction. */
export function removeDemo(ctx: Context): z.output<typeof demoRemoved> {
  if (countRecords(ctx) === 0) {
    throw new AppError('CONFLICT', 'Aucune donnée de démonstration à supprimer.');
  }
  const { removed, addedSince } = removeDemoRows(ctx);
  return { ...demoStatus(ctx), removed, addedSince };
}

export function declineDemo(ctx: Context): DemoStatus {
  ctx.db
    .insert(settings)
    .values({ key: DECLINED_KEY, value: true })
    .onConflictDoUpdate({ target: settings.key, set: { value: true } })
    .run();
  return demoStatus(ctx);
}
