import { z } from 'zod';
import {
  addCandidateInput,
  addMemberInput,
  byId,
  concludeRoundInput,
  criteriaSet,
  criteriaSetFields,
  decideInput,
  eligibilityRow,
  id,
  none,
  recordScoresInput,
  removeCandidateInput,
  round,
  roundFields,
  roundSummary,
  updateCriteriaSetInput,
  updateMemberInput,
  updateRoundInput,
  validateCriteriaSetInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as criteriaSets from './criteriaSets';
import * as rounds from './rounds';

/** The criteria sets the committees score against, and the selection rounds. */
export const selectionMethods = {
  'criteriaSets.list': method({
    input: none,
    output: z.array(criteriaSet),
    permission: read,
    handler: (ctx) => criteriaSets.listCriteriaSets(ctx),
  }),
  'criteriaSets.get': method({
    input: byId,
    output: criteriaSet,
    permission: read,
    handler: (ctx, { id }) => criteriaSets.getCriteriaSet(ctx, id),
  }),
  'criteriaSets.create': method({
    input: criteriaSetFields,
    output: criteriaSet,
    permission: admin,
    handler: criteriaSets.createCriteriaSet,
  }),
  'criteriaSets.update': method({
    input: updateCriteriaSetInput,
    output: criteriaSet,
    permission: admin,
    handler: criteriaSets.updateCriteriaSet,
  }),
  'criteriaSets.validate': method({
    input: validateCriteriaSetInput,
    output: criteriaSet,
    permission: admin,
    handler: criteriaSets.validateCriteriaSet,
  }),
  'criteriaSets.newVersion': method({
    input: byId,
    output: criteriaSet,
    permission: admin,
    handler: (ctx, { id }) => criteriaSets.newCriteriaSetVersion(ctx, id),
  }),

  'rounds.list': method({
    input: none,
    output: z.array(roundSummary),
    permission: read,
    handler: (ctx) => rounds.listRounds(ctx),
  }),
  'rounds.get': method({
    input: byId,
    output: round,
    permission: read,
    handler: (ctx, { id }) => rounds.getRound(ctx, id),
  }),
  'rounds.create': method({
    input: roundFields,
    output: round,
    permission: admin,
    handler: rounds.createRound,
  }),
  'rounds.update': method({
    input: updateRoundInput,
    output: round,
    permission: admin,
    handler: rounds.updateRound,
  }),
  'rounds.addMember': method({
    input: addMemberInput,
    output: round,
    permission: admin,
    handler: rounds.addMember,
  }),
  'rounds.updateMember': method({
    input: updateMemberInput,
    output: round,
    permission: admin,
    handler: rounds.updateMember,
  }),
  'rounds.removeMember': method({
    input: byId,
    output: round,
    permission: admin,
    handler: (ctx, { id }) => rounds.removeMember(ctx, id),
  }),
  'rounds.eligibility': method({
    input: z.strictObject({ roundId: id }),
    output: z.array(eligibilityRow),
    permission: read,
    handler: (ctx, { roundId }) => rounds.eligibility(ctx, roundId),
  }),
  'rounds.addCandidate': method({
    input: addCandidateInput,
    output: round,
    permission: admin,
    handler: rounds.addCandidate,
  }),
  'rounds.removeCandidate': method({
    input: removeCandidateInput,
    output: round,
    permission: admin,
    handler: rounds.removeCandidate,
  }),
  'rounds.recordScores': method({
    input: recordScoresInput,
    output: round,
    // Committee members enter the scores of the round's members (on their behalf when needed).
    permission: { kind: 'write', who: ['admin', 'committee'] },
    handler: rounds.recordScores,
  }),
  'rounds.decide': method({ input: decideInput, output: round, permission: admin, handler: rounds.decide }),
  'rounds.conclude': method({
    input: concludeRoundInput,
    output: round,
    permission: admin,
    handler: rounds.concludeRound,
  }),
};
