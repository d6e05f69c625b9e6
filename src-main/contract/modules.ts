import { z } from 'zod';
import { id, optionalText, requiredText, typeError } from './common';
import { documentInfo, documentInput } from './documents';

// ── Training module library ──────────────────────────────────────────────────────

export const moduleFields = z.strictObject({
  title: requiredText(200),
  theme: optionalText(120),
  objectives: optionalText(4000),
  durationHours: z
    .number(typeError('errors.numberRequired'))
    .min(0.5, { error: 'errors.durationHoursMin' })
    .max(1000),
  targetPublic: optionalText(1000),
});
export type ModuleFields = z.input<typeof moduleFields>;

export const trainingModule = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  objectives: z.string().nullable(),
  durationHours: z.number(),
  targetPublic: z.string().nullable(),
  materials: z.array(documentInfo),
  sessionsCount: z.number().int(),
});
export type TrainingModule = z.infer<typeof trainingModule>;

export const updateModuleInput = z.strictObject({ id, fields: moduleFields });
export const attachMaterialInput = z.strictObject({ id, document: documentInput });
export const removeMaterialInput = z.strictObject({ id, documentId: id });
