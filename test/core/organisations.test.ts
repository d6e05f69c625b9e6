import { describe, expect, it } from 'vitest';
import { openTestCore, organisationInput } from '../fixtures/core';

describe('organisations', () => {
  it('creates, reads and updates an organisation, starting as identified with a dated history', () => {
    const { ok } = openTestCore();
    const created = ok('organisations.create', organisationInput({ sectors: ['gender'], contactEmail: '' }));
    expect(created).toMatchObject({
      name: 'Coordination des Associations et ONG Féminines',
      status: 'identified',
      contactEmail: null,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const updated = ok('organisations.update', {
      id: created.id,
      fields: organisationInput({ staffWomen: 20, contactName: 'Aminata Traoré', acronym: '' }),
    });
    expect(updated).toMatchObject({ staffWomen: 20, contactName: 'Aminata Traoré', acronym: null });

    const read = ok('organisations.get', { id: created.id });
    expect(read.statusHistory).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'identified', changedOn: '2024-03-15' }),
    ]);
    expect(read.agreements).toEqual([]);
    expect(read.agreementTotals).toEqual({
      count: 0,
      amountFcfa: 0,
      amountEur: 0,
      activeCount: 0,
      activeAmountFcfa: 0,
      expiredCount: 0,
      expiredAmountFcfa: 0,
    });
  });

  it('rejects bad input with French field issues and writes nothing', () => {
    const { core, ok } = openTestCore();
    const result = core.invoke('organisations.create', {
      ...organisationInput(),
      name: '   ',
      type: 'bank' as never,
      staffWomen: -2,
      contactEmail: 'pas-un-courriel',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const byField = Object.fromEntries(result.error.issues!.map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(byField).sort()).toEqual(['contactEmail', 'name', 'staffWomen', 'type']);
    expect(byField.name).toBe('errors.required');
    expect(byField.staffWomen).toBe('errors.notNegative');
    expect(byField.type).toBe('errors.invalidChoice');
    expect(ok('organisations.list', {}).total).toBe(0);
  });

  it('rejects unknown fields and unknown methods', () => {
    const { core } = openTestCore();
    const extra = core.call('organisations.create', { ...organisationInput(), isAdmin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(core.call('organisations.drop', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.call('organisations.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('changes the status with a date and a reason, and keeps the history', () => {
    const { core, ok } = openTestCore();
    const { id } = ok('organisations.create', organisationInput());
    const noReason = core.invoke('organisations.changeStatus', {
      id,
      status: 'suspended',
      changedOn: '2024-04-02',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['reason'], message: 'errors.reasonRequired' }] },
    });
    ok('organisations.changeStatus', { id, status: 'diagnosed', changedOn: '2024-03-20' });
    ok('organisations.changeStatus', {
      id,
      status: 'suspended',
      changedOn: '2024-04-02',
      reason: 'Insécurité dans la zone',
    });
    const same = core.invoke('organisations.changeStatus', {
      id,
      status: 'suspended',
      changedOn: '2024-04-03',
      reason: 'x',
    });
    expect(same).toMatchObject({ ok: false, error: { issues: [{ path: ['status'] }] } });

    const read = ok('organisations.get', { id });
    expect(read.status).toBe('suspended');
    expect(read.statusHistory.map((c) => [c.changedOn, c.fromStatus, c.toStatus, c.reason])).toEqual([
      ['2024-04-02', 'diagnosed', 'suspended', 'Insécurité dans la zone'],
      ['2024-03-20', 'identified', 'diagnosed', null],
      ['2024-03-15', null, 'identified', null],
    ]);
  });

  it('archives and restores: archived organisations leave the main list', () => {
    const { ok } = openTestCore();
    const { id } = ok('organisations.create', organisationInput());
    ok('organisations.archive', { id });
    expect(ok('organisations.list', {}).total).toBe(0);
    expect(ok('organisations.list', { archived: true }).items.map((o) => o.id)).toEqual([id]);
    ok('organisations.restore', { id });
    expect(ok('organisations.list', {}).total).toBe(1);
    expect(ok('organisations.get', { id }).archivedAt).toBeNull();
  });
});

describe('organisations list', () => {
  function seed() {
    const t = openTestCore();
    const names: [string, string | null, string, string][] = [
      ['Conseil Régional de Koulikoro', null, 'local_government', 'Koulikoro'],
      ['Coordination des Associations et ONG Féminines', 'CAFO', 'csu', 'Koulikoro'],
      ['Direction Régionale de l’Agriculture', 'DRA', 'std', 'Ségou'],
      ['Association des Organisations Professionnelles Paysannes', 'AOPP', 'csu', 'Sikasso'],
      ['Chambre régionale d’agriculture de Gao', 'CRA-GAO', 'consular_chamber', 'Gao'],
      ['Écoles communautaires de Kati', null, 'community_association', 'Koulikoro'],
    ];
    for (const [name, acronym, type, region] of names) {
      t.ok('organisations.create', organisationInput({ name, acronym, type: type as never, region }));
    }
    return t;
  }

  it('searches ignoring case and accents', () => {
    const { ok } = seed();
    const names = (search: string) =>
      ok('organisations.list', { search }).items.map((o) => o.acronym ?? o.name);
    expect(names('segou')).toEqual(['DRA']);
    expect(names('cafo')).toEqual(['CAFO']);
    expect(names('ECOLES')).toEqual(['Écoles communautaires de Kati']);
    expect(names('ong féminines')).toEqual(['CAFO']);
    expect(names('100%')).toEqual([]);
  });

  it('filters by type, region and status', () => {
    const { ok } = seed();
    expect(ok('organisations.list', { type: 'csu' }).total).toBe(2);
    expect(ok('organisations.list', { region: 'Koulikoro' }).total).toBe(3);
    expect(
      ok('organisations.list', { region: 'Koulikoro', type: 'csu' }).items.map((o) => o.acronym),
    ).toEqual(['CAFO']);
    expect(ok('organisations.list', { status: 'selected' }).total).toBe(0);
    expect(ok('organisations.regions', {})).toEqual(['Gao', 'Koulikoro', 'Ségou', 'Sikasso']);
  });

  it('sorts by name the French way and paginates', () => {
    const { ok } = seed();
    const page1 = ok('organisations.list', { pageSize: 4, page: 1 });
    const page2 = ok('organisations.list', { pageSize: 4, page: 2 });
    expect(page1.total).toBe(6);
    expect([...page1.items, ...page2.items].map((o) => o.name)).toEqual([
      'Association des Organisations Professionnelles Paysannes',
      'Chambre régionale d’agriculture de Gao',
      'Conseil Régional de Koulikoro',
      'Coordination des Associations et ONG Féminines',
      'Direction Régionale de l’Agriculture',
      'Écoles communautaires de Kati',
    ]);
    const desc = ok('organisations.list', { sort: 'name', direction: 'desc', pageSize: 1 });
    expect(desc.items[0]!.name).toBe('Écoles communautaires de Kati');
    expect(ok('organisations.list', { pageSize: 4, page: 3 }).items).toEqual([]);
  });
});
