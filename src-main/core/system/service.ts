import type { z } from 'zod';
import type { About, runningTasks } from '../../contract';
import { currentCall, type Context } from '../context';
import { databaseSchema, shippedMigrations } from '../backups/schema';
import { APP_VERSION } from '../backups/version';
import { progressOf } from './progress';

export function about(ctx: Context): About {
  const shipped = shippedMigrations(ctx.storage.migrationsFolder);
  return { appVersion: APP_VERSION, schemaVersion: databaseSchema(ctx.sqlite, shipped).version };
}

export const progress = (ctx: Context): z.output<typeof runningTasks> => ({
  tasks: progressOf(ctx, currentCall()!),
});
