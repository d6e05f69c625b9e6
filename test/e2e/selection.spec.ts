import type { Page } from '@playwright/test';
import { expect, plain, snapshot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const organisations = [
  { acronym: 'CAFO', name: 'Coordination des Associations et ONG Féminines', type: 'csu' as const },
  { acronym: 'CNSC', name: 'Conseil National de la Société Civile', type: 'csu' as const },
  { acronym: 'AOPP', name: 'Association des Organisations Professionnelles Paysannes', type: 'csu' as const },
  { acronym: 'DRA', name: 'Direction Régionale de l’Agriculture', type: 'std' as const },
];

async function fillScores(page: Page, candidate: string, scores: [number, number, number]) {
  const criteria = ['Pertinence du mandat', 'Capacité d’engagement', 'Place des femmes'];
  for (const [i, name] of criteria.entries()) {
    await page.getByRole('textbox', { name: `${candidate} — ${name}` }).fill(String(scores[i]));
  }
  await page.getByRole('button', { name: `Enregistrer — ${candidate}` }).click();
  await expect(page.getByText('Notes enregistrées').first()).toBeVisible();
}

test('a committee round: criteria, members, candidates, scores with a conflict of interest, ranking, decisions, minutes', async ({
  page,
  signIn,
  web,
}) => {
  // Four organisations with a completed diagnostic, and one without, prepared through the contract.
  const grid = await web.call('grids.current', {});
  const scores = grid.domains.flatMap((d) => d.criteria.map((c) => ({ criterionId: c.id, score: 2 })));
  for (const o of organisations) {
    const created = await web.call('organisations.create', {
      name: o.name,
      acronym: o.acronym,
      type: o.type,
      level: 'regional',
      region: 'Koulikoro',
    });
    const d = await web.call('diagnostics.create', {
      organisationId: created.id,
      fields: {
        conductedOn: '2024-02-01',
        assessors: 'Équipe PRC',
        method: 'facilitated_self_assessment',
        level: 'organisational',
        scores,
        needs: [],
      },
    });
    await web.call('diagnostics.complete', { id: d.id });
  }
  await web.call('organisations.create', {
    name: 'Chambre régionale d’agriculture',
    acronym: 'CRA',
    type: 'consular_chamber',
    level: 'regional',
  });

  await signIn();

  // 1. The criteria set: weights must add up to 100, then the steering committee validates it.
  await page.getByRole('link', { name: 'Sélection' }).click();
  await page.getByRole('tab', { name: 'Grilles de critères' }).click();
  await page.getByRole('link', { name: 'Nouvelle grille' }).click();
  await page.getByLabel('Nom de la grille').fill('Critères de sélection 2024');
  await page.getByRole('textbox', { name: 'Critère 1' }).fill('Pertinence du mandat');
  await page.getByRole('textbox', { name: 'Poids 1' }).fill('40');
  await page.getByRole('button', { name: 'Ajouter un critère' }).click();
  await page.getByRole('textbox', { name: 'Critère 2' }).fill('Capacité d’engagement');
  await page.getByRole('textbox', { name: 'Poids 2' }).fill('35');
  await page.getByRole('button', { name: 'Ajouter un critère' }).click();
  await page.getByRole('textbox', { name: 'Critère 3' }).fill('Place des femmes');
  await page.getByRole('textbox', { name: 'Poids 3' }).fill('20');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La somme des poids doit être égale à 100.')).toBeVisible();
  await expect(page.getByTestId('weights-total')).toHaveText('Total des poids : 95 / 100');
  await page.getByRole('textbox', { name: 'Poids 3' }).fill('25');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Grille enregistrée')).toBeVisible();
  await snapshot(page, 'sel-01-grille-brouillon');
  await page.getByRole('button', { name: 'Enregistrer la validation du comité de pilotage' }).click();
  const validation = page.getByRole('dialog', { name: 'Validation ex ante par le comité de pilotage' });
  await validation.getByLabel('Date de validation').fill('01/03/2024');
  await validation.getByLabel('Référence (PV, décision)').fill('CP-2024-02');
  await validation.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Validée le 01/03/2024 (CP-2024-02)')).toBeVisible();
  await snapshot(page, 'sel-02-grille-validee');

  // 2. The round and its members
  await page.getByRole('link', { name: 'Sélection' }).click();
  await page.getByRole('button', { name: 'Nouveau comité' }).click();
  const roundDialog = page.getByRole('dialog', { name: 'Nouveau comité' });
  await roundDialog.getByLabel('Intitulé').fill('Comité technique n° 1');
  await roundDialog.getByRole('combobox', { name: 'Grille de critères' }).click();
  await page.getByRole('option', { name: /Critères de sélection 2024/ }).click();
  await roundDialog.getByLabel('Date de la réunion').fill('10/04/2024');
  await roundDialog.getByLabel('Lieu').fill('Koulikoro');
  await roundDialog.getByLabel('Quorum (membres votants présents)').fill('3');
  await roundDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Comité technique n° 1' })).toBeVisible();
  await expect(page.getByTestId('quorum')).toHaveText('Quorum non atteint : 0 / 3');

  const members: [string, string, string][] = [
    ['Awa Diarra', 'Président(e)', 'Gouvernorat de Koulikoro'],
    ['Moussa Keïta', 'Membre', 'Conseil Régional'],
    ['Fatoumata Sidibé', 'Membre', 'DRPIA'],
  ];
  for (const [name, role, institution] of members) {
    await page.getByRole('textbox', { name: 'Nom et prénom' }).fill(name);
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
    await page.getByRole('textbox', { name: 'Institution' }).fill(institution);
    await page.getByRole('button', { name: 'Ajouter le membre' }).click();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('quorum')).toHaveText('Quorum atteint : 3 / 3');

  // 3. Candidates: the four eligible ones; the chamber without a diagnostic is shown with its reason.
  await page.getByRole('button', { name: 'Ajouter des candidats' }).click();
  const eligibility = page.getByRole('dialog', { name: 'Ajouter des candidats' });
  await expect(eligibility.getByText('pas de diagnostic terminé, statut non admis')).toBeVisible();
  await snapshot(page, 'sel-03-eligibilite');
  for (const o of organisations) {
    await eligibility.getByRole('button', { name: `Ajouter ${o.name}` }).click();
    await expect(
      eligibility.getByRole('row', { name: new RegExp(o.name) }).getByText('Déjà candidate'),
    ).toBeVisible();
  }
  await eligibility
    .getByRole('button', { name: 'Close' })
    .or(page.locator('.mantine-Modal-close'))
    .first()
    .click();

  // 4. Scores: each member in turn; Fatoumata declares a conflict of interest for the CAFO.
  await page.getByRole('radio', { name: 'Awa Diarra' }).check({ force: true });
  await fillScores(page, 'CAFO', [5, 4, 5]);
  await fillScores(page, 'CNSC', [4, 3, 3]);
  await fillScores(page, 'AOPP', [4, 3, 3]);
  await fillScores(page, 'DRA', [2, 2, 1]);
  await page.getByText('Moussa Keïta', { exact: true }).last().click();
  await fillScores(page, 'CAFO', [4, 4, 5]);
  await fillScores(page, 'CNSC', [4, 3, 3]);
  await fillScores(page, 'AOPP', [4, 3, 3]);
  await fillScores(page, 'DRA', [3, 2, 1]);
  await page.getByText('Fatoumata Sidibé', { exact: true }).last().click();
  await page.getByRole('checkbox', { name: 'Conflit d’intérêts — CAFO' }).check();
  await page.getByRole('textbox', { name: 'Motif du conflit — CAFO' }).fill('Membre du bureau de la CAFO');
  await page.getByRole('button', { name: 'Enregistrer — CAFO' }).click();
  await expect(page.getByText('Notes enregistrées').first()).toBeVisible();
  await fillScores(page, 'CNSC', [4, 3, 3]);
  await fillScores(page, 'AOPP', [4, 3, 3]);
  await fillScores(page, 'DRA', [1, 2, 1]);

  // 5. The ranking, worked out by hand:
  //    CAFO: means 4,5 / 4 / 5 → 40×0,9 + 35×0,8 + 25×1 = 89 (Fatoumata left out)
  //    CNSC and AOPP: 4 / 3 / 3 → 32 + 21 + 15 = 68, tied second
  //    DRA: 2 / 2 / 1 → 16 + 14 + 5 = 35, fourth
  const ranking = page.getByTestId('ranking');
  const row = (acronym: string) => ranking.getByTestId(`rank-row-${acronym}`);
  await expect.poll(async () => plain(await row('DRA').getByTestId('total').textContent())).toBe('35,00');
  await expect(row('CAFO').getByTestId('total')).toHaveText('89,00');
  await expect(row('CAFO')).toContainText('Conflit d’intérêts déclaré : Fatoumata Sidibé');
  await expect(row('CNSC').getByTestId('total')).toHaveText('68,00');
  await expect(row('AOPP').getByTestId('total')).toHaveText('68,00');
  await expect(row('CNSC')).toContainText('ex aequo');
  await expect(row('AOPP')).toContainText('ex aequo');
  const ranks = await ranking
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('td')!.textContent!.replace('ex aequo', '').trim()} ${r.getAttribute('data-testid')!.slice(9)}`,
      ),
    );
  expect(ranks).toEqual(['1 CAFO', '2 AOPP', '2 CNSC', '4 DRA']);
  await snapshot(page, 'sel-04-notation-classement');

  // 6. Decisions, each with its justification
  const decisions: [string, string, string][] = [
    [organisations[0]!.name, 'Sélectionnée', 'Meilleur score, forte implication des femmes'],
    [organisations[1]!.name, 'Sélectionnée', 'Ex aequo ; rôle de faîtière régionale'],
    [organisations[2]!.name, 'Liste d’attente', 'Ex aequo ; budget de la première cohorte atteint'],
    [organisations[3]!.name, 'Non retenue', 'Score insuffisant'],
  ];
  for (const [name, decision, justification] of decisions) {
    await page.getByRole('button', { name: `Décider — ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Décision du comité pour ${name}` });
    await dialog.getByRole('combobox', { name: 'Décision' }).click();
    await page.getByRole('option', { name: decision }).click();
    await dialog.getByLabel('Justification').fill(justification);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(row('AOPP')).toContainText('Liste d’attente');

  // 7. No consensus: referred to the steering committee, which validates the list.
  await page.getByLabel('Pas de consensus : renvoi au comité de pilotage').check();
  await page.getByLabel('Date de validation').fill('02/05/2024');
  await page.getByLabel('Référence').last().fill('SMCL-2024-05');
  await page.getByRole('button', { name: 'Enregistrer la conclusion' }).click();
  await expect(page.getByText('Validé par le comité de pilotage')).toBeVisible();
  await snapshot(page, 'sel-05-decisions');

  // 8. The minutes show the same figures
  await page.getByRole('link', { name: 'Procès-verbal' }).click();
  await expect(
    page.getByRole('heading', { name: 'Procès-verbal du comité technique de sélection' }),
  ).toBeVisible();
  const minutes = page.getByTestId('minutes-scores');
  await expect(minutes.getByRole('row', { name: /CAFO|Coordination/ })).toContainText('89,00');
  await expect(minutes.getByRole('row', { name: /Paysannes/ })).toContainText('2 (ex aequo)');
  await expect(
    page.getByText(
      'Fatoumata Sidibé pour Coordination des Associations et ONG Féminines — Membre du bureau de la CAFO',
    ),
  ).toBeVisible();
  await expect(
    page.getByText('En l’absence de consensus, la liste est renvoyée au comité de pilotage.'),
  ).toBeVisible();
  await expect(
    page.getByText('Liste validée par le comité de pilotage le 02/05/2024 (référence SMCL-2024-05).'),
  ).toBeVisible();
  await snapshot(page, 'sel-06-proces-verbal');

  // 9. The organisations' statuses follow the decisions, with their history
  await page.goto(`${web.origin}/#/organisations`);
  for (const [name, status] of [
    [organisations[0]!.name, 'Sélectionnée'],
    [organisations[1]!.name, 'Sélectionnée'],
    [organisations[2]!.name, 'Liste d’attente'],
    [organisations[3]!.name, 'Non retenue'],
  ]) {
    await expect(page.getByRole('row', { name: new RegExp(name!) })).toContainText(status!);
  }
  await page.getByRole('link', { name: organisations[0]!.name }).click();
  await expect(page.getByText('Candidate → Sélectionnée')).toBeVisible();
  await expect(page.getByText('Meilleur score, forte implication des femmes')).toBeVisible();
});
