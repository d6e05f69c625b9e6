// The sessions: those of the pathways and those open to several organisations, in the order they
// happen, each with its register and, once over, its attendance and evaluations.
import {
  addParticipantsInput,
  markWeight,
  recordAttendanceInput,
  recordEvaluationsInput,
  sessionFields,
} from '../../../contract';
import * as sessions from '../../sessions/service';
import { OPEN_SESSIONS, TRAINERS, type DemoSession, type ModuleKey } from '../content';
import { addDays, earlier, parse, workday, type Demo, type Person } from './context';

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
export const daysOf = ({ day }: Demo, s: DemoSession) => {
  const days: string[] = [];
  let date = workday(day(s.start));
  while (days.length < s.days) {
    days.push(date);
    date = workday(addDays(date, 1));
  }
  return days;
};
export const costOf = (s: DemoSession, registered: number) =>
  Math.round(
    (s.phase === 'classroom'
      ? s.days * registered * (s.halfDay ? 20_000 : 45_000) + 600_000
      : s.days * 150_000 + 100_000) / 5000,
  ) * 5000;

/** A session to create: its content, the pathway action it carries out (if any) and its register. */
export type Planned = {
  session: DemoSession;
  title: string;
  actionId: string | null;
  register: Person[];
  walkIns: Person[];
  region: string;
  venue: string;
};

/** Creates the sessions of the pathways and those open to several organisations, in date order. */
export function loadSessions(demo: Demo, pathwaySessions: Planned[]) {
  const { people, today } = demo;
  const planned = [...pathwaySessions];
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

  planned.sort((a, b) => a.session.start - b.session.start);
  for (const item of planned) {
    const days = daysOf(demo, item.session);
    const made = createSession(demo, item, days);
    const lastDay = days[days.length - 1]!;
    if (lastDay < today) recordAttendanceAndEvaluations(demo, made, item.session.phase, lastDay);
  }
}

/** A session with its register: participants added, apart from a pathway's who come with it. */
function createSession({ day, at, moduleIds, moduleOfSession }: Demo, item: Planned, days: string[]) {
  const { session: s } = item;
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
  return made;
}

/** The register, then the evaluations, on the last day. */
function recordAttendanceAndEvaluations(
  { random, at }: Demo,
  session: ReturnType<typeof sessions.createSession>,
  phase: DemoSession['phase'],
  lastDay: string,
) {
  const marks = session.participants.flatMap((person) => {
    const assiduous = random.chance(0.85);
    return session.days.map((d) => ({
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
  const made = sessions.recordAttendance(
    at(lastDay),
    parse(recordAttendanceInput, { sessionId: session.id, marks }),
  );
  if (phase === 'classroom') {
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
