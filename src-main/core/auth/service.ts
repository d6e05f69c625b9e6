import type { z } from 'zod';
import { count, eq } from 'drizzle-orm';
import type {
  authStatus,
  changePasswordInput,
  Me,
  ok,
  setupInput,
  signedIn,
  signInInput,
} from '../../contract';
import { currentCall, transaction, type Context, type CallUser } from '../context';
import { authSessions, users } from '../db/schema';
import { AppError } from '../errors';
import { newId } from '../ids';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { insertUser } from '../users/service';
import { admitAttempt, clearFailures, describeMe, endSessions, openSession, recordFailure } from './signIns';

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export const hasAccounts = (ctx: Context) => (ctx.db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;

/** The signed-in caller; FORBIDDEN when the call has no user (in-process calls included). */
export function signedInUser(): CallUser {
  const user = currentCall()?.user;
  if (!user) throw new AppError('FORBIDDEN', 'Aucun utilisateur connecté : connectez-vous.');
  return user;
}

/** From now on, the call's changes are recorded under this person's name. */
function actAs(user: CallUser) {
  const call = currentCall();
  if (call) call.user = user;
}

export function status(ctx: Context): z.output<typeof authStatus> {
  const user = currentCall()?.user;
  return { needsSetup: !hasAccounts(ctx), user: user ? describeMe(ctx, user.id) : null };
}

export const me = (ctx: Context): Me => describeMe(ctx, signedInUser().id);

const ALREADY_SET_UP = 'Le compte administrateur existe déjà : connectez-vous.';

/** The first start: creates the administrator (only while there is no account) and signs them in. */
export async function setup(
  ctx: Context,
  input: z.output<typeof setupInput>,
): Promise<z.output<typeof signedIn>> {
  if (hasAccounts(ctx)) throw new AppError('FORBIDDEN', ALREADY_SET_UP);
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx, () => {
    // Checked again: another first start may have finished while the password was hashed.
    if (hasAccounts(ctx)) throw new AppError('FORBIDDEN', ALREADY_SET_UP);
    const id = newId();
    actAs({ id, name: input.name, role: 'admin' });
    insertUser(ctx, { id, login: input.login, name: input.name, role: 'admin', passwordHash });
    const session = openSession(ctx, id);
    return { user: describeMe(ctx, id), session };
  });
}

export async function signIn(
  ctx: Context,
  input: z.output<typeof signInInput>,
): Promise<z.output<typeof signedIn>> {
  const checked = await admitAttempt(ctx, input.login);
  try {
    const account = ctx.db.select().from(users).where(eq(users.login, input.login)).get();
    // An unknown login costs the same time as a known one.
    const valid = await verifyPassword(input.password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !valid) {
      transaction(ctx, () => recordFailure(ctx, input.login));
      throw new AppError('FORBIDDEN', WRONG_CREDENTIALS);
    }
    if (!account.active) {
      throw new AppError('FORBIDDEN', 'Ce compte a été désactivé : adressez-vous à l’équipe PRC.');
    }
    return transaction(ctx, () => {
      actAs({ id: account.id, name: account.name, role: account.role as CallUser['role'] });
      clearFailures(ctx, input.login);
      const session = openSession(ctx, account.id);
      return { user: describeMe(ctx, account.id), session };
    });
  } finally {
    checked();
  }
}

export function signOut(ctx: Context): z.output<typeof ok> {
  const hash = currentCall()?.sessionHash;
  if (hash) ctx.db.delete(authSessions).where(eq(authSessions.tokenHash, hash)).run();
  return { ok: true };
}

/** The signed-in person changes their own password; their other sessions end. */
export async function changePassword(
  ctx: Context,
  input: z.output<typeof changePasswordInput>,
): Promise<z.output<typeof ok>> {
  const caller = signedInUser();
  const account = ctx.db.select().from(users).where(eq(users.id, caller.id)).get();
  if (!account) throw new AppError('FORBIDDEN', 'Compte introuvable : reconnectez-vous.');
  const checked = await admitAttempt(ctx, account.login);
  try {
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
      transaction(ctx, () => recordFailure(ctx, account.login));
      throw new AppError('VALIDATION', 'Le mot de passe actuel est incorrect.', [
        { path: ['currentPassword'], message: 'errors.currentPasswordWrong' },
      ]);
    }
  } finally {
    checked();
  }
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(ctx, () => {
    clearFailures(ctx, account.login);
    ctx.db
      .update(users)
      .set({ passwordHash, updatedAt: ctx.now().toISOString() })
      .where(eq(users.id, account.id))
      .run();
    endSessions(ctx, account.id, currentCall()?.sessionHash);
    return { ok: true as const };
  });
}
