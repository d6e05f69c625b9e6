import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Envelope, ImportPreview, Input, Method, Output } from '../../src-main/contract';
import type { Core } from '../../src-main/core';
import { parseDateText, parseNumberText } from '../../src-main/core/imports/cells';
import { kinds } from '../../src-main/core/imports/service';
import { typeChoices, levelChoices, sectorChoices } from '../../src-main/core/imports/organisations';
import { agreementStatusChoices } from '../../src-main/core/imports/agreements';
import { ageBandChoices, sexChoices } from '../../src-main/core/imports/participants';
import { attendanceChoices } from '../../src-main/core/imports/attendance';
import fr from '../../src-renderer/i18n/fr';
import en from '../../src-renderer/i18n/en';
import frImports from '../../src-renderer/i18n/fr.imports';
import { openTestCore, organisationInput } from '../fixtures/core';

type CellValue = string | number | Date | null;

/** A real XLSX file, as base64, with `rows` on its first sheet. */
async function xlsx(rows: CellValue[][], sheetName = 'Feuil1'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** Windows-1252, as old French Excel saves CSV: Latin-1 for accents, 0x92 for ’. */
const windows1252 = (text: string) => Buffer.from(text.replace(/’/g, '\x92'), 'latin1').toString('base64');

function caller(core: Core) {
  const request = async <M extends Method>(method: M, input: Input<M>): Promise<Envelope<Output<M>>> =>
    (await core.request(method, input)) as Envelope<Output<M>>;
  const value = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const envelope = await request(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  const failure = async <M extends Method>(method: M, input: Input<M>) => {
    const envelope = await request(method, input);
    if (envelope.ok) throw new Error(`${method} should have failed`);
    return envelope.error;
  };
  return { request, value, failure };
}

function setUp() {
  const t = openTestCore();
  return { ...t, ...caller(t.core) };
}

const file = (contentBase64: string, name = 'fichier.xlsx') => ({ name, contentBase64 });

/** Errors of each line by field: `{ 3: { amountFcfa: 'errors.amountNegative' } }`. */
const errorsByLine = (preview: ImportPreview) =>
  Object.fromEntries(
    preview.rows
      .filter((r) => r.errors.length)
      .map((r) => [r.line, Object.fromEntries(r.errors.map((e) => [e.field ?? '-', e.message]))]),
  );

/** Rows in a table, read beside the core (WAL lets a second connection read). */
function tableCount(databaseFile: string, table: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('reading cells', () => {
  it('reads dates as French users write them', () => {
    expect(parseDateText('05/07/2023')).toBe('2023-07-05');
    expect(parseDateText('5/7/23')).toBe('2023-07-05');
    expect(parseDateText('05-07-23')).toBe('2023-07-05'); // the programme's own tables
    expect(parseDateText('05.07.2023')).toBe('2023-07-05');
    expect(parseDateText('2023-07-05')).toBe('2023-07-05');
    expect(parseDateText('31/02/2024')).toBeNull();
    expect(parseDateText('07/2023')).toBeNull();
    expect(parseDateText('hier')).toBeNull();
  });

  it('reads French amounts: dots or spaces between thousands, a currency, a comma before decimals', () => {
    const units = /(fcfa|cfa|f)$/i;
    expect(parseNumberText('92.001.000', units)).toBe(92_001_000);
    expect(parseNumberText('92 001 000', units)).toBe(92_001_000);
    expect(parseNumberText('92\u202f001\u202f000 F CFA', units)).toBe(92_001_000);
    expect(parseNumberText('92001000 FCFA', units)).toBe(92_001_000);
    expect(parseNumberText('1 500,50', units)).toBe(1500.5);
    expect(parseNumberText('-5 000', units)).toBe(-5000);
    expect(parseNumberText('beaucoup', units)).toBeNull();
  });

  it('takes the labels the application shows, in French and in English', () => {
    const pairs = [
      [typeChoices, fr.organisation.type, en.organisation.type],
      [levelChoices, fr.organisation.level, en.organisation.level],
      [sectorChoices, fr.organisation.sector, en.organisation.sector],
      [agreementStatusChoices, fr.agreement.status, en.agreement.status],
      [sexChoices, fr.training.sex, en.training.sex],
      [ageBandChoices, fr.training.ageBand, en.training.ageBand],
      [attendanceChoices, fr.sessions.status, en.sessions.status],
    ] as const;
    for (const [choices, french, english] of pairs) {
      for (const c of choices) {
        expect(c.label).toBe((french as Record<string, string>)[c.value]);
        expect([c.value, c.label, ...(c.also ?? [])]).toContain((english as Record<string, string>)[c.value]);
      }
    }
    // The page names the fields as the template's headers do.
    for (const [name, kind] of Object.entries(kinds)) {
      for (const f of kind.fields) {
        expect((frImports.fields as Record<string, Record<string, string>>)[name]![f.key]).toBe(f.header);
      }
    }
  });
});

describe('templates', () => {
  it('gives each kind a French XLSX template that imports once filled in', async () => {
    const t = setUp();
    t.ok(
      'organisations.create',
      organisationInput({ name: 'Direction régionale de l’agriculture', acronym: 'DRA' }),
    );
    const template = await t.value('imports.template', { kind: 'organisations' });
    expect(template.fileName).toBe('modele-import-organisations.xlsx');
    expect(template.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
    const [sheet, values] = workbook.worksheets;
    expect(sheet!.name).toBe('Organisations');
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getRow(1).values).toEqual([
      undefined,
      'Nom',
      'Sigle',
      'Type de structure',
      'Niveau',
      'Région',
      'Cercle',
      'Commune',
      'Secteurs et thématiques',
      'Mandat',
      'Fonctions clés',
      'Effectif femmes',
      'Effectif hommes',
      'Contact : nom et prénom',
      'Contact : fonction',
      'Contact : téléphone',
      'Contact : courriel',
    ]);
    expect(sheet!.getColumn(1).width).toBe(40);
    expect(values!.name).toBe('Valeurs autorisées');
    const lists = values!.getSheetValues().flat().filter(Boolean);
    expect(lists).toEqual(
      expect.arrayContaining(['Type de structure', 'OSC faîtière', 'Groupement de femmes', 'Régional']),
    );

    // Filled in below the example line, which stays and is ignored.
    sheet!.getRow(3).values = [
      'Conseil Régional de Koulikoro',
      'CRK',
      'Collectivité territoriale',
      'Régional',
      'Koulikoro',
    ];
    sheet!.getRow(4).values = [
      'Association de santé communautaire de Kati',
      'ASACO-Kati',
      'ASACO',
      'Local',
      'Koulikoro',
      'Kati',
      'Kati',
      'Santé',
      null,
      null,
      4,
      7,
    ];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(filled) });
    expect(preview).toMatchObject({
      headerLine: 1,
      total: 2,
      validCount: 2,
      errorCount: 0,
      missingFields: [],
    });
    expect(preview.rows.map((r) => r.line)).toEqual([3, 4]);
    const result = await t.value('imports.run', {
      kind: 'organisations',
      file: file(filled),
      mapping: preview.mapping,
      mode: 'all',
    });
    expect(result).toMatchObject({ created: 2, skippedDuplicates: 0, skippedErrors: 0 });
    const asaco = t.ok('organisations.list', { search: 'asaco-kati' }).items[0]!;
    expect(t.ok('organisations.get', { id: asaco.id })).toMatchObject({
      type: 'community_association',
      level: 'local',
      sectors: ['health'],
      staffWomen: 4,
      staffMen: 7,
      status: 'identified',
      statusHistory: [{ toStatus: 'identified', changedOn: '2024-03-15' }],
    });
  });

  it('lists the registered organisations and sessions in the templates that name them', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    for (const kind of ['agreements', 'participants', 'attendance'] as const) {
      const template = await t.value('imports.template', { kind });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
      const values = workbook.getWorksheet('Valeurs autorisées')!.getSheetValues().flat();
      if (kind !== 'attendance') expect(values).toContain('CAFO');
      else expect(values).toEqual(expect.arrayContaining(['Présent', 'Excusé', 'Sessions enregistrées']));
      expect(template.fileName).toMatch(/^modele-import-(conventions|participants|presences)\.xlsx$/);
    }
  });
});

describe('columns', () => {
  it('says which required columns are missing, and imports nothing with them missing', async () => {
    const t = setUp();
    const content = utf8('Foo;Bar;Baz\nCAFO;ONG;Régional\n');
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content, 'a.csv') });
    expect(preview.missingFields).toEqual(['name', 'type', 'level']);
    expect(preview.columns.map((c) => `${c.letter}:${c.header}`)).toEqual(['A:Foo', 'B:Bar', 'C:Baz']);
    expect(preview.rows).toEqual([]);
    expect(preview.total).toBe(1);
    const error = await t.failure('imports.run', {
      kind: 'organisations',
      file: file(content, 'a.csv'),
      mapping: preview.mapping,
      mode: 'all',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: ['mapping', 'name'], message: 'errors.importMissingColumns' },
      { path: ['mapping', 'type'], message: 'errors.importMissingColumns' },
      { path: ['mapping', 'level'], message: 'errors.importMissingColumns' },
    ]);
    expect(t.ok('organisations.list', {}).total).toBe(0);

    // A column that is not in the file is refused.
    const wrong = await t.failure('imports.preview', {
      kind: 'organisations',
      file: file(content, 'a.csv'),
      mapping: { name: 7 },
    });
    expect(wrong.issues).toEqual([{ path: ['mapping', 'name'], message: 'errors.importUnknownColumn' }]);
  });

  it('maps the headers of other spreadsheets, and the columns the user chooses', async () => {
    const t = setUp();
    const content = await xlsx([
      ['Liste des structures partenaires — Koulikoro 2024'],
      [],
      ['Structure', 'Catégorie', 'ÉCHELON', 'Zone', 'Nb femmes'],
      ['Coordination des Associations et ONG Féminines', 'OSC', 'regional', 'Koulikoro', '12'],
    ]);
    const suggested = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(suggested.headerLine).toBe(3); // the title above the table is skipped
    expect(suggested.mapping).toMatchObject({ name: 0, type: 1, level: 2, region: null, staffWomen: null });
    const chosen = { ...suggested.mapping, region: 3, staffWomen: 4 };
    const preview = await t.value('imports.preview', {
      kind: 'organisations',
      file: file(content),
      mapping: chosen,
    });
    expect(preview.rows[0]).toMatchObject({
      line: 4,
      status: 'valid',
      values: {
        name: 'Coordination des Associations et ONG Féminines',
        region: 'Koulikoro',
        staffWomen: '12',
      },
    });
    await t.value('imports.run', {
      kind: 'organisations',
      file: file(content),
      mapping: chosen,
      mode: 'all',
    });
    expect(t.ok('organisations.list', {}).items[0]).toMatchObject({
      type: 'csu',
      region: 'Koulikoro',
      staffWomen: 12,
    });
  });

  it('reads the agreements table of the Kidal review as it was typed', async () => {
    const t = setUp();
    for (const acronym of ['DREFP_FAT', 'AI-KIDAL', 'CRK-Kidal']) {
      t.ok('organisations.create', organisationInput({ name: `Structure ${acronym}`, acronym }));
    }
    const table = [
      'N° Convention\tStructures partenaires\tDurée prévue (en mois)\tDate de signature\tMontant convention FCFA\tMontant convention Euro',
      'DDRK23-002-APO\tDREFP_FAT\t14\t05-07-23\t92.001.000\t140.255',
      'DDRK23-003-APO\tAI-KIDAL\t16\t15-09-23\t310.030.000\t472.638',
      'DDRK23-004-APO\tCRK-Kidal\t21\t26-09-23\t107.200.000\t163.425',
    ].join('\r\n');
    const content = utf8(table);
    const preview = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content, 'kidal.txt'),
    });
    expect(preview.mapping).toMatchObject({
      number: 0,
      organisation: 1,
      durationMonths: 2,
      signedOn: 3,
      amountFcfa: 4,
      endOn: null,
    });
    expect(preview).toMatchObject({ total: 3, validCount: 3 });
    await t.value('imports.run', {
      kind: 'agreements',
      file: file(content),
      mapping: preview.mapping,
      mode: 'all',
    });
    const list = t.ok('agreements.list', { sort: 'number', direction: 'asc' });
    expect(list.items[0]).toMatchObject({
      number: 'DDRK23-002-APO',
      signedOn: '2023-07-05',
      endOn: '2024-09-04',
      amountFcfa: 92_001_000,
      organisationAcronym: 'DREFP_FAT',
    });
    // The total is computed from the lines, never copied from the document.
    expect(list.totals.amountFcfa).toBe(92_001_000 + 310_030_000 + 107_200_000);
  });
});

describe('bad lines', () => {
  const header = ['Organisation', 'Numéro', 'Date de signature', 'Durée (mois)', 'Montant (F CFA)', 'Statut'];

  it('gives every line its errors, in French keys, on the cell at fault', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = await xlsx([
      header,
      ['CAFO', 'APO-1', new Date(Date.UTC(2024, 0, 15)), 12, 5_000_000, 'Active'],
      ['CAFO', 'APO-2', '31/02/2024', 12, 5_000_000, null],
      ['CAFO', 'APO-3', 'hier', 12, 5_000_000, null],
      ['CAFO', 'APO-4', '15/01/2024', 12, -5000, null],
      ['CAFO', 'APO-5', '15/01/2024', 12, '1 500,50', null],
      ['CAFO', 'APO-6', '15/01/2024', 12, 12.5, null],
      ['CAFO', 'APO-7', '15/01/2024', 12, 'beaucoup', null],
      ['ONG inconnue', 'APO-8', '15/01/2024', 12, '92.001.000', null],
      ['CAFO', null, '15/01/2024', 0, '1 000 000 FCFA', 'En pause'],
      ['CAFO', 'APO-10', '15/01/2024', '14 mois', '92001000 FCFA', 'Résiliée'],
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    expect(preview).toMatchObject({ total: 10, validCount: 1, errorCount: 9, duplicateCount: 0 });
    expect(errorsByLine(preview)).toEqual({
      3: { signedOn: 'errors.importDate' },
      4: { signedOn: 'errors.importDate' },
      5: { amountFcfa: 'errors.amountNegative' },
      6: { amountFcfa: 'errors.amountWhole' },
      7: { amountFcfa: 'errors.amountWhole' },
      8: { amountFcfa: 'errors.importAmount' },
      9: { organisation: 'errors.importUnknownOrganisation' },
      10: { number: 'errors.required', durationMonths: 'errors.durationMin', status: 'errors.importChoice' },
      11: { terminationReason: 'errors.reasonRequired' },
    });
    const line = (n: number) => preview.rows.find((r) => r.line === n)!;
    expect(line(3).errors[0]!.params).toEqual({ value: '31/02/2024' });
    expect(line(9).errors[0]!.params).toEqual({ value: 'ONG inconnue' });
    expect(line(10).errors.find((e) => e.field === 'status')!.params).toEqual({
      value: 'En pause',
      allowed: 'Active, Clôturée, Résiliée',
    });
    expect(line(5).values).toMatchObject({ organisation: 'CAFO', number: 'APO-4', amountFcfa: '-5000' });

    // Only the lines in error, page by page.
    const errors = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content),
      mapping: preview.mapping,
      only: 'errors',
      pageSize: 4,
      page: 2,
    });
    expect(errors).toMatchObject({ matching: 9, page: 2 });
    expect(errors.rows.map((r) => r.line)).toEqual([7, 8, 9, 10]);
  });

  it('writes nothing in "all" mode when one line is bad; "valid only" writes the good lines', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = await xlsx([
      header,
      ['CAFO', 'APO-1', '15/01/2024', 12, '5 000 000', null],
      ['cafo', 'APO-2', '16/01/2024', 24, 7_500_000, null],
      ['CAFO', 'APO-3', '15/01/2024', 12, -1, null],
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    const run = (mode: 'all' | 'validOnly') =>
      t.request('imports.run', { kind: 'agreements', file: file(content), mapping: preview.mapping, mode });

    const refused = await run('all');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['rows', 4], message: 'errors.importHasErrors' }] },
    });
    expect(tableCount(t.core.databaseFile, 'agreements')).toBe(0);

    const done = await run('validOnly');
    expect(done).toMatchObject({ ok: true, value: { created: 2, skippedErrors: 1, skippedDuplicates: 0 } });
    const list = t.ok('agreements.list', { sort: 'number', direction: 'asc' });
    expect(list.items.map((a) => [a.number, a.amountFcfa, a.endOn])).toEqual([
      ['APO-1', 5_000_000, '2025-01-14'],
      ['APO-2', 7_500_000, '2026-01-15'],
    ]);
  });

  it('writes no organisation and no status history when one line of an "all" import is bad', async () => {
    const t = setUp();
    const content = utf8(
      [
        'Nom;Type de structure;Niveau;Effectif femmes',
        'Mairie de Kati;Collectivité territoriale;Local;4',
        'ONG Jigiya;ONG;Local;-3',
        'Chambre d’agriculture;Chambre consulaire;Régional;2',
      ].join('\n'),
    );
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(errorsByLine(preview)).toEqual({ 3: { staffWomen: 'errors.notNegative' } });
    const input = { kind: 'organisations' as const, file: file(content), mapping: preview.mapping };
    expect((await t.failure('imports.run', { ...input, mode: 'all' })).code).toBe('VALIDATION');
    expect(tableCount(t.core.databaseFile, 'organisations')).toBe(0);
    expect(tableCount(t.core.databaseFile, 'organisation_status_changes')).toBe(0);
    expect(await t.value('imports.run', { ...input, mode: 'validOnly' })).toMatchObject({
      created: 2,
      skippedErrors: 1,
    });
    expect(tableCount(t.core.databaseFile, 'organisations')).toBe(2);
    expect(tableCount(t.core.databaseFile, 'organisation_status_changes')).toBe(2);
  });

  it('refuses unreadable files with a clear message', async () => {
    const t = setUp();
    const preview = (contentBase64: string) =>
      t.failure('imports.preview', { kind: 'organisations', file: file(contentBase64) });
    expect((await preview('')).issues).toEqual([{ path: ['file'], message: 'errors.fileEmpty' }]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]).toString('base64');
    expect((await preview(xls)).issues).toEqual([{ path: ['file'], message: 'errors.importOldExcel' }]);
    const broken = Buffer.from('PK\u0003\u0004 pas un classeur').toString('base64');
    expect((await preview(broken)).issues).toEqual([{ path: ['file'], message: 'errors.fileUnreadable' }]);
    const huge = 'A'.repeat(15_000_000);
    const tooLarge = await preview(huge);
    expect(tooLarge.issues).toEqual([
      { path: ['file', 'contentBase64'], message: 'errors.importFileTooLarge' },
    ]);
  });
});

describe('CSV', () => {
  it('reads French Excel CSV: semicolons, Windows-1252 accents, decimal commas', async () => {
    const t = setUp();
    const text =
      'Nom;Sigle;Type de structure;Niveau;Région;Effectif femmes\r\n' +
      'Coordination régionale des femmes de Ségou;CRFS;Groupement de femmes;Régional;Ségou;25\r\n' +
      ';;;;;\r\n' +
      'Chambre régionale d’agriculture;CRA;Chambre consulaire;Régional;Ségou;2,5\r\n';
    const preview = await t.value('imports.preview', {
      kind: 'organisations',
      file: file(windows1252(text), 'organisations.csv'),
    });
    expect(preview.columns.map((c) => c.header)).toEqual([
      'Nom',
      'Sigle',
      'Type de structure',
      'Niveau',
      'Région',
      'Effectif femmes',
    ]);
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'valid'],
      [4, 'error'], // the empty line 3 is ignored
    ]);
    expect(preview.rows[0]!.values.name).toBe('Coordination régionale des femmes de Ségou');
    expect(preview.rows[1]!.values.name).toBe('Chambre régionale d’agriculture');
    expect(errorsByLine(preview)).toEqual({ 4: { staffWomen: 'errors.wholeNumber' } });

    // UTF-8 with a BOM and commas reads the same.
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Nom,Type de structure,Niveau\r\n"Comité de gestion, Kati",ONG,Local\r\n'),
    ]).toString('base64');
    const commas = await t.value('imports.preview', { kind: 'organisations', file: file(bom, 'b.csv') });
    expect(commas.mapping).toMatchObject({ name: 0, type: 1, level: 2 });
    expect(commas.rows[0]).toMatchObject({ status: 'valid', values: { name: 'Comité de gestion, Kati' } });
    await t.value('imports.run', {
      kind: 'organisations',
      file: file(bom),
      mapping: commas.mapping,
      mode: 'all',
    });
    expect(t.ok('organisations.list', {}).items[0]!.name).toBe('Comité de gestion, Kati');
  });
});

describe('duplicates', () => {
  it('sets aside organisations already recorded and lines repeated in the file', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = utf8(
      [
        'Nom;Sigle;Type de structure;Niveau',
        'Coordination des associations et ONG feminines;;OSC faîtière;Régional', // same name, other case and accents
        'Autre nom;cafo;ONG;Local', // same acronym
        'Conseil de cercle de Kati;CC-Kati;Collectivité territoriale;Local',
        'Conseil de cercle de Kati;;Collectivité territoriale;Local', // repeats line 4
      ].join('\n'),
    );
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(preview).toMatchObject({ total: 4, validCount: 1, duplicateCount: 3, errorCount: 0 });
    expect(preview.rows.map((r) => r.duplicate)).toEqual([
      {
        field: null,
        message: 'errors.importDuplicateOrganisation',
        params: { name: 'Coordination des Associations et ONG Féminines (CAFO)' },
      },
      {
        field: null,
        message: 'errors.importDuplicateOrganisation',
        params: { name: 'Coordination des Associations et ONG Féminines (CAFO)' },
      },
      null,
      { field: null, message: 'errors.importDuplicateInFile', params: { line: 4 } },
    ]);
    // "All" imports everything that is new; duplicates are skipped, never written twice.
    const result = await t.value('imports.run', {
      kind: 'organisations',
      file: file(content),
      mapping: preview.mapping,
      mode: 'all',
    });
    expect(result).toMatchObject({ created: 1, skippedDuplicates: 3, skippedErrors: 0 });
    expect(t.ok('organisations.list', {}).total).toBe(2);
    const again = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(again).toMatchObject({ validCount: 0, duplicateCount: 4 });
  });

  it('finds likely duplicate participants as the participant form does', async () => {
    const t = setUp();
    const cafo = t.ok('organisations.create', organisationInput());
    t.ok(
      'organisations.create',
      organisationInput({ name: 'Direction régionale de la santé', acronym: 'DRS' }),
    );
    t.ok('participants.create', {
      fields: {
        organisationId: cafo.id,
        firstName: 'Aminata',
        lastName: 'Traoré',
        sex: 'F',
        phone: '+223 76 12 34 56',
      },
    });
    const content = await xlsx([
      ['Organisation', 'Nom', 'Prénom', 'Sexe', 'Tranche d’âge', 'Poste de décision', 'Téléphone'],
      ['CAFO', 'TRAORE', 'Aminatou', 'F', null, null, null], // a similar name in the same organisation
      ['DRS', 'Keïta', 'Awa', 'Femme', 32, 'oui', 76123456], // the same phone
      ['DRS', 'Coulibaly', 'Issa', 'H', '50 ans et plus', 'non', '65 00 00 01'],
      ['DRS', 'Issa', 'Coulibaly', 'M', null, null, null], // the line above, names swapped
      ['DRS', 'Diarra', 'Moussa', 'X', 'vieux', 'peut-être', null],
    ]);
    const preview = await t.value('imports.preview', { kind: 'participants', file: file(content) });
    expect(preview.rows.map((r) => [r.line, r.status, r.duplicate?.message ?? null])).toEqual([
      [2, 'duplicate', 'errors.importDuplicateParticipant'],
      [3, 'duplicate', 'errors.importDuplicateParticipant'],
      [4, 'valid', null],
      [5, 'duplicate', 'errors.importDuplicateInFile'],
      [6, 'error', null],
    ]);
    expect(preview.rows[0]!.duplicate!.params).toEqual({ name: 'Aminata Traoré (CAFO)' });
    expect(errorsByLine(preview)).toEqual({
      6: { sex: 'errors.importChoice', ageBand: 'errors.importChoice', decisionMaker: 'errors.importYesNo' },
    });
    await t.value('imports.run', {
      kind: 'participants',
      file: file(content),
      mapping: preview.mapping,
      mode: 'validOnly',
    });
    expect(t.ok('participants.list', { search: 'coulibaly' }).items).toEqual([
      expect.objectContaining({ sex: 'M', ageBand: '50_plus', decisionMaker: false, phone: '65 00 00 01' }),
    ]);
    expect(t.ok('participants.list', {}).total).toBe(2);
  });
});

describe('attendance', () => {
  it('records a register from a sheet: people by name, walk-ins added, days checked, follow-ups scheduled', async () => {
    const t = setUp();
    const cafo = t.ok('organisations.create', organisationInput());
    const person = (firstName: string, lastName: string, sex: 'F' | 'M', phone?: string) =>
      t.ok('participants.create', { fields: { organisationId: cafo.id, firstName, lastName, sex, phone } })
        .id;
    const awa = person('Awa', 'Diallo', 'F');
    const issa = person('Issa', 'Coulibaly', 'M', '76 00 00 02');
    const oumar = person('Oumar', 'Touré', 'M');
    let session = t.ok('sessions.create', {
      title: 'Gestion financière des OSC',
      phase: 'classroom',
      days: [
        { date: '2024-03-12', startTime: '08:30', endTime: '16:30' },
        { date: '2024-03-13', startTime: '08:30', endTime: '16:30' },
      ],
      trainers: [],
    });
    t.ok('sessions.addParticipants', { sessionId: session.id, participantIds: [awa, issa], walkIn: false });

    const content = utf8(
      [
        'Session;Date;Nom;Prénom;Organisation;Téléphone;Présence',
        'Gestion financière des OSC;12/03/2024;Diallo;Awa;;;P',
        'gestion financiere des osc;12/03/2024;X;Y;;76000002;absent', // found by phone
        'Gestion financière des OSC;13/03/2024;Touré;Oumar;CAFO;;Retard', // not on the register
        'Gestion financière des OSC;14/03/2024;Diallo;Awa;;;P', // not a day of the session
        'Gestion financière des OSC;12/03/2024;Diallo;Awa;;;Présente', // repeats line 2
        'Atelier inconnu;12/03/2024;Diallo;Awa;;;P',
        'Gestion financière des OSC;13/03/2024;Sidibé;Fanta;;;P',
        'Gestion financière des OSC;13/03/2024;Diallo;Awa;;;peut-être',
      ].join('\n'),
    );
    const preview = await t.value('imports.preview', {
      kind: 'attendance',
      file: file(content, 'registre.csv'),
    });
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'valid'],
      [5, 'error'],
      [6, 'duplicate'],
      [7, 'error'],
      [8, 'error'],
      [9, 'error'],
    ]);
    expect(errorsByLine(preview)).toEqual({
      5: { date: 'errors.importNotSessionDay' },
      7: { session: 'errors.importUnknownSession' },
      8: { lastName: 'errors.importUnknownParticipant' },
      9: { status: 'errors.importChoice' },
    });
    expect(preview.rows[3]!.errors[0]!.params).toEqual({
      value: '14/03/2024',
      days: '12/03/2024, 13/03/2024',
    });
    expect(preview.rows[2]!.notices).toEqual([
      {
        field: 'lastName',
        message: 'imports.notices.walkIn',
        params: { value: 'Gestion financière des OSC' },
      },
    ]);

    const result = await t.value('imports.run', {
      kind: 'attendance',
      file: file(content),
      mapping: preview.mapping,
      mode: 'validOnly',
    });
    expect(result).toMatchObject({
      created: 3,
      walkIns: 1,
      skippedDuplicates: 1,
      skippedErrors: 4,
      sessions: [{ id: session.id, title: 'Gestion financière des OSC' }],
    });
    session = t.ok('sessions.get', { id: session.id });
    const [day1, day2] = session.days;
    expect(session.attendance).toEqual(
      expect.arrayContaining([
        { dayId: day1!.id, participantId: awa, status: 'present' },
        { dayId: day1!.id, participantId: issa, status: 'absent' },
        { dayId: day2!.id, participantId: oumar, status: 'late' },
      ]),
    );
    expect(session.participants.find((p) => p.id === oumar)).toMatchObject({ walkIn: true });
    // recordAttendance schedules the follow-ups of those who attended.
    expect(
      t
        .ok('followUps.list', { view: 'all' })
        .items.map((f) => f.participantName)
        .sort(),
    ).toContain('Awa Diallo');

    // The same sheet again: what is recorded is a duplicate.
    const again = await t.value('imports.preview', { kind: 'attendance', file: file(content) });
    expect(again.rows.slice(0, 3).map((r) => r.duplicate?.message)).toEqual([
      'errors.importDuplicateAttendance',
      'errors.importDuplicateAttendance',
      'errors.importDuplicateAttendance',
    ]);
  });
});

describe('a large file', () => {
  // Its time is printed, not asserted: performance is for benchmarks, not for pass/fail.
  it('previews and imports 10 000 participants', async () => {
    const t = setUp();
    const organisations = Array.from({ length: 20 }, (_, i) =>
      t.ok('organisations.create', organisationInput({ name: `Organisation ${i}`, acronym: `ORG${i}` })),
    );
    // Names far apart (each letter of the number written three times), distinct phones.
    const word = (n: number) =>
      n
        .toString(26)
        .padStart(3, '0')
        .split('')
        .map((c) => String.fromCharCode(97 + parseInt(c, 26)).repeat(3))
        .join('');
    const rows: CellValue[][] = [['Organisation', 'Nom', 'Prénom', 'Sexe', 'Téléphone']];
    for (let i = 0; i < 10_000; i++) {
      rows.push([
        `ORG${i % 20}`,
        word(i),
        word(i + 20_000),
        i % 2 ? 'F' : 'H',
        `7${String(i).padStart(7, '0')}`,
      ]);
    }
    const content = await xlsx(rows);

    let started = Date.now();
    const preview = await t.value('imports.preview', { kind: 'participants', file: file(content) });
    const previewMs = Date.now() - started;
    expect(preview).toMatchObject({ total: 10_000, validCount: 10_000, errorCount: 0, duplicateCount: 0 });
    expect(preview.rows).toHaveLength(50);

    started = Date.now();
    const result = await t.value('imports.run', {
      kind: 'participants',
      file: file(content),
      mapping: preview.mapping,
      mode: 'all',
    });
    const runMs = Date.now() - started;
    expect(result.created).toBe(10_000);
    expect(t.ok('participants.list', {}).total).toBe(10_000);
    expect(t.ok('participants.list', { organisationId: organisations[3]!.id }).total).toBe(500);
    console.info(`10 000 participants: preview ${previewMs} ms, import ${runMs} ms`);
  }, 180_000);
});
