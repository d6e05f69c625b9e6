import type { Method, Output, ParsedInput } from '../contract';
import type { Context } from './context';
import * as organisations from './organisations/service';
import * as agreements from './agreements/service';
import * as documents from './documents/service';
import * as frameworks from './diagnostics/frameworks';
import * as diagnostics from './diagnostics/service';
import * as criteriaSets from './selection/criteriaSets';
import * as rounds from './selection/rounds';
import * as participants from './training/participants';
import * as modules from './training/modules';
import * as pathways from './training/pathways';
import * as sessions from './training/sessions';
import * as followUps from './followups/service';
import * as figures from './indicators/figures';
import * as framework from './indicators/framework';
import * as reports from './reports/service';
import * as auth from './auth/service';
import * as users from './users/service';
import * as audit from './audit/service';
import * as demo from './demo/service';
import * as imports from './imports/service';
import { importTemplate } from './imports/template';
import * as backups from './backups/service';
import * as system from './system/service';

/** Methods that read or write a file: they await, and open their own transactions. */
const asyncMethods = [
  'reports.export',
  'backups.create',
  'backups.exportArchive',
  'backups.inspectArchive',
  'backups.inspect',
  'backups.restore',
  'imports.template',
  'imports.preview',
  'imports.run',
  // Passwords are hashed with scrypt, off the main thread.
  'auth.setup',
  'auth.signIn',
  'auth.changePassword',
  'users.create',
  'users.resetPassword',
  'audit.export',
] as const satisfies readonly Method[];
export type AsyncMethod = (typeof asyncMethods)[number];
export const isAsyncMethod = (method: Method): method is AsyncMethod =>
  (asyncMethods as readonly Method[]).includes(method);

export type Handlers = {
  [M in Exclude<Method, AsyncMethod>]: (ctx: Context, input: ParsedInput<M>) => Output<M>;
};
export type AsyncHandlers = {
  [M in AsyncMethod]: (ctx: Context, input: ParsedInput<M>) => Promise<Output<M>>;
};

/** Every method of the contract with its handler; a missing one fails to compile. */
export const handlers: Handlers = {
  'organisations.list': organisations.listOrganisations,
  'organisations.regions': (ctx) => organisations.listRegions(ctx),
  'organisations.get': (ctx, { id }) => organisations.getOrganisation(ctx, id),
  'organisations.create': organisations.createOrganisation,
  'organisations.update': organisations.updateOrganisation,
  'organisations.changeStatus': organisations.changeStatus,
  'organisations.archive': (ctx, { id }) => organisations.setArchived(ctx, id, true),
  'organisations.restore': (ctx, { id }) => organisations.setArchived(ctx, id, false),

  'agreements.list': agreements.listAgreements,
  'agreements.create': agreements.createAgreement,
  'agreements.update': agreements.updateAgreement,
  'agreements.remove': (ctx, { id }) => agreements.removeAgreement(ctx, id),

  'documents.get': (ctx, { id }) => documents.getDocument(ctx, id),

  'frameworks.list': (ctx) => frameworks.listFrameworks(ctx),
  'frameworks.current': (ctx, { frameworkId }) => frameworks.currentVersion(ctx, frameworkId),
  'frameworks.getVersion': (ctx, { id }) => frameworks.loadVersion(ctx, id),
  'frameworks.saveVersion': frameworks.saveVersion,

  'diagnostics.listForOrganisation': (ctx, { organisationId }) =>
    diagnostics.listForOrganisation(ctx, organisationId),
  'diagnostics.get': (ctx, { id }) => diagnostics.getDiagnostic(ctx, id),
  'diagnostics.create': diagnostics.createDiagnostic,
  'diagnostics.update': diagnostics.updateDiagnostic,
  'diagnostics.complete': (ctx, { id }) => diagnostics.completeDiagnostic(ctx, id),
  'diagnostics.remove': (ctx, { id }) => diagnostics.removeDiagnostic(ctx, id),
  'diagnostics.attachHrPlan': diagnostics.attachHrPlan,
  'diagnostics.compare': (ctx, { organisationId }) => diagnostics.compareWithBaseline(ctx, organisationId),

  'criteriaSets.list': (ctx) => criteriaSets.listCriteriaSets(ctx),
  'criteriaSets.get': (ctx, { id }) => criteriaSets.getCriteriaSet(ctx, id),
  'criteriaSets.create': criteriaSets.createCriteriaSet,
  'criteriaSets.update': criteriaSets.updateCriteriaSet,
  'criteriaSets.validate': criteriaSets.validateCriteriaSet,
  'criteriaSets.newVersion': (ctx, { id }) => criteriaSets.newCriteriaSetVersion(ctx, id),

  'rounds.list': (ctx) => rounds.listRounds(ctx),
  'rounds.get': (ctx, { id }) => rounds.getRound(ctx, id),
  'rounds.create': rounds.createRound,
  'rounds.update': rounds.updateRound,
  'rounds.addMember': rounds.addMember,
  'rounds.updateMember': rounds.updateMember,
  'rounds.removeMember': (ctx, { id }) => rounds.removeMember(ctx, id),
  'rounds.eligibility': (ctx, { roundId }) => rounds.eligibility(ctx, roundId),
  'rounds.addCandidate': rounds.addCandidate,
  'rounds.removeCandidate': rounds.removeCandidate,
  'rounds.recordScores': rounds.recordScores,
  'rounds.decide': rounds.decide,
  'rounds.conclude': rounds.concludeRound,

  'participants.list': participants.listParticipants,
  'participants.get': (ctx, { id }) => participants.getParticipant(ctx, id),
  'participants.create': participants.createParticipant,
  'participants.update': participants.updateParticipant,
  'participants.checkDuplicates': (ctx, { fields, exceptId }) =>
    participants.likelyDuplicates(ctx, fields, exceptId),

  'modules.list': (ctx) => modules.listModules(ctx),
  'modules.get': (ctx, { id }) => modules.getModule(ctx, id),
  'modules.create': modules.createModule,
  'modules.update': modules.updateModule,
  'modules.attachMaterial': modules.attachMaterial,
  'modules.removeMaterial': modules.removeMaterial,

  'pathways.list': pathways.listPathways,
  'pathways.get': (ctx, { id }) => pathways.getPathway(ctx, id),
  'pathways.create': pathways.createPathway,
  'pathways.update': pathways.updatePathway,
  'pathways.saveSteps': pathways.saveSteps,
  'pathways.changeStatus': pathways.changePathwayStatus,
  'pathways.enrol': pathways.enrol,
  'pathways.unenrol': pathways.unenrol,

  'sessions.list': sessions.listSessions,
  'sessions.get': (ctx, { id }) => sessions.getSession(ctx, id),
  'sessions.create': sessions.createSession,
  'sessions.update': sessions.updateSession,
  'sessions.addParticipants': sessions.addSessionParticipants,
  'sessions.removeParticipant': sessions.removeSessionParticipant,
  'sessions.recordAttendance': sessions.recordAttendance,
  'sessions.recordEvaluations': sessions.recordEvaluations,

  'followUps.settings': (ctx) => followUps.getSettings(ctx),
  'followUps.updateSettings': followUps.updateSettings,
  'followUps.list': followUps.listFollowUps,
  'followUps.get': (ctx, { id }) => followUps.getFollowUp(ctx, id),
  'followUps.record': followUps.recordFollowUp,
  'followUps.reschedule': followUps.rescheduleFollowUp,
  'followUps.cancel': followUps.cancelFollowUp,

  'indicators.figures': figures.programmeFigures,
  'indicators.dashboard': framework.getDashboard,
  'indicators.targets': (ctx, { year }) => framework.shareTargetsOf(ctx, year),
  'indicators.trainedParticipants': figures.trainedParticipants,
  'indicators.accompaniedOrganisations': figures.accompaniedOrganisations,
  'indicators.framework': framework.getFramework,
  'indicators.create': framework.createIndicator,
  'indicators.update': framework.updateIndicator,
  'indicators.recordValue': framework.recordValue,

  'reports.get': reports.getReport,

  'auth.status': (ctx) => auth.status(ctx),
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'auth.me': (ctx) => auth.me(ctx),

  'users.list': users.listUsers,
  'users.update': users.updateUser,
  'users.deactivate': (ctx, { id }) => users.setActive(ctx, id, false),
  'users.reactivate': (ctx, { id }) => users.setActive(ctx, id, true),

  'audit.list': audit.listChanges,
  'audit.options': (ctx) => audit.auditOptions(ctx),

  'backups.list': backups.listBackups,

  'demo.status': (ctx) => demo.demoStatus(ctx),
  'demo.load': (ctx) => demo.loadDemo(ctx),
  'demo.remove': (ctx) => demo.removeDemo(ctx),
  'demo.decline': (ctx) => demo.declineDemo(ctx),

  'system.about': (ctx) => system.about(ctx),
  'system.progress': (ctx) => system.progress(ctx),
};

export const asyncHandlers: AsyncHandlers = {
  'reports.export': reports.exportReport,
  'auth.setup': auth.setup,
  'auth.signIn': auth.signIn,
  'auth.changePassword': auth.changePassword,
  'users.create': users.createUser,
  'users.resetPassword': users.resetPassword,
  'audit.export': audit.exportChanges,
  'imports.template': importTemplate,
  'imports.preview': imports.previewImport,
  'imports.run': imports.runImport,
  'backups.create': backups.createBackup,
  'backups.exportArchive': backups.exportArchive,
  'backups.inspectArchive': backups.inspectArchive,
  'backups.inspect': backups.inspectBackup,
  'backups.restore': backups.restore,
};
