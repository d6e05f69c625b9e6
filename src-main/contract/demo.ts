import { z } from 'zod';

export const demoStatus = z.object({
  /** The database holds no programme data yet: the demonstration can be loaded. */
  canLoad: z.boolean(),
  /** The demonstration programme is in the database. */
  loaded: z.boolean(),
  /** When it was loaded (ISO timestamp), null when it is not. */
  loadedAt: z.string().nullable(),
  /** The user chose to start with an empty database: the welcome card is not shown again. */
  declined: z.boolean(),
  /** Records created by the demonstration. */
  records: z.number().int(),
});
export type DemoStatus = z.infer<typeof demoStatus>;

export const demoLoaded = demoStatus.extend({
  organisations: z.number().int(),
  agreements: z.number().int(),
  participants: z.number().int(),
  sessions: z.number().int(),
});

export const demoRemoved = demoStatus.extend({
  /** Records deleted, those added since to the demonstration's own records included. */
  removed: z.number().int(),
  /** Among them, records added after loading that concerned only the demonstration. */
  addedSince: z.number().int(),
});
