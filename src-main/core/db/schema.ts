import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: text('type').notNull(),
    level: text('level').notNull(),
    region: text('region'),
    cercle: text('cercle'),
    commune: text('commune'),
    sectors: text('sectors', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    mandate: text('mandate'),
    keyFunctions: text('key_functions'),
    staffWomen: integer('staff_women').notNull().default(0),
    staffMen: integer('staff_men').notNull().default(0),
    contactName: text('contact_name'),
    contactPosition: text('contact_position'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    status: text('status').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('organisations_name_idx').on(t.name),
    index('organisations_status_idx').on(t.status),
    index('organisations_type_idx').on(t.type),
    index('organisations_region_idx').on(t.region),
  ],
);

export const organisationStatusChanges = sqliteTable(
  'organisation_status_changes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    changedOn: text('changed_on').notNull(),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('status_changes_organisation_idx').on(t.organisationId, t.changedOn)],
);

export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    number: text('number').notNull(),
    /** The number as compared (no case, spaces or accents): two agreements never share it. */
    numberKey: text('number_key').notNull(),
    signedOn: text('signed_on').notNull(),
    /** Months with one decimal at most (19.2): as the agreement states it. */
    durationMonths: real('duration_months').notNull(),
    /** Only when entered by hand; otherwise computed from signature and duration. */
    endOn: text('end_on'),
    amountFcfa: integer('amount_fcfa').notNull(),
    status: text('status').notNull(),
    terminationReason: text('termination_reason'),
    notes: text('notes'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [
    index('agreements_organisation_idx').on(t.organisationId),
    index('agreements_signed_on_idx').on(t.signedOn),
    uniqueIndex('agreements_number_unique')
      .on(t.number)
      .where(sql`${t.deletedAt} IS NULL`),
    index('agreements_number_key_idx').on(t.numberKey),
  ],
);

// ── Documents ─────────────────────────────────────────────────────────────────────
// Stored inside the database so that they travel with every copy and backup of it.

export const documents = sqliteTable('documents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

// ── Assessment frameworks: a version is never changed once saved ─────────────────

export const frameworks = sqliteTable('frameworks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  ...timestamps,
});

export const frameworkVersions = sqliteTable(
  'framework_versions',
  {
    id: text('id').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id),
    version: integer('version').notNull(),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('framework_versions_unique').on(t.frameworkId, t.version)],
);

export const frameworkDomains = sqliteTable(
  'framework_domains',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('framework_domains_version_idx').on(t.versionId, t.position)],
);

export const frameworkCriteria = sqliteTable(
  'framework_criteria',
  {
    id: text('id').primaryKey(),
    domainId: text('domain_id')
      .notNull()
      .references(() => frameworkDomains.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    descriptors: text('descriptors', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('framework_criteria_domain_idx').on(t.domainId, t.position)],
);

// ── Diagnostics ───────────────────────────────────────────────────────────────────

export const diagnostics = sqliteTable(
  'diagnostics',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    frameworkVersionId: text('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    conductedOn: text('conducted_on').notNull(),
    assessors: text('assessors').notNull(),
    method: text('method').notNull(),
    level: text('level').notNull(),
    status: text('status').notNull(),
    notes: text('notes'),
    hrPlanDocumentId: text('hr_plan_document_id').references(() => documents.id),
    hrPlanRating: text('hr_plan_rating'),
    hrPlanComment: text('hr_plan_comment'),
    completedAt: text('completed_at'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('diagnostics_organisation_idx').on(t.organisationId, t.conductedOn)],
);

export const diagnosticScores = sqliteTable(
  'diagnostic_scores',
  {
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnostics.id),
    criterionId: text('criterion_id')
      .notNull()
      .references(() => frameworkCriteria.id),
    score: integer('score'),
    evidence: text('evidence'),
  },
  (t) => [primaryKey({ columns: [t.diagnosticId, t.criterionId] })],
);

export const diagnosticNeeds = sqliteTable(
  'diagnostic_needs',
  {
    id: text('id').primaryKey(),
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnostics.id),
    domainCode: text('domain_code').notNull(),
    priority: integer('priority').notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('diagnostic_needs_diagnostic_idx').on(t.diagnosticId, t.priority)],
);

// ── Selection by the technical committee ─────────────────────────────────────────

export const criteriaSets = sqliteTable('criteria_sets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  previousVersionId: text('previous_version_id'),
  scoreMax: integer('score_max').notNull(),
  eligibility: text('eligibility', { mode: 'json' }).$type<unknown>().notNull(),
  validatedOn: text('validated_on'),
  validationReference: text('validation_reference'),
  ...timestamps,
});

export const selectionCriteria = sqliteTable(
  'selection_criteria',
  {
    id: text('id').primaryKey(),
    setId: text('set_id')
      .notNull()
      .references(() => criteriaSets.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    weight: integer('weight').notNull(),
  },
  (t) => [index('selection_criteria_set_idx').on(t.setId, t.position)],
);

export const selectionRounds = sqliteTable('selection_rounds', {
  id: text('id').primaryKey(),
  criteriaSetId: text('criteria_set_id')
    .notNull()
    .references(() => criteriaSets.id),
  title: text('title').notNull(),
  meetingOn: text('meeting_on').notNull(),
  place: text('place'),
  quorum: integer('quorum').notNull(),
  notes: text('notes'),
  consensus: integer('consensus', { mode: 'boolean' }),
  steeringValidatedOn: text('steering_validated_on'),
  steeringReference: text('steering_reference'),
  ...timestamps,
});

export const roundMembers = sqliteTable(
  'round_members',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => selectionRounds.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    institution: text('institution'),
    present: integer('present', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('round_members_round_idx').on(t.roundId)],
);

export const roundCandidates = sqliteTable(
  'round_candidates',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => selectionRounds.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    decision: text('decision'),
    justification: text('justification'),
    decidedAt: text('decided_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('round_candidates_round_idx').on(t.roundId),
    uniqueIndex('round_candidates_unique').on(t.roundId, t.organisationId),
  ],
);

/** A member of a round and one of its candidates: what a conflict of interest or a score is about. */
const memberOnCandidate = {
  memberId: text('member_id')
    .notNull()
    .references(() => roundMembers.id),
  candidateId: text('candidate_id')
    .notNull()
    .references(() => roundCandidates.id),
};

export const roundConflicts = sqliteTable(
  'round_conflicts',
  {
    ...memberOnCandidate,
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.candidateId] })],
);

export const roundScores = sqliteTable(
  'round_scores',
  {
    ...memberOnCandidate,
    criterionId: text('criterion_id')
      .notNull()
      .references(() => selectionCriteria.id),
    score: integer('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.candidateId, t.criterionId] }),
    index('round_scores_candidate_idx').on(t.candidateId),
  ],
);

// ── Participants, modules, pathways, sessions ────────────────────────────────────

export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band'),
    position: text('position'),
    decisionMaker: integer('decision_maker', { mode: 'boolean' }).notNull(),
    phone: text('phone'),
    /** The phone's last 8 digits: the key of the "same phone" duplicate check. */
    phoneDigits: text('phone_digits'),
    /**
     * Lower-case, accent-free "last first" and "first last phone", kept with the row so that
     * sorting and searching 100 000 people use an index or a plain scan, not a function per row.
     */
    sortName: text('sort_name').notNull(),
    searchText: text('search_text').notNull(),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [
    index('participants_organisation_idx').on(t.organisationId, t.lastName),
    index('participants_sort_idx').on(t.sortName),
    // Live people: walked in name order for a page, read whole instead of the table to count
    // them or match a search or a sex.
    index('participants_live_idx')
      .on(t.sortName, t.id, t.searchText, t.sex)
      .where(sql`deleted_at IS NULL`),
    index('participants_phone_idx').on(t.phoneDigits),
    // A person's sex and organisation without reading the row: what the figures join on.
    index('participants_figures_idx').on(t.id, t.sex, t.organisationId),
  ],
);

export const trainingModules = sqliteTable('training_modules', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  theme: text('theme'),
  objectives: text('objectives'),
  durationHours: real('duration_hours').notNull(),
  targetPublic: text('target_public'),
  ...timestamps,
});

export const moduleMaterials = sqliteTable(
  'module_materials',
  {
    moduleId: text('module_id')
      .notNull()
      .references(() => trainingModules.id),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.documentId] })],
);

export const pathways = sqliteTable(
  'pathways',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    targetSkills: text('target_skills'),
    performanceObjective: text('performance_objective'),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    budgetFcfa: integer('budget_fcfa').notNull(),
    status: text('status').notNull(),
    approvedOn: text('approved_on'),
    approvalReference: text('approval_reference'),
    suspensionReason: text('suspension_reason'),
    ...timestamps,
  },
  (t) => [index('pathways_organisation_idx').on(t.organisationId)],
);

export const pathwayNeeds = sqliteTable(
  'pathway_needs',
  {
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id),
    needId: text('need_id')
      .notNull()
      .references(() => diagnosticNeeds.id),
  },
  (t) => [primaryKey({ columns: [t.pathwayId, t.needId] })],
);

export const pathwayParticipants = sqliteTable(
  'pathway_participants',
  {
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id),
    enrolledAt: text('enrolled_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pathwayId, t.participantId] }),
    index('pathway_participants_participant_idx').on(t.participantId),
  ],
);

export const pathwaySteps = sqliteTable(
  'pathway_steps',
  {
    id: text('id').primaryKey(),
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id),
    phase: text('phase').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('pathway_steps_pathway_idx').on(t.pathwayId, t.position)],
);

export const pathwayActions = sqliteTable(
  'pathway_actions',
  {
    id: text('id').primaryKey(),
    stepId: text('step_id')
      .notNull()
      .references(() => pathwaySteps.id),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    plannedStart: text('planned_start').notNull(),
    plannedEnd: text('planned_end').notNull(),
    budgetFcfa: integer('budget_fcfa').notNull(),
  },
  (t) => [index('pathway_actions_step_idx').on(t.stepId, t.position)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    pathwayActionId: text('pathway_action_id').references(() => pathwayActions.id),
    moduleId: text('module_id').references(() => trainingModules.id),
    phase: text('phase').notNull(),
    region: text('region'),
    commune: text('commune'),
    venue: text('venue'),
    costFcfa: integer('cost_fcfa').notNull(),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('sessions_action_idx').on(t.pathwayActionId)],
);

export const sessionDays = sqliteTable(
  'session_days',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    halfDay: integer('half_day', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('session_days_session_idx').on(t.sessionId, t.date),
    index('session_days_date_idx').on(t.date),
  ],
);

export const sessionTrainers = sqliteTable(
  'session_trainers',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [index('session_trainers_session_idx').on(t.sessionId)],
);

/** A participant of a session: whom a session's registration or evaluation is about. */
const participantInSession = {
  sessionId: text('session_id')
    .notNull()
    .references(() => sessions.id),
  participantId: text('participant_id')
    .notNull()
    .references(() => participants.id),
};

export const sessionParticipants = sqliteTable(
  'session_participants',
  {
    ...participantInSession,
    /** Added on the spot rather than enrolled through the pathway. */
    walkIn: integer('walk_in', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('session_participants_participant_idx').on(t.participantId),
  ],
);

export const attendance = sqliteTable(
  'attendance',
  {
    dayId: text('day_id')
      .notNull()
      .references(() => sessionDays.id),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dayId, t.participantId] }),
    index('attendance_participant_idx').on(t.participantId),
  ],
);

/**
 * Per participant × live session, computed from the marks and kept up to date in the same
 * transaction as every write (core/indicators/summaries.ts): never typed, recomputed on restore.
 */
export const attendanceSummaries = sqliteTable(
  'attendance_summaries',
  {
    sessionId: text('session_id').notNull(),
    participantId: text('participant_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    sex: text('sex').notNull(),
    decisionMaker: integer('decision_maker').notNull(),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    /** Weighted days of the session (a half-day counts ½). */
    daysPlanned: real('days_planned').notNull(),
    /** Marks present or late. */
    daysAttended: integer('days_attended').notNull(),
    personDays: real('person_days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    // Covering: the figures group a period's summaries per participant straight off this index.
    index('attendance_summaries_participant_idx').on(
      t.participantId,
      t.lastDay,
      t.firstDay,
      t.personDays,
      t.daysPlanned,
      t.sex,
      t.decisionMaker,
      t.organisationId,
      t.sessionId,
    ),
    index('attendance_summaries_first_day_idx').on(t.firstDay),
    index('attendance_summaries_last_day_idx').on(t.lastDay),
    index('attendance_summaries_organisation_idx').on(t.organisationId),
  ],
);

export const evaluations = sqliteTable(
  'evaluations',
  {
    ...participantInSession,
    satisfaction: integer('satisfaction'),
    preScore: real('pre_score'),
    postScore: real('post_score'),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    // The evaluations of an organisation's people, for figures filtered on organisations.
    index('evaluations_participant_idx').on(t.participantId),
  ],
);

// ── Settings and post-training follow-up ─────────────────────────────────────────

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
});

export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id),
    sessionId: text('session_id').references(() => sessions.id),
    pathwayId: text('pathway_id').references(() => pathways.id),
    offsetMonths: integer('offset_months').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status').notNull(),
    trainerName: text('trainer_name'),
    /** Why it was rescheduled or cancelled. */
    reason: text('reason'),
    doneOn: text('done_on'),
    method: text('method'),
    skillsApplied: text('skills_applied'),
    evidence: text('evidence'),
    obstacles: text('obstacles'),
    supportNeeded: text('support_needed'),
    changeObserved: text('change_observed'),
    coachingActionId: text('coaching_action_id').references(() => pathwayActions.id),
    ...timestamps,
  },
  (t) => [
    index('follow_ups_due_idx').on(t.status, t.dueOn),
    // Covering for the follow-ups done in a period, counted by sex.
    index('follow_ups_done_idx').on(t.status, t.doneOn, t.participantId, t.skillsApplied, t.offsetMonths),
    index('follow_ups_trainer_idx').on(t.trainerName),
    index('follow_ups_participant_idx').on(t.participantId),
    index('follow_ups_session_idx').on(t.sessionId),
    index('follow_ups_pathway_idx').on(t.pathwayId),
  ],
);

export const followUpDocuments = sqliteTable(
  'follow_up_documents',
  {
    followUpId: text('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.documentId] })],
);

// ── Results framework ────────────────────────────────────────────────────────────

export const results = sqliteTable('results', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  position: integer('position').notNull(),
});

export const indicators = sqliteTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    resultId: text('result_id')
      .notNull()
      .references(() => results.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    definition: text('definition'),
    unit: text('unit').notNull(),
    bySex: integer('by_sex', { mode: 'boolean' }).notNull(),
    kind: text('kind').notNull(),
    computedKey: text('computed_key'),
    baseline: real('baseline'),
    targets: text('targets', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /**
     * 'lower' when a lower value is better (a target is reached at or below it); null when higher
     * is better, as for every indicator before this column existed.
     */
    direction: text('direction'),
    position: integer('position').notNull(),
    ...timestamps,
  },
  (t) => [index('indicators_result_idx').on(t.resultId, t.position)],
);

/** Values typed for "entered" indicators, with their source; kept whatever the indicator's disaggregation becomes. */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: text('id').primaryKey(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    year: integer('year').notNull(),
    sex: text('sex'),
    value: real('value').notNull(),
    source: text('source').notNull(),
    recordedOn: text('recorded_on').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('indicator_values_indicator_idx').on(t.indicatorId, t.year)],
);

// ── Demonstration programme ──────────────────────────────────────────────────────

/** Every row the demonstration programme created (table and primary key as a JSON array), so it can be removed. */
export const demoRecords = sqliteTable(
  'demo_records',
  {
    tableName: text('table_name').notNull(),
    recordKey: text('record_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.recordKey] })],
);

// ── Accounts, sessions and the audit trail ───────────────────────────────────────

/** A person who signs in. Logins are kept in lower case; passwords only as slow salted hashes. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    login: text('login').notNull(),
    name: text('name').notNull(),
    /** admin, trainer, committee or reader (see contract/permissions.ts). */
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Recorded in the audit trail too: sign-ins show there. */
    lastSignInAt: text('last_sign_in_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_login_unique').on(t.login)],
);

/** The pathways a trainer works on: their sessions and follow-ups are the trainer's to record. */
export const userPathways = sqliteTable(
  'user_pathways',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    pathwayId: text('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.pathwayId] }),
    index('user_pathways_pathway_idx').on(t.pathwayId),
  ],
);

/** A signed-in session: only the SHA-256 of its token is kept. */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per login (known or not): kept in the database so that a restart does not reset them. */
export const signInFailures = sqliteTable('sign_in_failures', {
  login: text('login').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: text('last_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});

/** One call that changed data: who, when, which method. Rows are never updated nor deleted. */
export const auditCalls = sqliteTable(
  'audit_calls',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    /** Null for the application itself (start-up, scripts). */
    userId: text('user_id'),
    userName: text('user_name'),
    method: text('method').notNull(),
  },
  (t) => [
    index('audit_calls_at_idx').on(t.at),
    index('audit_calls_user_idx').on(t.userId, t.at),
    index('audit_calls_method_idx').on(t.method, t.at),
  ],
);

/** One row inserted, updated or deleted by a call, with its values before and after (JSON). */
export const auditChanges = sqliteTable(
  'audit_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id')
      .notNull()
      .references(() => auditCalls.id),
    tableName: text('table_name').notNull(),
    /** The primary key: the id, or a JSON array for a composite key. */
    recordId: text('record_id').notNull(),
    /** insert, update or delete. */
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [
    index('audit_changes_call_idx').on(t.callId),
    index('audit_changes_record_idx').on(t.tableName, t.recordId),
  ],
);

// ── Synchronisation: this installation and the changes it captured ──────────────

/**
 * This installation (one row): its device id, its role, the next seq of its changes, its hybrid
 * clock (sync/clock.ts) and the last audit_changes row turned into changes (sync/capture.ts).
 * The migration that created it made the existing database headquarters.
 */
export const syncInstallation = sqliteTable('sync_installation', {
  device: text('device').primaryKey(),
  /** headquarters or field. */
  role: text('role').notNull(),
  nextSeq: integer('next_seq').notNull(),
  /** The latest `at` written or seen; null before the first change. */
  clock: text('clock'),
  capturedThrough: integer('captured_through').notNull(),
  /** On a field laptop, the account it was enrolled for (users.id); null at headquarters. */
  userId: text('user_id'),
  /** On a field laptop, headquarters' network address for « Synchroniser maintenant »; null when none. */
  headquartersUrl: text('headquarters_url'),
  /** At headquarters, the lowest Parcours version whose files it accepts; null when any. */
  minAppVersion: text('min_app_version'),
});

/**
 * The installations this one exchanges with: at headquarters every enrolled laptop, on a laptop
 * headquarters. `holds` is what the peer said it holds (its latest batch's acknowledgement, JSON
 * ranges per device), `announced` the last seq of its own it said it wrote: the holes below are
 * files lost on the way.
 */
export const syncPeers = sqliteTable('sync_peers', {
  device: text('device').primaryKey(),
  /** The account the installation belongs to (users.id), and that account's role at enrolment. */
  userId: text('user_id').notNull(),
  role: text('role').notNull(),
  /** How people name it: « poste de Gao ». */
  label: text('label').notNull(),
  headquarters: integer('headquarters', { mode: 'boolean' }).notNull(),
  /** The enrolment secret (base64) both sides derive the laptop's file key from (file.ts). */
  secret: text('secret').notNull(),
  holds: text('holds').notNull(),
  announced: integer('announced').notNull(),
  lastBatchReceived: integer('last_batch_received').notNull(),
  lastBatchSent: integer('last_batch_sent').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
});

/**
 * Changes received from a laptop that its sender's role may not make: kept whole (`change` is its
 * JSON) for the administrator, never applied until released, never dropped.
 */
export const syncQuarantine = sqliteTable(
  'sync_quarantine',
  {
    changeId: text('change_id').primaryKey(),
    device: text('device').notNull(),
    seq: integer('seq').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    change: text('change').notNull(),
    sender: text('sender').notNull(),
    reason: text('reason').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('sync_quarantine_record_idx').on(t.tableName, t.recordId)],
);

/**
 * A `.parcours-sync` file travelling over the network in pieces (sync/network.ts), kept until it
 * has arrived whole and been answered, so that a link cut mid-way resumes where it stopped. On a
 * laptop: the file it sends (`content`, whole) and headquarters' answer as its pieces arrive. At
 * headquarters: the pieces received so far, then the answer written for the laptop and the report.
 */
export const syncTransfers = sqliteTable('sync_transfers', {
  /** SHA-256 (hex) of the file sent: the same file resumed has the same id. */
  id: text('id').primaryKey(),
  /** The laptop that sends it. */
  device: text('device').notNull(),
  size: integer('size').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  /** Headquarters' answer (whole at headquarters, as far as received on the laptop) and its size. */
  reply: blob('reply', { mode: 'buffer' }),
  replySize: integer('reply_size'),
  /** What headquarters received of the file (JSON of the report), once applied. */
  report: text('report'),
  createdAt: text('created_at').notNull(),
});

/**
 * Records held but kept out of their table: their parent was removed on another installation (a
 * mark on a session day taken away). Each is a conflict until the administrator gives the parent
 * back or lets the record go (sync/decisions.ts); its changes stay in sync_changes meanwhile.
 */
export const syncOrphans = sqliteTable(
  'sync_orphans',
  {
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    /** The reference (scope.ts PARENTS) whose target is gone. */
    field: text('field').notNull(),
    parentTable: text('parent_table').notNull(),
    parentId: text('parent_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tableName, t.recordId] }),
    index('sync_orphans_parent_idx').on(t.parentTable, t.parentId),
  ],
);

/**
 * Records held but kept out of their table: another record there claims the same unique value (an
 * agreement's number, a login) — the one written here first keeps it. Each is a conflict until the
 * administrator renames or deletes one of them (sync/decisions.ts).
 */
export const syncClaims = sqliteTable(
  'sync_claims',
  {
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    /** The unique field (scope.ts UNIQUE). */
    field: text('field').notNull(),
    /** The record in the table that holds the value. */
    holderId: text('holder_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tableName, t.recordId] }),
    index('sync_claims_holder_idx').on(t.tableName, t.holderId),
  ],
);

/**
 * This installation's history of exchanges: each file (or network exchange) applied or written,
 * with whom, and what it carried. Kept here only, never exchanged.
 */
export const syncExchanges = sqliteTable(
  'sync_exchanges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The other installation's device id. */
    peer: text('peer').notNull(),
    direction: text('direction', { enum: ['received', 'sent'] }).notNull(),
    via: text('via', { enum: ['file', 'network'] }).notNull(),
    /** The batch's number between the two installations. */
    number: integer('number').notNull(),
    /** Sent: the changes the file carries; received: those new here. */
    changes: integer('changes').notNull(),
    /** Received: the summary shown after the exchange (« 128 modifications reçues, 2 conflits »). */
    summary: text('summary'),
  },
  (t) => [index('sync_exchanges_peer_idx').on(t.peer, t.id)],
);

/** One field of one record written once (sync/change.ts): `value` and `supersedes` are JSON. */
export const syncChanges = sqliteTable(
  'sync_changes',
  {
    id: text('id').primaryKey(),
    device: text('device').notNull(),
    seq: integer('seq').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    field: text('field').notNull(),
    value: text('value').notNull(),
    author: text('author').notNull(),
    at: text('at').notNull(),
    supersedes: text('supersedes').notNull(),
    /** Captured for the record's history but never put in a batch (password hashes). */
    neverSent: integer('never_sent', { mode: 'boolean' }).notNull(),
    /** The call of the audit trail it was derived from; null for a change received or a baseline. */
    callId: text('call_id'),
  },
  (t) => [
    uniqueIndex('sync_changes_device_seq_unique').on(t.device, t.seq),
    index('sync_changes_record_idx').on(t.tableName, t.recordId),
  ],
);

/**
 * The heads of each field: the ids (JSON array) of the changes held that no change of the same
 * field supersedes; one after a local write, several while a conflict lasts.
 */
export const syncHeads = sqliteTable(
  'sync_heads',
  {
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    field: text('field').notNull(),
    changeIds: text('change_ids').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.recordId, t.field] })],
);
