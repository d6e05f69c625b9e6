import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Envelope, ImportPreview, ImportSheetChoice } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import type { Core } from '../../src-main/core';
import { parseDateText, parseNumberText } from '../../src-main/core/imports/cells';
import { kinds } from '../../src-main/core/imports/service';
import { typeChoices, levelChoices, sectorChoices } from '../../src-main/core/imports/organisations';
import { agreementStatusChoices } from '../../src-main/core/imports/agreements';
import { ageBandChoices, sexChoices } from '../../src-main/core/imports/participants';
import { attendanceChoices } from '../../src-main/core/imports/attendance';
import fr from '../../src-main/i18n/fr';
import en from '../../src-main/i18n/en';
import frImports from '../../src-main/i18n/fr.imports';
import { chosenSheets, openTestCore, organisationInput } from '../fixtures/core';
import { REVIEW_SHEETS } from '../fixtures/review';

type CellValue = string | number | Date | null;

/** A real XLSX file, as base64, with `rows` on its first sheet. */
async function xlsx(rows: CellValue[][], sheetName = 'Feuil1'): Promise<string> {
  return workbook({ [sheetName]: rows });
}

/** A real XLSX file with one sheet per entry; `hidden` sheets are hidden as Excel hides them. */
async function workbook(sheets: Record<string, CellValue[][]>, hidden: string[] = []): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name, { state: hidden.includes(name) ? 'hidden' : 'visible' });
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
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

/** The sheet that a one-sheet import reads. */
const sheetOf = (preview: ImportPreview) => preview.sheets.find((s) => s.included)!;

const chosen = chosenSheets;

/** Errors of each line by field: `{ 3: { amountFcfa: 'errors.amountNegative' } }`. */
const errorsByLine = (preview: ImportPreview) =>
  Object.fromEntries(
    preview.rows
      .filter((r) => r.errors.length)
      .map((r) => [r.line, Object.fromEntries(r.errors.map((e) => [e.field ?? '-', e.message]))]),
  );

/** The columns the Kidal review's agreements table is typed with, as the preview maps them. */
const KIDAL_COLUMNS = {
  number: 0,
  organisation: 1,
  durationMonths: 2,
  signedOn: 3,
  amountFcfa: 4,
  endOn: null,
};

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
      [typeChoices, fr.organisations.type, en.organisations.type],
      [levelChoices, fr.organisations.level, en.organisations.level],
      [sectorChoices, fr.organisations.sector, en.organisations.sector],
      [agreementStatusChoices, fr.agreements.status, en.agreements.status],
      [sexChoices, fr.participants.sex, en.participants.sex],
      [ageBandChoices, fr.participants.ageBand, en.participants.ageBand],
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
    expect(sheetOf(preview)).toMatchObject({ name: 'Organisations', headerLine: 1, missingFields: [] });
    expect(preview.counts).toMatchObject({ total: 3, valid: 2, error: 0, ignored: 1 });
    // The example line is accounted for: ignored, and said so.
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'ignored'],
      [3, 'valid'],
      [4, 'valid'],
    ]);
    expect(preview.rows[0]!.notices).toEqual([{ field: null, message: 'imports.notices.exampleLine' }]);
    // The sheet of allowed values is listed, never imported.
    expect(preview.sheets.map((s) => [s.name, s.included, s.reason])).toEqual([
      ['Organisations', true, null],
      ['Valeurs autorisées', false, 'valuesSheet'],
    ]);
    const result = await t.value('imports.run', {
      kind: 'organisations',
      file: file(filled),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(result).toMatchObject({ created: 2, skippedDuplicates: 0, skippedErrors: 0, skippedIgnored: 1 });
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
    const sheet = sheetOf(preview);
    expect(sheet.name).toBe('a.csv');
    expect(sheet.missingFields).toEqual(['name', 'type', 'level']);
    expect(sheet.columns.map((c) => `${c.letter}:${c.header}`)).toEqual(['A:Foo', 'B:Bar', 'C:Baz']);
    expect(preview.rows).toEqual([]);
    expect(preview.counts.total).toBe(1);
    const error = await t.failure('imports.run', {
      kind: 'organisations',
      file: file(content, 'a.csv'),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: ['sheets', 'a.csv', 'mapping', 'name'], message: 'errors.importMissingColumns' },
      { path: ['sheets', 'a.csv', 'mapping', 'type'], message: 'errors.importMissingColumns' },
      { path: ['sheets', 'a.csv', 'mapping', 'level'], message: 'errors.importMissingColumns' },
    ]);
    expect(t.ok('organisations.list', {}).total).toBe(0);

    // A column that is not in the file is refused.
    const wrong = await t.failure('imports.preview', {
      kind: 'organisations',
      file: file(content, 'a.csv'),
      sheets: [{ name: 'a.csv', mapping: { name: 7 } }],
    });
    expect(wrong.issues).toEqual([
      { path: ['sheets', 'a.csv', 'mapping', 'name'], message: 'errors.importUnknownColumn' },
    ]);
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
    expect(sheetOf(suggested).headerLine).toBe(3); // the title above the table is skipped
    expect(sheetOf(suggested).mapping).toMatchObject({
      name: 0,
      type: 1,
      level: 2,
      region: null,
      staffWomen: null,
    });
    const sheets = [{ name: 'Feuil1', mapping: { ...sheetOf(suggested).mapping, region: 3, staffWomen: 4 } }];
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content), sheets });
    expect(preview.rows[0]).toMatchObject({
      line: 4,
      status: 'valid',
      cells: {
        name: 'Coordination des Associations et ONG Féminines',
        region: 'Koulikoro',
        staffWomen: '12',
      },
      stored: { type: 'csu', level: 'regional', staffWomen: 12 },
    });
    await t.value('imports.run', { kind: 'organisations', file: file(content), sheets, mode: 'all' });
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
    const suggested = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content, 'kidal.txt'),
    });
    expect(sheetOf(suggested).mapping).toMatchObject({ ...KIDAL_COLUMNS, status: null });
    // No status column: the user says which status the lines get, nothing is assumed.
    expect(sheetOf(suggested).missingFields).toEqual(['status']);
    const sheets = [{ name: 'kidal.txt', values: { status: 'closed' } }];
    const preview = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content, 'kidal.txt'),
      sheets,
    });
    expect(preview.counts).toMatchObject({ total: 3, valid: 3 });
    expect(preview.rows[0]!.stored).toMatchObject({
      status: 'closed',
      signedOn: '2023-07-05',
      amountFcfa: 92_001_000,
    });
    expect(preview.rows[0]!.cells).toMatchObject({ signedOn: '05-07-23', amountFcfa: '92.001.000' });
    await t.value('imports.run', {
      kind: 'agreements',
      file: file(content, 'kidal.txt'),
      sheets: chosen(preview),
      mode: 'all',
    });
    const list = t.ok('agreements.list', { sort: 'number', direction: 'asc' });
    expect(list.items[0]).toMatchObject({
      number: 'DDRK23-002-APO',
      signedOn: '2023-07-05',
      endOn: '2024-09-04',
      amountFcfa: 92_001_000,
      status: 'closed',
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
      ['CAFO', 'APO-2', '31/02/2024', 12, 5_000_000, 'Active'],
      ['CAFO', 'APO-3', 'hier', 12, 5_000_000, 'Active'],
      ['CAFO', 'APO-4', '15/01/2024', 12, -5000, 'Active'],
      ['CAFO', 'APO-5', '15/01/2024', 12, '1.500,50', 'Active'],
      ['CAFO', 'APO-6', '15/01/2024', 12, 12.5, 'Active'],
      ['CAFO', 'APO-7', '15/01/2024', 12, 'beaucoup', 'Active'],
      ['ONG inconnue', 'APO-8', '15/01/2024', 12, '92.001.000', 'Active'],
      ['CAFO', null, '15/01/2024', 0, '1 000 000 FCFA', 'En pause'],
      ['CAFO', 'APO-10', '15/01/2024', '14 mois', '92001000 FCFA', 'Résiliée'],
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    expect(preview.counts).toMatchObject({ total: 10, valid: 1, error: 9, duplicate: 0 });
    expect(errorsByLine(preview)).toEqual({
      3: { signedOn: 'errors.importDate' },
      4: { signedOn: 'errors.importDate' },
      5: { amountFcfa: 'errors.amountNegative' },
      6: { amountFcfa: 'errors.amountWhole' },
      7: { amountFcfa: 'errors.amountWhole' },
      8: { amountFcfa: 'errors.importAmount' },
      9: { organisation: 'errors.importUnknownOrganisationToCreate' },
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
    expect(line(5).cells).toMatchObject({ organisation: 'CAFO', number: 'APO-4', amountFcfa: '-5000' });
    // Both separators: read, and said how (1 500,50 is not a whole amount).
    expect(line(6).warnings).toEqual([
      {
        field: 'amountFcfa',
        message: 'imports.warnings.separators',
        params: { value: '1.500,50', read: '1\u00a0500,5' },
      },
    ]);

    // Only the lines in error, page by page.
    const errors = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content),
      sheets: chosen(preview),
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
      ['CAFO', 'APO-1', '15/01/2024', 12, '5 000 000', 'Active'],
      ['cafo', 'APO-2', '16/01/2024', 24, 7_500_000, 'active'],
      ['CAFO', 'APO-3', '15/01/2024', 12, -1, 'Active'],
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    const run = (mode: 'all' | 'validOnly') =>
      t.request('imports.run', { kind: 'agreements', file: file(content), sheets: chosen(preview), mode });

    const refused = await run('all');
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['rows', 'Feuil1', 4], message: 'errors.importHasErrors' }],
      },
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
    const input = { kind: 'organisations' as const, file: file(content), sheets: chosen(preview) };
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
    expect(sheetOf(preview).columns.map((c) => c.header)).toEqual([
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
    expect(preview.rows[0]!.cells.name).toBe('Coordination régionale des femmes de Ségou');
    expect(preview.rows[1]!.cells.name).toBe('Chambre régionale d’agriculture');
    expect(errorsByLine(preview)).toEqual({ 4: { staffWomen: 'errors.wholeNumber' } });

    // UTF-8 with a BOM and commas reads the same.
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Nom,Type de structure,Niveau\r\n"Comité de gestion, Kati",ONG,Local\r\n'),
    ]).toString('base64');
    const commas = await t.value('imports.preview', { kind: 'organisations', file: file(bom, 'b.csv') });
    expect(sheetOf(commas).mapping).toMatchObject({ name: 0, type: 1, level: 2 });
    expect(commas.rows[0]).toMatchObject({ status: 'valid', cells: { name: 'Comité de gestion, Kati' } });
    await t.value('imports.run', {
      kind: 'organisations',
      file: file(bom, 'b.csv'),
      sheets: chosen(commas),
      mode: 'all',
    });
    expect(t.ok('organisations.list', {}).items[0]!.name).toBe('Comité de gestion, Kati');
  });
});

describe('duplicates', () => {
  /** A core where CAFO and the Direction régionale de la santé (DRS) are registered. */
  function withCafoAndDrs() {
    const t = setUp();
    const cafo = t.ok('organisations.create', organisationInput());
    t.ok(
      'organisations.create',
      organisationInput({ name: 'Direction régionale de la santé', acronym: 'DRS' }),
    );
    return { t, cafo };
  }

  it('skips a known organisation given again as it is, and refuses one whose key is taken with other content', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = utf8(
      [
        'Nom;Sigle;Type de structure;Niveau',
        'Coordination des associations et ONG feminines;;OSC faîtière;Régional', // same name and content
        'Autre nom;cafo;ONG;Local', // the same acronym, another organisation
        'Conseil de cercle de Kati;CC-Kati;Collectivité territoriale;Local',
        'Conseil de cercle de Kati;;Collectivité territoriale;Local', // repeats line 4
        'Conseil de cercle de Kati;;ONG;Local', // line 4's name, another type
      ].join('\n'),
    );
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(preview.counts).toMatchObject({ total: 5, valid: 1, duplicate: 2, error: 2 });
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'duplicate'],
      [3, 'error'],
      [4, 'valid'],
      [5, 'duplicate'],
      [6, 'error'],
    ]);
    const cafo = 'Coordination des Associations et ONG Féminines (CAFO)';
    expect(preview.rows[0]!.duplicate).toEqual({
      field: null,
      message: 'errors.importDuplicateOrganisation',
      params: { name: cafo },
    });
    // Shown side by side with the record it clashes with.
    expect(preview.rows[1]!.errors).toEqual([
      {
        field: null,
        message: 'errors.importClashOrganisation',
        params: { name: cafo },
        differences: [
          { field: 'name', file: 'Autre nom', recorded: 'Coordination des Associations et ONG Féminines' },
          { field: 'type', file: 'ngo', recorded: 'csu' },
          { field: 'level', file: 'local', recorded: 'regional' },
        ],
      },
    ]);
    expect(preview.rows[3]!.duplicate).toEqual({
      field: null,
      message: 'errors.importDuplicateInFile',
      params: { line: 4 },
    });
    expect(preview.rows[4]!.errors).toEqual([
      {
        field: null,
        message: 'errors.importClashInFile',
        params: { line: 4 },
        differences: [{ field: 'type', file: 'ngo', recorded: 'local_government' }],
      },
    ]);
    // « Tout importer » never drops a clash: nothing is written while one is left.
    const all = await t.failure('imports.run', {
      kind: 'organisations',
      file: file(content),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(all.code).toBe('VALIDATION');
    expect(tableCount(t.core.databaseFile, 'organisations')).toBe(1);
    const result = await t.value('imports.run', {
      kind: 'organisations',
      file: file(content),
      sheets: chosen(preview),
      mode: 'validOnly',
    });
    expect(result).toMatchObject({ created: 1, skippedDuplicates: 2, skippedErrors: 2 });
    expect(result.skipped).toEqual([
      { sheet: 'fichier.xlsx', line: 2, status: 'duplicate' },
      { sheet: 'fichier.xlsx', line: 3, status: 'error' },
      { sheet: 'fichier.xlsx', line: 5, status: 'duplicate' },
      { sheet: 'fichier.xlsx', line: 6, status: 'error' },
    ]);
    expect(t.ok('organisations.list', {}).total).toBe(2);
    const again = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(again.counts).toMatchObject({ valid: 0, duplicate: 3, error: 2 });
  });

  it('takes agreement numbers without case, spaces or accents: the same agreement is a duplicate, another an error', async () => {
    const { t, cafo } = withCafoAndDrs();
    t.ok('agreements.create', {
      organisationId: cafo.id,
      fields: {
        number: 'DDRK23-002-APO',
        signedOn: '2023-07-05',
        durationMonths: 14,
        amountFcfa: 92_001_000,
      },
    });
    const content = await xlsx([
      ['N° convention', 'Organisation', 'Date de signature', 'Durée', 'Montant', 'Statut'],
      ['ddrk23-002-apo ', 'CAFO', '05/07/2023', 14, '92.001.000', 'Active'], // the same, typed otherwise
      ['DDRK23-002-APO', 'DRS', '15/09/2023', 16, '310.030.000', 'Active'], // the number of another
      ['APO-9', 'DRS', '15/09/2023', 16, '1 000 000', 'Active'],
      ['apo-9 ', 'CAFO', '15/09/2023', 16, '2 000 000', 'Active'], // the line above's number, other content
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'duplicate'],
      [3, 'error'],
      [4, 'valid'],
      [5, 'error'],
    ]);
    expect(preview.rows[1]!.errors[0]).toEqual({
      field: 'number',
      message: 'errors.importClashAgreement',
      params: { number: 'DDRK23-002-APO' },
      differences: [
        { field: 'organisation', file: 'DRS', recorded: 'CAFO' },
        { field: 'signedOn', file: '2023-09-15', recorded: '2023-07-05' },
        { field: 'durationMonths', file: 16, recorded: 14 },
        { field: 'endOn', file: '2025-01-14', recorded: '2024-09-04' },
        { field: 'amountFcfa', file: 310_030_000, recorded: 92_001_000 },
      ],
    });
    expect(preview.rows[3]!.errors[0]).toMatchObject({
      message: 'errors.importClashInFile',
      params: { line: 4 },
      differences: [
        { field: 'organisation', file: 'CAFO', recorded: 'DRS' },
        { field: 'amountFcfa', file: 2_000_000, recorded: 1_000_000 },
      ],
    });
    const all = await t.request('imports.run', {
      kind: 'agreements',
      file: file(content),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(all.ok).toBe(false);
    expect(tableCount(t.core.databaseFile, 'agreements')).toBe(1);
  });

  it('asks who a participant resembling someone is, and imports as the user says', async () => {
    const { t, cafo } = withCafoAndDrs();
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
      ['CAFO', 'TRAORE', 'Aminata', 'F', null, null, '76123456'], // the same person, written otherwise
      ['CAFO', 'TRAORE', 'Aminatou', 'F', null, null, null], // a similar name in the same organisation
      ['DRS', 'Keïta', 'Awa', 'Femme', 32, 'oui', 76123456], // the same phone
      ['DRS', 'Coulibaly', 'Issa', 'H', '50 ans et plus', 'non', '65 00 00 01'],
      ['DRS', 'Issa', 'Coulibaly', 'M', null, null, null], // the line above, names swapped
      ['DRS', 'Diarra', 'Moussa', 'X', 'vieux', 'peut-être', null],
    ]);
    const preview = await t.value('imports.preview', { kind: 'participants', file: file(content) });
    expect(preview.rows.map((r) => [r.line, r.status, r.resemblance])).toEqual([
      [2, 'duplicate', false],
      [3, 'error', true],
      [4, 'error', true],
      [5, 'valid', false],
      [6, 'error', true],
      [7, 'error', false],
    ]);
    expect(preview.rows[0]!.duplicate).toEqual({
      field: null,
      message: 'errors.importDuplicateParticipant',
      params: { name: 'Aminata Traoré (CAFO)' },
    });
    expect(preview.rows[1]!.errors[0]).toEqual({
      field: null,
      message: 'errors.importResemblesParticipant',
      params: { name: 'Aminata Traoré (CAFO)' },
      differences: [{ field: 'firstName', file: 'Aminatou', recorded: 'Aminata' }],
    });
    expect(preview.rows[4]!.errors[0]).toMatchObject({
      message: 'errors.importResemblesLine',
      params: { line: 5 },
    });
    expect(errorsByLine(preview)[7]).toEqual({
      sex: 'errors.importChoice',
      ageBand: 'errors.importChoice',
      decisionMaker: 'errors.importYesNo',
    });

    const sheet = 'Feuil1';
    const resemblances = [
      { sheet, line: 3, samePerson: true },
      { sheet, line: 4, samePerson: false },
      { sheet, line: 6, samePerson: true },
    ];
    const settled = await t.value('imports.preview', {
      kind: 'participants',
      file: file(content),
      resemblances,
    });
    expect(settled.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'duplicate'],
      [3, 'duplicate'],
      [4, 'valid'],
      [5, 'valid'],
      [6, 'duplicate'],
      [7, 'error'],
    ]);
    expect(settled.rows[2]!.notices).toEqual([
      { field: null, message: 'imports.notices.otherPerson', params: { name: 'Aminata Traoré (CAFO)' } },
    ]);
    await t.value('imports.run', {
      kind: 'participants',
      file: file(content),
      sheets: chosen(settled),
      resemblances,
      mode: 'validOnly',
    });
    expect(t.ok('participants.list', { search: 'coulibaly' }).items).toEqual([
      expect.objectContaining({ sex: 'M', ageBand: '50_plus', decisionMaker: false, phone: '65 00 00 01' }),
    ]);
    expect(t.ok('participants.list', {}).total).toBe(3);
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
      file: file(content, 'registre.csv'),
      sheets: chosen(preview),
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
    const again = await t.value('imports.preview', {
      kind: 'attendance',
      file: file(content, 'registre.csv'),
    });
    expect(again.rows.slice(0, 3).map((r) => r.duplicate?.message)).toEqual([
      'errors.importDuplicateAttendance',
      'errors.importDuplicateAttendance',
      'errors.importDuplicateAttendance',
    ]);
  });
});

describe('the review’s agreement tables, as typed', () => {
  const review = () => workbook(REVIEW_SHEETS);

  it('lists every sheet with its lines, recognises the total lines and checks their sums', async () => {
    const t = setUp();
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(await review()) });
    expect(preview.sheets.map((s) => [s.name, s.included, s.lineCount, s.headerLine])).toEqual([
      ['Kidal', true, 14, 2],
      ['Gao', true, 9, 1],
    ]);
    const [kidal, gao] = preview.sheets;
    expect(kidal!.mapping).toMatchObject(KIDAL_COLUMNS);
    expect(gao!.mapping).toMatchObject({
      number: 0,
      organisation: 1,
      durationMonths: 2,
      signedOn: 3,
      endOn: 4,
      amountFcfa: 5,
    });
    // No status column: nothing is read until the user says which status the lines get.
    expect(kidal!.missingFields).toEqual(['status']);
    expect(preview.rows).toEqual([]);

    const sheets: ImportSheetChoice[] = [
      {
        name: 'Kidal',
        values: { status: 'terminated', terminationReason: 'Insécurité à Kidal (2024)', region: 'Kidal' },
      },
      { name: 'Gao', values: { status: 'closed', region: 'Gao' } },
    ];
    const read = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(await review()),
      sheets,
      pageSize: 200,
    });
    expect(read.counts).toMatchObject({ total: 20, ignored: 2, error: 18 });
    const total = (sheet: string) => read.rows.find((r) => r.sheet === sheet && r.status === 'ignored')!;
    expect(total('Kidal')).toMatchObject({
      line: 14,
      notices: [
        { field: null, message: 'imports.notices.totalLine' },
        { field: 'amountFcfa', message: 'imports.notices.totalAgrees', params: { lines: 11 } },
      ],
      warnings: [],
    });
    expect(total('Gao')).toMatchObject({
      line: 9,
      warnings: [
        {
          field: 'amountFcfa',
          message: 'imports.warnings.totalDiffers',
          params: {
            typed: '664\u00a0816\u00a0458\u00a0F\u00a0CFA',
            sum: '349\u00a0401\u00a0300\u00a0F\u00a0CFA',
            lines: 7,
          },
        },
      ],
    });
    expect(read.sheets[1]!.totals).toEqual([{ line: 9, typed: 664_816_458, sum: 349_401_300, lines: 7 }]);
    // The organisations are unknown: offered for creation, with what the file says of them.
    expect(read.unknownOrganisations).toHaveLength(18);
    expect(read.unknownOrganisations[0]).toEqual({
      reference: 'DREFP_FAT',
      lines: 1,
      first: { sheet: 'Kidal', line: 3 },
      creating: false,
      name: 'DREFP_FAT',
      acronym: 'DREFP_FAT',
      region: 'Kidal',
    });
    expect(read.rows.find((r) => r.sheet === 'Gao' && r.line === 2)!.errors).toEqual([
      {
        field: 'organisation',
        message: 'errors.importUnknownOrganisationToCreate',
        params: { value: 'CRA-GAO' },
      },
    ]);
  });

  it('imports both sheets in one go, creating their organisations, with exact amounts, durations and end dates', async () => {
    const t = setUp();
    const content = await review();
    const sheets: ImportSheetChoice[] = [
      {
        name: 'Kidal',
        values: { status: 'terminated', terminationReason: 'Insécurité à Kidal (2024)', region: 'Kidal' },
      },
      { name: 'Gao', values: { status: 'closed', region: 'Gao' } },
    ];
    const first = await t.value('imports.preview', { kind: 'agreements', file: file(content), sheets });
    const newOrganisations = first.unknownOrganisations.map((o) => ({
      reference: o.reference,
      name: o.name,
      acronym: o.acronym,
      type: o.reference.startsWith('ASACO') ? ('community_association' as const) : ('std' as const),
      level: 'regional' as const,
      region: o.region,
    }));
    const preview = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content),
      sheets,
      newOrganisations,
      pageSize: 200,
    });
    expect(preview.counts).toMatchObject({ total: 20, valid: 18, ignored: 2, error: 0, duplicate: 0 });
    const cra = preview.rows.find((r) => r.sheet === 'Gao' && r.line === 2)!;
    // What the cell held, and what will be stored.
    expect(cra.cells).toMatchObject({
      durationMonths: '19,2',
      signedOn: '25-09-23',
      endOn: '30-04-25',
      amountFcfa: '96.989.000',
    });
    expect(cra.stored).toMatchObject({
      durationMonths: 19.2,
      signedOn: '2023-09-25',
      endOn: '2025-04-30',
      amountFcfa: 96_989_000,
      status: 'closed',
      organisation: 'CRA-GAO',
    });
    expect(cra.notices).toEqual([
      { field: 'organisation', message: 'imports.notices.organisationCreated', params: { value: 'CRA-GAO' } },
    ]);
    // Day-first is proven by 25-09-23 in the same column: 05-07-23 is not flagged.
    expect(preview.warningCount).toBe(1); // Gao's total
    expect(preview.sheets.map((s) => s.sum)).toEqual([
      { field: 'amountFcfa', lines: 11, value: 1_029_026_198 },
      { field: 'amountFcfa', lines: 7, value: 349_401_300 },
    ]);

    // A line left active past its end date is said to be « échue »: it will not count as in force.
    const active = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content),
      sheets: [{ name: 'Gao', values: { status: 'active' } }],
      newOrganisations,
    });
    expect(active.rows.find((r) => r.line === 4)!.notices).toContainEqual({
      field: 'status',
      message: 'imports.notices.expired',
      params: { date: '31/01/2024' },
    });
    const result = await t.value('imports.run', {
      kind: 'agreements',
      file: file(content),
      sheets: chosen(preview),
      newOrganisations,
      mode: 'all',
    });
    expect(result).toMatchObject({
      created: 18,
      organisationsCreated: 18,
      skippedIgnored: 2,
      skippedErrors: 0,
    });
    expect(result.sheets).toEqual([
      { name: 'Kidal', created: 11, counts: { total: 12, valid: 11, error: 0, duplicate: 0, ignored: 1 } },
      { name: 'Gao', created: 7, counts: { total: 8, valid: 7, error: 0, duplicate: 0, ignored: 1 } },
    ]);
    expect(result.skipped).toEqual([
      { sheet: 'Kidal', line: 14, status: 'ignored' },
      { sheet: 'Gao', line: 9, status: 'ignored' },
    ]);
    const list = t.ok('agreements.list', { sort: 'number', direction: 'asc', pageSize: 100 });
    expect(list.totals.amountFcfa).toBe(1_029_026_198 + 349_401_300);
    const byNumber = new Map(list.items.map((a) => [a.number, a]));
    expect(byNumber.get('DDRK23-002-APO')).toMatchObject({
      durationMonths: 14,
      signedOn: '2023-07-05',
      endOn: '2024-09-04',
      amountFcfa: 92_001_000,
      status: 'terminated',
      terminationReason: 'Insécurité à Kidal (2024)',
    });
    expect(byNumber.get('DDRG23-001-APO')).toMatchObject({
      durationMonths: 19.2,
      endOn: '2025-04-30',
      endOnEntered: '2025-04-30',
    });
    expect(byNumber.get('DDRG23-006-APO')).toMatchObject({ durationMonths: 18.5, endOn: '2025-04-30' });
    expect(byNumber.get('DDRG23-007-APO')).toMatchObject({
      durationMonths: 21.5,
      endOn: '2025-07-31',
      amountFcfa: 75_723_000,
    });
    const asaco = t.ok('organisations.list', { search: 'ASACO1' }).items[0]!;
    expect(asaco).toMatchObject({
      name: 'ASACO1_TIMTAGHENE',
      acronym: 'ASACO1_TIMTAGHENE',
      type: 'community_association',
      region: 'Kidal',
    });
  });

  it('imports the partners of the same file as organisations, with one type and level for every line', async () => {
    const t = setUp();
    const content = await review();
    const sheets = [
      { name: 'Kidal', values: { type: 'std', level: 'regional', region: 'Kidal' } },
      { name: 'Gao', values: { type: 'Service technique déconcentré', level: 'Régional', region: 'Gao' } },
    ];
    const preview = await t.value('imports.preview', {
      kind: 'organisations',
      file: file(content),
      sheets,
      pageSize: 200,
    });
    expect(preview.sheets.map((s) => s.mapping.name)).toEqual([1, 1]);
    expect(preview.counts).toMatchObject({ valid: 18, ignored: 2, error: 0 });
    expect(preview.rows[0]!.stored).toMatchObject({
      name: 'DREFP_FAT',
      type: 'std',
      level: 'regional',
      region: 'Kidal',
    });
    await t.value('imports.run', {
      kind: 'organisations',
      file: file(content),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(t.ok('organisations.list', { pageSize: 100 }).total).toBe(18);

    // A value that is not one of the field's choices is said at once, and nothing is read.
    const wrong = await t.value('imports.preview', {
      kind: 'organisations',
      file: file(content),
      sheets: [{ name: 'Kidal', values: { type: 'Mairie', level: 'regional' } }],
    });
    expect(wrong.sheets[0]!.valueErrors).toEqual([
      { field: 'type', message: 'errors.importChoice', params: expect.objectContaining({ value: 'Mairie' }) },
    ]);
    expect(wrong.rows).toEqual([]);
  });
});

describe('sheets', () => {
  it('says why a sheet is not imported, and imports the ones the user chooses', async () => {
    const t = setUp();
    const content = await workbook(
      {
        Kidal: [
          ['Nom', 'Type de structure', 'Niveau'],
          ['Mairie de Kidal', 'CT', 'Local'],
        ],
        Notes: [['Réunion du 12/03'], ['Rien à signaler']],
        Vide: [],
        Archive: [
          ['Nom', 'Type de structure', 'Niveau'],
          ['Ancienne mairie', 'CT', 'Local'],
        ],
        'Valeurs autorisées': [['Type de structure'], ['ONG']],
      },
      ['Archive'],
    );
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(preview.sheets.map((s) => [s.name, s.included, s.reason, s.lineCount])).toEqual([
      ['Kidal', true, null, 2],
      ['Notes', false, 'unrecognised', 2],
      ['Vide', false, 'empty', 0],
      ['Archive', false, 'hidden', 2],
      ['Valeurs autorisées', false, 'valuesSheet', 2],
    ]);
    const both = await t.value('imports.preview', {
      kind: 'organisations',
      file: file(content),
      sheets: [{ name: 'Kidal' }, { name: 'Archive' }],
    });
    expect(both.sheets.map((s) => [s.name, s.included, s.reason])).toEqual([
      ['Kidal', true, null],
      ['Notes', false, 'notChosen'],
      ['Vide', false, 'empty'],
      ['Archive', true, null],
      ['Valeurs autorisées', false, 'notChosen'],
    ]);
    expect(both.rows.map((r) => [r.sheet, r.line, r.status])).toEqual([
      ['Kidal', 2, 'valid'],
      ['Archive', 2, 'valid'],
    ]);
    const unknown = await t.failure('imports.preview', {
      kind: 'organisations',
      file: file(content),
      sheets: [{ name: 'Ségou' }],
    });
    expect(unknown.issues).toEqual([{ path: ['sheets', 'Ségou'], message: 'errors.importUnknownSheet' }]);
  });

  it('finds a line repeating a line of another sheet', async () => {
    const t = setUp();
    const rows = (name: string, type: string) => [
      ['Nom', 'Type de structure', 'Niveau'],
      [name, type, 'Local'],
    ];
    const content = await workbook({ A: rows('Mairie de Gao', 'CT'), B: rows('Mairie de Gao', 'ONG') });
    const preview = await t.value('imports.preview', { kind: 'organisations', file: file(content) });
    expect(preview.rows[1]!.errors).toEqual([
      {
        field: null,
        message: 'errors.importClashInFileInSheet',
        params: { line: 2, sheet: 'A' },
        differences: [{ field: 'type', file: 'ngo', recorded: 'local_government' }],
      },
    ]);
  });
});

describe('total lines and ambiguous cells', () => {
  it('recognises subtotals, a grand total and an unlabelled total, and never stores them', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = await xlsx([
      ['Numéro', 'Organisation', 'Date de signature', 'Durée', 'Montant', 'Statut'],
      ['A-1', 'CAFO', '15/01/2024', 12, '1 000 000', 'Active'],
      ['A-2', 'CAFO', '15/01/2024', 12, '2 000 000', 'Active'],
      ['Sous-total 2024', null, null, null, '3 000 000', null],
      ['A-3', 'CAFO', '15/01/2025', 12, '500 000', 'Active'],
      ['A-4', 'CAFO', '15/01/2025', 12, '500 000', 'Active'],
      [null, null, null, null, '1 000 000', null], // the sum of the two lines above, unlabelled
      ['TOTAL GÉNÉRAL', null, null, null, '4 000 000', null],
    ]);
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content) });
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'ignored'],
      [5, 'valid'],
      [6, 'valid'],
      [7, 'ignored'],
      [8, 'ignored'],
    ]);
    expect(sheetOf(preview).totals).toEqual([
      { line: 4, typed: 3_000_000, sum: 3_000_000, lines: 2 },
      { line: 7, typed: 1_000_000, sum: 1_000_000, lines: 2 },
      { line: 8, typed: 4_000_000, sum: 4_000_000, lines: 4 },
    ]);
    expect(preview.warningCount).toBe(0);
    const result = await t.value('imports.run', {
      kind: 'agreements',
      file: file(content),
      sheets: chosen(preview),
      mode: 'all',
    });
    expect(result).toMatchObject({ created: 4, skippedIgnored: 3 });
    expect(t.ok('agreements.list', {}).totals.amountFcfa).toBe(4_000_000);
  });

  it('flags a date that reads both ways and a separator that could mean thousands or decimals', async () => {
    const t = setUp();
    t.ok('organisations.create', organisationInput());
    const content = utf8(
      [
        'Numéro;Organisation;Date de signature;Durée;Montant;Statut',
        'B-1;CAFO;05-07-23;1.500;1.500;Active',
        'B-2;CAFO;06-07-23;12;2 000 000;Active',
      ].join('\n'),
    );
    const preview = await t.value('imports.preview', { kind: 'agreements', file: file(content, 'b.csv') });
    expect(preview.rows[0]!.warnings).toEqual([
      {
        field: 'signedOn',
        message: 'imports.warnings.dateOrder',
        params: { value: '05-07-23', read: '05/07/2023', other: '07/05/2023' },
      },
      {
        field: 'durationMonths',
        message: 'imports.warnings.separator',
        params: { value: '1.500', read: '1\u00a0500', other: '1,5' },
      },
      {
        field: 'amountFcfa',
        message: 'imports.warnings.separator',
        params: { value: '1.500', read: '1\u00a0500', other: '1,5' },
      },
    ]);
    expect(preview.rows[0]!.errors).toEqual([{ field: 'durationMonths', message: 'errors.durationMax' }]);
    expect(preview.warningCount).toBe(2);
    const only = await t.value('imports.preview', {
      kind: 'agreements',
      file: file(content, 'b.csv'),
      only: 'warnings',
    });
    expect(only.rows.map((r) => r.line)).toEqual([2, 3]);
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
    expect(preview.counts).toMatchObject({ total: 10_000, valid: 10_000, error: 0, duplicate: 0 });
    expect(preview.rows).toHaveLength(50);

    started = Date.now();
    const result = await t.value('imports.run', {
      kind: 'participants',
      file: file(content),
      sheets: chosen(preview),
      mode: 'all',
    });
    const runMs = Date.now() - started;
    expect(result.created).toBe(10_000);
    expect(t.ok('participants.list', {}).total).toBe(10_000);
    expect(t.ok('participants.list', { organisationId: organisations[3]!.id }).total).toBe(500);
    console.info(`10 000 participants: preview ${previewMs} ms, import ${runMs} ms`);
  }, 180_000);
});
