import ExcelJS from 'exceljs';
import { organisationInput } from '../fixtures/inputs';
import { test, expect, snapshot } from './fixtures';

test('the journal shows who changed what, before and after, filters it and exports it', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const org = await web.call('organisations.create', organisationInput());
  await web.call('organisations.update', {
    id: org.id,
    fields: organisationInput({ acronym: 'CAFO-K', staffWomen: 14 }),
  });
  await web.call('agreements.create', {
    organisationId: org.id,
    fields: { number: 'DDRK23-002-APO', signedOn: '2023-07-05', durationMonths: 14, amountFcfa: 92_001_000 },
  });

  await signIn('/journal');
  await expect(page.getByRole('heading', { name: 'Journal des modifications' })).toBeVisible();
  const table = page.getByTestId('audit-table');
  const update = table.getByRole('row').filter({ hasText: 'organisations.update' });
  await expect(update).toHaveCount(1);
  await expect(update).toContainText('Équipe PRC');
  await expect(update).toContainText('Modification');
  await expect(update).toContainText('acronym');
  await expect(update.getByText('CAFO', { exact: true })).toBeVisible();
  await expect(update.getByText('CAFO-K', { exact: true })).toBeVisible();
  await expect(update.getByText('14', { exact: true })).toBeVisible();
  await snapshot(page, 'audit-01-journal');

  // Filtered by table, then by the record: its whole history.
  await page.getByRole('combobox', { name: 'Table' }).click();
  await page.getByRole('option', { name: 'Conventions' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'agreements.create' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'organisations.update' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await update.getByRole('button').first().click();
  await expect(page.getByLabel('Enregistrement')).toHaveValue(org.id);
  await expect(table.getByRole('row').filter({ hasText: 'Organisations' })).toHaveCount(2);
  await expect(table.getByRole('row').filter({ hasText: 'Conventions' })).toHaveCount(0);
  await snapshot(page, 'audit-02-historique-enregistrement');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^journal-des-modifications-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Journal')!;
  expect(sheet.rowCount).toBe(3);
  expect(sheet.getRow(2).getCell(3).value).toBe('organisations.update');
  expect(String(sheet.getRow(2).getCell(8).value)).toContain('acronym : CAFO-K');
});
