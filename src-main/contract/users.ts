import { z } from 'zod';
import { id, page, pageInput } from './common';
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

export const createUserInput = userFields.extend({ login, password: newPassword });

export const listUsersInput = z.strictObject({ includeInactive: z.boolean().default(false), ...pageInput });
export const userPage = page(user);
/** Name, role and (for a trainer) assigned pathways; the login does not change. */
export const updateUserInput = z.strictObject({ id, fields: userFields });
/** A new password chosen by the administrator: the person's open sessions end. */
export const resetPasswordInput = z.strictObject({ id, password: newPassword });
