import ExcelJS from 'exceljs';
import { organisationInput, regionalCouncilInput } from '../fixtures/inputs';
import { expect, snapshot, test } from './fixtures';

/** A CSV as French Excel on an old Windows laptop saves it: `;` and Windows-1252 accents. */
const frenchCsv = (lines: string[]) =>
  Buffer.from((lines.join('\r\n') + '\r\n').replace(/’/g, '\x92'), 'latin1'); // ’ is 0x92 in Windows-1252

test('organisations from a CSV file: columns chosen, errors in French, the valid lines imported', async ({
  page,
  signIn,
  web,
}) => {
  await web.call('organisations.create', organisationInput({ staffMen: undefined }));
  await signIn('/import');
  await expect(page.getByRole('heading', { name: 'Importer', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Importer' })).toHaveAttribute('data-active', 'true');
  await snapshot(page, 'imports-01-choix');

  // The template: an XLSX with the French headers
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le modèle' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('modele-import-organisations.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  expect(workbook.worksheets[0]!.getRow(1).getCell(3).value).toBe('Type de structure');

  // A file of its own making: "Zone" is not a header Parcours knows
  await page.locator('input[type="file"]').setInputFiles({
    name: 'structures.csv',
    mimeType: 'text/csv',
    buffer: frenchCsv([
      'Nom;Sigle;Catégorie;Niveau;Zone;Effectif femmes',
      'Conseil Régional de Koulikoro;CRK;Collectivité territoriale;Régional;Koulikoro;8',
      'Association de santé communautaire de Kati;ASACO-Kati;ASACO;Local;Koulikoro;5',
      'Banque de développement;BDM;Banque;Central;Bamako;3',
      'Direction régionale de l’agriculture;DRA;STD;Régional;Koulikoro;-2',
      'Chambre régionale d’agriculture;CRA;Chambre consulaire;Régional;Koulikoro;2',
      'Coordination des associations et ONG féminines;CAFO;OSC faîtière;Régional;Koulikoro;12',
    ]),
  });
  await expect(page.getByTestId('import-file-name')).toContainText('structures.csv');
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('6 lignes lues');
  await expect(summary).toContainText('3 lignes valides');
  await expect(summary).toContainText('2 lignes en erreur');
  await expect(summary).toContainText('1 doublon écarté');

  // The region comes from the "Zone" column, chosen by hand
  await page.getByRole('combobox', { name: 'Région' }).click();
  await page.getByRole('option', { name: 'E · Zone' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-line-2')).toContainText('Koulikoro');
  await snapshot(page, 'imports-02-colonnes-apercu');

  // Errors in French, on the cell at fault
  await expect(preview.getByTestId('import-line-4')).toContainText(
    'Valeur non reconnue : « Banque ». Valeurs possibles : Service technique déconcentré (STD)',
  );
  await expect(preview.getByTestId('import-line-5')).toContainText('Ce nombre ne peut pas être négatif.');
  await expect(preview.getByTestId('import-line-7')).toContainText(
    'Déjà enregistrée, à l’identique : Coordination des Associations et ONG Féminines (CAFO).',
  );
  await expect(page.getByRole('button', { name: 'Tout importer' })).toBeDisabled();
  await page.getByText('En erreur', { exact: true }).click();
  await expect(preview.getByRole('row')).toHaveCount(3); // header + 2 lines in error
  await snapshot(page, 'imports-03-erreurs');

  await page.getByRole('button', { name: 'Importer seulement les 3 lignes valides' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('3 organisations enregistrées.');
  await expect(result).toContainText('1 doublon non importé.');
  await expect(result).toContainText('2 lignes en erreur non importées.');
  await snapshot(page, 'imports-04-resultat');

  await result.getByRole('link', { name: 'Voir les organisations' }).click();
  await expect(page.getByRole('heading', { name: 'Organisations' })).toBeVisible();
  for (const name of [
    'Conseil Régional de Koulikoro',
    'Association de santé communautaire de Kati',
    'Chambre régionale d’agriculture',
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByText('Banque de développement')).toHaveCount(0);
  await snapshot(page, 'imports-05-organisations');
});

test('participants from an Excel file, all imported; an old .xls refused in French', async ({
  page,
  signIn,
  web,
}) => {
  // The organisations the file names by their acronym, as the CSV import above records them.
  await web.call('organisations.create', regionalCouncilInput({ staffWomen: 8 }));
  await web.call('organisations.create', {
    name: 'Association de santé communautaire de Kati',
    acronym: 'ASACO-Kati',
    type: 'community_association',
    level: 'local',
    region: 'Koulikoro',
    staffWomen: 5,
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Participants');
  sheet.addRow(['Liste des participants — atelier de Koulikoro']);
  sheet.addRow([]);
  sheet.addRow(['Sigle', 'Nom', 'Prénom', 'Sexe', 'Âge', 'Décideur', 'Téléphone']);
  sheet.addRow(['CRK', 'Diarra', 'Fatoumata', 'F', 41, 'oui', 76123401]);
  sheet.addRow(['CRK', 'Konaté', 'Moussa', 'H', 29, 'non', '+223 66 12 34 02']);
  sheet.addRow(['ASACO-Kati', 'Sangaré', 'Kadiatou', 'Femme', null, null, null]);

  await signIn('/import?type=participants');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'participants.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await expect(page.getByText('En-têtes lus à la ligne 3.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('3 lignes valides');
  await expect(page.getByTestId('import-line-4')).toContainText('76123401');
  await snapshot(page, 'imports-06-participants');
  await page.getByRole('button', { name: 'Tout importer' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 participants enregistrés.');
  await page.getByRole('link', { name: 'Voir les participants' }).click();
  await expect(page.getByText('Fatoumata Diarra').or(page.getByText('Diarra Fatoumata'))).toBeVisible();

  await page.goto(page.url().replace(/#.*/, '#/import'));
  await page.locator('input[type="file"]').setInputFiles({
    name: 'ancien.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Les fichiers Excel 97-2003 (.xls) ne sont pas lus : enregistrez le fichier au format .xlsx ou CSV.',
  );
  await snapshot(page, 'imports-07-fichier-xls');
});
