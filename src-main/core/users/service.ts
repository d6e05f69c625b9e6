import type { z } from 'zod';
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type {
  createUserInput,
  listUsersInput,
  ok,
  resetPasswordInput,
  Role,
  updateUserInput,
  User,
  userPage,
} from '../../contract';
import { currentCall, transaction, type Context } from '../context';
import { pathways, userPathways, users } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { hashPassword } from '../auth/passwords';
import { clearFailures, endSessions } from '../auth/signIns';

function findUser(ctx: Context, id: string) {
  const row = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw notFound('Compte');
  return row;
}

function toUser(ctx: Context, row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role as Role,
    active: row.active,
    pathways: ctx.db
      .select({ id: pathways.id, title: pathways.title })
      .from(userPathways)
      .innerJoin(pathways, eq(pathways.id, userPathways.pathwayId))
      .where(eq(userPathways.userId, row.id))
      .orderBy(asc(pathways.title))
      .all(),
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

export const getUser = (ctx: Context, id: string) => toUser(ctx, findUser(ctx, id));

export function listUsers(ctx: Context, input: z.output<typeof listUsersInput>): z.output<typeof userPage> {
  const where = input.includeInactive ? undefined : eq(users.active, true);
  const total = ctx.db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(desc(users.active), asc(users.name))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { items: rows.map((r) => toUser(ctx, r)), total, page: input.page, pageSize: input.pageSize };
}

/** Only trainers have pathways; the pathways must exist. */
function assignPathways(ctx: Context, userId: string, role: Role, pathwayIds: string[]) {
  const wanted = role === 'trainer' ? [...new Set(pathwayIds)] : [];
  if (wanted.length) {
    const found = ctx.db.select({ id: pathways.id }).from(pathways).where(inArray(pathways.id, wanted)).all();
    if (found.length !== wanted.length) {
      throw new AppError('VALIDATION', 'Parcours inconnu.', [
        { path: ['pathwayIds'], message: 'errors.unknownPathway' },
      ]);
    }
  }
  ctx.db.delete(userPathways).where(eq(userPathways.userId, userId)).run();
  for (const pathwayId of wanted) ctx.db.insert(userPathways).values({ userId, pathwayId }).run();
}

/** A new account, active from now. */
export function insertUser(
  ctx: Context,
  account: { id: string; login: string; name: string; role: Role; passwordHash: string },
) {
  const now = ctx.now().toISOString();
  ctx.db
    .insert(users)
    .values({ ...account, active: true, createdAt: now, updatedAt: now })
    .run();
}

const loginTaken = () =>
  new AppError('CONFLICT', 'Cet identifiant est déjà utilisé.', [
    { path: ['login'], message: 'errors.loginTaken' },
  ]);

export async function createUser(ctx: Context, input: z.output<typeof createUserInput>): Promise<User> {
  const exists = (login: string) =>
    ctx.db.select({ id: users.id }).from(users).where(eq(users.login, login)).get() !== undefined;
  if (exists(input.login)) throw loginTaken();
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx, () => {
    if (exists(input.login)) throw loginTaken();
    const id = newId();
    insertUser(ctx, { id, login: input.login, name: input.name, role: input.role, passwordHash });
    assignPathways(ctx, id, input.role, input.pathwayIds);
    return getUser(ctx, id);
  });
}

/** Active administrators other than `exceptId`. */
const otherAdmins = (ctx: Context, exceptId: string) =>
  ctx.db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
    .get()?.n ?? 0;

const LAST_ADMIN =
  'C’est le dernier compte administrateur actif : créez ou réactivez d’abord un autre administrateur.';

export function updateUser(ctx: Context, { id, fields }: z.output<typeof updateUserInput>): User {
  const row = findUser(ctx, id);
  if (row.role === 'admin' && fields.role !== 'admin' && row.active && otherAdmins(ctx, id) === 0) {
    throw new AppError('CONFLICT', LAST_ADMIN, [{ path: ['role'], message: 'errors.lastAdmin' }]);
  }
  ctx.db
    .update(users)
    .set({ name: fields.name, role: fields.role, updatedAt: ctx.now().toISOString() })
    .where(eq(users.id, id))
    .run();
  assignPathways(ctx, id, fields.role, fields.pathwayIds);
  return getUser(ctx, id);
}

export async function resetPassword(
  ctx: Context,
  input: z.output<typeof resetPasswordInput>,
): Promise<z.output<typeof ok>> {
  findUser(ctx, input.id);
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx, () => {
    const row = findUser(ctx, input.id);
    ctx.db
      .update(users)
      .set({ passwordHash, updatedAt: ctx.now().toISOString() })
      .where(eq(users.id, row.id))
      .run();
    clearFailures(ctx, row.login);
    // Whoever knew the old password is signed out (the administrator resetting their own keeps their session).
    endSessions(ctx, row.id, currentCall()?.sessionHash);
    return { ok: true as const };
  });
}

export function setActive(ctx: Context, id: string, active: boolean): User {
  const row = findUser(ctx, id);
  if (!active && row.role === 'admin' && row.active && otherAdmins(ctx, id) === 0) {
    throw new AppError('CONFLICT', LAST_ADMIN);
  }
  if (row.active !== active) {
    ctx.db.update(users).set({ active, updatedAt: ctx.now().toISOString() }).where(eq(users.id, id)).run();
  }
  if (!active) endSessions(ctx, id);
  return getUser(ctx, id);
}
