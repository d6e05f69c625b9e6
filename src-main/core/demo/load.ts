// Builds the demonstration programme by calling the app's own services, in the order things happen
// in a programme, with the clock set to the day each thing happens: every rule, status history,
// automatic follow-up and computed figure is then the app's own. Deterministic: one seeded
// pseudo-random sequence, and dates counted from today (the real agreements keep their dates).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  addCandidateInput,
  addMemberInput,
  addParticipantsInput,
  attachHrPlanInput,
  attachMaterialInput,
  cancelFollowUpInput,
  changePathwayStatusInput,
  changeStatusInput,
  concludeRoundInput,
  createAgreementInput,
  createDiagnosticInput,
  createParticipantInput,
  criteriaSetFields,
  decideInput,
  endOfTerm,
  markWeight,
  enrolInput,
  indicatorValueInput,
  moduleFields,
  organisationFields,
  pathwayFields,
  recordAttendanceInput,
  recordEvaluationsInput,
  recordFollowUpInput,
  recordScoresInput,
  rescheduleFollowUpInput,
  roundFields,
  sessionFields,
  stepsInput,
  validateCriteriaSetInput,
  type Sex,
} from '../../contract';
import type { Context } from '../context';
import { loadProgrammeAgreements, loadReviewAgreements } from './load/agreements';
import { addDays, earlier, parse, startDemo, textDocument, workday, type Person } from './load/context';
import { loadOrganisations, suspendNara } from './load/organisations';
import { followUps, indicators, sessions as sessionsTable } from '../db/schema';
import * as organisations from '../organisations/service';
import * as agreements from '../agreements/service';
import * as frameworks from '../diagnostics/grids';
import * as diagnostics from '../diagnostics/service';
import * as criteriaSets from '../selection/criteriaSets';
import * as rounds from '../selection/rounds';
import * as participants from '../participants/service';
import * as modules from '../modules/service';
import * as pathways from '../pathways/service';
import * as sessions from '../sessions/service';
import * as followUpService from '../followups/service';
import * as framework from '../indicators/resultsFramework';
import { similarNames } from '../sessions/figures';
import {
  AGREEMENT_ROWS,
  CANDIDATES,
  CHANGES,
  COMMITTEE,
  CRITERIA,
  EVIDENCE,
  FIRST_NAMES,
  INDICATOR_VALUES,
  KOULIKORO_ORGANISATIONS,
  LAST_NAMES,
  MODULES,
  NEEDS,
  NORTHERN_FIRST_NAMES,
  NORTHERN_LAST_NAMES,
  OBSTACLES,
  OPEN_SESSIONS,
  PARTNER_ORGANISATIONS,
  PATHWAYS,
  POSITIONS,
  PROGRAMME_AGREEMENTS,
  SECOND_DIAGNOSTICS,
  SELECTED,
  SUPPORT,
  TRAINERS,
  WAITING_LIST,
  type DemoOrganisation,
  type DemoSession,
  type ModuleKey,
} from './content';


export interface LoadSummary {
  organisations: number;
  agreements: number;
  participants: number;
  sessions: number;
}

export function loadProgramme(ctx: Context): LoadSummary {
  const demo = startDemo(ctx);
  const { random, today, year, day, at, orgIds, people } = demo;

  loadOrganisations(demo);
  loadReviewAgreements(demo);

  // ── Training modules and their materials ───────────────────────────────────────
  const moduleIds = new Map<ModuleKey, string>();
  for (const [key, fields] of Object.entries(MODULES) as [ModuleKey, (typeof MODULES)[ModuleKey]][]) {
    moduleIds.set(key, modules.createModule(at(day(-350)), parse(moduleFields, fields)).id);
  }
  for (const key of ['planning', 'finance', 'genderBudget'] as const) {
    const m = MODULES[key];
    modules.attachMaterial(
      at(day(-345)),
      parse(attachMaterialInput, {
        id: moduleIds.get(key)!,
        document: textDocument(
          `Fiche pédagogique – ${m.title}.txt`,
          `${m.title}\n\nObjectifs : ${m.objectives}\nPublic : ${m.targetPublic}\nDurée : ${m.durationHours} heures\n\nDéroulé : apports, études de cas, travaux de groupe, plan de mise en pratique.\n`,
        ),
      }),
    );
  }

  // ── Baseline diagnostics ───────────────────────────────────────────────────────
  const grid = frameworks.currentVersion(ctx);
  const span = grid.scaleMax - grid.scaleMin;
  const scoreOf = (level: number) =>
    Math.max(grid.scaleMin, Math.min(grid.scaleMax, grid.scaleMin + Math.round(level * span)));
  const baselines = new Map<string, { scores: Map<string, number>; needs: string[]; needIds: string[] }>();
  const womenOrganisations = new Set(['cafo', 'banamba', 'nara', 'drpfef']);
  const EVIDENCE_NOTES = [
    'Documents consultés pendant l’atelier',
    'Entretien avec la direction',
    'Procès-verbaux consultés',
    'Observation sur place',
    'Déclaration du personnel, à vérifier',
  ];
  const diagnosticFields = (
    key: string,
    on: string,
    scores: Map<string, number>,
    needs: string[],
    kind: string,
  ) =>
    parse(createDiagnosticInput, {
      organisationId: orgIds.get(key)!,
      fields: {
        conductedOn: on,
        assessors: `${TRAINERS.nationalExpert.name}, ${TRAINERS.internationalExpert.name} (équipe PRC)`,
        method: random.chance(0.7) ? 'facilitated_self_assessment' : 'mixed',
        level: 'organisational',
        notes: kind,
        scores: grid.domains.flatMap((d) =>
          d.criteria.map((c) => ({
            criterionId: c.id,
            score: scores.get(c.id) ?? null,
            evidence: random.chance(0.25) ? random.pick(EVIDENCE_NOTES) : null,
          })),
        ),
        needs: needs.map((code) => ({
          domainCode: code,
          description: NEEDS[code] ?? grid.domains.find((d) => d.code === code)!.name,
        })),
        hrPlanRating: null,
        hrPlanComment: null,
      },
    });
  const diagnosed = [
    ...KOULIKORO_ORGANISATIONS.map((o) => o.key).filter((k) => k !== 'kati'),
    'CRA-GAO',
    'DRA',
  ];
  /** Domains from the weakest to the strongest, by the mean of their criteria. */
  const weakestDomains = (scores: Map<string, number>) =>
    grid.domains
      .map((d) => ({
        code: d.code,
        mean: d.criteria.reduce((sum, c) => sum + (scores.get(c.id) ?? 0), 0) / d.criteria.length,
      }))
      .sort((a, b) => a.mean - b.mean)
      .map((d) => d.code);
  diagnosed.forEach((key, i) => {
    const on = workday(day(-372 + i * 3));
    const base = 0.2 + random.next() * 0.25;
    const scores = new Map<string, number>();
    for (const d of grid.domains) {
      let level = base + (random.next() - 0.5) * 0.3;
      if (d.code === 'gender') level += womenOrganisations.has(key) ? 0.25 : -0.1;
      if (d.code === 'digital') level -= 0.1;
      level = Math.max(0, Math.min(0.7, level));
      for (const c of d.criteria) scores.set(c.id, scoreOf(level + (random.next() - 0.5) * 0.35));
    }
    const needs = weakestDomains(scores).slice(0, 3);
    const fields = diagnosticFields(
      key,
      on,
      scores,
      needs,
      'Diagnostic de référence, atelier d’auto-évaluation accompagnée.',
    );
    const made = diagnostics.createDiagnostic(at(on), {
      ...fields,
      fields: {
        ...fields.fields,
        hrPlanRating: random.pick(['to_improve', 'satisfactory', 'satisfactory', 'good'] as const),
        hrPlanComment: 'Plan examiné par le comité technique avec le dossier de candidature.',
      },
    });
    diagnostics.completeDiagnostic(at(on), made.id);
    if (['cafo', 'cnsc', 'aopp'].includes(key)) {
      const o = KOULIKORO_ORGANISATIONS.find((x) => x.key === key)!;
      diagnostics.attachHrPlan(
        at(addDays(on, 7)),
        parse(attachHrPlanInput, {
          id: made.id,
          document: textDocument(
            `Plan de développement des RH – ${o.fields.acronym}.txt`,
            `Plan de développement des ressources humaines – ${o.fields.name}\n\nBesoins prioritaires :\n${made.needs.map((n) => `- ${n.description}`).join('\n')}\n\nCompétences visées, personnes concernées et calendrier : voir le parcours proposé.\n`,
          ),
        }),
      );
    }
    baselines.set(key, { scores, needs, needIds: made.needs.map((n) => n.id) });
  });
  // One diagnostic still in progress: the organisation stays « identifiée ».
  {
    const scores = new Map(
      grid.domains.flatMap((d) => d.criteria.map((c) => [c.id, scoreOf(0.3 + random.next() * 0.3)] as const)),
    );
    const fields = diagnosticFields(
      'kati',
      workday(day(-20)),
      scores,
      [],
      'Atelier interrompu, à reprendre.',
    );
    const half = Math.ceil(fields.fields.scores.length / 2);
    diagnostics.createDiagnostic(at(day(-20)), {
      ...fields,
      fields: { ...fields.fields, scores: fields.fields.scores.slice(0, half) },
    });
  }

  // ── Selection by the technical committee ───────────────────────────────────────
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
  loadProgrammeAgreements(demo);
  suspendNara(demo);

  // ── Pathways, their sessions and the sessions open to several organisations ────
  const trainerOf: Record<ModuleKey, number> = {
    planning: 1,
    resources: 0,
    finance: 5,
    negotiation: 3,
    cooperative: 4,
    genderBudget: 2,
    evaluation: -1,
    digital: 3,
    advocacy: 0,
    leadership: 2,
  };
  const trainersFor = (s: DemoSession, region: string) => {
    if (s.phase !== 'classroom') return [TRAINERS.nationalExpert];
    const index = region === 'Gao' ? 3 : trainerOf[s.module];
    const lead = index < 0 ? TRAINERS.internationalExpert : TRAINERS.external[index]!;
    return [lead, TRAINERS.nationalExpert];
  };
  const daysOf = (s: DemoSession) => {
    const days: string[] = [];
    let date = workday(day(s.start));
    while (days.length < s.days) {
      days.push(date);
      date = workday(addDays(date, 1));
    }
    return days;
  };
  const costOf = (s: DemoSession, registered: number) =>
    Math.round(
      (s.phase === 'classroom'
        ? s.days * registered * (s.halfDay ? 20_000 : 45_000) + 600_000
        : s.days * 150_000 + 100_000) / 5000,
    ) * 5000;

  type Planned = {
    session: DemoSession;
    title: string;
    actionId: string | null;
    register: Person[];
    walkIns: Person[];
    region: string;
    venue: string;
  };
  const planned: Planned[] = [];
  const approval = { n: 0 };
  for (const p of PATHWAYS) {
    const organisationId = orgIds.get(p.organisation)!;
    const startsOn = workday(day(p.start));
    const created = pathways.createPathway(
      at(earlier(day(p.start - 35), day(-25))),
      parse(pathwayFields, {
        organisationId,
        title: p.title,
        needIds: baselines.get(p.organisation)?.needIds ?? [],
        targetSkills: p.targetSkills,
        performanceObjective: p.performanceObjective,
        startsOn,
        endsOn: day(p.end),
        budgetFcfa: p.budgetFcfa,
      }),
    );
    const enrolled = (people.get(p.organisation) ?? []).slice(0, p.enrolled);
    const plannedSessions = p.sessions.map((s) => ({ s, days: daysOf(s) }));
    const during = plannedSessions.map(({ s, days }) => ({
      type: s.phase === 'classroom' ? ('training_session' as const) : ('coaching' as const),
      title: s.title ?? MODULES[s.module].title,
      plannedStart: days[0]!,
      plannedEnd: days[days.length - 1]!,
      budgetFcfa: Math.round((costOf(s, enrolled.length + 1) * 1.1) / 50_000) * 50_000,
    }));
    const steps = pathways.saveSteps(
      at(earlier(day(p.start - 30), day(-24))),
      parse(stepsInput, {
        pathwayId: created.id,
        steps: [
          {
            phase: 'before',
            title: 'Cadrage et restitution du diagnostic',
            actions: [
              {
                type: 'exchange_workshop',
                title: 'Atelier de restitution du diagnostic et de cadrage du parcours',
                plannedStart: startsOn,
                plannedEnd: startsOn,
                budgetFcfa: 450_000,
              },
            ],
          },
          { phase: 'during', title: 'Formation-action', actions: during },
          {
            phase: 'after',
            title: 'Suivi post-formation et capitalisation',
            actions: [
              {
                type: 'peer_exchange',
                title: 'Échange entre pairs sur la mise en pratique',
                plannedStart: workday(day(p.end - 20)),
                plannedEnd: workday(day(p.end - 20)),
                budgetFcfa: 600_000,
              },
            ],
          },
        ],
      }),
    );
    const status = (status: 'submitted' | 'approved' | 'in_progress', on: string, reference?: string) =>
      pathways.changePathwayStatus(
        at(on),
        parse(changePathwayStatusInput, { id: created.id, status, on, reference: reference ?? null }),
      );
    status('submitted', earlier(workday(day(p.start - 25)), day(-22)));
    if (p.status !== 'submitted') {
      const approvedOn = earlier(workday(day(p.start - 15)), day(-12));
      approval.n += 1;
      status(
        'approved',
        approvedOn,
        `PV du comité technique n° ${String(approval.n).padStart(2, '0')}-${approvedOn.slice(0, 4)}`,
      );
    }
    if (p.status === 'in_progress' || p.status === 'completed') status('in_progress', startsOn);
    pathways.enrol(
      at(earlier(day(p.start - 10), day(-10))),
      parse(enrolInput, { pathwayId: created.id, participantIds: enrolled.map((e) => e.id) }),
    );
    const others = (people.get(p.organisation) ?? []).slice(p.enrolled);
    plannedSessions.forEach(({ s }, i) => {
      planned.push({
        session: s,
        title: s.title ?? MODULES[s.module].title,
        actionId: steps.steps[1]!.actions[i]!.id,
        register: enrolled,
        walkIns:
          s.phase === 'classroom' && others.length && random.chance(0.6) ? [others[i % others.length]!] : [],
        region: p.region,
        venue: s.phase === 'classroom' ? p.venue : 'Dans les locaux de la structure',
      });
    });
  }
  OPEN_SESSIONS.forEach((s, i) => {
    planned.push({
      session: s,
      title: s.title,
      actionId: null,
      register: s.organisations.flatMap((key) => {
        const staff = people.get(key) ?? [];
        const from = staff.length ? (i * 2) % staff.length : 0;
        return [...staff.slice(from), ...staff.slice(0, from)].slice(0, s.each);
      }),
      walkIns: [],
      region: s.region,
      venue: s.venue,
    });
  });

  const moduleOfSession = new Map<string, ModuleKey>();
  planned.sort((a, b) => a.session.start - b.session.start);
  for (const item of planned) {
    const { session: s } = item;
    const days = daysOf(s);
    const lastDay = days[days.length - 1]!;
    const registered = item.register.length + item.walkIns.length;
    let made = sessions.createSession(
      at(earlier(addDays(days[0]!, -14), day(-1))),
      parse(sessionFields, {
        title: item.title,
        pathwayActionId: item.actionId,
        moduleId: moduleIds.get(s.module)!,
        phase: s.phase,
        region: item.region,
        venue: item.venue,
        costFcfa: costOf(s, registered),
        days: days.map((date) => ({
          date,
          startTime: '08:30',
          endTime: s.halfDay ? '12:30' : '16:30',
          halfDay: s.halfDay ?? false,
        })),
        trainers: trainersFor(s, item.region).map((t) => ({ ...t })),
      }),
    );
    moduleOfSession.set(made.id, s.module);
    if (!item.actionId) {
      made = sessions.addSessionParticipants(
        at(earlier(addDays(days[0]!, -7), day(-1))),
        parse(addParticipantsInput, {
          sessionId: made.id,
          participantIds: item.register.map((p) => p.id),
          walkIn: false,
        }),
      );
    }
    if (item.walkIns.length) {
      made = sessions.addSessionParticipants(
        at(earlier(days[0]!, day(-1))),
        parse(addParticipantsInput, {
          sessionId: made.id,
          participantIds: item.walkIns.map((p) => p.id),
          walkIn: true,
        }),
      );
    }
    if (lastDay >= today) continue;

    // The register, then the evaluations, on the last day.
    const marks = made.participants.flatMap((person) => {
      const assiduous = random.chance(0.85);
      return made.days.map((d) => ({
        dayId: d.id,
        participantId: person.id,
        status: random.weighted([
          ['present', assiduous ? 92 : 60],
          ['late', 4],
          ['absent', assiduous ? 3 : 28],
          ['excused', assiduous ? 1 : 8],
        ] as const),
      }));
    });
    made = sessions.recordAttendance(
      at(lastDay),
      parse(recordAttendanceInput, { sessionId: made.id, marks }),
    );
    if (s.phase === 'classroom') {
      const attended = new Set(
        made.attendance.filter((m) => markWeight(m.status, false) > 0).map((m) => m.participantId),
      );
      const evaluations = made.participants
        .filter((person) => attended.has(person.id) && random.chance(0.9))
        .map((person) => {
          const pre = random.int(25, 60);
          return {
            participantId: person.id,
            satisfaction: random.weighted([
              [5, 35],
              [4, 45],
              [3, 17],
              [2, 3],
            ]),
            preScore: pre,
            postScore: random.chance(0.92) ? Math.min(100, pre + random.int(8, 35)) : null,
          };
        });
      if (evaluations.length) {
        sessions.recordEvaluations(
          at(lastDay),
          parse(recordEvaluationsInput, { sessionId: made.id, evaluations }),
        );
      }
    }
  }

  // A pathway completed two months ago: its participants are followed up after it.
  PATHWAYS.forEach((p) => {
    if (p.status !== 'completed') return;
    const completedOn = workday(day(p.end));
    const id = pathways.listPathways(ctx, { organisationId: orgIds.get(p.organisation)! })[0]!.id;
    pathways.changePathwayStatus(
      at(completedOn),
      parse(changePathwayStatusInput, { id, status: 'completed', on: completedOn, reference: null }),
    );
  });

  // ── Post-training follow-ups: most of those due are done, some are late ─────────
  const scheduled = ctx.db
    .select({ id: followUps.id, dueOn: followUps.dueOn, sessionId: followUps.sessionId })
    .from(followUps)
    .where(eq(followUps.status, 'scheduled'))
    .orderBy(followUps.dueOn, followUps.id)
    .all();
  let coaching = 0;
  let attachments = 0;
  let rescheduled = 0;
  for (const f of scheduled) {
    if (f.dueOn > day(-4)) {
      // Late ones a trainer has not reached yet; one of them is moved to a later date.
      if (f.dueOn < today && rescheduled === 0 && random.chance(0.3)) {
        rescheduled += 1;
        followUpService.rescheduleFollowUp(
          at(day(-1)),
          parse(rescheduleFollowUpInput, {
            id: f.id,
            dueOn: workday(day(12)),
            trainerName: TRAINERS.nationalExpert.name,
            reason: 'Participant en mission jusqu’à la fin du mois.',
          }),
        );
      }
      continue;
    }
    const fate = random.weighted([
      ['done', 94],
      ['cancelled', 3],
      ['late', 3],
    ] as const);
    if (fate === 'late') continue;
    const doneOn = earlier(workday(addDays(f.dueOn, random.int(0, 12))), day(-1));
    if (fate === 'cancelled') {
      followUpService.cancelFollowUp(
        at(doneOn),
        parse(cancelFollowUpInput, { id: f.id, reason: 'La personne a quitté la structure (mutation).' }),
      );
      continue;
    }
    const module = (f.sessionId && moduleOfSession.get(f.sessionId)) || 'planning';
    const skills = random.weighted([
      ['fully', 40],
      ['partly', 42],
      ['not', 18],
    ] as const);
    const support = skills !== 'fully' && random.chance(0.3) ? random.pick(SUPPORT) : null;
    const withCoaching =
      support !== null && coaching < 3 && f.sessionId !== null && hasPathway(ctx, f.sessionId);
    if (withCoaching) coaching += 1;
    const withAttachment = skills === 'fully' && attachments < 2;
    if (withAttachment) attachments += 1;
    followUpService.recordFollowUp(
      at(doneOn),
      parse(recordFollowUpInput, {
        id: f.id,
        doneOn,
        method: random.weighted([
          ['visit', 5],
          ['phone', 3],
          ['workshop', 2],
        ] as const),
        skillsApplied: skills,
        evidence: skills === 'not' ? null : random.pick(EVIDENCE[module]),
        obstacles: skills === 'fully' && random.chance(0.6) ? null : random.pick(OBSTACLES),
        supportNeeded: support,
        changeObserved: skills === 'fully' && random.chance(0.7) ? random.pick(CHANGES) : null,
        createCoachingAction: withCoaching,
        attachments: withAttachment
          ? [
              textDocument(
                'Compte rendu de mise en pratique.txt',
                `Compte rendu de la visite de suivi du ${doneOn.split('-').reverse().join('/')}.\n\nDocument produit : ${random.pick(EVIDENCE[module])}.\n`,
              ),
            ]
          : [],
      }),
    );
  }

  // ── Second diagnostics: the change since the baseline ──────────────────────────
  for (const { key, on } of SECOND_DIAGNOSTICS) {
    const baseline = baselines.get(key)!;
    const conductedOn = workday(day(on));
    // Domains the pathway worked on (and gender, a priority of every pathway) progress most; none goes back.
    const scores = new Map<string, number>();
    for (const d of grid.domains) {
      const targeted = baseline.needs.includes(d.code) || d.code === 'gender';
      for (const c of d.criteria) {
        const before = baseline.scores.get(c.id) ?? grid.scaleMin;
        const gain = random.chance(targeted ? 0.75 : 0.2) ? 1 : 0;
        scores.set(c.id, Math.min(grid.scaleMax, before + gain));
      }
    }
    const made = diagnostics.createDiagnostic(
      at(conductedOn),
      diagnosticFields(
        key,
        conductedOn,
        scores,
        weakestDomains(scores).slice(0, 2),
        'Diagnostic de suivi, un an après la référence.',
      ),
    );
    diagnostics.completeDiagnostic(at(conductedOn), made.id);
  }

  // ── Entered indicators (R1 and R4): values with their source ───────────────────
  for (const v of INDICATOR_VALUES) {
    const indicator = ctx.db
      .select({ id: indicators.id, kind: indicators.kind })
      .from(indicators)
      .where(eq(indicators.code, v.code))
      .get();
    if (!indicator || indicator.kind !== 'entered') continue;
    const recordedOn = day(v.on) < `${year}-01-01` ? today : day(v.on);
    framework.recordValue(
      at(recordedOn),
      parse(indicatorValueInput, {
        indicatorId: indicator.id,
        year,
        value: v.value,
        source: v.source,
        recordedOn,
      }),
    );
  }

  const sessionCount = ctx.db.select({ id: sessionsTable.id }).from(sessionsTable).all().length;
  return {
    organisations: orgIds.size,
    agreements: AGREEMENT_ROWS.length + PROGRAMME_AGREEMENTS.length,
    participants: [...people.values()].reduce((n, list) => n + list.length, 0),
    sessions: sessionCount,
  };
}

/** Whether a session belongs to a pathway (a coaching action can then be added to it). */
function hasPathway(ctx: Context, sessionId: string): boolean {
  const row = ctx.db
    .select({ action: sessionsTable.pathwayActionId })
    .from(sessionsTable)
    .where(eq(sessionsTable.id, sessionId))
    .get();
  return Boolean(row?.action);
}
