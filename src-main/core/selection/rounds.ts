import type { z } from 'zod';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type addCandidateInput,
  type addMemberInput,
  type concludeRoundInput,
  type decideInput,
  type EligibilityRow,
  type OrganisationStatus,
  type recordScoresInput,
  type removeCandidateInput,
  type Round,
  type roundFields,
  type RoundSummary,
  scoringRoles,
  type updateMemberInput,
  type updateRoundInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { planList, writePlan } from '../db/lists';
import {
  criteriaSets,
  diagnostics,
  organisations,
  organisationStatusChanges,
  roundCandidates,
  roundConflicts,
  roundMembers,
  roundScores,
  selectionRounds,
} from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { qualified } from '../db/sql';
import { findOrganisation, recordStatusChange } from '../organisations/service';
import { getCriteriaSet } from './criteriaSets';
import { scoreCandidates } from './scoring';

function findRound(ctx: Context, id: string) {
  const row = ctx.db.select().from(selectionRounds).where(eq(selectionRounds.id, id)).get();
  if (!row) throw notFound('Comité de sélection');
  return row;
}

const scoresMember = (m: { present: boolean; role: string }) =>
  m.present && (scoringRoles as readonly string[]).includes(m.role);

export function getRound(ctx: Context, id: string): Round {
  const row = findRound(ctx, id);
  const set = getCriteriaSet(ctx, row.criteriaSetId);
  const members = ctx.db
    .select()
    .from(roundMembers)
    .where(eq(roundMembers.roundId, id))
    .orderBy(asc(roundMembers.createdAt))
    .all();
  const candidates = ctx.db
    .select({
      c: roundCandidates,
      name: organisations.name,
      acronym: organisations.acronym,
      status: organisations.status,
    })
    .from(roundCandidates)
    .innerJoin(organisations, eq(organisations.id, roundCandidates.organisationId))
    .where(eq(roundCandidates.roundId, id))
    .all();
  const candidateIds = candidates.map((c) => c.c.id);
  const conflicts = candidateIds.length
    ? ctx.db.select().from(roundConflicts).where(inArray(roundConflicts.candidateId, candidateIds)).all()
    : [];
  const scores = candidateIds.length
    ? ctx.db.select().from(roundScores).where(inArray(roundScores.candidateId, candidateIds)).all()
    : [];
  const scoringMemberIds = members.filter(scoresMember).map((m) => m.id);
  const results = scoreCandidates({
    criteria: set.criteria,
    scoreMax: set.scoreMax,
    scoringMemberIds,
    candidateIds,
    conflicts,
    scores,
  });

  const candidateResults = candidates.map(({ c, name, acronym, status }, i) => {
    const result = results[i]!;
    return {
      id: c.id,
      organisationId: c.organisationId,
      organisationName: name,
      organisationAcronym: acronym,
      organisationStatus: status as OrganisationStatus,
      criteria: set.criteria.map((criterion, j) => ({
        criterionId: criterion.id,
        mean: result.criteria[j]!.mean,
        scores: members.map((m) => ({
          memberId: m.id,
          score:
            scores.find(
              (s) => s.memberId === m.id && s.candidateId === c.id && s.criterionId === criterion.id,
            )?.score ?? null,
        })),
      })),
      total: result.total,
      rank: result.rank,
      tied: result.tied,
      complete: result.complete,
      conflicts: conflicts
        .filter((x) => x.candidateId === c.id)
        .map((x) => ({ memberId: x.memberId, reason: x.reason })),
      decision: c.decision as Round['candidates'][number]['decision'],
      justification: c.justification,
    };
  });
  candidateResults.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.organisationName.localeCompare(b.organisationName, 'fr'),
  );

  return {
    id: row.id,
    title: row.title,
    meetingOn: row.meetingOn,
    place: row.place,
    quorum: row.quorum,
    notes: row.notes,
    consensus: row.consensus,
    steeringValidatedOn: row.steeringValidatedOn,
    steeringReference: row.steeringReference,
    criteriaSet: set,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role as Round['members'][number]['role'],
      institution: m.institution,
      present: m.present,
      scores: scoresMember(m),
    })),
    presentScoringMembers: scoringMemberIds.length,
    quorumReached: scoringMemberIds.length >= row.quorum,
    candidates: candidateResults,
  };
}

export function listRounds(ctx: Context): RoundSummary[] {
  return ctx.db
    .select({
      id: selectionRounds.id,
      title: selectionRounds.title,
      meetingOn: selectionRounds.meetingOn,
      criteriaSetName: criteriaSets.name,
      criteriaSetVersion: criteriaSets.version,
      candidatesCount: sql<number>`(SELECT count(*) FROM ${roundCandidates} WHERE ${roundCandidates.roundId} = ${qualified(selectionRounds.id)})`,
      decidedCount: sql<number>`(SELECT count(*) FROM ${roundCandidates} WHERE ${roundCandidates.roundId} = ${qualified(selectionRounds.id)} AND ${roundCandidates.decision} IS NOT NULL)`,
      consensus: selectionRounds.consensus,
      steeringValidatedOn: selectionRounds.steeringValidatedOn,
    })
    .from(selectionRounds)
    .innerJoin(criteriaSets, eq(criteriaSets.id, selectionRounds.criteriaSetId))
    .orderBy(desc(selectionRounds.meetingOn))
    .all();
}

function assertValidatedSet(ctx: Context, criteriaSetId: string) {
  if (getCriteriaSet(ctx, criteriaSetId).status !== 'validated') {
    throw new AppError(
      'VALIDATION',
      'La grille doit être validée par le comité de pilotage avant le comité.',
      [{ path: ['criteriaSetId'], message: 'errors.criteriaSetNotValidated' }],
    );
  }
}

export function createRound(ctx: Context, fields: z.output<typeof roundFields>): Round {
  assertValidatedSet(ctx, fields.criteriaSetId);
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(selectionRounds)
    .values({ id, ...fields, createdAt: now, updatedAt: now })
    .run();
  return getRound(ctx, id);
}

function assertNoScores(ctx: Context, roundId: string, message: string) {
  const scored = ctx.db
    .select({ n: count() })
    .from(roundScores)
    .innerJoin(roundCandidates, eq(roundCandidates.id, roundScores.candidateId))
    .where(eq(roundCandidates.roundId, roundId))
    .get()!.n;
  if (scored > 0) throw new AppError('CONFLICT', message);
}

export function updateRound(ctx: Context, { id, fields }: z.output<typeof updateRoundInput>): Round {
  const row = findRound(ctx, id);
  if (row.criteriaSetId !== fields.criteriaSetId) {
    assertValidatedSet(ctx, fields.criteriaSetId);
    assertNoScores(
      ctx,
      id,
      'Des notes ont déjà été saisies avec cette grille : elle ne peut plus être changée.',
    );
  }
  ctx.db
    .update(selectionRounds)
    .set({ ...fields, updatedAt: timestamp(ctx) })
    .where(eq(selectionRounds.id, id))
    .run();
  return getRound(ctx, id);
}

export function addMember(ctx: Context, { roundId, fields }: z.output<typeof addMemberInput>): Round {
  findRound(ctx, roundId);
  ctx.db
    .insert(roundMembers)
    .values({ id: newId(), roundId, ...fields, createdAt: timestamp(ctx) })
    .run();
  return getRound(ctx, roundId);
}

function findMember(ctx: Context, id: string) {
  const row = ctx.db.select().from(roundMembers).where(eq(roundMembers.id, id)).get();
  if (!row) throw notFound('Membre du comité');
  return row;
}

export function updateMember(ctx: Context, { id, fields }: z.output<typeof updateMemberInput>): Round {
  const member = findMember(ctx, id);
  ctx.db.update(roundMembers).set(fields).where(eq(roundMembers.id, id)).run();
  return getRound(ctx, member.roundId);
}

export function removeMember(ctx: Context, id: string): Round {
  const member = findMember(ctx, id);
  const scored = ctx.db.select({ n: count() }).from(roundScores).where(eq(roundScores.memberId, id)).get()!.n;
  if (scored > 0)
    throw new AppError('CONFLICT', 'Ce membre a déjà noté des candidats : marquez-le absent plutôt.');
  ctx.db.delete(roundConflicts).where(eq(roundConflicts.memberId, id)).run();
  ctx.db.delete(roundMembers).where(eq(roundMembers.id, id)).run();
  return getRound(ctx, member.roundId);
}

/** Every organisation with whether it may be a candidate, and why not. */
export function eligibility(ctx: Context, roundId: string): EligibilityRow[] {
  const row = findRound(ctx, roundId);
  const rules = getCriteriaSet(ctx, row.criteriaSetId).eligibility;
  const diagnosed = new Set(
    ctx.db
      .selectDistinct({ id: diagnostics.organisationId })
      .from(diagnostics)
      .where(and(eq(diagnostics.status, 'completed'), isNull(diagnostics.deletedAt)))
      .all()
      .map((d) => d.id),
  );
  const candidates = new Set(
    ctx.db
      .select({ id: roundCandidates.organisationId })
      .from(roundCandidates)
      .where(eq(roundCandidates.roundId, roundId))
      .all()
      .map((c) => c.id),
  );
  return ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      status: organisations.status,
      type: organisations.type,
    })
    .from(organisations)
    .where(isNull(organisations.archivedAt))
    .orderBy(sql`fold(${organisations.name})`)
    .all()
    .map((o) => {
      const reasons: string[] = [];
      if (rules.requireCompletedDiagnostic && !diagnosed.has(o.id))
        reasons.push('selection.reasons.noDiagnostic');
      if (!candidates.has(o.id) && !(rules.allowedStatuses as string[]).includes(o.status))
        reasons.push('selection.reasons.status');
      if (rules.allowedTypes.length && !(rules.allowedTypes as string[]).includes(o.type))
        reasons.push('selection.reasons.type');
      return {
        organisationId: o.id,
        name: o.name,
        acronym: o.acronym,
        status: o.status as OrganisationStatus,
        eligible: reasons.length === 0,
        reasons,
        alreadyCandidate: candidates.has(o.id),
      };
    });
}

export function addCandidate(
  ctx: Context,
  { roundId, organisationId }: z.output<typeof addCandidateInput>,
): Round {
  const round = findRound(ctx, roundId);
  const row = eligibility(ctx, roundId).find((r) => r.organisationId === organisationId);
  if (!row) throw notFound('Organisation');
  if (row.alreadyCandidate)
    throw new AppError('CONFLICT', 'Cette organisation est déjà candidate à ce comité.');
  if (!row.eligible) {
    throw new AppError('VALIDATION', 'Cette organisation ne remplit pas les conditions d’éligibilité.', [
      ...row.reasons.map((message) => ({ path: ['organisationId'], message })),
    ]);
  }
  ctx.db
    .insert(roundCandidates)
    .values({ id: newId(), roundId, organisationId, createdAt: timestamp(ctx) })
    .run();
  recordStatusChange(
    ctx,
    organisationId,
    'candidate',
    round.meetingOn,
    `Candidate au comité « ${round.title} »`,
  );
  return getRound(ctx, roundId);
}

function findCandidate(ctx: Context, roundId: string, candidateId: string) {
  const row = ctx.db
    .select()
    .from(roundCandidates)
    .where(and(eq(roundCandidates.id, candidateId), eq(roundCandidates.roundId, roundId)))
    .get();
  if (!row) throw notFound('Candidature');
  return row;
}

export function removeCandidate(
  ctx: Context,
  { roundId, candidateId }: z.output<typeof removeCandidateInput>,
): Round {
  const round = findRound(ctx, roundId);
  const candidate = findCandidate(ctx, roundId, candidateId);
  if (candidate.decision) throw new AppError('CONFLICT', 'Une décision a déjà été prise pour ce candidat.');
  ctx.db.delete(roundScores).where(eq(roundScores.candidateId, candidateId)).run();
  ctx.db.delete(roundConflicts).where(eq(roundConflicts.candidateId, candidateId)).run();
  ctx.db.delete(roundCandidates).where(eq(roundCandidates.id, candidateId)).run();
  // Give the organisation back the status it had before this candidacy.
  const organisation = findOrganisation(ctx, candidate.organisationId);
  if (organisation.status === 'candidate') {
    const entry = ctx.db
      .select({ from: organisationStatusChanges.fromStatus })
      .from(organisationStatusChanges)
      .where(
        and(
          eq(organisationStatusChanges.organisationId, organisation.id),
          eq(organisationStatusChanges.toStatus, 'candidate'),
        ),
      )
      .orderBy(desc(organisationStatusChanges.createdAt))
      .get();
    if (entry?.from) {
      recordStatusChange(
        ctx,
        organisation.id,
        entry.from as OrganisationStatus,
        round.meetingOn,
        `Candidature retirée du comité « ${round.title} »`,
      );
    }
  }
  return getRound(ctx, roundId);
}

export function recordScores(ctx: Context, input: z.output<typeof recordScoresInput>): Round {
  const round = getRound(ctx, input.roundId);
  const member = round.members.find((m) => m.id === input.memberId);
  if (!member) throw notFound('Membre du comité');
  if (!member.scores) {
    throw new AppError('CONFLICT', 'Seuls les membres présents, hors observateurs, notent les candidats.');
  }
  const candidate = round.candidates.find((c) => c.id === input.candidateId);
  if (!candidate) throw notFound('Candidature');
  if (candidate.decision)
    throw new AppError('CONFLICT', 'La décision est prise : les notes de ce candidat ne changent plus.');
  const criteria = new Map(round.criteriaSet.criteria.map((c) => [c.id, c]));
  const issues = input.scores.flatMap((s, i) =>
    !criteria.has(s.criterionId)
      ? [{ path: ['scores', i, 'criterionId'], message: 'errors.unknownCriterion' }]
      : s.score !== null && s.score > round.criteriaSet.scoreMax
        ? [{ path: ['scores', i, 'score'], message: 'errors.scoreOutOfScale' }]
        : [],
  );
  if (input.conflictOfInterest && input.scores.some((s) => s.score !== null)) {
    issues.push({ path: ['conflictOfInterest'], message: 'errors.conflictNoScore' });
  }
  if (issues.length) throw new AppError('VALIDATION', 'Certaines notes sont invalides.', issues);

  // In place: a score that stays is not deleted and inserted again.
  const pair = { memberId: input.memberId, candidateId: input.candidateId };
  const ofPair = and(eq(roundScores.memberId, pair.memberId), eq(roundScores.candidateId, pair.candidateId));
  const conflictOfPair = and(
    eq(roundConflicts.memberId, pair.memberId),
    eq(roundConflicts.candidateId, pair.candidateId),
  );
  const conflict = ctx.db.select().from(roundConflicts).where(conflictOfPair).get();
  if (!input.conflictOfInterest) {
    if (conflict) ctx.db.delete(roundConflicts).where(conflictOfPair).run();
  } else if (!conflict) {
    ctx.db
      .insert(roundConflicts)
      .values({ ...pair, reason: input.conflictReason ?? null })
      .run();
  } else if (conflict.reason !== (input.conflictReason ?? null)) {
    ctx.db
      .update(roundConflicts)
      .set({ reason: input.conflictReason ?? null })
      .where(conflictOfPair)
      .run();
  }
  const byCriterion = (s: { criterionId: string }) => s.criterionId;
  const plan = planList(
    ctx.db.select().from(roundScores).where(ofPair).all(),
    input.conflictOfInterest ? [] : input.scores.filter((s) => s.score !== null),
    { old: byCriterion, item: byCriterion },
    { pairLeftovers: false },
  );
  const ofScore = (criterionId: string) => and(ofPair, eq(roundScores.criterionId, criterionId));
  writePlan(plan, (item) => ({ score: item.score! }), {
    remove: (rows) => {
      for (const gone of rows) ctx.db.delete(roundScores).where(ofScore(gone.criterionId)).run();
    },
    insert: (values, item) =>
      ctx.db
        .insert(roundScores)
        .values({ ...pair, criterionId: item.criterionId, ...values })
        .run(),
    update: (old, changed) => ctx.db.update(roundScores).set(changed).where(ofScore(old.criterionId)).run(),
  });
  return getRound(ctx, input.roundId);
}

/** Records the committee's decision and moves the organisation to the matching status. */
export function decide(ctx: Context, input: z.output<typeof decideInput>): Round {
  const round = getRound(ctx, input.roundId);
  if (!round.quorumReached) {
    throw new AppError(
      'CONFLICT',
      `Le quorum n’est pas atteint (${round.presentScoringMembers} membre(s) votant(s) présent(s) sur ${round.quorum} requis).`,
    );
  }
  const candidate = round.candidates.find((c) => c.id === input.candidateId);
  if (!candidate) throw notFound('Candidature');
  if (!candidate.complete) {
    throw new AppError(
      'CONFLICT',
      'Tous les membres présents doivent avoir noté ce candidat avant la décision.',
    );
  }
  ctx.db
    .update(roundCandidates)
    .set({ decision: input.decision, justification: input.justification, decidedAt: timestamp(ctx) })
    .where(eq(roundCandidates.id, input.candidateId))
    .run();
  recordStatusChange(ctx, candidate.organisationId, input.decision, round.meetingOn, input.justification);
  return getRound(ctx, input.roundId);
}

/** Consensus (or referral to the steering committee) and, afterwards, the steering committee's validation. */
export function concludeRound(ctx: Context, input: z.output<typeof concludeRoundInput>): Round {
  const round = getRound(ctx, input.id);
  if (input.steeringValidatedOn && round.candidates.some((c) => !c.decision)) {
    throw new AppError(
      'VALIDATION',
      'Chaque candidat doit avoir une décision avant la validation du comité de pilotage.',
      [{ path: ['steeringValidatedOn'], message: 'errors.undecidedCandidates' }],
    );
  }
  if (input.steeringValidatedOn && input.steeringValidatedOn < round.meetingOn) {
    throw new AppError('VALIDATION', 'La validation ne peut pas précéder le comité.', [
      { path: ['steeringValidatedOn'], message: 'errors.validationBeforeMeeting' },
    ]);
  }
  ctx.db
    .update(selectionRounds)
    .set({
      consensus: input.consensus,
      steeringValidatedOn: input.steeringValidatedOn,
      steeringReference: input.steeringReference,
      updatedAt: timestamp(ctx),
    })
    .where(eq(selectionRounds.id, input.id))
    .run();
  return getRound(ctx, input.id);
}
