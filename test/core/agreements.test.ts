import { describe, expect, it } from 'vitest';
import { endOfTerm, fcfaToEur } from '../../src-main/contract';
import { openTestCore, organisationInput } from '../fixtures/core';

const kidal = {
  number: 'DDRK23-002-APO',
  signedOn: '2023-07-05',
  durationMonths: 14,
  amountFcfa: 92_001_000,
};

describe('agreement computations', () => {
  it('ends the day before the same day N months later, or on the last day of a short month', () => {
    expect(endOfTerm('2023-07-05', 14)).toBe('2024-09-04');
    expect(endOfTerm('2024-01-01', 12)).toBe('2024-12-31');
    expect(endOfTerm('2024-01-31', 1)).toBe('2024-02-29');
    expect(endOfTerm('2023-01-31', 1)).toBe('2023-02-28');
    expect(endOfTerm('2023-03-01', 1)).toBe('2023-03-31');
  });

  it('adds a tenth of a month as that share of the following month: the review’s own end dates', () => {
    // DDRG23-001-APO, -006 and -007 (review of Gao, 2023): the dates the agreements print.
    expect(endOfTerm('2023-09-25', 19.2)).toBe('2025-04-30');
    expect(endOfTerm('2023-10-16', 18.5)).toBe('2025-04-30');
    expect(endOfTerm('2023-10-16', 21.5)).toBe('2025-07-31'); // 0,5 × 31 days = 15,5 → 16
    expect(endOfTerm('2024-09-01', 0.5)).toBe('2024-09-15');
    // Whole months are read as before, even when written 14.0.
    expect(endOfTerm('2023-07-05', 14.0)).toBe(endOfTerm('2023-07-05', 14));
  });

  it('converts FCFA to EUR at the fixed parity, to the cent', () => {
    expect(fcfaToEur(655_957)).toBe(1000);
    expect(fcfaToEur(92_001_000)).toBe(140_254.62);
    expect(fcfaToEur(0)).toBe(0);
  });
});

describe('agreements', () => {
  it('computes the end date when not given and keeps one that is given', () => {
    const { ok } = openTestCore();
    const org = ok('organisations.create', organisationInput({ name: 'DREFP Kidal', acronym: 'DREFP_FAT' }));
    const computed = ok('agreements.create', { organisationId: org.id, fields: kidal });
    expect(computed).toMatchObject({
      endOn: '2024-09-04',
      endOnEntered: null,
      amountEur: 140_254.62,
      status: 'active',
    });
    const entered = ok('agreements.create', {
      organisationId: org.id,
      fields: { ...kidal, number: 'DDRK23-003-APO', endOn: '2024-12-31' },
    });
    expect(entered).toMatchObject({ endOn: '2024-12-31', endOnEntered: '2024-12-31' });
  });

  it('totals per organisation and overall are computed from the rows', () => {
    const { ok } = openTestCore();
    const a = ok('organisations.create', organisationInput({ name: 'A' }));
    const b = ok('organisations.create', organisationInput({ name: 'B' }));
    ok('agreements.create', {
      organisationId: a.id,
      fields: { ...kidal, number: 'A-1', amountFcfa: 10_000_000 },
    });
    ok('agreements.create', {
      organisationId: a.id,
      fields: { ...kidal, number: 'A-2', amountFcfa: 2_500_000, status: 'closed' },
    });
    const b1 = ok('agreements.create', {
      organisationId: b.id,
      fields: { ...kidal, number: 'B-1', amountFcfa: 655_957 },
    });

    expect(ok('organisations.get', { id: a.id }).agreementTotals).toEqual({
      count: 2,
      amountFcfa: 12_500_000,
      amountEur: fcfaToEur(12_500_000),
      activeCount: 1,
      activeAmountFcfa: 10_000_000,
      expiredCount: 0,
      expiredAmountFcfa: 0,
    });
    const list = ok('organisations.list', { sort: 'agreementsTotal', direction: 'desc' });
    expect(list.items.map((o) => [o.name, o.agreementsCount, o.agreementsTotalFcfa])).toEqual([
      ['A', 2, 12_500_000],
      ['B', 1, 655_957],
    ]);
    expect(list.totals.amountFcfa).toBe(13_155_957);
    expect(ok('agreements.list', {}).totals).toMatchObject({
      count: 3,
      amountFcfa: 13_155_957,
      activeCount: 2,
    });
    expect(ok('agreements.list', { status: 'closed' }).items.map((x) => x.number)).toEqual(['A-2']);
    expect(ok('agreements.list', { search: 'b-1' }).items[0]).toMatchObject({
      organisationName: 'B',
      amountEur: 1000,
    });

    ok('agreements.remove', { id: b1.id });
    expect(ok('agreements.list', {}).totals.amountFcfa).toBe(12_500_000);
    expect(ok('organisations.list', { search: 'B' }).items.find((o) => o.name === 'B')?.agreementsCount).toBe(
      0,
    );
  });

  it('keeps a decimal duration as typed and computes its end date from it', () => {
    const { ok } = openTestCore();
    const org = ok('organisations.create', organisationInput({ name: 'CRA Gao', acronym: 'CRA-GAO' }));
    const created = ok('agreements.create', {
      organisationId: org.id,
      fields: {
        number: 'DDRG23-001-APO',
        signedOn: '2023-09-25',
        durationMonths: 19.2,
        amountFcfa: 96_989_000,
      },
    });
    expect(created).toMatchObject({ durationMonths: 19.2, endOn: '2025-04-30', endOnEntered: null });
    expect(ok('agreements.list', {}).items[0]).toMatchObject({ durationMonths: 19.2, endOn: '2025-04-30' });
  });

  it('shows an active agreement past its end date as expired, and counts it apart from those in force', () => {
    let now = new Date('2024-03-15T10:00:00Z');
    const { ok } = openTestCore({ now: () => now });
    const org = ok('organisations.create', organisationInput());
    ok('agreements.create', { organisationId: org.id, fields: kidal }); // ends 04/09/2024
    ok('agreements.create', {
      organisationId: org.id,
      fields: { ...kidal, number: 'LONG', durationMonths: 36, amountFcfa: 1_000_000 },
    });
    expect(ok('agreements.list', {}).totals).toMatchObject({ activeCount: 2, expiredCount: 0 });

    now = new Date('2024-09-05T10:00:00Z');
    const list = ok('agreements.list', { sort: 'number', direction: 'asc' });
    expect(list.items.map((a) => [a.number, a.status, a.expired])).toEqual([
      ['DDRK23-002-APO', 'active', true],
      ['LONG', 'active', false],
    ]);
    expect(list.totals).toMatchObject({
      count: 2,
      activeCount: 1,
      activeAmountFcfa: 1_000_000,
      expiredCount: 1,
      expiredAmountFcfa: 92_001_000,
    });
    expect(ok('organisations.get', { id: org.id }).agreementTotals).toEqual(list.totals);
  });

  it('requires a reason to terminate, and forgets it when the agreement is not terminated', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const bad = core.invoke('agreements.create', {
      organisationId: org.id,
      fields: { ...kidal, status: 'terminated' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['fields', 'terminationReason'] }] },
    });
    const ag = ok('agreements.create', {
      organisationId: org.id,
      fields: { ...kidal, status: 'terminated', terminationReason: 'Insécurité' },
    });
    expect(ag.terminationReason).toBe('Insécurité');
    const reopened = ok('agreements.update', {
      id: ag.id,
      fields: { ...kidal, status: 'active', terminationReason: 'Insécurité' },
    });
    expect(reopened.terminationReason).toBeNull();
  });

  it('rejects negative or fractional amounts, bad dates and a taken number, writing nothing', () => {
    const { core, ok } = openTestCore();
    const org = ok('organisations.create', organisationInput());
    const issues = (fields: object) => {
      const r = core.invoke('agreements.create', { organisationId: org.id, fields: { ...kidal, ...fields } });
      return r.ok ? [] : r.error.issues?.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(issues({ amountFcfa: -5 })).toEqual(['fields.amountFcfa:errors.amountNegative']);
    expect(issues({ amountFcfa: 10.5 })).toEqual(['fields.amountFcfa:errors.amountWhole']);
    expect(issues({ signedOn: '2023-02-30' })).toEqual(['fields.signedOn:errors.dateImpossible']);
    expect(issues({ signedOn: '05/07/2023' })).toEqual(['fields.signedOn:errors.dateInvalid']);
    expect(issues({ endOn: '2023-01-01' })).toEqual(['fields.endOn:errors.endBeforeStart']);
    expect(issues({ durationMonths: 0 })).toEqual(['fields.durationMonths:errors.durationMin']);
    expect(issues({ durationMonths: 19.25 })).toEqual(['fields.durationMonths:errors.oneDecimal']);
    ok('agreements.create', { organisationId: org.id, fields: kidal });
    const taken = core.invoke('agreements.create', {
      organisationId: org.id,
      fields: { ...kidal, number: 'ddrk23-002-apo' },
    });
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['fields', 'number'] }] },
    });
    // The number is compared without case, spaces or accents, as the import compares it.
    for (const number of ['DDRK23-002-APO ', 'ddrk 23-002-apo', 'DDRK23-002-ÀPO']) {
      expect(
        core.invoke('agreements.create', { organisationId: org.id, fields: { ...kidal, number } }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    const unknownOrg = core.invoke('agreements.create', {
      organisationId: 'x',
      fields: { ...kidal, number: 'Z' },
    });
    expect(unknownOrg).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok('agreements.list', {}).total).toBe(1);
  });
});
