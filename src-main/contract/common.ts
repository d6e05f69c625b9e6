import { z } from 'zod';

// Custom messages are i18n keys (see src-renderer/i18n): the renderer translates them,
// zod's own messages come localised by z.config (French by default).
z.config(z.locales.fr());

/** An error key for a missing or mistyped value only; other checks keep their own message. */
export const typeError = (key: string) => ({
  error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? key : undefined),
});

/** For a choice: "required" when nothing was chosen, zod's message for a wrong value. */
export const choiceError = {
  error: (issue: { input?: unknown }) =>
    issue.input == null || issue.input === '' ? 'errors.required' : undefined,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD`, checked to exist (no 31/02). */
export const isoDate = z
  .string(typeError('errors.dateRequired'))
  .regex(ISO_DATE, { error: 'errors.dateInvalid', abort: true })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: 'errors.dateInvalid' },
  );

/**
 * Text as people type it: never a NUL character, nor half of a UTF-16 pair on its own (a lone
 * surrogate, which UTF-8 cannot carry: the database would keep it altered). Every text field
 * starts from here.
 */
export const plainText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => !s.includes('\0') && s.isWellFormed(), { error: 'errors.textCharacters' });

export const id = plainText().min(1).max(64);

/** Free text that may be left empty: '' and missing both mean "none" (null). */
export const optionalText = (max: number) =>
  plainText()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (max: number) =>
  plainText(typeError('errors.required')).trim().min(1, { error: 'errors.required' }).max(max);

/** Money is a whole number of FCFA (XOF has no subunit). */
export const fcfa = z
  .number(typeError('errors.amountRequired'))
  .int({ error: 'errors.amountWhole' })
  .min(0, { error: 'errors.amountNegative' })
  .max(1_000_000_000_000);

export const count = z
  .number(typeError('errors.numberRequired'))
  .int({ error: 'errors.wholeNumber' })
  .min(0, { error: 'errors.notNegative' })
  .max(1_000_000);

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
};

export const sortDirection = z.enum(['asc', 'desc']).default('asc');

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const ok = z.object({ ok: z.literal(true) });
