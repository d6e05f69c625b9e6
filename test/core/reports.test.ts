import { describe, expect, it } from 'vitest';
import type { Report } from '../../src-main/contract';
import { diagnose, organisationInput } from '../fixtures/core';
import { exported, pdfText, rowsOf, workbook, type Request } from '../fixtures/reports';
import { programme } from '../fixtures/smallProgramme';

describe('quarterly operational report', () => {
  const request: Request = { kind: 'quarterly', year: 2024, quarter: 1, filters: {} };

  it('shows the same figures on screen, in the XLSX and in the PDF', async () => {
    const { core, ok } = programme();
    const screen = ok('reports.get', { request });
    const figures = ok('indicators.figures', { from: '2024-01-01', to: '2024-03-31' });
    // Session 1 only (March): Awa, Mariam / Issa, Moussa; person-days 3 + 3.
    expect(figures.participantsTrained).toEqual({ women: 2, men: 2, total: 4 });
    expect(figures.personDays).toEqual({ women: 3, men: 3, total: 6 });

    const { file, book } = await workbook(core, request);
    expect(file.fileName).toBe('rapport-trimestriel-2024-T1.xlsx');
    const participation = rowsOf(book.getWorksheet('Participation par sexe')!);
    expect(participation[0]).toEqual([
      'Sexe',
      'Personnes formées',
      'Jours-personnes',
      'Décideurs formés',
      'Formateurs',
    ]);
    expect(participation.slice(1)).toEqual([
      ['Femmes', 2, 3, 1, 1],
      ['Hommes', 2, 3, 0, 0],
      ['Total', 4, 6, 1, 1],
    ]);
    const sheet = book.getWorksheet('Participation par sexe')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.0');

    const sessions = rowsOf(book.getWorksheet('Sessions')!);
    expect(sessions[1]!.slice(0, 2)).toEqual(['Session 1', new Date('2024-03-04T12:00:00Z')]);
    expect(sessions[1]!.slice(3, 10)).toEqual([2, 2, 2, 4, 3, 3, 6]);
    const pathways = rowsOf(book.getWorksheet('Parcours')!);
    expect(pathways[1]!.slice(0, 1)).toEqual(['A']);
    expect(pathways[1]!.slice(3, 5)).toEqual([1, 1]);

    // The screen's model holds the same table.
    const screenTable = screen.sections
      .flatMap((s) => s.blocks)
      .find(
        (b): b is Extract<Report['sections'][number]['blocks'][number], { type: 'table' }> =>
          b.type === 'table' && b.sheet === 'Participation par sexe',
      )!;
    expect(screenTable.rows).toEqual([
      ['Femmes', 2, 3, 1, 1],
      ['Hommes', 2, 3, 0, 0],
    ]);

    const pdf = await pdfText(core, request);
    expect(pdf.file.fileName).toBe('rapport-trimestriel-2024-T1.pdf');
    expect(pdf.pages[0]).toContain('Rapport opérationnel trimestriel');
    expect(pdf.pages[0]).toContain('1er trimestre 2024 (du 01/01/2024 au 31/03/2024)');
    const body = pdf.pages.join('\n');
    expect(body).toMatch(/Femmes\s+2\s+3,0\s+1\s+1/);
    expect(body).toMatch(/Total\s+4\s+6,0\s+1\s+1/);
    expect(body).toContain(`Page 2 / ${pdf.totalPages}`);
  });

  it('draws its charts as vectors, not images', async () => {
    const { core } = programme();
    const { bytes } = await exported(core, request, 'pdf');
    const raw = bytes.toString('latin1');
    expect(raw).not.toContain('/Subtype /Image');
  });
});

describe('annual results report', () => {
  it('lists every indicator with its baseline, target and value, as computed by the query layer', async () => {
    const { core, ok } = programme();
    const framework = ok('indicators.resultsFramework', { year: 2024 });
    const trained = framework.results
      .flatMap((r) => r.indicators)
      .find((i) => i.computedKey === 'participantsTrained')!;
    ok('indicators.update', {
      id: trained.id,
      fields: {
        resultId: trained.resultId,
        code: trained.code,
        name: trained.name,
        unit: trained.unit,
        bySex: trained.bySex,
        kind: 'computed',
        computedKey: 'participantsTrained',
        baseline: 0,
        targets: { '2024': 4 },
      },
    });
    const { book, file } = await workbook(core, { kind: 'results', year: 2024 });
    expect(file.fileName).toBe('rapport-annuel-resultats-2024.xlsx');
    const sheet = book.worksheets.find((w) => rowsOf(w).some((r) => r[0] === trained.code))!;
    const row = rowsOf(sheet).find((r) => r[0] === trained.code)!;
    // 5 people trained in 2024 (3 women, 2 men), target 4: reached at 125 %.
    expect(row.slice(3, 9)).toEqual([0, 4, 5, 3, 2, 1.25]);
    const pdf = await pdfText(core, { kind: 'results', year: 2024 });
    expect(pdf.pages.join('\n')).toMatch(
      new RegExp(
        `${trained.code.replace('.', '\\.')}\\s+Personnes formées\\s+Nombre\\s+0\\s+4\\s+5\\s+3\\s+2\\s+125 %`,
      ),
    );
  });
});

describe('gender report', () => {
  it('gives the women’s shares and the rates by sex', async () => {
    const { core } = programme();
    const request: Request = { kind: 'gender', from: '2024-01-01', to: '2024-12-31', filters: {} };
    const { book } = await workbook(core, request);
    const summary = rowsOf(book.getWorksheet('Synthèse')!);
    // 3 women of 5 people trained.
    expect(summary).toContainEqual(['Part des femmes parmi les personnes formées', 0.6]);
    const rates = rowsOf(book.getWorksheet('Effets par sexe')!);
    // Completion: Awa (2/2), Mariam (1/2 → no), Oumou (1/1) ⇒ women 2/3; Issa 1/2 no, Moussa 2/2 ⇒ men 1/2.
    expect(rates[1]).toEqual(['Achèvement (présence ≥ 80 %)', 2 / 3, 0.5, 3 / 5]);
    const byType = rowsOf(book.getWorksheet('Par type de structure')!);
    expect(byType.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['OSC faîtière', 1, 3],
      ['Groupement de femmes', 2, 2],
    ]);
    const pdf = (await pdfText(core, request)).pages.join('\n');
    expect(pdf).toContain('60 %');
    expect(pdf).toMatch(/Achèvement \(présence ≥ 80 %\)\s+66,7 %\s+50 %\s+60 %/);
  });
});

describe('organisation profile', () => {
  it('fits on one page with the diagnostic radar, agreements and outcomes', async () => {
    const { core, ok } = programme();
    const a = ok('organisations.list', { search: 'A' }).items.find((o) => o.name === 'A')!;
    ok('agreements.create', {
      organisationId: a.id,
      fields: {
        number: 'DDRK23-002-APO',
        signedOn: '2023-07-05',
        durationMonths: 14,
        amountFcfa: 92_001_000,
      },
    });
    const pdf = await pdfText(core, { kind: 'organisation', organisationId: a.id });
    expect(pdf.totalPages).toBe(1);
    const text = pdf.pages[0]!;
    expect(text).toContain('Fiche de l’organisation');
    expect(text).toContain('DDRK23-002-APO');
    expect(text).toContain('92 001 000 F CFA');
    expect(text).toContain('Dernier diagnostic');
    const { book } = await workbook(core, { kind: 'organisation', organisationId: a.id });
    expect(rowsOf(book.getWorksheet('Conventions')!)[1]).toEqual([
      'DDRK23-002-APO',
      new Date('2023-07-05T12:00:00Z'),
      14,
      new Date('2024-09-04T12:00:00Z'),
      92_001_000,
      'Active',
    ]);
    expect(rowsOf(book.getWorksheet('Diagnostic')!)[1]!.slice(1)).toEqual([0, 66.7, 66.7]);
  });
});

describe('attendance sheet', () => {
  it('has a signature line per registered person and the recorded attendance', async () => {
    const { core, ok } = programme();
    const session = ok('sessions.list', { month: '2024-03' }).items[0]!;
    const pdf = await pdfText(core, { kind: 'attendance', sessionId: session.id });
    const text = pdf.pages.join('\n');
    expect(text).toContain('Feuille d’émargement');
    expect(text).toMatch(/TEST Awa\s+CAFO\s+F/);
    expect(text).toContain('04/03/2024 Matin');
    const { book } = await workbook(core, { kind: 'attendance', sessionId: session.id });
    const recorded = rowsOf(book.getWorksheet('Présences')!);
    expect(recorded.find((r) => r[1] === 'TEST Issa')!.slice(5)).toEqual(['Présent', 'Absent', 1]);
    expect(recorded.at(-1)!.at(-1)).toBe(6);
  });
});

describe('selection file and minutes', () => {
  function round() {
    const t = programme();
    const { ok } = t;
    const set = ok('criteriaSets.create', {
      name: 'Critères 2024',
      scoreMax: 5,
      criteria: [
        { name: 'Pertinence du mandat', weight: 60 },
        { name: 'Place des femmes', weight: 40 },
      ],
      eligibility: { requireCompletedDiagnostic: true, allowedStatuses: ['diagnosed'], allowedTypes: [] },
    });
    ok('criteriaSets.validate', { id: set.id, validatedOn: '2024-03-01', validationReference: 'CP-2024-02' });
    let r = ok('rounds.create', {
      title: 'Comité technique n° 1',
      criteriaSetId: set.id,
      meetingOn: '2024-04-10',
      quorum: 2,
    });
    const cnsc = ok(
      'organisations.create',
      organisationInput({ name: 'Conseil National de la Société Civile', acronym: 'CNSC' }),
    );
    diagnose(ok, cnsc.id, '2024-02-01', () => 2);
    r = ok('rounds.addMember', { roundId: r.id, fields: { name: 'Awa Diarra', role: 'chair' } });
    r = ok('rounds.addMember', { roundId: r.id, fields: { name: 'Moussa Keïta', role: 'member' } });
    r = ok('rounds.addCandidate', { roundId: r.id, organisationId: cnsc.id });
    const [c1, c2] = set.criteria.map((c) => c.id) as [string, string];
    for (const [member, scores] of [
      [r.members[0]!, [5, 4]],
      [r.members[1]!, [4, 4]],
    ] as const)
      r = ok('rounds.recordScores', {
        roundId: r.id,
        memberId: member.id,
        candidateId: r.candidates[0]!.id,
        conflictOfInterest: false,
        scores: [
          { criterionId: c1, score: scores[0] },
          { criterionId: c2, score: scores[1] },
        ],
      });
    r = ok('rounds.decide', {
      roundId: r.id,
      candidateId: r.candidates[0]!.id,
      decision: 'selected',
      justification: 'Faîtière régionale, forte place des femmes',
    });
    return { ...t, r };
  }

  it('ranks the candidates with their scores by criterion and member', async () => {
    const { core, r } = round();
    // Means 4.5 and 4 on 5 → 60 × 0.9 + 40 × 0.8 = 54 + 32 = 86.
    const { book, file } = await workbook(core, { kind: 'selection', roundId: r.id });
    expect(file.fileName).toBe('dossier-selection-comite-technique-n-1-2024-04-10.xlsx');
    const ranking = rowsOf(book.getWorksheet('Classement')!);
    expect(ranking[1]).toEqual(['1', 'Conseil National de la Société Civile', 4.5, 4, 86, 'Sélectionnée']);
    const detail = rowsOf(book.getWorksheet('Notes par membre')!);
    expect(detail.slice(1).map((d) => d.slice(1, 4))).toEqual([
      ['Awa Diarra', 5, 4],
      ['Moussa Keïta', 4, 4],
    ]);
    const pdf = (await pdfText(core, { kind: 'selection', roundId: r.id })).pages.join('\n');
    expect(pdf).toMatch(/1\s+Conseil National de la Société Civile\s+4,5\s+4,0\s+86,0\s+Sélectionnée/);
  });

  it('writes the minutes with decisions and justifications', async () => {
    const { core, r } = round();
    const pdf = await pdfText(core, { kind: 'minutes', roundId: r.id });
    const text = pdf.pages.join('\n');
    expect(pdf.file.fileName).toBe('proces-verbal-comite-technique-n-1-2024-04-10.pdf');
    expect(text).toContain('Procès-verbal du comité technique de sélection');
    expect(text).toContain('Réunion du 10/04/2024');
    expect(text).toContain('Faîtière régionale, forte place des femmes');
    expect(text).toContain('Awa Diarra — Président(e)');
  });
});

describe('report requests', () => {
  it('refuses an unknown record or a wrong period with a clear error', async () => {
    const { core } = programme();
    expect(
      await core.request('reports.export', {
        request: { kind: 'organisation', organisationId: 'nope' },
        format: 'pdf',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await core.request('reports.export', {
        request: { kind: 'quarterly', year: 2024, quarter: 5, filters: {} },
        format: 'pdf',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await core.request('reports.export', {
        request: { kind: 'gender', from: '2024-02-30', to: '2024-12-31', filters: {} },
        format: 'xlsx',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
