import { z } from 'zod';
import { contract, isMethod, type Envelope, type Issue, type Method } from '../contract';
import type { Context } from './context';
import { AppError } from './errors';
import { asyncHandlers, handlers, isAsyncMethod, type AsyncMethod } from './handlers';

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

type Checked = { ok: true; method: Method; input: unknown } | { ok: false; envelope: Envelope<never> };

/** The method exists and its input is valid. */
function check(method: string, input: unknown): Checked {
  if (!isMethod(method)) {
    return {
      ok: false,
      envelope: {
        ok: false,
        error: { code: 'NOT_FOUND', message: `Méthode inconnue : ${method.slice(0, 100)}` },
      },
    };
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      envelope: {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Certaines informations sont invalides.',
          issues: toIssues(parsed.error),
        },
      },
    };
  }
  return { ok: true, method, input: parsed.data };
}

function answer(method: Method, value: unknown, options: DispatchOptions): Envelope<unknown> {
  if (options.validateOutput) (contract[method].output as z.ZodType).parse(value);
  return { ok: true, value };
}

function failure(error: unknown, options: DispatchOptions): Envelope<never> {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
  }
  options.onInternalError?.(error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Erreur interne : l’opération n’a pas été enregistrée.' },
  };
}

/** Validates the input, runs the handler, and answers with the envelope: never throws. */
export function dispatch(
  ctx: Context,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
): Envelope<unknown> {
  const checked = check(method, input);
  if (!checked.ok) return checked.envelope;
  if (isAsyncMethod(checked.method)) {
    return failure(new Error(`${checked.method} is asynchronous: use dispatchAsync`), options);
  }
  return runSync(ctx, checked.method, checked.input, options);
}

function runSync(
  ctx: Context,
  method: Exclude<Method, AsyncMethod>,
  input: unknown,
  options: DispatchOptions,
): Envelope<unknown> {
  try {
    const handler = handlers[method] as (ctx: Context, input: unknown) => unknown;
    // Every call is one transaction: a write is whole or absent, whatever the handler does.
    const value = ctx.sqlite.transaction(() => handler(ctx, input))();
    return answer(method, value, options);
  } catch (error) {
    return failure(error, options);
  }
}

/**
 * Same as `dispatch`, for every method. Asynchronous handlers (reading or writing a file) run
 * their database work in `transaction()` themselves, between the awaits.
 */
export async function dispatchAsync(
  ctx: Context,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  const checked = check(method, input);
  if (!checked.ok) return checked.envelope;
  if (!isAsyncMethod(checked.method)) return runSync(ctx, checked.method, checked.input, options);
  try {
    const handler = asyncHandlers[checked.method] as (ctx: Context, input: unknown) => Promise<unknown>;
    return answer(checked.method, await handler(ctx, checked.input), options);
  } catch (error) {
    return failure(error, options);
  }
}
