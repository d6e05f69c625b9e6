import { z } from 'zod';
import { issueMessage, type Envelope, type Issue } from '../contract';
import { runAsCall, transaction, type Context, type CurrentCall } from './context';
import { AppError } from './errors';
import { identify, touchSession } from './auth/signIns';
import { checkRole, checkRows } from './permissions';
import { newId } from './ids';
import { contract, isMethod, type Method } from './methods';
import { endProgress } from './system/progress';

const toIssues = (error: z.ZodError): Issue[] =>
  error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    ...issueMessage(issue),
  }));

export interface DispatchOptions {
  /** Also check every answer against its output schema (tests). */
  validateOutput?: boolean;
  onInternalError?: (error: unknown) => void;
}

/**
 * Who calls. Transports always pass one, with the session token they hold (null when none):
 * the call is then checked against the permission table. In-process calls (tests, scripts, the
 * demo loader) pass none and are trusted.
 */
export interface Caller {
  session: string | null;
}

const unknownMethod = (method: string): Envelope<never> => ({
  ok: false,
  error: { code: 'NOT_FOUND', message: `Méthode inconnue : ${method.slice(0, 100)}` },
});

type Parsed = { ok: true; input: unknown } | { ok: false; envelope: Envelope<never> };

/** The input is valid for the method. */
function parse(method: Method, input: unknown): Parsed {
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
  return { ok: true, input: parsed.data };
}

/**
 * The call and who makes it; FORBIDDEN (before the input is even read) when the caller is not
 * signed in or their role may not call the method.
 */
function begin(ctx: Context, method: Method, caller?: Caller): { call: CurrentCall; stale: boolean } {
  const identity = caller ? identify(ctx, caller.session) : undefined;
  const call: CurrentCall = {
    id: newId(),
    method,
    at: ctx.now().toISOString(),
    user: identity?.user ?? null,
    sessionHash: identity?.sessionHash ?? null,
    trusted: caller === undefined,
  };
  checkRole(method, call);
  return { call, stale: identity?.stale ?? false };
}

/** In the call's first transaction: the session's last activity, and the trainer's row-level rule. */
function admit(ctx: Context, method: Method, input: unknown, call: CurrentCall, stale: boolean) {
  if (stale && call.sessionHash) touchSession(ctx, call.sessionHash);
  checkRows(ctx, method, input, call);
}

function answer(method: Method, value: unknown, options: DispatchOptions): Envelope<unknown> {
  if (options.validateOutput) (contract[method].output as z.ZodType).parse(value);
  return { ok: true, value };
}

/** Failures of the disk or of the database file, told plainly: nothing was written. */
function storageFailure(error: unknown): string | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return 'Le disque est plein : l’opération n’a pas été enregistrée et les données déjà saisies sont intactes. Libérez de l’espace sur le disque puis recommencez.';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return 'Erreur de lecture ou d’écriture sur le disque : l’opération n’a pas été enregistrée. Vérifiez le disque (ou la clé USB), puis recommencez.';
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'Le dossier des données n’est pas accessible en écriture : l’opération n’a pas été enregistrée.';
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return 'La base de données semble endommagée : l’opération n’a pas été enregistrée. Fermez Parcours et restaurez la dernière sauvegarde.';
  }
  return undefined;
}

function failure(error: unknown, options: DispatchOptions): Envelope<never> {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
  }
  const storage = storageFailure(error);
  if (storage) return { ok: false, error: { code: 'INTERNAL', message: storage } };
  options.onInternalError?.(error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Erreur interne : l’opération n’a pas été enregistrée.' },
  };
}

/** Checks the caller, validates the input, runs the handler, and answers with the envelope: never throws. */
export function dispatch(
  ctx: Context,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
  caller?: Caller,
): Envelope<unknown> {
  if (!isMethod(method)) return unknownMethod(method);
  if (contract[method].async) {
    return failure(new Error(`${method} is asynchronous: use dispatchAsync`), options);
  }
  return runSync(ctx, method, input, options, caller);
}

function runSync(
  ctx: Context,
  method: Method,
  input: unknown,
  options: DispatchOptions,
  caller?: Caller,
): Envelope<unknown> {
  try {
    const { call, stale } = begin(ctx, method, caller);
    const parsed = parse(method, input);
    if (!parsed.ok) return parsed.envelope;
    const handler = contract[method].handler as (ctx: Context, input: unknown) => unknown;
    // Every call is one transaction: a write is whole or absent, whatever the handler does.
    const value = runAsCall(call, () =>
      transaction(ctx, () => {
        admit(ctx, method, parsed.input, call, stale);
        return handler(ctx, parsed.input);
      }),
    );
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
  caller?: Caller,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return unknownMethod(method);
  if (!contract[method].async) return runSync(ctx, method, input, options, caller);
  let callId: string | undefined;
  try {
    const { call, stale } = begin(ctx, method, caller);
    callId = call.id;
    const parsed = parse(method, input);
    if (!parsed.ok) return parsed.envelope;
    const handler = contract[method].handler as (ctx: Context, input: unknown) => Promise<unknown>;
    const value = await runAsCall(call, () => {
      transaction(ctx, () => admit(ctx, method, parsed.input, call, stale));
      return handler(ctx, parsed.input);
    });
    return answer(method, value, options);
  } catch (error) {
    return failure(error, options);
  } finally {
    if (callId) endProgress(ctx, callId);
  }
}
