import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Download, Page } from '@playwright/test';
import { register } from '../fixtures/inputs';
import { expect, plain, snapshot, test } from './fixtures';
import { participant, type Web } from './prepare';

/** The text of a downloaded PDF, with French no-break spaces made plain. */
async function pdfText(download: Download) {
  const bytes = fs.readFileSync(await download.path());
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return plain(text);
}

async function sheetRows(download: Download, sheet: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  return book
    .getWorksheet(sheet)!
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []));
}

const PEOPLE = [
  { firstName: 'Awa', lastName: 'Diarra', sex: 'F' },
  { firstName: 'Issa', lastName: 'Coulibaly', sex: 'M' },
  { firstName: 'Fanta', lastName: 'Keïta', sex: 'F' },
] as const;

/** The CAFO of Koulikoro and its agreement. */
async function prepareOrganisation(web: Web) {
  const org = await web.call('organisations.create', {
    name: 'Coordination des Associations et ONG Féminines',
    acronym: 'CAFO',
    type: 'csu',
    level: 'regional',
    region: 'Koulikoro',
  });
  await web.call('agreements.create', {
    organisationId: org.id,
    fields: { number: 'DDRK23-002-APO', signedOn: '2023-07-05', durationMonths: 14, amountFcfa: 92_001_000 },
  });
  return org;
}

/**
 * Koulikoro, March 2024: a two-day session, Awa present twice, Issa once, Fanta excused. The people
 * are those of the CAFO (imported through the page, or recorded by prepareQuarter).
 */
async function prepareSession(web: Web, organisationId: string) {
  const people = (await web.call('participants.list', { organisationId })).items;
  const idOf = (firstName: string) => people.find((p) => p.firstName === firstName)!.id;
  const [awa, issa, fanta] = [idOf('Awa'), idOf('Issa'), idOf('Fanta')];
  let session = await web.call('sessions.create', {
    title: 'Gestion financière',
    phase: 'classroom',
    costFcfa: 1_250_000,
    days: ['2024-03-04', '2024-03-05'].map((date) => ({ date, startTime: '08:30', endTime: '16:30' })),
    trainers: [{ name: 'Kadiatou Maïga', sex: 'F', kind: 'external' }],
  });
  session = await web.call('sessions.addParticipants', {
    sessionId: session.id,
    participantIds: [awa, issa, fanta],
    walkIn: false,
  });
  const [d1, d2] = session.days.map((d) => d.id) as [string, string];
  await web.call('sessions.recordAttendance', {
    sessionId: session.id,
    marks: register(
      [d1, d2],
      [
        [awa, 'present', 'present'],
        [issa, 'present', 'absent'],
        [fanta, 'excused', 'excused'],
      ],
    ),
  });
}

/** The CAFO, its three people and the session of March 2024, prepared through the contract. */
async function prepareQuarter(web: Web) {
  const org = await prepareOrganisation(web);
  for (const p of PEOPLE) await participant(web, { organisationId: org.id, ...p });
  await prepareSession(web, org.id);
  return org;
}

const openQuarterly = async (page: Page, signIn: (path?: string) => Promise<void>) => {
  await signIn('/rapports?rapport=quarterly&annee=2024&trimestre=1');
  await expect(page.getByRole('heading', { name: 'Rapports' })).toBeVisible();
};

test('participants imported from Excel show in the quarterly report', async ({ page, signIn, web }) => {
  // Koulikoro, March 2024: a two-day session, Awa present twice, Issa once, Fanta excused.
  const org = await prepareOrganisation(web);
  // The participants come from the programme's own spreadsheet, through the import page.
  const sheet = new ExcelJS.Workbook();
  const rows = sheet.addWorksheet('Participants');
  rows.addRow(['Sigle', 'Nom', 'Prénom', 'Sexe']);
  rows.addRow(['CAFO', 'Diarra', 'Awa', 'F']);
  rows.addRow(['CAFO', 'Coulibaly', 'Issa', 'H']);
  rows.addRow(['CAFO', 'Keïta', 'Fanta', 'F']);
  await signIn('/import?type=participants');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'participants-cafo.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await sheet.xlsx.writeBuffer()),
  });
  await expect(page.getByTestId('import-summary')).toContainText('3 lignes valides');
  await page.getByRole('button', { name: 'Tout importer' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 participants enregistrés.');
  await prepareSession(web, org.id);

  await page.goto(`${web.origin}/#/rapports?rapport=quarterly&annee=2024&trimestre=1`);
  await expect(page.getByRole('heading', { name: 'Rapports' })).toBeVisible();
  const participation = page.getByTestId('report-table-Participation par sexe');
  await expect(participation.getByRole('row', { name: /Femmes/ })).toContainText('1');
  await expect(participation.getByRole('row', { name: /Total/ })).toHaveText(/Total\s*2\s*3,0/);
  await snapshot(page, 'reports-quarterly');
});

test('the quarterly report exported and opened as PDF and XLSX', async ({ page, signIn, web }) => {
  await prepareQuarter(web);
  await openQuarterly(page, signIn);

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter en PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('rapport-trimestriel-2024-T1.pdf');
  const text = await pdfText(pdf);
  expect(text).toContain('1er trimestre 2024 (du 01/01/2024 au 31/03/2024)');
  expect(text).toMatch(/Total\s+2\s+3,0\s+0\s+1/);
  expect(text).toContain('1 250 000 F CFA');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter en XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('rapport-trimestriel-2024-T1.xlsx');
  expect(await sheetRows(xlsx, 'Participation par sexe')).toEqual([
    ['Sexe', 'Personnes formées', 'Jours-personnes', 'Décideurs formés', 'Formateurs'],
    ['Femmes', 1, 2, 0, 1],
    ['Hommes', 1, 1, 0, 0],
    ['Total', 2, 3, 0, 1],
  ]);
  expect((await sheetRows(xlsx, 'Sessions'))[1]!.at(-1)).toBe(1_250_000);
});

test('the gender report of the same period, on screen', async ({ page, signIn, web }) => {
  await prepareQuarter(web);
  await openQuarterly(page, signIn);

  // The gender report of the same period, on screen.
  await page.getByRole('combobox', { name: 'Rapport' }).click();
  await page.getByRole('option', { name: 'Rapport genre' }).click();
  await page.getByLabel('Du').fill('01/01/2024');
  await page.getByLabel('Au').fill('31/12/2024');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report-view')).toContainText('Part des femmes parmi les personnes formées');
  await expect(page.getByTestId('report-view')).toContainText('50 %');
  await snapshot(page, 'reports-gender');
});

test('the organisation’s one-page profile, from its own page', async ({ page, signIn, web }) => {
  const org = await prepareQuarter(web);
  await signIn();

  // The organisation's one-page profile, from its own page.
  await page.goto(`${web.origin}/#/organisations/${org.id}`);
  await page.getByRole('button', { name: 'Exporter' }).click();
  const [profile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Fiche de l’organisation (PDF)' }).click(),
  ]);
  expect(profile.suggestedFilename()).toBe('fiche-cafo.pdf');
  const profileText = await pdfText(profile);
  expect(profileText).toContain('DDRK23-002-APO');
  expect(profileText).toContain('92 001 000 F CFA');
});
