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
import { loadBaselineDiagnostics, loadSecondDiagnostics } from './load/diagnostics';
import { loadModules } from './load/modules';
import { loadSelection } from './load/selection';
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
  const { random, today, year, day, at, orgIds, people, moduleIds, baselines } = demo;

  loadOrganisations(demo);
  loadReviewAgreements(demo);

  loadModules(demo);
  const grid = loadBaselineDiagnostics(demo);
  loadSelection(demo);
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

  loadSecondDiagnostics(demo, grid);

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
