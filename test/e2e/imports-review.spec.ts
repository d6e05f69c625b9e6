import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { REVIEW_SHEETS } from '../fixtures/review';
import { expect, plain, snapshot, test } from './fixtures';

/** The review's two agreement tables, one sheet per region, as typed in Excel. */
async function reviewWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(REVIEW_SHEETS)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The review's workbook chosen, each sheet's missing columns given a value, its partners to be created. */
async function prepareReview(page: Page, { photograph }: { photograph: boolean }) {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'conventions-kidal-gao.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await reviewWorkbook(),
  });

  // Every sheet is listed with its lines; both are read.
  const sheets = page.getByTestId('import-sheets');
  await expect(sheets.getByRole('row', { name: /Kidal/ })).toContainText('14');
  await expect(sheets.getByRole('row', { name: /Gao/ })).toContainText('9');
  await expect(sheets.getByText('Importée')).toHaveCount(2);

  // No status column: each sheet says which status its lines get.
  const kidal = page.getByTestId('import-columns-Kidal');
  const gao = page.getByTestId('import-columns-Gao');
  await expect(kidal).toContainText(
    'Choisissez une colonne, ou une valeur pour toutes les lignes, pour : Statut.',
  );
  const valueFor = async (sheet: typeof kidal, field: string, option: string) => {
    await sheet.getByRole('combobox', { name: `${field} — Valeur pour toutes les lignes` }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const typeFor = async (sheet: typeof kidal, field: string, text: string) => {
    const input = sheet.getByRole('textbox', { name: `${field} — Valeur pour toutes les lignes` });
    await input.fill(text);
    await input.press('Enter');
  };
  await valueFor(kidal, 'Statut', 'Résiliée');
  await typeFor(kidal, 'Motif de résiliation', 'Insécurité à Kidal (2024)');
  await typeFor(kidal, 'Région', 'Kidal');
  await valueFor(gao, 'Statut', 'Clôturée');
  await typeFor(gao, 'Région', 'Gao');
  if (photograph) await snapshot(page, 'imports-review-01-feuilles');

  // The 18 partners are unknown: created with the import once their type and level are chosen.
  const organisations = page.getByTestId('new-organisations');
  await expect(organisations.getByRole('row')).toHaveCount(19);
  await expect(organisations.getByLabel('Région CRA-GAO')).toHaveValue('Gao');
  await page.getByRole('combobox', { name: 'Type pour toutes' }).click();
  await page.getByRole('option', { name: 'Service technique déconcentré (STD)' }).click();
  await page.getByRole('combobox', { name: 'Niveau pour toutes' }).click();
  await page.getByRole('option', { name: 'Régional' }).click();
  if (photograph) await snapshot(page, 'imports-review-02-organisations');
  await page.getByRole('button', { name: 'Créer ces organisations avec l’import' }).click();
  await expect(page.getByTestId('new-organisations-confirmed')).toContainText(
    '18 organisations seront créées avec l’import',
  );
}

// The sheets and the partners to create are photographed (and checked by axe) on their own, so that
// no test carries all three full-page checks on top of the review.
test('the review’s two agreement tables: both sheets read, their partners to be created, photographed', async ({
  page,
  signIn,
}) => {
  await signIn('/import?type=agreements');
  await prepareReview(page, { photograph: true });
});

test('the review’s two agreement tables, as typed: what will be stored beside the cells, totals checked', async ({
  page,
  signIn,
}) => {
  await signIn('/import?type=agreements');
  await prepareReview(page, { photograph: false });

  // What will be stored, beside what the cells held; the typed totals checked.
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('20 lignes lues');
  await expect(summary).toContainText('18 lignes valides');
  await expect(summary).toContainText('2 lignes ignorées');
  const sums = page.getByTestId('import-sums');
  await expect
    .poll(async () => plain(await sums.textContent()))
    .toContain('le fichier indique 664 816 458 F CFA, mais ses 7 lignes font 349 401 300 F CFA');
  expect(plain(await sums.textContent())).toContain(
    'Montant des 11 conventions à importer, additionné par Parcours : 1 029 026 198 F CFA',
  );
  const cra = page.getByTestId('import-line-Gao-2');
  await expect(cra).toContainText('19,2');
  await expect(cra).toContainText('Cellule : 96.989.000');
  await expect(cra).toContainText('30/04/2025');
  await expect(page.getByTestId('import-line-Kidal-14')).toContainText('Ligne de total, ignorée');
  await snapshot(page, 'imports-review-03-verification');
});

test('the review’s two agreement tables imported: every line accounted for, the totals recomputed', async ({
  page,
  signIn,
}) => {
  await signIn('/import?type=agreements');
  await prepareReview(page, { photograph: false });

  await page.getByRole('button', { name: 'Tout importer' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('18 conventions enregistrées.');
  await expect(result).toContainText('18 organisations créées.');
  await expect(result).toContainText('2 lignes de total ou d’exemple ignorées.');
  await snapshot(page, 'imports-review-04-resultat');

  await result.getByRole('link', { name: 'Voir les conventions' }).click();
  await expect
    .poll(async () => plain(await page.getByTestId('all-agreements-total').textContent()))
    .toBe('1 378 427 498 F CFA');
  await snapshot(page, 'imports-review-05-conventions');
});
