import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../src-main/core/methods';
import { expect, snapshot, test } from './fixtures';

// Forms keep what was typed: nothing is clamped, reverted, erased or turned into another number,
// and what is wrong is said next to the field, in French. Each test has its own organisation.

const organisation = (acronym: string): Input<'organisations.create'> => ({
  name: `Association ${acronym}`,
  acronym,
  type: 'csu',
  level: 'regional',
  region: 'Kidal',
});

/** The new-agreement form, opened from an organisation's page. */
async function agreementForm(page: Page, signIn: (path?: string) => Promise<void>, organisationId: string) {
  await signIn(`/organisations/${organisationId}`);
  await page.getByRole('button', { name: 'Nouvelle convention' }).click();
  return page.getByRole('dialog', { name: 'Nouvelle convention' });
}

/** The error shown under a field (Mantine gives it the field's id and `-error`). */
const messageOf = (field: Locator) =>
  field.evaluate((input) => document.getElementById(`${input.id}-error`)?.textContent ?? null);

test('a decimal duration typed with a comma is stored as it is: 21,5 months', async ({
  page,
  signIn,
  web,
}) => {
  const org = await web.call('organisations.create', organisation('KID1'));
  const dialog = await agreementForm(page, signIn, org.id);
  await dialog.getByLabel('Numéro').fill('DDRK23-005-APO');
  await dialog.getByLabel('Date de signature').fill('05/07/2023');
  await dialog.getByLabel('Durée (mois)').fill('21,5');
  await expect(dialog.getByLabel('Durée (mois)')).toHaveValue('21,5');
  await dialog.getByLabel('Montant (F CFA)').fill('92001000');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const saved = await web.call('organisations.get', { id: org.id });
  expect(saved.agreements.map((a) => a.durationMonths)).toEqual([21.5]);
});

test('a whole-number field keeps 21,5 and −1 as typed, says why, and nothing is stored', async ({
  page,
  signIn,
  web,
}) => {
  await signIn('/organisations/nouvelle');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Association des femmes de Tessalit');
  await page.getByRole('combobox', { name: 'Type de structure' }).click();
  await page.getByRole('option', { name: 'OSC faîtière' }).click();
  await page.getByRole('combobox', { name: 'Niveau' }).click();
  await page.getByRole('option', { name: 'Local' }).click();
  const women = page.getByLabel('Effectif femmes');
  const men = page.getByLabel('Effectif hommes');
  await women.fill('21,5');
  await men.fill('-1');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(women).toHaveValue('21,5');
  await expect(men).toHaveValue('-1');
  await expect(women).toHaveAttribute('aria-invalid', 'true');
  expect(await messageOf(women)).toBe('Indiquez un nombre entier.');
  expect(await messageOf(men)).toBe('Ce nombre ne peut pas être négatif.');
  await expect(page.getByText('2 champs à corriger')).toBeVisible();
  await snapshot(page, 'forms-01-nombre-entier');
  expect((await web.call('organisations.list', {})).items.map((o) => o.name)).not.toContain(
    'Association des femmes de Tessalit',
  );
});

test('an amount is grouped by thousands and a decimal amount is refused, not turned into another', async ({
  page,
  signIn,
  web,
}) => {
  const org = await web.call('organisations.create', organisation('KID2'));
  const dialog = await agreementForm(page, signIn, org.id);
  const amount = dialog.getByLabel('Montant (F CFA)');
  await amount.fill('92001000');
  await expect(amount).toHaveValue('92 001 000 F CFA');
  await amount.fill('21,5');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(amount).toHaveValue('21,5 F CFA');
  expect(await messageOf(amount)).toBe('Le montant doit être un nombre entier de F CFA.');
  expect((await web.call('organisations.get', { id: org.id })).agreements).toEqual([]);
});

test('an impossible date stays typed with « Date impossible », unreadable text says how to write a date', async ({
  page,
  signIn,
  web,
}) => {
  const org = await web.call('organisations.create', organisation('KID3'));
  const dialog = await agreementForm(page, signIn, org.id);
  const signedOn = dialog.getByLabel('Date de signature');
  await signedOn.fill('31/02/2024');
  await signedOn.blur();
  await expect(signedOn).toHaveValue('31/02/2024');
  expect(await messageOf(signedOn)).toBe('Date impossible.');

  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(signedOn).toHaveValue('31/02/2024');
  expect(await messageOf(signedOn)).toBe('Date impossible.');
  await expect(dialog.getByText('Indiquez une date.')).toHaveCount(0);
  await snapshot(page, 'forms-02-date-impossible');

  await signedOn.fill('31 fév 2024');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(signedOn).toHaveValue('31 fév 2024');
  expect(await messageOf(signedOn)).toBe('Date non reconnue : écrivez-la jj/mm/aaaa.');
  expect((await web.call('organisations.get', { id: org.id })).agreements).toEqual([]);

  // The calendar beside the field, from the keyboard too: it opens on the date typed.
  await signedOn.fill('05/07/2023');
  await dialog.getByRole('button', { name: 'Ouvrir le calendrier' }).first().press('Enter');
  await page.getByRole('button', { name: /^14 juillet 2023/ }).click();
  await expect(signedOn).toHaveValue('14/07/2023');
  await expect(signedOn).not.toHaveAttribute('aria-invalid', 'true');
});

test('a form sent with errors off screen scrolls to the first one, focuses it and says how many there are', async ({
  page,
  signIn,
}) => {
  await signIn('/organisations/nouvelle');
  // A name too long, at the top, and a wrong address at the bottom.
  const name = page.getByRole('textbox', { name: 'Nom', exact: true });
  await name.fill('x'.repeat(201));
  await page.getByRole('combobox', { name: 'Type de structure' }).click();
  await page.getByRole('option', { name: 'OSC faîtière' }).click();
  await page.getByRole('combobox', { name: 'Niveau' }).click();
  await page.getByRole('option', { name: 'Local' }).click();
  await page.getByLabel('Courriel').fill('pas-un-courriel');
  const save = page.getByRole('button', { name: 'Enregistrer' });
  await save.scrollIntoViewIfNeeded();
  await expect(name).not.toBeInViewport();

  await save.click();
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
  await expect(page.getByText('2 champs à corriger')).toBeVisible();
  expect(await messageOf(name)).toBe('200 caractères au plus.');
  await expect(name).toHaveValue('x'.repeat(201));
});

test('in English the decimal separator is the point and the messages are English', async ({
  page,
  signIn,
  web,
}) => {
  const org = await web.call('organisations.create', organisation('KID5'));
  await signIn(`/organisations/${org.id}`);
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('button', { name: 'New agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'New agreement' });
  const number = dialog.getByLabel('Number');
  const amount = dialog.getByLabel('Amount (CFA francs)');
  await number.fill('D'.repeat(61));
  await amount.fill('21.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  expect(await messageOf(number)).toBe('At most 60 characters.');
  await expect(amount).toHaveValue('21.5 F CFA');
  expect(await messageOf(amount)).toBe('The amount must be a whole number of CFA francs.');
  await expect(page.getByText('4 fields to correct')).toBeVisible();
});

test('an out-of-range committee score keeps its value and its message, and nothing says « enregistré »', async ({
  page,
  signIn,
  web,
}) => {
  const org = await web.call('organisations.create', organisation('KID4'));
  const set = await web.call('criteriaSets.create', {
    name: 'Grille Kidal',
    scoreMax: 5,
    criteria: [
      { name: 'Pertinence', weight: 40 },
      { name: 'Engagement', weight: 35 },
      { name: 'Place des femmes', weight: 25 },
    ],
    eligibility: { requireCompletedDiagnostic: false, allowedStatuses: ['identified'] },
  });
  await web.call('criteriaSets.validate', {
    id: set.id,
    validatedOn: '2024-03-01',
    validationReference: 'CP-2024-02',
  });
  const round = await web.call('rounds.create', {
    title: 'Comité de Kidal',
    criteriaSetId: set.id,
    meetingOn: '2024-04-10',
    quorum: 1,
  });
  await web.call('rounds.addMember', { roundId: round.id, fields: { name: 'Awa Diarra', role: 'chair' } });
  await web.call('rounds.addCandidate', { roundId: round.id, organisationId: org.id });

  await signIn(`/selection/comites/${round.id}`);
  const cell = (criterion: string) => page.getByRole('textbox', { name: `KID4 — ${criterion}` });
  await cell('Pertinence').fill('7');
  await cell('Engagement').fill('-1');
  await cell('Place des femmes').fill('3,5');
  await page.getByRole('button', { name: 'Enregistrer — KID4' }).click();

  await expect(cell('Pertinence')).toHaveValue('7');
  await expect(cell('Engagement')).toHaveValue('-1');
  await expect(cell('Place des femmes')).toHaveValue('3,5');
  expect(await messageOf(cell('Pertinence'))).toBe('Note hors de l’échelle.');
  expect(await messageOf(cell('Engagement'))).toBe('Note hors de l’échelle.');
  expect(await messageOf(cell('Place des femmes'))).toBe('Indiquez un nombre entier.');
  await expect(cell('Pertinence')).toBeFocused();
  await expect(page.getByText('3 champs à corriger')).toBeVisible();
  await expect(page.getByText('Notes enregistrées')).toHaveCount(0);
  await snapshot(page, 'forms-03-notes-hors-echelle');
  const unscored = await web.call('rounds.get', { id: round.id });
  expect(unscored.candidates[0]!.criteria.flatMap((c) => c.scores.map((s) => s.score))).toEqual([
    null,
    null,
    null,
  ]);

  await cell('Pertinence').fill('5');
  await cell('Engagement').fill('0');
  await cell('Place des femmes').fill('3');
  await page.getByRole('button', { name: 'Enregistrer — KID4' }).click();
  await expect(page.getByText('Notes enregistrées')).toBeVisible();
  await expect(page.getByText('3 champs à corriger')).toHaveCount(0);
  const scored = await web.call('rounds.get', { id: round.id });
  expect(scored.candidates[0]!.criteria.map((c) => c.scores.map((s) => s.score))).toEqual([[5], [0], [3]]);
});
