import { asc, eq, isNull } from 'drizzle-orm';
import type { AttendanceStatus, ImportIssue } from '../../contract';
import type { Context } from '../context';
import { attendance, participants, sessionDays, sessionParticipants, sessions } from '../db/schema';
import { addSessionParticipants, recordAttendance } from '../sessions/service';
import { nameKeys, phoneKey } from '../sessions/figures';
import { choice, date, key, phone, text, type Choice } from './cells';
import { organisationColumn } from './agreements';
import { nameColumns } from './participants';
import { againInFile, type Field, type Kind, type Seen } from './kind';
import { loadOrganisations, resolveOrganisation, type OrganisationIndex } from './references';

export const attendanceChoices: Choice<AttendanceStatus>[] = [
  { value: 'present', label: 'Présent', also: ['Présente', 'P', 'X', '1', 'Oui', 'Present'] },
  { value: 'absent', label: 'Absent', also: ['Absente', 'A', '0', 'Non'] },
  { value: 'late', label: 'En retard', also: ['Retard', 'R', 'Late'] },
  {
    value: 'excused',
    label: 'Excusé',
    also: ['Excusée', 'E', 'Absent excusé', 'Absence justifiée', 'Justifié', 'Excused'],
  },
];

export const attendanceColumns: Field[] = [
  {
    key: 'session',
    header: 'Session',
    aliases: ['Titre de la session', 'Intitulé', 'Formation', 'Titre', 'Session title'],
    required: true,
    fixable: true,
    parse: text,
    example: 'Gestion financière des OSC',
    width: 34,
    hint: 'Le titre d’une session déjà enregistrée.',
  },
  {
    key: 'date',
    header: 'Date',
    aliases: ['Jour', 'Date du jour', 'Day'],
    required: true,
    fixable: true,
    parse: date,
    example: new Date(Date.UTC(2024, 2, 12)),
    width: 14,
    numFmt: 'dd/mm/yyyy',
    hint: 'Un jour de la session (jj/mm/aaaa).',
  },
  ...nameColumns,
  {
    ...organisationColumn('CAFO'),
    required: false,
    fixable: true,
    hint: 'Utile quand deux personnes portent le même nom.',
  },
  {
    key: 'phone',
    header: 'Téléphone',
    aliases: ['Tél', 'Tel', 'Phone'],
    required: false,
    parse: phone,
    example: null,
    width: 18,
  },
  {
    key: 'status',
    header: 'Présence',
    aliases: ['Statut', 'Émargement', 'Présent', 'Attendance', 'Status'],
    required: true,
    fixable: true,
    parse: choice(attendanceChoices),
    example: 'Présent',
    width: 12,
    hint: 'Présent, Absent, En retard ou Excusé (P, A, R, E).',
    choices: attendanceChoices,
  },
];

interface SessionRef {
  id: string;
  title: string;
  /** Day id by date. */
  days: Map<string, string>;
}

interface PersonRef {
  id: string;
  organisationId: string;
}

interface Item {
  sessionId: string;
  title: string;
  dayId: string;
  participantId: string;
  status: AttendanceStatus;
}

interface Lookup {
  ctx: Context;
  sessionsByTitle: Map<string, SessionRef[]>;
  organisations: OrganisationIndex;
  /** People by their name's words in alphabetical order (Traoré Aminata = Aminata Traoré), and by phone. */
  byName: Map<string, PersonRef[]>;
  byPhone: Map<string, PersonRef[]>;
  /** Per session, read when a line first names it: who is on the register, which marks exist. */
  registered: Map<string, Set<string>>;
  marks: Map<string, Map<string, string>>;
  seen: Map<string, Seen>;
}

const push = <T>(map: Map<string, T[]>, k: string, value: T) => {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
};

const formatDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function registeredAt(lookup: Lookup, sessionId: string): Set<string> {
  let set = lookup.registered.get(sessionId);
  if (!set) {
    set = new Set(
      lookup.ctx.db
        .select({ id: sessionParticipants.participantId })
        .from(sessionParticipants)
        .where(eq(sessionParticipants.sessionId, sessionId))
        .all()
        .map((r) => r.id),
    );
    lookup.registered.set(sessionId, set);
  }
  return set;
}

/** Marks recorded for a session: status by `dayId|participantId`. */
function marksOf(lookup: Lookup, sessionId: string): Map<string, string> {
  let map = lookup.marks.get(sessionId);
  if (!map) {
    map = new Map(
      lookup.ctx.db
        .select({
          dayId: attendance.dayId,
          participantId: attendance.participantId,
          status: attendance.status,
        })
        .from(attendance)
        .innerJoin(sessionDays, eq(sessionDays.id, attendance.dayId))
        .where(eq(sessionDays.sessionId, sessionId))
        .all()
        .map((m) => [`${m.dayId}|${m.participantId}`, m.status]),
    );
    lookup.marks.set(sessionId, map);
  }
  return map;
}

function findSession(
  lookup: Lookup,
  title: string,
  day: string,
): { session: SessionRef; dayId: string } | ImportIssue {
  const named = lookup.sessionsByTitle.get(key(title)) ?? [];
  if (named.length === 0)
    return { field: 'session', message: 'errors.importUnknownSession', params: { value: title } };
  const held = named.filter((s) => s.days.has(day));
  if (held.length === 1) return { session: held[0]!, dayId: held[0]!.days.get(day)! };
  if (held.length > 1)
    return { field: 'session', message: 'errors.importSessionAmbiguous', params: { value: title } };
  const days = [...new Set(named.flatMap((s) => [...s.days.keys()]))].sort().map(formatDay);
  return {
    field: 'date',
    message: 'errors.importNotSessionDay',
    params: { value: formatDay(day), days: days.slice(0, 10).join(', ') },
  };
}

/** The registered person a line names: by phone, else by name, preferring people on the session's register. */
function findPerson(
  lookup: Lookup,
  sessionId: string,
  values: { firstName: string; lastName: string; phone?: string; organisationId?: string },
): PersonRef | ImportIssue {
  const inOrganisation = (people: PersonRef[]) =>
    values.organisationId ? people.filter((p) => p.organisationId === values.organisationId) : people;
  const digits = phoneKey(values.phone ?? null);
  const byPhone = digits ? inOrganisation(lookup.byPhone.get(digits) ?? []) : [];
  if (byPhone.length === 1) return byPhone[0]!;
  const named = inOrganisation(lookup.byName.get(nameKeys(values).sorted) ?? []);
  const registered = registeredAt(lookup, sessionId);
  const onRegister = named.filter((p) => registered.has(p.id));
  if (onRegister.length === 1) return onRegister[0]!;
  if (named.length === 1) return named[0]!;
  const name = `${values.firstName} ${values.lastName}`;
  return named.length === 0
    ? { field: 'lastName', message: 'errors.importUnknownParticipant', params: { value: name } }
    : { field: 'lastName', message: 'errors.importParticipantAmbiguous', params: { value: name } };
}

export const attendanceKind: Kind<Lookup, Item> = {
  kind: 'attendance',
  sheet: 'Présences',
  fileName: 'modele-import-presences.xlsx',
  fields: attendanceColumns,
  load: (ctx) => {
    const sessionsByTitle = new Map<string, SessionRef[]>();
    const byId = new Map<string, SessionRef>();
    for (const s of ctx.db
      .select({ id: sessions.id, title: sessions.title })
      .from(sessions)
      .where(isNull(sessions.deletedAt))
      .all()) {
      const ref = { ...s, days: new Map<string, string>() };
      byId.set(s.id, ref);
      push(sessionsByTitle, key(s.title), ref);
    }
    for (const d of ctx.db
      .select({ id: sessionDays.id, sessionId: sessionDays.sessionId, date: sessionDays.date })
      .from(sessionDays)
      .all()) {
      byId.get(d.sessionId)?.days.set(d.date, d.id);
    }
    const lookup: Lookup = {
      ctx,
      sessionsByTitle,
      organisations: loadOrganisations(ctx),
      byName: new Map(),
      byPhone: new Map(),
      registered: new Map(),
      marks: new Map(),
      seen: new Map(),
    };
    for (const p of ctx.db
      .select({
        id: participants.id,
        organisationId: participants.organisationId,
        firstName: participants.firstName,
        lastName: participants.lastName,
        phoneDigits: participants.phoneDigits,
      })
      .from(participants)
      .where(isNull(participants.deletedAt))
      .all()) {
      const ref = { id: p.id, organisationId: p.organisationId };
      push(lookup.byName, nameKeys(p).sorted, ref);
      if (p.phoneDigits) push(lookup.byPhone, p.phoneDigits, ref);
    }
    return lookup;
  },
  check: (values, where, lookup, unreadable) => {
    const errors: ImportIssue[] = [];
    for (const field of attendanceColumns) {
      if (field.required && (values[field.key] === undefined || values[field.key] === '')) {
        errors.push({ field: field.key, message: 'errors.required' });
      }
    }
    let organisationId: string | undefined;
    if (typeof values.organisation === 'string') {
      const found = resolveOrganisation(lookup.organisations, values.organisation, 'organisation');
      if ('issue' in found) errors.push(found.issue);
      else if ('organisation' in found) organisationId = found.organisation.id;
    }
    if (errors.length || unreadable) return { errors, duplicate: null, notices: [] };

    const held = findSession(lookup, values.session as string, values.date as string);
    if (!('session' in held)) return { errors: [held], duplicate: null, notices: [] };
    const person = findPerson(lookup, held.session.id, {
      firstName: values.firstName as string,
      lastName: values.lastName as string,
      phone: values.phone as string | undefined,
      organisationId,
    });
    if (!('id' in person)) return { errors: [person], duplicate: null, notices: [] };

    const markKey = `${held.dayId}|${person.id}`;
    const status = values.status as AttendanceStatus;
    const stored = { session: held.session.title };
    const recorded = marksOf(lookup, held.session.id).get(markKey);
    if (recorded === status) {
      const duplicate = { field: 'status', message: 'errors.importDuplicateAttendance' };
      return { errors: [], notices: [], duplicate, stored };
    }
    if (recorded) {
      const differences = [{ field: 'status', file: status, recorded }];
      const error = { field: 'status', message: 'errors.importClashAttendance', differences };
      return { errors: [error], notices: [], duplicate: null, stored };
    }
    const again = againInFile(lookup.seen, [markKey], where, { status }, ['status']);
    if (again && 'error' in again) return { errors: [again.error], notices: [], duplicate: null, stored };
    if (again) return { errors: [], notices: [], duplicate: again.duplicate, stored };
    const notices: ImportIssue[] = registeredAt(lookup, held.session.id).has(person.id)
      ? []
      : [{ field: 'lastName', message: 'imports.notices.walkIn', params: { value: held.session.title } }];
    return {
      errors: [],
      duplicate: null,
      notices,
      stored,
      item: {
        sessionId: held.session.id,
        title: held.session.title,
        dayId: held.dayId,
        participantId: person.id,
        status,
      },
    };
  },
  write: (ctx, items) => {
    const bySession = new Map<string, Item[]>();
    for (const item of items) push(bySession, item.sessionId, item);
    let walkIns = 0;
    const written: { id: string; title: string }[] = [];
    for (const [sessionId, marks] of bySession) {
      const registered = new Set(
        ctx.db
          .select({ id: sessionParticipants.participantId })
          .from(sessionParticipants)
          .where(eq(sessionParticipants.sessionId, sessionId))
          .all()
          .map((r) => r.id),
      );
      const newcomers = [...new Set(marks.map((m) => m.participantId))].filter((id) => !registered.has(id));
      if (newcomers.length) {
        // People on the sheet but not on the register came on the day: they join it as walk-ins.
        addSessionParticipants(ctx, { sessionId, participantIds: newcomers, walkIn: true });
        walkIns += newcomers.length;
      }
      recordAttendance(ctx, {
        sessionId,
        marks: marks.map((m) => ({ dayId: m.dayId, participantId: m.participantId, status: m.status })),
      });
      written.push({ id: sessionId, title: marks[0]!.title });
    }
    return { created: items.length, sessions: written, walkIns };
  },
  lists: (ctx) => {
    const rows = ctx.db
      .select({ id: sessions.id, title: sessions.title, date: sessionDays.date })
      .from(sessions)
      .innerJoin(sessionDays, eq(sessionDays.sessionId, sessions.id))
      .where(isNull(sessions.deletedAt))
      .orderBy(asc(sessionDays.date))
      .all();
    const bySession = new Map<string, { title: string; days: string[] }>();
    for (const r of rows) {
      const s = bySession.get(r.id) ?? { title: r.title, days: [] };
      s.days.push(formatDay(r.date));
      bySession.set(r.id, s);
    }
    const list = [...bySession.values()].reverse();
    return [
      { header: 'Sessions enregistrées', values: list.map((s) => s.title), field: 'session' },
      { header: 'Jours de la session', values: list.map((s) => s.days.join(', ')) },
    ];
  },
};
