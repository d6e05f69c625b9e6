// Who may call what: each method's permission is declared with it (core/<domain>/methods.ts);
// this file applies them to a call, and adds the row-level rule for trainers.
import { roles, type Role } from '../contract';
import type { CallUser, Context, CurrentCall } from './context';
import { AppError } from './errors';
import type { Permission } from './method';
import { contract, type Method } from './methods';

export type { Permission } from './method';

/** Every method's permission, by name. */
export const permissions = Object.fromEntries(
  Object.entries(contract).map(([name, declared]) => [name, declared.permission]),
) as Record<Method, Permission>;

export const ruleOf = (method: Method): Permission => permissions[method];

export const roleMay = (userRole: Role, method: Method): boolean => {
  const rule = ruleOf(method);
  return rule.who === 'public' || rule.who === 'signedIn' || rule.who.includes(userRole);
};

const methodsOf = Object.fromEntries(
  roles.map((r) => [r, (Object.keys(contract) as Method[]).filter((m) => roleMay(r, m))]),
) as Record<Role, Method[]>;

/** The methods a role may call: what the interface is told, to hide what the person cannot use. */
export const methodsFor = (userRole: Role): Method[] => methodsOf[userRole];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administrateur',
  trainer: 'formateur',
  committee: 'membre du comité',
  reader: 'lecteur',
};

export const NOT_SIGNED_IN = 'Vous n’êtes pas connecté(e), ou votre session a expiré : connectez-vous.';

/** Before the input is even read: the caller is signed in, and their role may call the method. */
export function checkRole(method: Method, call: CurrentCall): void {
  if (call.trusted) return;
  const rule = ruleOf(method);
  if (rule.who === 'public') return;
  if (!call.user) throw new AppError('FORBIDDEN', NOT_SIGNED_IN);
  if (rule.who === 'signedIn' || rule.who.includes(call.user.role)) return;
  throw new AppError(
    'FORBIDDEN',
    `Votre rôle (${ROLE_LABELS[call.user.role]}) ne permet pas cette opération.`,
  );
}

// ── Trainers: sessions and follow-ups of the pathways assigned to them ───────────────

const assigned = (ctx: Context, user: CallUser, pathwayId: string | null | undefined) =>
  !!pathwayId &&
  ctx.sqlite
    .prepare('SELECT 1 FROM user_pathways WHERE user_id = ? AND pathway_id = ?')
    .get(user.id, pathwayId) !== undefined;

const pathwayOfAction = (ctx: Context, actionId: string) =>
  ctx.sqlite
    .prepare(
      'SELECT s.pathway_id FROM pathway_actions a JOIN pathway_steps s ON s.id = a.step_id WHERE a.id = ?',
    )
    .pluck()
    .get(actionId) as string | undefined;

/** Who created a record is in the audit trail: a stand-alone session belongs to its creator. */
const createdBy = (ctx: Context, user: CallUser, table: string, id: string) =>
  ctx.sqlite
    .prepare(
      `SELECT 1 FROM audit_changes ch JOIN audit_calls c ON c.id = ch.call_id
       WHERE ch.table_name = ? AND ch.record_id = ? AND ch.action = 'insert' AND c.user_id = ?`,
    )
    .get(table, id, user.id) !== undefined;

/** Undefined when the session does not exist: the handler then answers NOT_FOUND. */
function sessionAllowed(ctx: Context, user: CallUser, sessionId: string): boolean | undefined {
  const session = ctx.sqlite
    .prepare('SELECT pathway_action_id AS actionId FROM sessions WHERE id = ?')
    .get(sessionId) as { actionId: string | null } | undefined;
  if (!session) return undefined;
  if (session.actionId) return assigned(ctx, user, pathwayOfAction(ctx, session.actionId));
  return createdBy(ctx, user, 'sessions', sessionId);
}

const NOT_YOURS_SESSION =
  'Cette session ne fait pas partie des parcours qui vous sont confiés : seule l’équipe PRC peut la modifier.';
const NOT_YOURS_PATHWAY = 'Ce parcours ne vous est pas confié : vous ne pouvez pas y rattacher de session.';
const DETACH_NOT_YOURS =
  'Sans parcours, cette session ne serait plus à votre portée (elle a été créée par un autre compte) : ' +
  'rattachez-la à l’un de vos parcours, ou demandez à l’équipe PRC de la détacher.';
const NOT_YOURS_FOLLOW_UP =
  'Ce suivi ne fait pas partie des parcours qui vous sont confiés : seule l’équipe PRC peut le modifier.';

function checkAction(ctx: Context, user: CallUser, actionId: unknown) {
  if (typeof actionId !== 'string') return;
  const pathwayId = pathwayOfAction(ctx, actionId);
  // An unknown action is the handler's to refuse (NOT_FOUND).
  if (pathwayId !== undefined && !assigned(ctx, user, pathwayId)) {
    throw new AppError('FORBIDDEN', NOT_YOURS_PATHWAY);
  }
}

/**
 * After the input is validated, inside the call's transaction: a trainer only writes the
 * sessions and follow-ups of their pathways. Stand-alone sessions (no pathway) may be created
 * by any trainer and are then theirs to edit.
 */
export function checkRows(ctx: Context, method: Method, input: unknown, call: CurrentCall): void {
  const user = call.user;
  if (call.trusted || !user || user.role !== 'trainer') return;
  const scope = ruleOf(method).trainerScope;
  if (!scope) return;
  const fields = input as Record<string, unknown>;
  switch (scope) {
    case 'newSession':
      checkAction(ctx, user, fields.pathwayActionId);
      return;
    case 'session': {
      const sessionId = (fields.sessionId ?? fields.id) as string;
      if (sessionAllowed(ctx, user, sessionId) === false) throw new AppError('FORBIDDEN', NOT_YOURS_SESSION);
      const changed = fields.fields as Record<string, unknown> | undefined;
      if (!changed) return;
      // The change keeps the session within the trainer's reach: moved to another pathway, that
      // pathway is theirs too; taken out of its pathway, it must be one they created.
      const moved = changed.pathwayActionId;
      if (moved === null && !createdBy(ctx, user, 'sessions', sessionId)) {
        throw new AppError('FORBIDDEN', DETACH_NOT_YOURS);
      }
      checkAction(ctx, user, moved);
      return;
    }
    case 'followUp': {
      const followUp = ctx.sqlite
        .prepare('SELECT pathway_id AS pathwayId, session_id AS sessionId FROM follow_ups WHERE id = ?')
        .get(fields.id) as { pathwayId: string | null; sessionId: string | null } | undefined;
      if (!followUp) return;
      const allowed = followUp.pathwayId
        ? assigned(ctx, user, followUp.pathwayId)
        : followUp.sessionId
          ? sessionAllowed(ctx, user, followUp.sessionId) === true
          : false;
      if (!allowed) throw new AppError('FORBIDDEN', NOT_YOURS_FOLLOW_UP);
      return;
    }
  }
}
