// How a domain declares one of its methods (in core/<domain>/methods.ts): its input and output
// schemas, who may call it, and its handler, side by side. core/methods.ts assembles them.
import type { z } from 'zod';
import type { Role } from '../contract';
import type { Context } from './context';

/**
 * Who may call a method. `public`: without signing in; `signedIn`: every role; otherwise the
 * roles named. `kind` says whether the method changes data (a reader only ever gets `read` ones).
 */
export interface Permission {
  kind: 'read' | 'write';
  who: 'public' | 'signedIn' | readonly Role[];
  /**
   * Row-level check for trainers (administrators are not limited):
   * `session`: the session belongs to a pathway assigned to the trainer, or is a stand-alone
   * session the trainer created; `newSession`: a session created for an assigned pathway's action,
   * or stand-alone; `followUp`: the follow-up belongs to an assigned pathway (directly or
   * through its session) or to a stand-alone session the trainer created.
   */
  trainerScope?: 'session' | 'newSession' | 'followUp';
}

export const read: Permission = { kind: 'read', who: 'signedIn' };
export const adminRead: Permission = { kind: 'read', who: ['admin'] };
export const admin: Permission = { kind: 'write', who: ['admin'] };
export const trainer = (trainerScope: Permission['trainerScope']): Permission => ({
  kind: 'write',
  who: ['admin', 'trainer'],
  trainerScope,
});

interface Declaration<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
}

/** A method answered inside the dispatcher's transaction. */
export interface SyncMethod<I extends z.ZodType, O extends z.ZodType> extends Declaration<I, O> {
  async?: false;
  handler: (ctx: Context, input: z.output<I>) => z.output<O>;
}

/** A method that reads or writes a file: it awaits, and opens its own transactions. */
export interface AsyncMethod<I extends z.ZodType, O extends z.ZodType> extends Declaration<I, O> {
  async: true;
  handler: (ctx: Context, input: z.output<I>) => Promise<z.output<O>>;
}

/** Declares a method; a handler whose input or answer does not match the schemas fails to compile. */
export function method<I extends z.ZodType, O extends z.ZodType>(
  declaration: AsyncMethod<I, O>,
): AsyncMethod<I, O>;
export function method<I extends z.ZodType, O extends z.ZodType>(
  declaration: SyncMethod<I, O>,
): SyncMethod<I, O>;
export function method(declaration: SyncMethod<z.ZodType, z.ZodType> | AsyncMethod<z.ZodType, z.ZodType>) {
  return declaration;
}
