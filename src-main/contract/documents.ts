import { z } from 'zod';
import { plainText, requiredText } from './common';

// ── Documents: files kept in the database (HR plans, module materials, follow-up evidence) ──

export const documentInput = z.strictObject({
  name: requiredText(200),
  mimeType: plainText().max(120),
  /** base64 of the file, at most 20 MB. */
  contentBase64: z
    .string()
    .max(28_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.fileUnreadable' }),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const documentInfo = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type DocumentInfo = z.infer<typeof documentInfo>;

export const documentContent = documentInfo.extend({ contentBase64: z.string() });
