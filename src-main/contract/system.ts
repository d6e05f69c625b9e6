import { z } from 'zod';

/** This installation: shown in the About dialog and in web mode's page footer. */
export const about = z.object({
  /** The version of Parcours (package.json). */
  appVersion: z.string(),
  /** The last migration applied to the database: its schema. */
  schemaVersion: z.string().nullable(),
});
export type About = z.infer<typeof about>;

/**
 * What long work is doing, as the core knows it: `copy` (the database, page by page), `verify`
 * (SQLite's integrity check), `compress` (writing an archive), `unpack` (reading one), `replace`
 * (putting restored data in place), `compute` (a report's figures), `write` (its file).
 */
export const progressSteps = [
  'copy',
  'verify',
  'compress',
  'unpack',
  'replace',
  'compute',
  'write',
  'read',
  'check',
  'record',
  'send',
  'receive',
] as const;
export type ProgressStep = (typeof progressSteps)[number];

export const task = z.object({
  method: z.string(),
  /** ISO date-time the call started. */
  startedAt: z.string(),
  step: z.enum(progressSteps),
  /** How far the step is, when it can be counted (pages copied…): `done` of `total`. */
  done: z.number().int().nullable(),
  total: z.number().int().nullable(),
});
export type Task = z.infer<typeof task>;

/** The caller's long calls still running, with the step each has reached. */
export const runningTasks = z.object({ tasks: z.array(task) });
