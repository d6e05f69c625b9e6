import { z } from 'zod';
import { plainText, typeError } from './common';
import type { Envelope } from './envelope';

// ── Accounts: who may sign in, and as what ────────────────────────────────────────

/**
 * administrator: the PRC team, everything; trainer: sessions and follow-ups of the pathways they
 * are assigned to; committee: scores selection rounds; reader: reads only.
 * What each may call is declared with each method (core/<domain>/methods.ts).
 */
export const roles = ['admin', 'trainer', 'committee', 'reader'] as const;
export type Role = (typeof roles)[number];
export const role = z.enum(roles, typeError('errors.required'));

export const MIN_PASSWORD_LENGTH = 10;

/** A login: letters, digits and . _ - @, kept in lower case so that « Awa » and « awa » are one. */
export const login = plainText(typeError('errors.required'))
  .trim()
  .toLowerCase()
  .min(3, { error: 'errors.loginLength' })
  .max(60, { error: 'errors.loginLength' })
  .regex(/^[a-z0-9._@-]+$/, { error: 'errors.loginCharacters' });

/** A new password: long enough to resist guessing; never trimmed (spaces count). */
export const newPassword = plainText(typeError('errors.required'))
  .min(MIN_PASSWORD_LENGTH, { error: 'errors.passwordTooShort' })
  .max(200, { error: 'errors.passwordTooLong' });

/** A password typed to sign in: its rules are not told. */
const typedPassword = plainText(typeError('errors.required')).min(1, { error: 'errors.required' }).max(200);

export const userName = plainText(typeError('errors.required'))
  .trim()
  .min(1, { error: 'errors.required' })
  .max(120);

/** The signed-in person, as the interface sees them. */
export const me = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(roles),
  /** For a trainer: the pathways whose sessions and follow-ups they record. */
  pathwayIds: z.array(z.string()),
  /** The methods the person's role may call: the interface hides what they cannot use. */
  methods: z.array(z.string()),
});
export type Me = z.infer<typeof me>;

/**
 * A session opened: `session` is the secret token. The transports take it out of the value: the
 * main process keeps it in the desktop app; in web mode it travels in the WEB_SESSION_HEADER.
 */
export const signedIn = z.object({ user: me, session: z.string() });

export const setupInput = z.strictObject({ login, name: userName, password: newPassword });
export const signInInput = z.strictObject({
  login: plainText().trim().toLowerCase().max(60),
  password: typedPassword,
});
export const changePasswordInput = z.strictObject({ currentPassword: typedPassword, newPassword });

/** Whether the administrator must still be created, and who is signed in (if anyone). */
export const authStatus = z.object({ needsSetup: z.boolean(), user: me.nullable() });

/**
 * Web mode: the header that carries the session, both ways. The page keeps it in its tab's
 * sessionStorage, which no other origin (no other port of 127.0.0.1) can read, unlike a cookie.
 */
export const WEB_SESSION_HEADER = 'x-parcours-session';

/**
 * What a transport does with an answer: a new session's token is taken out of the value (the page
 * never sees it) for the transport to keep; a sign-out tells it to forget the one it holds.
 * `session`: the token to keep, null to forget, undefined to leave as it is.
 */
export function sessionOutcome(
  method: string,
  envelope: Envelope<unknown>,
): { envelope: Envelope<unknown>; session?: string | null } {
  if (method === 'auth.signOut') return { envelope, session: null };
  if ((method === 'auth.signIn' || method === 'auth.setup') && envelope.ok) {
    const { session, ...value } = envelope.value as { session: string };
    return { envelope: { ok: true, value }, session };
  }
  return { envelope };
}
