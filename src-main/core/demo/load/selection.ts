// The selection of the beneficiary organisations by the technical committee.
import {
  addCandidateInput,
  addMemberInput,
  concludeRoundInput,
  criteriaSetFields,
  decideInput,
  recordScoresInput,
  roundFields,
  validateCriteriaSetInput,
} from '../../../contract';
import * as criteriaSets from '../../selection/criteriaSets';
import * as rounds from '../../selection/rounds';
import {
  CANDIDATES,
  COMMITTEE,
  CRITERIA,
  KOULIKORO_ORGANISATIONS,
  PARTNER_ORGANISATIONS,
  SELECTED,
  WAITING_LIST,
} from '../content';
import { parse, workday, type Demo } from './context';

export function loadSelection({ random, at, day, orgIds }: Demo) {
  const set = criteriaSets.createCriteriaSet(
    at(day(-345)),
    parse(criteriaSetFields, {
      name: 'Critères de sélection des structures bénéficiaires',
      scoreMax: 5,
      criteria: CRITERIA,
      eligibility: { requireCompletedDiagnostic: true, allowedStatuses: ['diagnosed', 'candidate'] },
    }),
  );
  const validatedOn = workday(day(-335));
  criteriaSets.validateCriteriaSet(
    at(validatedOn),
    parse(validateCriteriaSetInput, {
      id: set.id,
      validatedOn,
      validationReference: `Délibération n° 01-${validatedOn.slice(0, 4)} du comité de pilotage`,
    }),
  );
  const meetingOn = workday(day(-300));

  let round = rounds.createRound(
    at(meetingOn),
    parse(roundFields, {
      title: 'Comité technique – sélection des structures bénéficiaires',
      criteriaSetId: set.id,
      meetingOn,
      place: 'Salle de conférence du Gouvernorat, Koulikoro',
      quorum: 3,
      notes:
        'Dossiers examinés : diagnostic de référence et plan de développement des RH de chaque candidate.',
    }),
  );
  for (const member of COMMITTEE) {
    round = rounds.addMember(
      at(meetingOn),
      parse(addMemberInput, { roundId: round.id, fields: { ...member, present: true } }),
    );
  }
  for (const c of CANDIDATES) {
    round = rounds.addCandidate(
      at(meetingOn),
      parse(addCandidateInput, { roundId: round.id, organisationId: orgIds.get(c.key)! }),
    );
  }
  const keyOf = new Map([...orgIds].map(([key, id]) => [id, key]));
  const share = new Map([...KOULIKORO_ORGANISATIONS, ...PARTNER_ORGANISATIONS].map((o) => [o.key, o.women]));
  for (const member of round.members.filter((m) => m.scores)) {
    for (const candidate of round.candidates) {
      const key = keyOf.get(candidate.organisationId)!;
      const merit = CANDIDATES.find((c) => c.key === key)!.merit;
      const conflict =
        member.institution === 'Plateforme des organisations de la société civile' && key === 'cnsc';
      round = rounds.recordScores(
        at(meetingOn),
        parse(recordScoresInput, {
          roundId: round.id,
          memberId: member.id,
          candidateId: candidate.id,
          conflictOfInterest: conflict,
          conflictReason: conflict ? 'Membre du bureau de la CNSC' : null,
          scores: round.criteriaSet.criteria.map((criterion, i) => ({
            criterionId: criterion.id,
            score: conflict
              ? null
              : Math.max(
                  1,
                  Math.min(
                    5,
                    Math.round(
                      merit + (random.next() - 0.5) * 0.7 + (i === 4 ? (share.get(key) ?? 0.4) - 0.45 : 0),
                    ),
                  ),
                ),
          })),
        }),
      );
    }
  }
  const ranked = [...round.candidates].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  ranked.forEach((candidate, i) => {
    const decision =
      i < SELECTED ? 'selected' : i < SELECTED + WAITING_LIST ? 'waiting_list' : 'not_selected';
    const points = String(candidate.total).replace('.', ',');
    const why = {
      selected: 'rôle stratégique et engagement de la direction confirmés.',
      waiting_list: 'dossier recevable, en attente d’une place.',
      not_selected: 'rôle stratégique limité au regard des priorités du programme.',
    }[decision];
    round = rounds.decide(
      at(meetingOn),
      parse(decideInput, {
        roundId: round.id,
        candidateId: candidate.id,
        decision,
        justification: `Rang ${candidate.rank} sur ${ranked.length}, ${points} points sur 100 : ${why}`,
      }),
    );
  });
  const steeringOn = workday(day(-285));
  rounds.concludeRound(
    at(steeringOn),
    parse(concludeRoundInput, {
      id: round.id,
      consensus: true,
      steeringValidatedOn: steeringOn,
      steeringReference: `Délibération n° 02-${steeringOn.slice(0, 4)} du comité de pilotage`,
    }),
  );
}
