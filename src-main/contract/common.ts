import { z } from 'zod';

// Every message is an i18n key (see src-main/i18n), translated by the renderer: a schema's
// own key, or for the checks that have none the plain one below, with the values it names.

/** The values a message names, as its i18n placeholders (`{{count}}`, `{{max}}`…). */
export type MessageParams = Record<string, string | number>;

interface Message {
  message: string;
  params?: MessageParams;
}

const isEmpty = (input: unknown) => input == null || input === '';

/** "200 caractères au plus" rather than zod's "Trop grand : chaîne de caractères doit avoir <=200 caractères". */
function plainMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): Message {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { message: 'errors.wholeNumber' };
      if (issue.expected === 'number') return { message: 'errors.numberRequired' };
      return { message: isEmpty(input) ? 'errors.required' : 'errors.invalidValue' };
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { message: 'errors.tooLong', params: { count: max } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { message: 'errors.tooMany', params: { count: max } };
      return { message: issue.inclusive === false ? 'errors.below' : 'errors.atMost', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.exact) return { message: 'errors.length', params: { count: min } };
        return min === 1
          ? { message: 'errors.required' }
          : { message: 'errors.tooShort', params: { count: min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { message: 'errors.tooFew', params: { count: min } };
      return { message: issue.inclusive === false ? 'errors.above' : 'errors.atLeast', params: { min } };
    }
    case 'not_multiple_of': {
      const divisor = Number(issue.divisor);
      const decimals = -Math.log10(divisor);
      if (decimals === 0) return { message: 'errors.wholeNumber' };
      return Number.isInteger(decimals) && decimals > 0
        ? { message: 'errors.decimals', params: { count: decimals } }
        : { message: 'errors.multipleOf', params: { divisor } };
    }
    case 'invalid_value':
      return { message: isEmpty(input) ? 'errors.required' : 'errors.invalidChoice' };
    case 'invalid_format':
      return { message: issue.format === 'email' ? 'errors.emailInvalid' : 'errors.invalidFormat' };
    case 'unrecognized_keys':
      return { message: 'errors.unknownKeys', params: { keys: issue.keys.join(', ') } };
    default:
      return { message: 'errors.invalidValue' };
  }
}

z.config({ customError: (issue) => plainMessage(issue).message });

/** An issue's message as callers get it: its key, with the values it names when it is a plain one. */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  const plain = plainMessage(issue);
  return plain.message === issue.message && plain.params
    ? { message: issue.message, params: plain.params }
    : { message: issue.message };
}

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

/**
 * A calendar date as `YYYY-MM-DD`, checked to exist: a date field passes on what could not be read
 * as it was typed (errors.dateInvalid) and 31/02 as `…-02-31` (errors.dateImpossible).
 */
export const isoDate = z
  .string(typeError('errors.dateRequired'))
  .regex(ISO_DATE, { error: 'errors.dateInvalid', abort: true })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: 'errors.dateImpossible' },
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

export const calendarYear = z
  .number(typeError('errors.numberRequired'))
  .int()
  .min(2000, { error: 'errors.yearRange' })
  .max(2100, { error: 'errors.yearRange' });

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
};

export const sortDirection = z.enum(['asc', 'desc']).default('asc');

/**
 * A sorted list's input: the words it is searched by, its `filters`, a sort among `sortKeys`
 * (`sort` unless said, in `direction`) and the page.
 */
export const sortedListInput = <
  const Filters extends z.ZodRawShape,
  const SortKeys extends readonly [string, ...string[]],
>(
  filters: Filters,
  sortKeys: SortKeys,
  sort: SortKeys[number],
  direction: 'asc' | 'desc' = 'asc',
) =>
  z.strictObject({
    search: z.string().trim().max(200).default(''),
    ...filters,
    sort: z.enum(sortKeys).default(sort as never),
    direction: sortDirection.default(direction),
    ...pageInput,
  });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const ok = z.object({ ok: z.literal(true) });

/** The input of the methods that take nothing. */
export const none = z.strictObject({});
/** The input of the methods that name one record. */
export const byId = z.strictObject({ id });
