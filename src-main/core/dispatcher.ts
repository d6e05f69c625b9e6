import { z } from 'zod';
import { contract, isMethod, type Envelope, type Issue } from '../contract';
import type { Context } from './context';
import { AppError } from './errors';
import { handlers } from './handlers';

const toIssues = (error: z.ZodError): Issue[] =>
  error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));

export interface DispatchOptions {
  /** Also check every answer against its output schema (tests). */
  validateOutput?: boolean;
  onInternalError?: (error: unknown) => void;
}

/** Validates the input, runs the handler, and answers with the envelope: never throws. */
export function dispatch(
  ctx: Context,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
): Envelope<unknown> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Méthode inconnue : ${method.slice(0, 100)}` } };
  }
  const { input: inputSchema, output: outputSchema } = contract[method];
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Certaines informations sont invalides.',
        issues: toIssues(parsed.error),
      },
    };
  }
  try {
    const handler = handlers[method] as (ctx: Context, input: unknown) => unknown;
    // Every call is one transaction: a write is whole or absent, whatever the handler does.
    const value = ctx.sqlite.transaction(() => handler(ctx, parsed.data))();
    if (options.validateOutput) (outputSchema as z.ZodType).parse(value);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
    }
    options.onInternalError?.(error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Erreur interne : l’opération n’a pas été enregistrée.' },
    };
  }
}
