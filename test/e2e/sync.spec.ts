import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, snapshot, startInstallation, test } from './fixtures';

const TRAINER = { login: 'gao', password: 'Formatrice-Gao-2024' };

// Headquarters (the page) enrols a trainer's laptop; the laptop (a second web mode on its own data
// folder, first started with `--inscrire <file> <code>`) records a participant offline and exports its file;
// headquarters imports it through the page and lists the new participant.
test('enrols a laptop, and a laptop’s file imported at headquarters brings its new participant', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const organisation = await web.call('organisations.create', {
    name: 'Coordination des femmes de Gao',
    type: 'women_group',
    level: 'local',
    region: 'Gao',
    staffWomen: 9,
    staffMen: 1,
  });
  await web.call('users.create', { ...TRAINER, name: 'Aïssata Maïga', role: 'trainer', pathwayIds: [] });
  await signIn('/synchronisation');
  await expect(page.getByRole('heading', { name: 'Synchronisation', level: 2 })).toBeVisible();
  await expect(page.getByText('Siège (référence du programme)')).toBeVisible();
  await expect(page.getByText('Aucun poste de terrain inscrit.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Compte' }).click();
  await page.getByRole('option', { name: /Aïssata Maïga/ }).click();
  await page.getByRole('textbox', { name: 'Nom du poste' }).fill('poste de Gao');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Inscrire un poste de terrain' }).click();
  const enrolmentFile = testInfo.outputPath((await downloading).suggestedFilename());
  await (await downloading).saveAs(enrolmentFile);
  const code = (await page.getByTestId('enrolment-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await snapshot(page, 'sync-enrolment-code');
  await page
    .getByRole('dialog', { name: 'Code d’inscription' })
    .getByRole('button', { name: 'Fermer' })
    .click();
  await expect(
    page.getByTestId('laptops-table').getByRole('row').filter({ hasText: 'poste de Gao' }),
  ).toHaveCount(1);

  // The laptop: its first start in web mode, from the enrolment file and its code, as the trainer does it.
  const laptopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-laptop-'));
  const laptop = await startInstallation(laptopDir, TRAINER, ['--inscrire', enrolmentFile, code]);
  try {
    const [onLaptop] = (await laptop.call('organisations.list', {})).items;
    expect(onLaptop?.id).toBe(organisation.id);
    await laptop.call('participants.create', {
      fields: {
        organisationId: organisation.id,
        firstName: 'Fatou',
        lastName: 'Touré',
        sex: 'F',
        phone: '66 12 34 56',
      },
    });
    const file = await laptop.call('sync.exportFile', {});
    const changes = testInfo.outputPath(file.fileName);
    fs.writeFileSync(changes, Buffer.from(file.dataBase64, 'base64'));

    await page.locator('input[type="file"]').setInputFiles(changes);
    const applied = page.getByRole('alert').filter({ hasText: 'Fichier appliqué' });
    await expect(applied).toContainText(/\d+ modifications reçues, 0 conflit/);
    await expect(applied.getByRole('button', { name: 'Enregistrer la réponse pour ce poste' })).toBeVisible();
    await snapshot(page, 'sync-file-applied');

    await page.getByRole('link', { name: 'Participants' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Fatou' })).toHaveCount(1);
  } finally {
    await laptop.stop();
    fs.rmSync(laptopDir, { recursive: true, force: true });
  }
});
