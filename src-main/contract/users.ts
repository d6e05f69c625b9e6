import { z } from 'zod';
import { id, ok, page, pageInput } from './common';
import { login, newPassword, role, roles, userName } from './auth';

// ── Managing accounts (administrators only) ───────────────────────────────────────

export const user = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  /** For a trainer: the pathways assigned (empty for the other roles). */
  pathways: z.array(z.object({ id: z.string(), title: z.string() })),
  createdAt: z.string(),
  /** The last sign-in still on record (ISO), null when none. */
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

const pathwayIds = z.array(id).max(500).default([]);

export const userFields = z.strictObject({ name: userName, role, pathwayIds });
export type UserFields = z.input<typeof userFields>;

export const createUserInput = userFields.extend({ login, password: newPassword });
export type CreateUserInput = z.input<typeof createUserInput>;

export const usersMethods = {
  'users.list': {
    input: z.strictObject({ includeInactive: z.boolean().default(false), ...pageInput }),
    output: page(user),
  },
  'users.create': { input: createUserInput, output: user },
  /** Name, role and (for a trainer) assigned pathways; the login does not change. */
  'users.update': { input: z.strictObject({ id, fields: userFields }), output: user },
  /** A new password chosen by the administrator: the person's open sessions end. */
  'users.resetPassword': { input: z.strictObject({ id, password: newPassword }), output: ok },
  /** The account can no longer sign in; its sessions end. The last administrator stays. */
  'users.deactivate': { input: z.strictObject({ id }), output: user },
  'users.reactivate': { input: z.strictObject({ id }), output: user },
} as const;
