// The pathways of the selected organisations: steps, approval, enrolment, and the sessions they plan.
import {
  changePathwayStatusInput,
  enrolInput,
  pathwayFields,
  stepsInput,
} from '../../../contract';
import * as pathways from '../../pathways/service';
import { MODULES, PATHWAYS } from '../content';
import { earlier, parse, workday, type Demo } from './context';
import { costOf, daysOf, type Planned } from './sessions';

/** Creates the pathways; returns the sessions they plan. */
export function loadPathways(demo: Demo): Planned[] {
  const { random, day, at, orgIds, people, baselines } = demo;
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
    const plannedSessions = p.sessions.map((s) => ({ s, days: daysOf(demo, s) }));
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
  return planned;
}

/** A pathway completed two months ago: its participants are followed up after it. */
export function completePathways({ ctx, day, at, orgIds }: Demo) {
  PATHWAYS.forEach((p) => {
    if (p.status !== 'completed') return;
    const completedOn = workday(day(p.end));
    const id = pathways.listPathways(ctx, { organisationId: orgIds.get(p.organisation)! })[0]!.id;
    pathways.changePathwayStatus(
      at(completedOn),
      parse(changePathwayStatusInput, { id, status: 'completed', on: completedOn, reference: null }),
    );
  });
}
