import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src-main/contract';
import { contract, type Input, type Method } from '../../src-main/core/methods';
import { permissions, roleMay, type Permission } from '../../src-main/core/permissions';
import { okCaller, organisationInput } from '../fixtures/core';
import { oneActionSteps } from '../fixtures/inputs';
import { as, openWithAdmin } from '../fixtures/accounts';

const methods = Object.keys(contract) as Method[];
const table = permissions as Record<string, Permission>;

describe('the permission table', () => {
  it('opens only the sign-in methods and a laptop’s first start to people who are not signed in', () => {
    expect(methods.filter((m) => table[m]!.who === 'public').sort()).toEqual([
      'auth.setup',
      'auth.signIn',
      'auth.signOut',
      'auth.status',
      // Like auth.setup, only while the data hold no account (syncExchange.test.ts).
      'sync.enrolHere',
    ]);
  });

  it('gives readers and committee members nothing that writes, but the committee’s scores', () => {
    for (const m of methods) {
      const rule = table[m]!;
      if (rule.kind !== 'write' || rule.who === 'public') continue;
      if (m === 'auth.changePassword') continue;
      expect(roleMay('reader', m), m).toBe(false);
      expect(roleMay('committee', m), m).toBe(m === 'rounds.recordScores');
    }
  });

  it('limits every trainer write to sessions, follow-ups and new participants, with a row rule, and to the exchange of their laptop’s files', () => {
    const trainerWrites = methods.filter(
      (m) => table[m]!.kind === 'write' && Array.isArray(table[m]!.who) && roleMay('trainer', m),
    );
    expect(trainerWrites.sort()).toEqual([
      'followUps.cancel',
      'followUps.record',
      'followUps.reschedule',
      'participants.create',
      'sessions.addParticipants',
      'sessions.create',
      'sessions.recordAttendance',
      'sessions.recordEvaluations',
      'sessions.removeParticipant',
      'sessions.update',
      'sync.exportFile',
      'sync.importFile',
      'sync.setHeadquartersUrl',
      'sync.syncNow',
    ]);
    // A laptop's file holds only what its account may write: headquarters checks each change (sync/scope.ts).
    for (const m of trainerWrites) {
      if (m !== 'participants.create' && !m.startsWith('sync.'))
        expect(table[m]!.trainerScope, m).toBeDefined();
    }
  });

  it('keeps accounts, the audit trail, imports, the demonstration and restores for administrators', () => {
    for (const m of methods.filter((m) => /^(users|audit|imports|backups)\./.test(m))) {
      for (const role of roles) expect(roleMay(role, m), `${role} ${m}`).toBe(role === 'admin');
    }
    for (const m of ['demo.load', 'demo.remove'] as const) expect(roleMay('trainer', m)).toBe(false);
  });
});

/** A programme with two pathways, each with a session attended by Awa (hence follow-ups). */
async function programme() {
  const t = await openWithAdmin();
  const ok = okCaller(t.core);
  const org = ok('organisations.create', organisationInput());
  const awa = ok('participants.create', {
    fields: { organisationId: org.id, firstName: 'Awa', lastName: 'Diallo', sex: 'F' },
  });
  const pathway = (title: string) => {
    const p = ok('pathways.create', {
      organisationId: org.id,
      title,
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      budgetFcfa: 1_000_000,
    });
    const planned = ok('pathways.saveSteps', {
      pathwayId: p.id,
      steps: oneActionSteps({
        title: 'Atelier',
        plannedStart: '2024-03-01',
        plannedEnd: '2024-03-31',
        budgetFcfa: 500_000,
      }),
    });
    ok('pathways.enrol', { pathwayId: p.id, participantIds: [awa.id] });
    const actionId = planned.steps[0]!.actions[0]!.id;
    const session = ok('sessions.create', {
      title: `Session ${title}`,
      pathwayActionId: actionId,
      phase: 'classroom',
      days: [{ date: '2024-03-12', startTime: '08:30', endTime: '16:30' }],
      trainers: [],
    });
    ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: [{ dayId: session.days[0]!.id, participantId: awa.id, status: 'present' }],
    });
    const followUp = ok('followUps.list', { view: 'all' }).items.find((f) => f.sessionId === session.id)!;
    return { id: p.id, actionId, session, followUp };
  };
  const mine = pathway('Gestion financière');
  const theirs = pathway('Plaidoyer');
  const trainer = await t.account('trainer', 'formateur', [mine.id]);
  return { ...t, ok, org, awa, mine, theirs, trainer };
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN' } };

describe('the dispatcher', () => {
  it('answers FORBIDDEN to every method but the public ones without a session, before reading the input', async () => {
    const t = await openWithAdmin();
    for (const session of [null, '', 'a-token-that-was-never-issued']) {
      const anonymous = as(t.core, session);
      for (const m of methods) {
        if (table[m]!.who === 'public') continue;
        const answer = await anonymous.request(m, {} as never);
        expect(answer, m).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringMatching(/connecté/) },
        });
      }
    }
  });

  it('answers FORBIDDEN, in French, to each role for what its role may not call', async () => {
    const t = await openWithAdmin();
    const sessions: Record<Role, ReturnType<typeof as>> = {
      admin: t.admin,
      trainer: await t.account('trainer', 'formateur'),
      committee: await t.account('committee', 'comite'),
      reader: await t.account('reader', 'lecteur'),
    };
    const labels: Record<Role, string> = {
      admin: 'administrateur',
      trainer: 'formateur',
      committee: 'membre du comité',
      reader: 'lecteur',
    };
    for (const role of roles) {
      for (const m of methods) {
        if (roleMay(role, m)) continue;
        const answer = await sessions[role].request(m, {} as never);
        expect(answer, `${role} ${m}`).toMatchObject({
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `Votre rôle (${labels[role]}) ne permet pas cette opération.`,
          },
        });
      }
    }
  });

  it('lets each role do what it may, on a sample of methods', async () => {
    const t = await programme();
    const people = {
      admin: t.admin,
      trainer: t.trainer,
      committee: await t.account('committee', 'comite'),
      reader: await t.account('reader', 'lecteur'),
    };
    const sample: [Method, Input<Method> | ((role: Role) => Input<Method>), Role[]][] = [
      ['organisations.list', {}, ['admin', 'trainer', 'committee', 'reader']],
      ['organisations.get', { id: t.org.id }, ['admin', 'trainer', 'committee', 'reader']],
      ['sessions.get', { id: t.theirs.session.id }, ['admin', 'trainer', 'committee', 'reader']],
      ['indicators.figures', {}, ['admin', 'trainer', 'committee', 'reader']],
      [
        'reports.get',
        { request: { kind: 'results', year: 2024 } },
        ['admin', 'trainer', 'committee', 'reader'],
      ],
      ['auth.me', {}, ['admin', 'trainer', 'committee', 'reader']],
      ['users.list', {}, ['admin']],
      ['audit.list', {}, ['admin']],
      ['organisations.update', { id: t.org.id, fields: organisationInput({ acronym: 'CAFO-K' }) }, ['admin']],
      [
        'participants.create',
        (role: Role) => ({
          fields: { organisationId: t.org.id, firstName: 'Issa', lastName: `Coulibaly-${role}`, sex: 'M' },
        }),
        ['admin', 'trainer'],
      ],
      ['followUps.updateSettings', { offsetsMonths: [3, 6] }, ['admin']],
    ];
    for (const [method, input, allowed] of sample) {
      for (const role of roles) {
        const answer = await people[role].request(
          method,
          (typeof input === 'function' ? input(role) : input) as never,
        );
        if (allowed.includes(role)) expect(answer, `${role} ${method}`).toMatchObject({ ok: true });
        else expect(answer, `${role} ${method}`).toMatchObject(FORBIDDEN);
      }
    }
    // The committee reaches the scores (here refused for the data, not for the role).
    const scores = await people.committee.request('rounds.recordScores', {
      roundId: 'inconnu',
      memberId: 'inconnu',
      candidateId: 'inconnu',
      conflictOfInterest: false,
      scores: [],
    });
    expect(scores).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('trainers', () => {
  it('record the sessions of the pathways assigned to them, not the others', async () => {
    const t = await programme();
    const register = (session: typeof t.mine.session, status: 'present' | 'absent') => ({
      sessionId: session.id,
      marks: [{ dayId: session.days[0]!.id, participantId: t.awa.id, status }],
    });
    expect(
      await t.trainer.request('sessions.recordAttendance', register(t.mine.session, 'absent')),
    ).toMatchObject({
      ok: true,
    });
    const refused = await t.trainer.request(
      'sessions.recordAttendance',
      register(t.theirs.session, 'absent'),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/parcours qui vous sont confiés/) },
    });
    expect(t.ok('sessions.get', { id: t.theirs.session.id }).attendance[0]!.status).toBe('present');

    for (const [method, input] of [
      ['sessions.recordEvaluations', { sessionId: t.theirs.session.id, evaluations: [] }],
      ['sessions.removeParticipant', { sessionId: t.theirs.session.id, participantId: t.awa.id }],
      [
        'sessions.addParticipants',
        { sessionId: t.theirs.session.id, participantIds: [t.awa.id], walkIn: true },
      ],
    ] as const) {
      expect(await t.trainer.request(method, input as never), method).toMatchObject(FORBIDDEN);
    }
    const fields = (actionId: string | null, title: string) => ({
      title,
      pathwayActionId: actionId,
      phase: 'classroom' as const,
      days: [{ date: '2024-03-20', startTime: '08:30', endTime: '16:30' }],
      trainers: [],
    });
    // A new session: for an action of an assigned pathway, not of another one.
    const created = await t.trainer.value('sessions.create', fields(t.mine.actionId, 'Deuxième atelier'));
    expect(await t.trainer.request('sessions.create', fields(t.theirs.actionId, 'Non'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/parcours ne vous est pas confié/) },
    });
    // Moving a session of theirs to another pathway is refused too.
    expect(
      await t.trainer.request('sessions.update', {
        id: created.id,
        fields: fields(t.theirs.actionId, 'Déplacée'),
      }),
    ).toMatchObject(FORBIDDEN);
    expect(
      await t.trainer.value('sessions.update', {
        id: created.id,
        fields: fields(t.mine.actionId, 'Renommée'),
      }),
    ).toMatchObject({ title: 'Renommée' });
    expect(
      await t.trainer.request('sessions.update', { id: t.theirs.session.id, fields: fields(null, 'Volée') }),
    ).toMatchObject(FORBIDDEN);
    // An unknown session is still NOT_FOUND.
    expect(
      await t.trainer.request('sessions.recordEvaluations', { sessionId: 'inconnue', evaluations: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('never take a session out of their own reach without being told', async () => {
    const t = await programme();
    const fields = (actionId: string | null, title: string) => ({
      title,
      pathwayActionId: actionId,
      phase: 'classroom' as const,
      days: [{ date: '2024-03-12', startTime: '08:30', endTime: '16:30' }],
      trainers: [],
    });
    // The team's session of their pathway, taken out of it, would be the team's alone.
    const detached = await t.trainer.request('sessions.update', {
      id: t.mine.session.id,
      fields: fields(null, 'Sans parcours'),
    });
    expect(detached).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/ne serait plus à votre portée/) },
    });
    expect(t.ok('sessions.get', { id: t.mine.session.id })).toMatchObject({
      title: t.mine.session.title,
      pathwayActionId: t.mine.actionId,
    });
    // The same change, written without the pathway at all, is refused alike.
    const { pathwayActionId: _omitted, ...withoutPathway } = fields(null, 'Sans parcours');
    expect(
      await t.trainer.request('sessions.update', { id: t.mine.session.id, fields: withoutPathway }),
    ).toMatchObject(FORBIDDEN);
    // A session they created themselves stays theirs without a pathway.
    const own = await t.trainer.value('sessions.create', fields(t.mine.actionId, 'Atelier du formateur'));
    expect(
      await t.trainer.value('sessions.update', { id: own.id, fields: fields(null, 'Atelier détaché') }),
    ).toMatchObject({ pathwayActionId: null });
    expect(
      await t.trainer.value('sessions.update', { id: own.id, fields: fields(null, 'Toujours à moi') }),
    ).toMatchObject({ title: 'Toujours à moi' });
  });

  it('create stand-alone sessions and then edit those they created only', async () => {
    const t = await programme();
    const other = await t.account('trainer', 'autre-formateur');
    const fields = (title: string) => ({
      title,
      pathwayActionId: null,
      phase: 'coaching' as const,
      days: [{ date: '2024-03-21', startTime: '09:00', endTime: '12:00', halfDay: true }],
      trainers: [],
    });
    const own = await t.trainer.value('sessions.create', fields('Coaching de terrain'));
    expect(
      await t.trainer.value('sessions.update', { id: own.id, fields: fields('Coaching, 2e visite') }),
    ).toMatchObject({
      title: 'Coaching, 2e visite',
    });
    await t.trainer.value('sessions.addParticipants', {
      sessionId: own.id,
      participantIds: [t.awa.id],
      walkIn: true,
    });
    expect(await other.request('sessions.update', { id: own.id, fields: fields('Non') })).toMatchObject(
      FORBIDDEN,
    );
    // A stand-alone session created by the PRC team is the team's.
    const teams = t.ok('sessions.create', fields('Session de l’équipe'));
    expect(await t.trainer.request('sessions.update', { id: teams.id, fields: fields('Non') })).toMatchObject(
      FORBIDDEN,
    );
    // The administrator edits everything.
    expect(await t.admin.request('sessions.update', { id: own.id, fields: fields('Revue') })).toMatchObject({
      ok: true,
    });
  });

  it('record the follow-ups of their pathways only', async () => {
    const t = await programme();
    const record = (id: string) => ({
      id,
      doneOn: '2024-06-15',
      method: 'visit' as const,
      skillsApplied: 'partly' as const,
      evidence: 'Budget 2024 préparé par l’équipe',
    });
    expect(await t.trainer.value('followUps.record', record(t.mine.followUp.id))).toMatchObject({
      status: 'done',
    });
    expect(await t.trainer.request('followUps.record', record(t.theirs.followUp.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/suivi/) },
    });
    expect(
      await t.trainer.request('followUps.cancel', { id: t.theirs.followUp.id, reason: 'Déménagement' }),
    ).toMatchObject(FORBIDDEN);
    expect(
      await t.trainer.request('followUps.reschedule', {
        id: t.theirs.followUp.id,
        dueOn: '2024-07-01',
        reason: 'Absente',
      }),
    ).toMatchObject(FORBIDDEN);
    expect(t.ok('followUps.get', { id: t.theirs.followUp.id }).status).toBe('scheduled');
    // A pathway's own follow-ups (after its completion) follow the same rule.
    for (const [status, on] of [
      ['submitted', '2024-01-05'],
      ['approved', '2024-01-10'],
      ['in_progress', '2024-01-15'],
      ['completed', '2024-04-30'],
    ] as const) {
      for (const p of [t.mine, t.theirs]) {
        t.ok('pathways.changeStatus', {
          id: p.id,
          status,
          on,
          reference: status === 'approved' ? 'CT-1' : undefined,
        });
      }
    }
    const ofPathway = (id: string) =>
      t.ok('followUps.list', { view: 'all', pageSize: 100 }).items.find((f) => f.pathwayId === id)!;
    expect(await t.trainer.request('followUps.record', record(ofPathway(t.mine.id).id))).toMatchObject({
      ok: true,
    });
    expect(await t.trainer.request('followUps.record', record(ofPathway(t.theirs.id).id))).toMatchObject(
      FORBIDDEN,
    );
  });
});
