import type { Method } from './index';
import type { Role } from './auth';

// ── Who may call what ─────────────────────────────────────────────────────────────
// Enforced by the core's dispatcher for every call that comes through a transport (desktop
// window or web mode); the interface reads the same table to hide what a role cannot use.

/**
 * `public`: without signing in; `signedIn`: every role; otherwise the roles named.
 * `kind` says whether the method changes data (a reader only ever gets `read` methods).
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

const read: Permission = { kind: 'read', who: 'signedIn' };
const adminRead: Permission = { kind: 'read', who: ['admin'] };
const admin: Permission = { kind: 'write', who: ['admin'] };
const trainer = (trainerScope: Permission['trainerScope']): Permission => ({
  kind: 'write',
  who: ['admin', 'trainer'],
  trainerScope,
});

/**
 * One entry per method of the contract (a missing one fails to compile, and a test checks it);
 * entries for methods not yet in the contract are allowed, so features can land in any order.
 */
export const permissions = {
  'auth.status': { kind: 'read', who: 'public' },
  'auth.setup': { kind: 'write', who: 'public' },
  'auth.signIn': { kind: 'write', who: 'public' },
  // Only ever ends the caller's own session.
  'auth.signOut': { kind: 'write', who: 'public' },
  'auth.me': read,
  'auth.changePassword': { kind: 'write', who: 'signedIn' },

  'system.about': read,
  'system.progress': read,

  'users.list': adminRead,
  'users.create': admin,
  'users.update': admin,
  'users.resetPassword': admin,
  'users.deactivate': admin,
  'users.reactivate': admin,

  'audit.list': adminRead,
  'audit.options': adminRead,
  'audit.export': adminRead,

  'organisations.list': read,
  'organisations.regions': read,
  'organisations.get': read,
  'organisations.create': admin,
  'organisations.update': admin,
  'organisations.changeStatus': admin,
  'organisations.archive': admin,
  'organisations.restore': admin,

  'agreements.list': read,
  'agreements.create': admin,
  'agreements.update': admin,
  'agreements.remove': admin,

  'documents.get': read,

  'frameworks.list': read,
  'frameworks.current': read,
  'frameworks.getVersion': read,
  'frameworks.saveVersion': admin,

  'diagnostics.listForOrganisation': read,
  'diagnostics.get': read,
  'diagnostics.create': admin,
  'diagnostics.update': admin,
  'diagnostics.complete': admin,
  'diagnostics.remove': admin,
  'diagnostics.attachHrPlan': admin,
  'diagnostics.compare': read,

  'criteriaSets.list': read,
  'criteriaSets.get': read,
  'criteriaSets.create': admin,
  'criteriaSets.update': admin,
  'criteriaSets.validate': admin,
  'criteriaSets.newVersion': admin,

  'rounds.list': read,
  'rounds.get': read,
  'rounds.create': admin,
  'rounds.update': admin,
  'rounds.addMember': admin,
  'rounds.updateMember': admin,
  'rounds.removeMember': admin,
  'rounds.eligibility': read,
  'rounds.addCandidate': admin,
  'rounds.removeCandidate': admin,
  // Committee members enter the scores of the round's members (on their behalf when needed).
  'rounds.recordScores': { kind: 'write', who: ['admin', 'committee'] },
  'rounds.decide': admin,
  'rounds.conclude': admin,

  'participants.list': read,
  'participants.get': read,
  // Trainers register the people who come to a session without being recorded yet.
  'participants.create': { kind: 'write', who: ['admin', 'trainer'] },
  'participants.update': admin,
  'participants.checkDuplicates': read,

  'modules.list': read,
  'modules.get': read,
  'modules.create': admin,
  'modules.update': admin,
  'modules.attachMaterial': admin,
  'modules.removeMaterial': admin,

  'pathways.list': read,
  'pathways.get': read,
  'pathways.create': admin,
  'pathways.update': admin,
  'pathways.saveSteps': admin,
  'pathways.changeStatus': admin,
  'pathways.enrol': admin,
  'pathways.unenrol': admin,

  'sessions.list': read,
  'sessions.get': read,
  'sessions.create': trainer('newSession'),
  'sessions.update': trainer('session'),
  'sessions.addParticipants': trainer('session'),
  'sessions.removeParticipant': trainer('session'),
  'sessions.recordAttendance': trainer('session'),
  'sessions.recordEvaluations': trainer('session'),

  'followUps.settings': read,
  'followUps.updateSettings': admin,
  'followUps.list': read,
  'followUps.get': read,
  'followUps.record': trainer('followUp'),
  'followUps.reschedule': trainer('followUp'),
  'followUps.cancel': trainer('followUp'),

  'indicators.figures': read,
  'indicators.dashboard': read,
  'indicators.targets': read,
  'indicators.trainedParticipants': read,
  'indicators.accompaniedOrganisations': read,
  'indicators.framework': read,
  'indicators.create': admin,
  'indicators.update': admin,
  'indicators.recordValue': admin,

  'reports.get': read,
  'reports.export': read,

  'imports.template': adminRead,
  'imports.preview': adminRead,
  'imports.run': admin,

  'demo.status': read,
  'demo.load': admin,
  'demo.remove': admin,
  'demo.decline': admin,

  'backups.list': adminRead,
  'backups.create': admin,
  // The whole database (accounts included) in one file.
  'backups.exportArchive': adminRead,
  'backups.inspectArchive': adminRead,
  'backups.inspect': adminRead,
  'backups.restore': admin,
} as const satisfies { [M in Method]: Permission } & Record<string, Permission>;

export const roleMay = (userRole: Role, method: string): boolean => {
  if (!Object.hasOwn(permissions, method)) return userRole === 'admin';
  const rule = (permissions as Record<string, Permission>)[method]!;
  return rule.who === 'public' || rule.who === 'signedIn' || rule.who.includes(userRole);
};
