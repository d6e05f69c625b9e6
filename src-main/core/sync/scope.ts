// Parcours' synchronisation rules: which records a trainer's laptop holds, which fields are unique,
// which references make an orphan. The engine (replica.ts) is generic; this is the programme.
import { CONFIGURATION_TABLES } from '../db/configuration';
import { compactKey } from '../text';
import type { Change } from './change';
import type { Installation, SyncRules, View } from './replica';

/** Fields that never leave headquarters: captured (a record's history) but never put in a batch. */
export const NEVER_SENT = ['users.password_hash'];

/** Reference data: on every installation. */
export const REFERENCE_TABLES = new Set([
  'organisations',
  'training_modules',
  'module_materials',
  ...CONFIGURATION_TABLES,
]);

/** A record of these tables is in a laptop's scope when its parent is. */
export const PARENTS: Record<string, { field: string; target: string }> = {
  pathway_steps: { field: 'pathway_id', target: 'pathways' },
  pathway_actions: { field: 'step_id', target: 'pathway_steps' },
  pathway_needs: { field: 'pathway_id', target: 'pathways' },
  pathway_participants: { field: 'pathway_id', target: 'pathways' },
  sessions: { field: 'pathway_action_id', target: 'pathway_actions' },
  session_days: { field: 'session_id', target: 'sessions' },
  session_trainers: { field: 'session_id', target: 'sessions' },
  session_participants: { field: 'session_id', target: 'sessions' },
  attendance: { field: 'day_id', target: 'session_days' },
  evaluations: { field: 'session_id', target: 'sessions' },
  follow_ups: { field: 'pathway_id', target: 'pathways' },
  follow_up_documents: { field: 'follow_up_id', target: 'follow_ups' },
  // Its scope is the account's own (inScope); listed for an account kept aside (store.ts claims).
  user_pathways: { field: 'user_id', target: 'users' },
};

/**
 * Values two live records may not share, as compared (`key`); `keyColumn` holds that key in the
 * table. A record arriving with a value already held is kept aside as a conflict (store.ts).
 */
export const UNIQUE: { table: string; field: string; key: (value: string) => string; keyColumn?: string }[] =
  [
    { table: 'agreements', field: 'number', key: compactKey, keyColumn: 'number_key' },
    { table: 'users', field: 'login', key: (s) => s.toLowerCase() },
  ];

/** Tables whose rows a trainer may write (the dispatcher's row rule decides the rest). */
const TRAINER_TABLES = new Set([
  'sessions',
  'session_days',
  'session_trainers',
  'session_participants',
  'attendance',
  'evaluations',
  'participants',
  'pathway_participants',
  'follow_ups',
  'follow_up_documents',
  // A follow-up's attachments: the record of the file itself.
  'documents',
]);

const live = (v: View, table: string, id: string) => v.held(table, id) && !v.deleted(table, id);

function assigned(installation: Installation, pathwayId: string, v: View): boolean {
  return v
    .find('user_pathways', 'pathway_id', pathwayId)
    .some(
      (link) =>
        live(v, 'user_pathways', link) && v.value('user_pathways', link, 'user_id') === installation.user,
    );
}

export function inScope(
  installation: Installation,
  table: string,
  recordId: string,
  v: View,
  depth = 0,
): boolean {
  if (installation.role === 'admin') return true;
  if (REFERENCE_TABLES.has(table)) return true;
  if (depth > 8) return false;
  switch (table) {
    case 'users':
      return recordId === installation.user;
    case 'user_pathways':
      return v.value(table, recordId, 'user_id') === installation.user;
    case 'pathways':
      return assigned(installation, recordId, v);
    case 'follow_ups': {
      // A follow-up belongs to its pathway, or to its session (a session's follow-ups have no pathway).
      const of = (field: string, target: string) => {
        const id = v.value(table, recordId, field);
        return typeof id === 'string' && inScope(installation, target, id, v, depth + 1);
      };
      return of('pathway_id', 'pathways') || of('session_id', 'sessions');
    }
    case 'documents':
      // Where a record in scope points to it: a module's material, an organisation's plan, an attachment.
      return (
        v.find('module_materials', 'document_id', recordId).some((l) => live(v, 'module_materials', l)) ||
        v.find('organisations', 'hr_plan_document_id', recordId).some((o) => live(v, 'organisations', o)) ||
        v
          .find('follow_up_documents', 'document_id', recordId)
          .some(
            (l) =>
              live(v, 'follow_up_documents', l) &&
              inScope(installation, 'follow_up_documents', l, v, depth + 1),
          )
      );
    case 'participants': {
      const via = (link: string, parent: string, field: string) =>
        v
          .find(link, 'participant_id', recordId)
          .some(
            (l) =>
              live(v, link, l) &&
              inScope(installation, parent, String(v.value(link, l, field)), v, depth + 1),
          );
      return (
        via('pathway_participants', 'pathways', 'pathway_id') ||
        via('session_participants', 'sessions', 'session_id')
      );
    }
  }
  const parent = PARENTS[table];
  if (!parent) return false;
  const parentId = v.value(table, recordId, parent.field);
  return typeof parentId === 'string' && inScope(installation, parent.target, parentId, v, depth + 1);
}

export const parcoursRules = (headquarters: string): SyncRules => ({
  headquarters,
  unique: UNIQUE,
  references: Object.entries(PARENTS).map(([table, p]) => ({ table, ...p })),
  scope: inScope,
  permit: (change: Change, sender: Installation, v: View) => {
    if (sender.role === 'admin') return null;
    if (sender.role !== 'trainer') return `Le rôle ${sender.role} n’écrit pas de données.`;
    if (!TRAINER_TABLES.has(change.table)) return `Un formateur ne modifie pas la table ${change.table}.`;
    // Row rule: the record's parent must be one of the trainer's, as headquarters sees it now
    // (a record created in the same batch is judged when its parent field arrives).
    const parent = PARENTS[change.table];
    if (!parent) return null;
    const parentId =
      change.field === parent.field ? change.value : v.value(change.table, change.recordId, parent.field);
    if (typeof parentId === 'string' && !inScope(sender, parent.target, parentId, v))
      return 'Hors des parcours de ce formateur.';
    return null;
  },
  neverSent: NEVER_SENT,
  bookkeeping: ['updated_at'],
});
