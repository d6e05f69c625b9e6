import type { Page } from '@playwright/test';
import { expect, plain, snapshot, test } from './fixtures';
import type { Web } from './prepare';

const CAFO = 'Coordination des Associations et ONG Féminines';
const STAGES = ['entered', 'agreements', 'diagnosed'] as const;

/**
 * The CAFO as the steps below leave it, up to `stage`, prepared through the contract: entered with
 * its staff and contact, its two agreements, then diagnosed on 10/04/2024.
 */
async function prepareCafo(web: Web, stage: (typeof STAGES)[number]) {
  const reached = (s: (typeof STAGES)[number]) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  const organisation = await web.call('organisations.create', {
    name: CAFO,
    acronym: 'CAFO',
    type: 'csu',
    level: 'regional',
    region: 'Ségou',
    cercle: 'Ségou',
    staffWomen: 12,
    staffMen: 3,
    contactName: 'Aminata Traoré',
    contactPhone: '+223 76 00 00 00',
  });
  if (!reached('agreements')) return organisation;
  for (const fields of [
    { number: 'DDRK23-002-APO', signedOn: '2023-07-05', durationMonths: 14, amountFcfa: 92_001_000 },
    { number: 'DDRG23-001-APO', signedOn: '2024-03-02', durationMonths: 12, amountFcfa: 45_500_000 },
  ]) {
    await web.call('agreements.create', { organisationId: organisation.id, fields });
  }
  if (!reached('diagnosed')) return organisation;
  return web.call('organisations.changeStatus', {
    id: organisation.id,
    status: 'diagnosed',
    changedOn: '2024-04-10',
  });
}

/** Opens the CAFO's page, signed in. */
async function openCafo(page: Page, signIn: (path?: string) => Promise<void>, id: string) {
  await signIn(`/organisations/${id}`);
  await expect(page.getByRole('heading', { name: CAFO })).toBeVisible();
}

test('from the empty list, an organisation entered: the form refuses bad input next to each field', async ({
  page,
  signIn,
}) => {
  await signIn();

  // Empty state
  await expect(page.getByRole('heading', { name: 'Aucune organisation pour l’instant' })).toBeVisible();
  await snapshot(page, '01-organisations-vide');

  // The form refuses bad input, in French, next to each field
  await page.getByRole('link', { name: 'Nouvelle organisation' }).first().click();
  await expect(page.getByRole('heading', { name: 'Nouvelle organisation' })).toBeVisible();
  await page.getByLabel('Courriel').fill('pas-un-courriel');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const nameField = page.getByRole('textbox', { name: 'Nom', exact: true });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Ce champ est obligatoire.')).toHaveCount(3); // nom, type, niveau
  await expect(page.getByText('Adresse de courriel invalide.')).toBeVisible();
  await snapshot(page, '02-organisation-erreurs');

  // A valid organisation
  await nameField.fill('Coordination des Associations et ONG Féminines');
  await page.getByLabel('Sigle').fill('CAFO');
  await page.getByRole('combobox', { name: 'Type de structure' }).click();
  await page.getByRole('option', { name: 'OSC faîtière' }).click();
  await page.getByRole('combobox', { name: 'Niveau' }).click();
  await page.getByRole('option', { name: 'Régional' }).click();
  await page.getByRole('combobox', { name: 'Région' }).fill('Ségou');
  await page.getByLabel('Cercle').fill('Ségou');
  await page.getByLabel('Effectif femmes').fill('12');
  await page.getByLabel('Effectif hommes').fill('3');
  await expect(page.getByTestId('staff-total')).toHaveText('15');
  await page.getByLabel('Nom et prénom').fill('Aminata Traoré');
  await page.getByLabel('Téléphone').fill('+223 76 00 00 00');
  await page.getByLabel('Courriel').fill('');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(
    page.getByRole('heading', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeVisible();
  await expect(page.getByTestId('organisation-status')).toHaveText('Identifiée');
  await expect(page.getByText('Part des femmes : 80 %')).toBeVisible();
});

test('agreements: a negative amount refused, the end date computed, the total in F CFA and euros', async ({
  page,
  signIn,
  web,
}) => {
  const organisation = await prepareCafo(web, 'entered');
  await openCafo(page, signIn, organisation.id);

  // First agreement: a field error on a negative amount, then the real one
  await page.getByRole('button', { name: 'Nouvelle convention' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle convention' });
  await dialog.getByLabel('Numéro').fill('DDRK23-002-APO');
  await dialog.getByLabel('Date de signature').fill('05/07/2023');
  await dialog.getByLabel('Durée (mois)').fill('14');
  await dialog.getByLabel('Montant (F CFA)').fill('-5');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Le montant ne peut pas être négatif.')).toBeVisible();
  await expect(dialog.getByText('Calculée si laissée vide : 04/09/2024')).toBeVisible();
  await snapshot(page, '03-convention-erreur');
  await dialog.getByLabel('Montant (F CFA)').fill('92001000');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();

  // Second agreement: 02/03/2024 is 2 March
  await page.getByRole('button', { name: 'Nouvelle convention' }).click();
  await dialog.getByLabel('Numéro').fill('DDRG23-001-APO');
  await dialog.getByLabel('Date de signature').fill('02/03/2024');
  await dialog.getByLabel('Durée (mois)').fill('12');
  await dialog.getByLabel('Montant (F CFA)').fill('45500000');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId('agreements-table');
  await expect(table.getByRole('row', { name: /DDRK23-002-APO/ })).toContainText('05/07/2023');
  await expect(table.getByRole('row', { name: /DDRK23-002-APO/ })).toContainText('04/09/2024');
  await expect(table.getByRole('row', { name: /DDRG23-001-APO/ })).toContainText('02/03/2024');
  await expect(table.getByRole('row', { name: /DDRG23-001-APO/ })).toContainText('01/03/2025');
  // 92 001 000 + 45 500 000, and its euro equivalent at 655,957
  await expect
    .poll(async () => plain(await page.getByTestId('agreements-total').textContent()))
    .toContain('137 501 000 F CFA');
  expect(plain(await page.getByTestId('agreements-total-eur').textContent())).toBe('209 618,92 €');
  await snapshot(page, '04-organisation-fiche');
});

test('a status change with its history', async ({ page, signIn, web }) => {
  const organisation = await prepareCafo(web, 'agreements');
  await openCafo(page, signIn, organisation.id);

  // Status change with its history
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  const statusDialog = page.getByRole('dialog', { name: 'Changer le statut' });
  await statusDialog.getByRole('combobox', { name: 'Nouveau statut' }).click();
  await page.getByRole('option', { name: 'Diagnostiquée' }).click();
  await statusDialog.getByLabel('Date du changement').fill('10/04/2024');
  await statusDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('organisation-status')).toHaveText('Diagnostiquée');
  await expect(page.getByText('Identifiée → Diagnostiquée')).toBeVisible();
  await expect(page.getByText('10/04/2024')).toBeVisible();
});

test('an organisation is found by an accent-less, lower-case search', async ({ page, signIn, web }) => {
  await prepareCafo(web, 'diagnosed');
  await signIn();

  // Found by an accent-less, lower-case search
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('segou');
  await expect(
    page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeVisible();
  await expect(page.getByText('1 résultat')).toBeVisible();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('cafo');
  await expect(
    page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('bamako');
  await expect(page.getByText('Aucune organisation ne correspond à ces critères.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('');
  await expect(
    page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeVisible();
  await snapshot(page, '05-organisations-liste');
});

test('everything is still there after a reload and a restart; all agreements with their total', async ({
  page,
  signIn,
  web,
}) => {
  await prepareCafo(web, 'diagnosed');
  await signIn();

  // Everything is still there after a reload, and after restarting the app
  await page.reload();
  await expect(
    page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeVisible();
  await web.restart();
  await signIn();
  await page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }).click();
  await expect
    .poll(async () => plain(await page.getByTestId('agreements-total').textContent()))
    .toContain('137 501 000 F CFA');
  await expect(page.getByTestId('organisation-status')).toHaveText('Diagnostiquée');

  // All agreements, with the overall total
  await page.getByRole('link', { name: 'Conventions' }).click();
  await expect
    .poll(async () => plain(await page.getByTestId('all-agreements-total').textContent()))
    .toBe('137 501 000 F CFA');
  await snapshot(page, '06-conventions');
});

test('archive with confirmation, then restore', async ({ page, signIn, web }) => {
  const organisation = await prepareCafo(web, 'diagnosed');
  await openCafo(page, signIn, organisation.id);
  await page.getByRole('button', { name: 'Archiver' }).click();
  const confirm = page.getByRole('dialog', { name: 'Archiver cette organisation ?' });
  await expect(confirm).toContainText('Ses données et ses conventions sont conservées');
  await snapshot(page, '07-archiver-confirmation');
  await confirm.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByText(/Archivée le \d\d\/\d\d\/\d{4}/)).toBeVisible();

  await page.getByRole('link', { name: 'Organisations' }).first().click();
  await expect(
    page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }),
  ).toBeHidden();
  const showArchived = page.getByRole('switch', { name: 'Afficher les archivées' });
  await showArchived.click();
  await expect(showArchived).toBeChecked();
  await page.getByRole('link', { name: 'Coordination des Associations et ONG Féminines' }).click();
  await page.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByText(/Archivée le/)).toBeHidden();
});

test('the interface switches to English and back', async ({ page, signIn, web }) => {
  await prepareCafo(web, 'diagnosed');
  await signIn();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'New organisation' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Type of organisation' })).toBeVisible();
  await snapshot(page, '08-organisations-english');
  await page.getByText('FR', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Nouvelle organisation' })).toBeVisible();
});

test('web mode refuses a request without the token', async ({ page, web }) => {
  const response = await page.request.post(`${web.origin}/api/organisations.list`, {
    data: {},
    headers: { 'Content-Type': 'application/json' },
  });
  expect(response.status()).toBe(401);
  await page.goto(web.origin);
  await expect(page.getByText('accès refusé')).toBeVisible();
});
