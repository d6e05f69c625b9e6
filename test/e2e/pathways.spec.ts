import type { Locator, Page } from '@playwright/test';
import { expect, plain, snapshot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const UCMK = { name: 'Union des Coopératives Maraîchères de Kati', acronym: 'UCMK' };

/** Picks an organisation in the searchable select of a form. */
async function chooseOrganisation(page: Page, scope: Locator, label: string) {
  await scope.getByRole('combobox', { name: label }).fill('Kati');
  await page.getByRole('option', { name: `${UCMK.name} (${UCMK.acronym})` }).click();
}

async function fillParticipant(
  page: Page,
  person: { first: string; last: string; sex: 'Femme' | 'Homme'; position?: string; phone?: string },
) {
  const dialog = page.getByRole('dialog', { name: 'Nouveau participant' });
  await chooseOrganisation(page, dialog, 'Organisation');
  await dialog.getByLabel('Prénom').fill(person.first);
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.last);
  await dialog.getByRole('radio', { name: person.sex }).check();
  if (person.position) await dialog.getByLabel('Fonction').fill(person.position);
  if (person.phone) await dialog.getByLabel('Téléphone').fill(person.phone);
  return dialog;
}

/** Fills action `n` of a step of the plan. */
async function fillAction(
  page: Page,
  step: Locator,
  n: number,
  action: { type: string; title: string; from: string; to: string; budget: string },
) {
  await step.getByRole('button', { name: /Ajouter une action/ }).click();
  await step.getByRole('combobox', { name: `Type — action ${n}` }).click();
  await page.getByRole('option', { name: action.type, exact: true }).click();
  await step.getByRole('textbox', { name: `Intitulé — action ${n}` }).fill(action.title);
  await step.getByRole('textbox', { name: `Début prévu — action ${n}` }).fill(action.from);
  await step.getByRole('textbox', { name: `Fin prévue — action ${n}` }).fill(action.to);
  await step.getByRole('textbox', { name: `Budget — action ${n}` }).fill(action.budget);
}

test('participants with a duplicate warning, a module with its material, a pathway planned, staffed and started', async ({
  page,
  signIn,
  web,
}) => {
  // An organisation with a completed diagnostic and two needs, prepared through the contract.
  const grid = await web.call('grids.current', {});
  const organisation = await web.call('organisations.create', {
    ...UCMK,
    type: 'community_association',
    level: 'local',
    region: 'Koulikoro',
  });
  const diagnostic = await web.call('diagnostics.create', {
    organisationId: organisation.id,
    fields: {
      conductedOn: '2024-01-15',
      assessors: 'Équipe PRC',
      method: 'facilitated_self_assessment',
      level: 'organisational',
      scores: grid.domains.flatMap((d) => d.criteria.map((c) => ({ criterionId: c.id, score: 2 }))),
      needs: [
        { domainCode: 'financial_management', description: 'Écrire et appliquer les procédures financières' },
        { domainCode: 'governance', description: 'Tenir les assemblées générales statutaires' },
      ],
    },
  });
  await web.call('diagnostics.complete', { id: diagnostic.id });

  await signIn();

  // 1. Participants: two people, then a near-duplicate of the first one.
  await page.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { name: 'Participants', exact: true })).toBeVisible();
  const people = [
    { first: 'Aminata', last: 'Traoré', sex: 'Femme', position: 'Présidente', phone: '+223 76 12 34 56' },
    { first: 'Moussa', last: 'Keïta', sex: 'Homme', position: 'Trésorier', phone: '+223 66 98 76 54' },
  ] as const;
  for (const person of people) {
    await page.getByRole('button', { name: 'Nouveau participant' }).first().click();
    const dialog = await fillParticipant(page, person);
    if (person.first === 'Aminata') {
      await dialog.getByRole('combobox', { name: 'Tranche d’âge' }).click();
      await page.getByRole('option', { name: '35–49 ans' }).click();
      await dialog.getByLabel('Occupe un poste de décision').check();
    }
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }
  const table = page.getByTestId('participants-table');
  await expect(table.getByRole('row', { name: /TRAORÉ Aminata/ })).toContainText('Présidente');
  await expect(table.getByRole('row', { name: /TRAORÉ Aminata/ })).toContainText('35–49 ans');
  await expect(table.getByRole('row', { name: /KEÏTA Moussa/ })).toContainText('Homme');

  // "Aminatou Traore" in the same organisation: the French warning shows who is already there.
  await page.getByRole('button', { name: 'Nouveau participant' }).first().click();
  let dialog = await fillParticipant(page, { first: 'Aminatou', last: 'Traore', sex: 'Femme' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const warning = dialog.getByTestId('duplicates');
  await expect(warning).toContainText('Cette personne est peut-être déjà enregistrée');
  await expect(warning.getByRole('row', { name: /Aminata Traoré/ })).toContainText('UCMK');
  await expect(warning.getByRole('row', { name: /Aminata Traoré/ })).toContainText('+223 76 12 34 56');
  await snapshot(page, 'parcours-02-doublon');
  // She is someone else: saved on confirmation.
  await dialog.getByRole('button', { name: 'C’est une autre personne : enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /TRAORE Aminatou/ })).toBeVisible();

  // "Traoré Aminata" (names swapped) is the same person as the first: nobody new is saved.
  await page.getByRole('button', { name: 'Nouveau participant' }).first().click();
  dialog = await fillParticipant(page, { first: 'Traoré', last: 'Aminata', sex: 'Femme' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.getByRole('button', { name: 'C’est cette personne : Aminata Traoré' }).click();
  await expect(dialog).toBeHidden();
  // The list of the organisation's people, filtered in the address: three, not four.
  await chooseOrganisation(page, page.locator('main'), 'Organisation');
  await expect(page).toHaveURL(/organisation=/);
  await expect(page.getByText('3 résultats')).toBeVisible();
  await snapshot(page, 'parcours-01-participants');

  // 2. The module library: a module and its training material.
  await page.getByRole('link', { name: 'Modules de formation' }).click();
  await page.getByRole('button', { name: 'Nouveau module' }).first().click();
  const moduleDialog = page.getByRole('dialog', { name: 'Nouveau module' });
  await moduleDialog.getByLabel('Intitulé').fill('Gestion financière des organisations communautaires');
  await moduleDialog.getByLabel('Thème').fill('Gestion financière');
  await moduleDialog.getByLabel('Durée (heures)').fill('16');
  await moduleDialog.getByLabel('Objectifs pédagogiques').fill('Tenir une caisse, un journal et un budget.');
  await moduleDialog.getByLabel('Public cible').fill('Trésoriers et membres des bureaux');
  await moduleDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(moduleDialog).toBeHidden();
  const moduleRow = page
    .getByTestId('modules-table')
    .getByRole('row', { name: /Gestion financière des organisations communautaires/ });
  await expect(moduleRow).toContainText('16 h');
  await expect(page.getByText('Aucun support pour ce module.')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'guide-du-formateur.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Guide du formateur\n'),
  });
  await expect(page.getByTestId('material')).toContainText('guide-du-formateur.pdf');
  await expect(moduleRow.getByRole('cell').nth(6)).toHaveText('1');
  await snapshot(page, 'parcours-03-modules');

  // 3. A pathway for the organisation, answering a need of its diagnostic.
  await page.getByRole('link', { name: 'Parcours', exact: true }).click();
  await page.getByRole('button', { name: 'Nouveau parcours' }).first().click();
  const pathwayDialog = page.getByRole('dialog', { name: 'Nouveau parcours' });
  await expect(pathwayDialog.getByText('Choisissez d’abord l’organisation')).toBeVisible();
  await chooseOrganisation(page, pathwayDialog, 'Organisation');
  await pathwayDialog.getByLabel('Intitulé du parcours').fill('Parcours gestion financière 2024');
  await pathwayDialog.getByLabel('Besoins du diagnostic').click();
  await page
    .getByRole('option', { name: 'Gestion financière — Écrire et appliquer les procédures financières' })
    .click();
  await pathwayDialog.getByLabel('Compétences visées').fill('Tenir une comptabilité simplifiée');
  await pathwayDialog.getByLabel('Objectif de performance').fill('Comptes annuels présentés à l’AG');
  await pathwayDialog.getByLabel('Date de début').fill('01/03/2024');
  await pathwayDialog.getByLabel('Date de fin').fill('31/12/2024');
  await pathwayDialog.getByLabel('Budget (F CFA)').fill('12000000');
  await snapshot(page, 'parcours-04-nouveau-parcours');
  await pathwayDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Parcours gestion financière 2024' })).toBeVisible();
  await expect(page.getByTestId('pathway-status')).toHaveText('Brouillon');
  await expect(page.getByTestId('pathway-needs')).toContainText(
    'Gestion financièreÉcrire et appliquer les procédures financières',
  );

  // 4. The plan: three steps (before, during, after) and four actions.
  await page.getByRole('button', { name: 'Ajouter une étape « avant »' }).click();
  await page.getByRole('button', { name: 'Ajouter une étape « pendant »' }).click();
  await page.getByRole('button', { name: 'Ajouter une étape « après »' }).click();
  const step = (n: number) => page.getByRole('group', { name: `Étape ${n}`, exact: true });
  await step(1).getByRole('textbox', { name: 'Intitulé de l’étape' }).fill('Préparation');
  await fillAction(page, step(1), 1, {
    type: 'Séance de sensibilisation',
    title: 'Sensibilisation des membres',
    from: '04/03/2024',
    to: '08/03/2024',
    budget: '500000',
  });
  await step(2).getByRole('textbox', { name: 'Intitulé de l’étape' }).fill('Formation-action');
  await fillAction(page, step(2), 1, {
    type: 'Séance de formation',
    title: 'Formation en comptabilité',
    from: '08/04/2024',
    to: '12/04/2024',
    budget: '3000000',
  });
  await fillAction(page, step(2), 2, {
    type: 'Coaching',
    title: 'Coaching du trésorier',
    from: '02/05/2024',
    to: '31/07/2024',
    budget: '1000000',
  });
  await step(3).getByRole('textbox', { name: 'Intitulé de l’étape' }).fill('Suivi');
  await fillAction(page, step(3), 1, {
    type: 'Échange entre pairs',
    title: 'Échange avec une union voisine',
    from: '07/10/2024',
    to: '08/10/2024',
    budget: '800000',
  });
  await expect
    .poll(async () => plain(await page.getByTestId('plan-total').textContent()))
    .toBe('5 300 000 F CFA');
  await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
  await expect(page.getByText('Plan enregistré', { exact: true })).toBeVisible();
  await expect(page.getByTestId('budget-actions')).toHaveText(/5\s300\s000/);
  await expect(page.getByTestId('planned-bar')).toHaveCount(4);

  // A session held for the training action, recorded by the sessions screens (prepared here).
  const pathwayId = page.url().split('/').pop()!;
  const saved = await web.call('pathways.get', { id: pathwayId });
  const training = saved.steps[1]!.actions[0]!;
  await web.call('sessions.create', {
    title: 'Comptabilité — première session',
    pathwayActionId: training.id,
    phase: 'classroom',
    costFcfa: 2_750_000,
    days: [
      { date: '2024-04-09', startTime: '08:30', endTime: '16:30' },
      { date: '2024-04-11', startTime: '08:30', endTime: '16:30' },
    ],
    trainers: [],
  });
  await page.reload();
  await expect(page.getByTestId('held-bar')).toHaveCount(1);
  await expect(page.getByTestId('budget-spent')).toHaveText(/2\s750\s000/);

  // Dropping that action is refused by the core, and said so; the change is then discarded.
  await step(2).getByRole('button', { name: 'Supprimer : action 1' }).click();
  await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Le plan n’a pas été enregistré' })).toContainText(
    'Des sessions ont eu lieu pour « Formation en comptabilité »',
  );
  await page.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(step(2).getByRole('textbox', { name: 'Intitulé — action 1' })).toHaveValue(
    'Formation en comptabilité',
  );

  // 5. Participants enrolled: two existing people, and a new one created from the pathway.
  await page.getByRole('button', { name: 'Inscrire des participants' }).click();
  const enrolDialog = page.getByRole('dialog', { name: 'Inscrire des participants' });
  await enrolDialog.getByRole('checkbox', { name: 'Aminata Traoré' }).check();
  await enrolDialog.getByRole('checkbox', { name: 'Moussa Keïta' }).check();
  await enrolDialog.getByRole('button', { name: 'Inscrire 2 personnes' }).click();
  await expect(enrolDialog).toBeHidden();
  await page.getByRole('button', { name: 'Nouveau participant' }).click();
  const newPerson = page.getByRole('dialog', { name: 'Nouveau participant' });
  await expect(newPerson.getByRole('combobox', { name: 'Organisation' })).toBeDisabled();
  await newPerson.getByLabel('Prénom').fill('Fatoumata');
  await newPerson.getByRole('textbox', { name: 'Nom', exact: true }).fill('Diallo');
  await newPerson.getByRole('radio', { name: 'Femme' }).check();
  await newPerson.getByLabel('Fonction').fill('Secrétaire comptable');
  await newPerson.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(newPerson).toBeHidden();
  await expect(page.getByTestId('enrolled-count')).toHaveText('3 participants inscrits · 2 F · 1 H');
  await expect(page.getByTestId('enrolled-table')).toContainText('Fatoumata Diallo');

  // 6. The workflow: submitted, approved by the committee (date and reference), started.
  await page.getByRole('button', { name: 'Soumettre au comité' }).click();
  let statusDialog = page.getByRole('dialog', { name: 'Soumettre au comité' });
  await statusDialog.getByLabel('Date de soumission').fill('20/02/2024');
  await statusDialog.getByRole('button', { name: 'Soumettre au comité' }).click();
  await expect(page.getByTestId('pathway-status')).toHaveText('Soumis au comité');

  await page.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  statusDialog = page.getByRole('dialog', { name: 'Enregistrer l’approbation' });
  await statusDialog.getByLabel('Date de l’approbation').fill('26/02/2024');
  await statusDialog.getByText('Indiquez la date et la référence').click(); // closes the calendar
  await statusDialog.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  await expect(statusDialog.getByText('Ce champ est obligatoire.')).toBeVisible();
  await statusDialog.getByLabel('Référence de l’approbation (PV, décision)').fill('CT-2024-03');
  await statusDialog.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  await expect(page.getByTestId('pathway-status')).toHaveText('Approuvé');
  await expect(page.getByTestId('pathway-approval')).toHaveText(
    'Approuvé par le comité le 26/02/2024 (réf. CT-2024-03)',
  );

  await page.getByRole('button', { name: 'Démarrer le parcours' }).click();
  statusDialog = page.getByRole('dialog', { name: 'Démarrer le parcours' });
  await statusDialog.getByLabel('Date de démarrage').fill('01/03/2024');
  await statusDialog.getByRole('button', { name: 'Démarrer le parcours' }).click();
  await expect(page.getByTestId('pathway-status')).toHaveText('En cours');
  await expect(page.getByRole('button', { name: 'Suspendre' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clôturer le parcours' })).toBeVisible();

  // 7. The planning view: one row per action, months from March to December, the session held.
  const planning = page.getByTestId('planning');
  await expect(planning.getByTestId('planning-row')).toHaveCount(4);
  await expect(planning.getByTestId('planning-month').first()).toHaveText('mars 2024');
  await expect(planning.getByTestId('planning-month')).toHaveCount(10);
  await expect(planning.getByText('Réalisé (sessions tenues)')).toBeVisible();
  await expect(planning.getByTestId('held-bar')).toHaveAttribute(
    'title',
    'Comptabilité — première session : du 09/04/2024 au 11/04/2024',
  );
  await snapshot(page, 'parcours-06-parcours-plan');

  // 8. The list of pathways, and the organisation now "En parcours".
  await page.getByRole('link', { name: 'Parcours', exact: true }).first().click();
  const pathwayRow = page
    .getByTestId('pathways-table')
    .getByRole('row', { name: /Parcours gestion financière 2024/ });
  await expect(pathwayRow).toContainText('En cours');
  await expect(pathwayRow).toContainText('01/03/2024');
  await expect(pathwayRow).toContainText('31/12/2024');
  expect(plain(await pathwayRow.textContent())).toContain('12 000 000 F CFA');
  await snapshot(page, 'parcours-05-liste');

  await page.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('row', { name: new RegExp(UCMK.name) })).toContainText('En parcours');

  // 9. The same pages in English.
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('link', { name: 'Pathways' }).click();
  await expect(page.getByRole('heading', { name: 'Skills pathways' })).toBeVisible();
  await page.getByRole('link', { name: 'Parcours gestion financière 2024' }).click();
  await expect(page.getByTestId('pathway-status')).toHaveText('In progress');
  await expect(page.getByRole('heading', { name: 'Pathway plan' })).toBeVisible();
  await expect(page.getByTestId('planning-month').first()).toHaveText('Mar 2024');
  await snapshot(page, 'parcours-07-en');
});
