import fs from 'node:fs';
import path from 'node:path';
import { test, expect, snapshot } from './fixtures';

/** The migrations this version ships (migrations/meta/_journal.json), oldest first. */
const MIGRATIONS = (
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../migrations/meta/_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] }
).entries;

const organisation = (name: string) =>
  ({ name, type: 'csu', level: 'regional', region: 'Koulikoro', staffWomen: 12, staffMen: 3 }) as const;

test('backs up, exports an archive to carry, and restores it through the page', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  await web.call('organisations.create', organisation('Coordination des Associations et ONG Féminines'));
  await web.call('modules.create', { title: 'Gestion financière', durationHours: 12 });
  await signIn('/sauvegardes');
  await expect(page.getByRole('heading', { name: 'Sauvegardes', level: 2 })).toBeVisible();
  // Web mode's footer: the version of Parcours and the schema of its data, numbered as the
  // migrations that make it (the twelfth: « schéma 12 »).
  await expect(page.getByTestId('version-footer')).toHaveText(
    new RegExp(`^Parcours \\d+\\.\\d+\\.\\d+ · schéma ${MIGRATIONS.length}$`),
  );
  const table = page.getByTestId('backups-table');

  // A backup now: verified and listed with its kind.
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByText('Sauvegarde faite et vérifiée')).toBeVisible();
  const manual = table.getByRole('row').filter({ hasText: 'Manuelle' });
  await expect(manual).toHaveCount(1);
  await expect(manual.getByText('Vérifiée')).toBeVisible();
  await expect(manual.getByRole('cell').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await snapshot(page, 'backups-list');

  // An archive for the USB key: one .parcours file, downloaded.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parcours-sauvegarde-\d{4}-\d{2}-\d{2}\.parcours$/);
  const archive = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(archive);
  expect(fs.statSync(archive).size).toBeGreaterThan(1000);

  // Work done after the export…
  await web.call('organisations.create', organisation('Organisation saisie après l’export'));

  // …is replaced when the archive is restored, after seeing what it holds.
  await page.locator('input[type="file"]').setInputFiles(archive);
  const dialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('restore-count-organisations')).toHaveText('1');
  await expect(dialog.getByTestId('restore-count-documents')).toHaveText('0');
  await expect(dialog.getByText('Version de Parcours')).toBeVisible();
  await expect(dialog.getByText(/d’abord gardées dans une sauvegarde « avant restauration »/)).toBeVisible();
  await snapshot(page, 'backups-restore-confirm');
  await dialog.getByRole('button', { name: 'Remplacer les données' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Données restaurées : sauvegarde du \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  const kept = table.getByRole('row').filter({ hasText: 'Avant restauration' });
  await expect(kept).toHaveCount(1);
  await snapshot(page, 'backups-restored');

  await page.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByText('Coordination des Associations et ONG Féminines')).toBeVisible();
  await expect(page.getByText('Organisation saisie après l’export')).toHaveCount(0);

  // The data replaced was kept: restoring it from the list brings the record back.
  await page.getByRole('link', { name: 'Sauvegardes' }).click();
  await kept.getByRole('button', { name: /^Restaurer la sauvegarde du/ }).click();
  await expect(dialog.getByTestId('restore-count-organisations')).toHaveText('2');
  await dialog.getByRole('button', { name: 'Remplacer les données' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByText('Organisation saisie après l’export')).toBeVisible();
});

test('refuses a file that is not a backup, with a clear message, and changes nothing', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  await web.call('organisations.create', organisation('Coordination des Associations et ONG Féminines'));
  await web.call('backups.create', {});
  await signIn('/sauvegardes');
  const notABackup = testInfo.outputPath('rapport.parcours');
  fs.writeFileSync(notABackup, '%PDF-1.7\nUn rapport, pas une sauvegarde.\n');
  await page.locator('input[type="file"]').setInputFiles(notABackup);
  const alert = page.getByRole('alert').filter({ hasText: 'Cette sauvegarde n’a pas été restaurée' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Ce fichier n’est pas une sauvegarde Parcours lisible');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await snapshot(page, 'backups-refused');

  // A backup damaged on the disk is shown as such and cannot be restored.
  const folder = path.join(web.dataDir, 'sauvegardes');
  const manual = fs.readdirSync(folder).find((f) => f.endsWith('-manuelle.sqlite'))!;
  fs.appendFileSync(path.join(folder, manual), 'abîmé');
  await page.reload();
  const damaged = page.getByTestId('backups-table').getByRole('row').filter({ hasText: 'Manuelle' });
  await expect(damaged.getByText('Endommagée')).toBeVisible();
  await expect(damaged.getByRole('button', { name: /^Restaurer/ })).toHaveCount(0);
  await snapshot(page, 'backups-damaged');
  await page.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByText('Coordination des Associations et ONG Féminines')).toBeVisible();
});
