import { regionalCouncilInput } from '../fixtures/inputs';
import { test, expect, snapshot, E2E_ADMIN, STORAGE_KEYS } from './fixtures';

// The tests of this file share one data folder, in order: the first one finds it empty.

test('the first start creates the administrator; then people sign in and out', async ({ page, web }) => {
  await page.goto(web.launchUrl);
  await expect(page.getByRole('heading', { name: 'Premier démarrage' })).toBeVisible();
  // Nothing of the programme before an account exists.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Nom et prénom').fill(E2E_ADMIN.name);
  await page.getByLabel('Identifiant').fill(E2E_ADMIN.login);
  await page.getByLabel(/^Mot de passe/).fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('autre');
  await page.getByRole('button', { name: 'Créer le compte et se connecter' }).click();
  await expect(page.getByText('Au moins 10 caractères.', { exact: true })).toBeVisible();
  await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();
  await snapshot(page, 'auth-01-premier-demarrage');
  await page.getByLabel(/^Mot de passe/).fill(E2E_ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Créer le compte et se connecter' }).click();

  const user = page.getByTestId('signed-in-user');
  await expect(user).toContainText(E2E_ADMIN.name);
  await expect(user).toContainText('Administrateur');
  await expect(page.getByRole('link', { name: 'Utilisateurs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Journal' })).toBeVisible();

  // No cookie (other ports of 127.0.0.1 would get it): the token and the session stay in the tab,
  // and the launch token left the address.
  expect(await page.context().cookies()).toEqual([]);
  expect(page.url()).not.toContain(web.token);
  const kept = await page.evaluate(
    (keys) => [keys.token, keys.session].map((k) => sessionStorage.getItem(k)),
    STORAGE_KEYS,
  );
  expect(kept[0]).toBe(web.token);
  expect(kept[1]).toMatch(/^[\w-]{43}$/);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  await snapshot(page, 'auth-02-connexion-refusee');
  await page.getByLabel('Mot de passe').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(E2E_ADMIN.name);
});

test('without a session the API answers FORBIDDEN, with the launch token or not', async ({ web }) => {
  await web.openSession(); // the administrator exists (the session itself is not used)
  const response = await fetch(`${web.origin}/api/organisations.list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
    body: '{}',
  });
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const status = await fetch(`${web.origin}/api/auth.status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
    body: '{}',
  });
  expect(await status.json()).toEqual({ ok: true, value: { needsSetup: false, user: null } });
});

test('the administrator creates accounts; a reader sees everything and changes nothing', async ({
  page,
  signIn,
  web,
}) => {
  await web.call('organisations.create', regionalCouncilInput());
  await signIn('/utilisateurs');
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau compte' });
  await dialog.getByLabel('Nom et prénom').fill('Mariam Sidibé');
  await dialog.getByLabel('Identifiant').fill('mariam.sidibe');
  await dialog.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Lecteur' }).click();
  await dialog.getByLabel('Mot de passe provisoire').fill('lecture-seule-2024');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'Mariam Sidibé' });
  await expect(row).toContainText('mariam.sidibe');
  await expect(row).toContainText('Lecteur');
  await expect(row).toContainText('Jamais');
  await snapshot(page, 'auth-03-utilisateurs');

  // The reader signs in: no accounts, no trail, and the core refuses her writes.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByLabel('Identifiant').fill('Mariam.Sidibe');
  await page.getByLabel('Mot de passe').fill('lecture-seule-2024');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('Lecteur');
  await expect(page.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Journal' })).toHaveCount(0);
  await page.goto(`${web.origin}/#/utilisateurs`);
  await expect(page.getByText('Cette page est réservée aux administrateurs.')).toBeVisible();

  await page.goto(`${web.origin}/#/organisations`);
  await page.getByRole('link', { name: 'Conseil Régional de Koulikoro' }).click();
  await page.getByRole('button', { name: 'Archiver' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByText('Votre rôle (lecteur) ne permet pas cette opération.')).toBeVisible();
  await snapshot(page, 'auth-04-lecteur-refuse');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  expect(
    (await web.call('organisations.get', { id: (await web.call('organisations.list', {})).items[0]!.id }))
      .archivedAt,
  ).toBeNull();

  // Her account deactivated meanwhile: her next call brings her back to the sign-in page.
  const mariam = (await web.call('users.list', {})).items.find((u) => u.login === 'mariam.sidibe')!;
  await web.call('users.deactivate', { id: mariam.id });
  await page.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});
