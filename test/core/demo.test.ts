import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestCore, organisationInput, rowCounts } from '../fixtures/core';

/**
 * The audit trail keeps every change, the loading and the removal of the demonstration included;
 * so do the synchronisation changes derived from it (a removal travels as deletions) and the heads.
 */
const APPEND_ONLY = new Set(['audit_calls', 'audit_changes', 'sync_changes', 'sync_heads']);

/** Rows of every table but the append-only ones, read from the database file (seeds included). */
const tableCounts = (file: string) => rowCounts(file, APPEND_ONLY);

const nonEmpty = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

type OrganisationFacts = {
  label: string;
  status: string;
  agreements: number;
  pathways: string | null;
  decision: string | null;
  candidate: number;
  diagnosed: number;
  selected: number;
  lastReason: string | null;
};

/** What the programme's data says of each organisation, read by SQL beside the app. */
function organisationFacts(file: string): OrganisationFacts[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT coalesce(o.acronym, o.name) AS label, o.status,
           (SELECT count(*) FROM agreements a WHERE a.organisation_id = o.id AND a.deleted_at IS NULL) AS agreements,
           (SELECT group_concat(p.status) FROM pathways p WHERE p.organisation_id = o.id) AS pathways,
           (SELECT c.decision FROM round_candidates c WHERE c.organisation_id = o.id) AS decision,
           (SELECT count(*) FROM round_candidates c WHERE c.organisation_id = o.id) AS candidate,
           (SELECT count(*) FROM diagnostics d
             WHERE d.organisation_id = o.id AND d.status = 'completed' AND d.deleted_at IS NULL) AS diagnosed,
           EXISTS (SELECT 1 FROM organisation_status_changes s
             WHERE s.organisation_id = o.id AND s.to_status = 'selected') AS selected,
           (SELECT s.reason FROM organisation_status_changes s WHERE s.organisation_id = o.id
             ORDER BY s.changed_on DESC, s.created_at DESC LIMIT 1) AS lastReason
         FROM organisations o ORDER BY label`,
      )
      .all() as OrganisationFacts[];
  } finally {
    db.close();
  }
}

/** The status the app's own steps give: diagnostic, candidacy, decision, selection, pathway. */
function expectedStatus(o: OrganisationFacts): string {
  const pathways = o.pathways?.split(',') ?? [];
  if (pathways.includes('in_progress')) return 'in_pathway';
  if (pathways.includes('completed')) return 'completed';
  if (o.selected) return 'selected';
  if (o.decision) return o.decision;
  if (o.candidate) return 'candidate';
  return o.diagnosed ? 'diagnosed' : 'identified';
}

/** Organisations of people marked in a register whose organisation no committee selected. */
function trainedWithoutSelection(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT DISTINCT coalesce(o.acronym, o.name) FROM attendance m
           JOIN participants p ON p.id = m.participant_id
           JOIN organisations o ON o.id = p.organisation_id
         WHERE NOT EXISTS (SELECT 1 FROM organisation_status_changes s
           WHERE s.organisation_id = o.id AND s.to_status = 'selected')`,
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe('demonstration programme', { timeout: 120_000 }, () => {
  it('loads a whole programme on an empty database', () => {
    const { ok } = openTestCore();
    expect(ok('demo.status', {})).toEqual({
      canLoad: true,
      loaded: false,
      loadedAt: null,
      declined: false,
      records: 0,
    });
    const started = Date.now();
    const loaded = ok('demo.load', {});
    console.info(`demonstration programme loaded in ${Date.now() - started} ms`);
    expect(loaded).toMatchObject({
      canLoad: false,
      loaded: true,
      loadedAt: '2024-03-15T10:00:00.000Z',
      organisations: 33,
      agreements: 23,
    });
    expect(loaded.participants).toBeGreaterThanOrEqual(150);
    expect(loaded.participants).toBeLessThanOrEqual(250);
    expect(loaded.sessions).toBeGreaterThanOrEqual(20);
    expect(loaded.sessions).toBeLessThanOrEqual(30);
    expect(ok('demo.status', {})).toMatchObject({ loaded: true, records: loaded.records });

    // Organisations of the programme document and partners of the review.
    const organisations = ok('organisations.list', { pageSize: 100 });
    expect(organisations.total).toBe(33);
    const names = organisations.items.map((o) => o.acronym ?? o.name);
    for (const expected of ['CNSC', 'CAFO', 'AOPP', 'CRK', 'DRA', 'DRSV', 'DRPIA', 'CRA-GAO', 'FERASCOM'])
      expect(names).toContain(expected);
    expect(names).toContain('Gouvernorat de la Région de Koulikoro');
    const people = ok('participants.list', { pageSize: 1 }).total;
    const women = ok('participants.list', { pageSize: 1, sex: 'F' }).total;
    expect(women / people).toBeGreaterThanOrEqual(0.4);
  });

  it('holds the agreements of the review, row by row, with totals computed and not copied', () => {
    const { ok } = openTestCore();
    ok('demo.load', {});
    const all = ok('agreements.list', { pageSize: 100, sort: 'number', direction: 'asc' });
    expect(all.total).toBe(23);
    const first = all.items.find((a) => a.number === 'DDRK23-002-APO')!;
    expect(first).toMatchObject({
      organisationAcronym: 'DREFP_FAT',
      signedOn: '2023-07-05',
      durationMonths: 14,
      endOnEntered: null,
      endOn: '2024-09-04',
      amountFcfa: 92_001_000,
      // Still running on 15/03/2024.
      status: 'active',
    });
    expect(all.items.find((a) => a.number === 'DDRG23-001-APO')).toMatchObject({
      organisationAcronym: 'CRA-GAO',
      signedOn: '2023-09-25',
      endOn: '2025-04-30',
      amountFcfa: 96_989_000,
    });
    // Ended before today: closed.
    expect(all.items.find((a) => a.number === 'DDRG23-003-APO')).toMatchObject({
      endOn: '2024-01-31',
      amountFcfa: 9_047_800,
      status: 'closed',
    });
    // Kidal: the printed total (1.029.026.198) is the sum of its rows. Gao: the printed total
    // (664.816.458) is not; the app adds the rows up.
    expect(ok('agreements.list', { search: 'DDRK23' }).totals.amountFcfa).toBe(1_029_026_198);
    expect(ok('agreements.list', { search: 'DDRG23' }).totals.amountFcfa).toBe(349_401_300);
  });

  it('gives every figure of the programme real values', () => {
    const { ok } = openTestCore();
    ok('demo.load', {});
    const f = ok('indicators.figures', {});
    expect(f.participantsTrained.women).toBeGreaterThan(0);
    expect(f.participantsTrained.men).toBeGreaterThan(0);
    expect(f.womenShareParticipants).toBeGreaterThanOrEqual(0.4);
    expect(f.personDays.total).toBeGreaterThan(100);
    expect(f.personDays.women).toBeGreaterThan(0);
    expect(f.trainers.women).toBeGreaterThan(0);
    expect(f.organisationsAccompanied).toBeGreaterThan(15);
    expect(f.womenOrganisationsSupported).toBeGreaterThan(0);
    expect(f.followUpsDone).toBeGreaterThan(0);
    expect(f.followUpsDue).toBeGreaterThan(0);
    expect(f.followUpsOverdue).toBeGreaterThan(0);
    expect(f.applicationRate.total).toBeGreaterThan(0);
    expect(f.applicationRate6Months.total).toBeGreaterThan(0);
    expect(f.meanSatisfaction).toBeGreaterThan(3);
    expect(f.meanGain).toBeGreaterThan(0);
    expect(f.completionRate.total).toBeGreaterThan(0.5);
    expect(f.meanIndexChange).toBeGreaterThan(0);
    expect(f.genderProgressShare).toBeGreaterThan(0);

    // Second diagnostics: the comparison with the baseline shows the change.
    const cafo = ok('organisations.list', { search: 'CAFO' }).items[0]!;
    const comparison = ok('diagnostics.compare', { organisationId: cafo.id });
    expect(comparison.baseline).not.toBeNull();
    expect(comparison.latest).not.toBeNull();
    expect(comparison.indexChange).toBeGreaterThan(0);

    // Entered indicators have a value for the year, with a source.
    const framework = ok('indicators.resultsFramework', { year: 2024 });
    const r42 = framework.results.flatMap((r) => r.indicators).find((i) => i.code === 'R4.2')!;
    expect(r42.value.total).toBe(4);
    expect(r42.entered[0]!.source).toMatch(/Protocoles/);
  });

  it('holds a completed committee round with decisions and a validated criteria set', () => {
    const { ok } = openTestCore();
    ok('demo.load', {});
    const [set] = ok('criteriaSets.list', {});
    expect(set!.status).toBe('validated');
    const [summary] = ok('rounds.list', {});
    expect(summary!.candidatesCount).toBe(12);
    expect(summary!.decidedCount).toBe(12);
    const round = ok('rounds.get', { id: summary!.id });
    expect(round.consensus).toBe(true);
    expect(round.steeringValidatedOn).not.toBeNull();
    expect(round.quorumReached).toBe(true);
    const decisions = round.candidates.map((c) => c.decision);
    expect(decisions.filter((d) => d === 'selected')).toHaveLength(7);
    expect(decisions.filter((d) => d === 'waiting_list')).toHaveLength(2);
    expect(decisions.filter((d) => d === 'not_selected')).toHaveLength(3);
    expect(round.candidates.every((c) => c.total !== null && c.complete)).toBe(true);
    // A member declared a conflict of interest and did not score that candidate.
    expect(round.candidates.some((c) => c.conflicts.length === 1)).toBe(true);

    // Statuses follow the programme: in pathway, completed, waiting list then suspended…
    const statuses = ok('organisations.list', { pageSize: 100 }).items.map((o) => o.status);
    for (const status of ['identified', 'diagnosed', 'in_pathway', 'completed', 'not_selected', 'suspended'])
      expect(statuses).toContain(status);
    const statusOf = new Map(
      ok('organisations.list', { pageSize: 100 }).items.map((o) => [o.acronym ?? o.name, o.status]),
    );
    expect(statusOf.get('CAFO')).toBe('completed');
    expect(statusOf.get('CNSC')).toBe('in_pathway');
    expect(statusOf.get('Gouvernorat de la Région de Koulikoro')).toBe('selected');
    expect(statusOf.get('DRSV')).toBe('waiting_list');
    expect(statusOf.get('Coopérative des femmes maraîchères de Nara')).toBe('suspended');
    expect(statusOf.get('Conseil de Cercle de Kati')).toBe('identified');
    const pathways = ok('pathways.list', {});
    expect(pathways.map((p) => p.status).sort()).toEqual([
      'approved',
      'completed',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'submitted',
    ]);
  });

  it('is the same programme every time, dated from today', () => {
    const a = openTestCore();
    const b = openTestCore({ now: () => new Date('2026-11-23T15:00:00Z') });
    a.ok('demo.load', {});
    b.ok('demo.load', {});
    const names = (ok: typeof a.ok) =>
      ok('participants.list', { pageSize: 100, page: 2 }).items.map((p) => `${p.firstName} ${p.lastName}`);
    expect(names(b.ok)).toEqual(names(a.ok));
    // A year later, the 2023 agreements have all ended; the programme's own run.
    expect(b.ok('agreements.list', { status: 'active', search: 'DDR' }).total).toBe(0);
    expect(b.ok('agreements.list', { status: 'active', search: 'PRCK' }).total).toBe(4);
    // Sessions this month, and follow-ups due around today.
    expect(b.ok('sessions.list', { month: '2026-11' }).total).toBeGreaterThan(0);
    expect(b.ok('followUps.list', { view: 'due' }).total).toBeGreaterThan(0);
  });

  for (const loadedOn of ['2024-03-15T10:00:00Z', '2026-12-02T09:00:00Z']) {
    it(`obeys the programme's rules when loaded on ${loadedOn.slice(0, 10)}`, () => {
      const { core, ok } = openTestCore({ now: () => new Date(loadedOn) });
      ok('demo.load', {});
      const facts = organisationFacts(core.databaseFile);
      for (const o of facts) {
        // Suspended or withdrawn only with the reason given.
        if (o.status === 'suspended' || o.status === 'withdrawn') expect(o.lastReason, o.label).toBeTruthy();
        else expect(o.status, o.label).toBe(expectedStatus(o));
        // Agreements and pathways only with an organisation a committee selected.
        if (o.agreements > 0 || o.pathways) expect(o.selected, o.label).toBe(1);
      }
      expect(facts.filter((o) => o.status === 'identified').map((o) => o.label)).toEqual([
        'Conseil de Cercle de Kati',
      ]);
      expect(trainedWithoutSelection(core.databaseFile)).toEqual([]);

      // Some agreements in force on the day the demonstration is loaded, some ended.
      const inForce = ok('agreements.list', { status: 'active', pageSize: 100 });
      expect(inForce.items.filter((a) => !a.expired).length).toBeGreaterThan(0);
      expect(inForce.totals.activeAmountFcfa).toBeGreaterThan(0);
      expect(ok('agreements.list', { status: 'closed' }).total).toBeGreaterThan(0);
      expect(ok('organisations.list', { pageSize: 100 }).totals.activeAmountFcfa).toBeGreaterThan(0);
    });
  }

  it('is refused on a database that already holds data, and writes nothing', () => {
    const { core, ok } = openTestCore();
    ok('organisations.create', organisationInput());
    expect(ok('demo.status', {}).canLoad).toBe(false);
    const before = tableCounts(core.databaseFile);
    const result = core.invoke('demo.load', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CONFLICT');
    expect(tableCounts(core.databaseFile)).toEqual(before);

    // Loaded once, it cannot be loaded twice.
    const second = openTestCore();
    second.ok('demo.load', {});
    const again = second.core.invoke('demo.load', {});
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');
  });

  it('removes exactly what it created, and what was added since to its records only', () => {
    const { core, ok } = openTestCore();
    ok('demo.decline', {});
    const before = tableCounts(core.databaseFile);
    expect(nonEmpty(before)).not.toHaveProperty('organisations');
    ok('demo.load', {});
    expect(ok('demo.status', {})).toMatchObject({ loaded: true, declined: true, canLoad: false });

    // The user plays with the demonstration: a status change, a mark in a register, a diagnostic.
    const cafo = ok('organisations.list', { search: 'CAFO' }).items[0]!;
    ok('organisations.changeStatus', {
      id: cafo.id,
      status: 'withdrawn',
      changedOn: '2024-03-15',
      reason: 'Essai',
    });
    const upcoming = ok('sessions.list', { month: '2024-03' }).items.find((s) => s.firstDay! > '2024-03-15')!;
    const session = ok('sessions.get', { id: upcoming.id });
    ok('sessions.recordAttendance', {
      sessionId: session.id,
      marks: [{ dayId: session.days[0]!.id, participantId: session.participants[0]!.id, status: 'present' }],
    });
    ok('diagnostics.create', {
      organisationId: cafo.id,
      fields: {
        conductedOn: '2024-03-15',
        assessors: 'Essai',
        method: 'mixed',
        level: 'organisational',
        scores: [],
        needs: [],
      },
    });
    // …and enters their own organisation, which must stay.
    const own = ok('organisations.create', organisationInput({ name: 'Mon organisation', acronym: 'MO' }));

    const removed = ok('demo.remove', {});
    expect(removed.loaded).toBe(false);
    expect(removed.canLoad).toBe(false);
    expect(removed.addedSince).toBeGreaterThan(0);
    const after = tableCounts(core.databaseFile);
    // Only the user's organisation and its "identified" line remain.
    expect(after).toEqual({
      ...before,
      organisations: before.organisations! + 1,
      organisation_status_changes: before.organisation_status_changes! + 1,
    });
    expect(ok('organisations.get', { id: own.id }).name).toBe('Mon organisation');
    expect(ok('demo.status', {})).toMatchObject({ loaded: false, declined: true, records: 0 });
  });

  it('refuses removal, and deletes nothing, when the user’s own records are linked to it', () => {
    const { core, ok } = openTestCore();
    ok('demo.load', {});
    const own = ok('organisations.create', organisationInput({ name: 'Mon organisation', acronym: 'MO' }));
    const person = ok('participants.create', {
      fields: { organisationId: own.id, firstName: 'Awa', lastName: 'Ouattara', sex: 'F' },
    });
    const upcoming = ok('sessions.list', { month: '2024-03' }).items.find((s) => s.firstDay! > '2024-03-15')!;
    ok('sessions.addParticipants', { sessionId: upcoming.id, participantIds: [person.id], walkIn: true });

    const before = tableCounts(core.databaseFile);
    const refused = core.invoke('demo.remove', {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toMatch(/inscriptions aux sessions : 1/);
    }
    expect(tableCounts(core.databaseFile)).toEqual(before);
    expect(ok('demo.status', {}).loaded).toBe(true);

    // Once the link is undone, the demonstration goes and the user's records stay.
    ok('sessions.removeParticipant', { sessionId: upcoming.id, participantId: person.id });
    ok('demo.remove', {});
    expect(ok('organisations.list', {}).items.map((o) => o.name)).toEqual(['Mon organisation']);
    expect(ok('participants.list', {}).items.map((p) => p.lastName)).toEqual(['Ouattara']);
    expect(ok('demo.status', {})).toMatchObject({ loaded: false, canLoad: false, records: 0 });
  });

  it('says when there is nothing to remove', () => {
    const { core } = openTestCore();
    const result = core.invoke('demo.remove', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CONFLICT');
  });

  it('lets a diagnostic whose needs a pathway answers be saved again', () => {
    // Saving a diagnostic used to delete and re-create its needs, which the pathway refers to.
    const { core, ok } = openTestCore();
    ok('demo.load', {});
    const cafo = ok('organisations.list', { search: 'CAFO' }).items[0]!;
    const [baseline] = ok('diagnostics.listForOrganisation', { organisationId: cafo.id });
    const d = ok('diagnostics.get', { id: baseline!.id });
    const fields = {
      conductedOn: d.conductedOn,
      assessors: d.assessors,
      method: d.method,
      level: d.level,
      notes: d.notes,
      scores: d.scores,
      needs: d.needs.map(({ domainCode, description }) => ({ domainCode, description })),
      hrPlanRating: d.hrPlanRating,
      hrPlanComment: d.hrPlanComment,
    };
    const saved = ok('diagnostics.update', {
      id: d.id,
      fields: {
        ...fields,
        needs: [{ ...fields.needs[0]!, description: 'Reformulé' }, ...fields.needs.slice(1)],
      },
    });
    expect(saved.needs.map((n) => n.id)).toEqual(d.needs.map((n) => n.id));
    const pathway = ok('pathways.list', { organisationId: cafo.id })[0]!;
    expect(ok('pathways.get', { id: pathway.id }).needs[0]!.description).toBe('Reformulé');
    // Dropping a need the pathway answers is refused, and changes nothing.
    const dropped = core.invoke('diagnostics.update', { id: d.id, fields: { ...fields, needs: [] } });
    expect(dropped.ok).toBe(false);
    if (!dropped.ok) expect(dropped.error.code).toBe('CONFLICT');
    expect(ok('diagnostics.get', { id: d.id }).needs).toHaveLength(3);
  });
});
