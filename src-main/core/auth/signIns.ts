import crypto from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Me, Role } from '../../contract';
import { transaction, type CallUser, type Context, type Storage } from '../context';
import { authSessions, signInFailures, userPathways, users } from '../db/schema';
import { AppError } from '../errors';

/** A session ends after 12 hours without a call, and in any case 7 days after signing in. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most once a minute, not on every call. */
const TOUCH_AFTER_MS = 60 * 1000;

export const newSessionToken = () => crypto.randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface Identity {
  user: CallUser | null;
  sessionHash: string | null;
  /** The session's last call is old enough to be written down again. */
  stale: boolean;
}

const NOBODY: Identity = { user: null, sessionHash: null, stale: false };

/** Who holds `token`: an active account with a session neither idle too long nor too old. Reads only. */
export function identify(ctx: Context, token: string | null | undefined): Identity {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return NOBODY;
  const hash = tokenHash(token);
  const row = ctx.db
    .select({
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      id: users.id,
      name: users.name,
      role: users.role,
      active: users.active,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.tokenHash, hash))
    .get();
  if (!row || !row.active) return NOBODY;
  const now = ctx.now().getTime();
  const idle = now - Date.parse(row.lastSeenAt);
  if (idle > SESSION_IDLE_MS || now - Date.parse(row.createdAt) > SESSION_MAX_MS) return NOBODY;
  return {
    user: { id: row.id, name: row.name, role: row.role as Role },
    sessionHash: hash,
    stale: idle > TOUCH_AFTER_MS,
  };
}

export function touchSession(ctx: Context, hash: string) {
  ctx.db
    .update(authSessions)
    .set({ lastSeenAt: ctx.now().toISOString() })
    .where(eq(authSessions.tokenHash, hash))
    .run();
}

/** Opens a session for the user and returns its token (only its hash is kept). */
export function openSession(ctx: Context, userId: string): string {
  const now = ctx.now();
  // Sessions that can no longer be used are cleared on the way.
  ctx.db
    .delete(authSessions)
    .where(
      or(
        lt(authSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS).toISOString()),
        lt(authSessions.createdAt, new Date(now.getTime() - SESSION_MAX_MS).toISOString()),
      ),
    )
    .run();
  const token = newSessionToken();
  ctx.db
    .insert(authSessions)
    .values({
      tokenHash: tokenHash(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
    })
    .run();
  ctx.db.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, userId)).run();
  return token;
}

/** Ends the user's sessions, except `keep` (the caller's own, when changing their password). */
export function endSessions(ctx: Context, userId: string, keep?: string | null) {
  const sessions = ctx.db
    .select({ hash: authSessions.tokenHash })
    .from(authSessions)
    .where(eq(authSessions.userId, userId))
    .all();
  for (const s of sessions) {
    if (s.hash !== keep) ctx.db.delete(authSessions).where(eq(authSessions.tokenHash, s.hash)).run();
  }
}

export function describeMe(ctx: Context, userId: string): Me {
  const row = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('FORBIDDEN', 'Compte introuvable : reconnectez-vous.');
  const pathwayIds = ctx.db
    .select({ id: userPathways.pathwayId })
    .from(userPathways)
    .where(eq(userPathways.userId, userId))
    .all()
    .map((p) => p.id);
  const role = row.role as Role;
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role,
    pathwayIds,
    methods: ctx.allowedMethods(role),
  };
}

// ── Failed sign-ins ───────────────────────────────────────────────────────────────

/** Failures allowed before waiting; then 30 s, 1 min, 2 min… up to one hour between attempts. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30 * 1000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** A day without failure and the count starts again. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export const waitAfter = (failures: number) =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);

function waitMessage(ms: number) {
  const seconds = Math.ceil(ms / 1000);
  const delay = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return `Trop d’essais infructueux pour cet identifiant : réessayez dans ${delay}.`;
}

/** The failures counted for `login`; FORBIDDEN while the login must wait. Reads only (old counts aside). */
function failuresOf(ctx: Context, login: string): number {
  const now = ctx.now();
  ctx.db
    .delete(signInFailures)
    .where(lt(signInFailures.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS).toISOString()))
    .run();
  const row = ctx.db.select().from(signInFailures).where(eq(signInFailures.login, login)).get();
  if (row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
    throw new AppError('FORBIDDEN', waitMessage(Date.parse(row.lockedUntil) - now.getTime()));
  }
  return row?.failures ?? 0;
}

interface Checking {
  /** Attempts whose password is being checked. */
  count: number;
  /** Attempts waiting for their turn. */
  waiting: (() => void)[];
}
/** Per programme and login: the attempts being checked right now. */
const checking = new WeakMap<Storage, Map<string, Checking>>();

/**
 * Waits until an attempt for `login` may have its password checked, and answers what to call once
 * it was. Refused while the login must wait. Failures are counted after the check (so the right
 * password is never refused for attempts still being checked); to hold guesses sent all at once to
 * the same rule, no more attempts are checked at the same time than failures are still free:
 * the others wait their turn, then are checked or told to wait.
 */
export async function admitAttempt(ctx: Context, login: string): Promise<() => void> {
  let logins = checking.get(ctx.storage);
  if (!logins) checking.set(ctx.storage, (logins = new Map()));
  for (;;) {
    const failures = transaction(ctx, () => failuresOf(ctx, login));
    const state = logins.get(login) ?? { count: 0, waiting: [] };
    logins.set(login, state);
    if (state.count < Math.max(1, FREE_ATTEMPTS - failures)) {
      state.count += 1;
      return () => {
        state.count -= 1;
        const waiting = state.waiting.splice(0);
        if (state.count === 0 && waiting.length === 0) logins.delete(login);
        for (const wake of waiting) wake();
      };
    }
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  }
}

/** A wrong password for `login`: counted, and from the 5th on, the next attempt waits. */
export function recordFailure(ctx: Context, login: string) {
  const now = ctx.now();
  const row = ctx.db.select().from(signInFailures).where(eq(signInFailures.login, login)).get();
  const failures = (row?.failures ?? 0) + 1;
  const wait = waitAfter(failures);
  const values = {
    failures,
    lastFailureAt: now.toISOString(),
    lockedUntil: wait ? new Date(now.getTime() + wait).toISOString() : null,
  };
  ctx.db
    .insert(signInFailures)
    .values({ login, ...values })
    .onConflictDoUpdate({ target: signInFailures.login, set: values })
    .run();
}

export function clearFailures(ctx: Context, login: string) {
  ctx.db
    .delete(signInFailures)
    .where(and(eq(signInFailures.login, login)))
    .run();
}
