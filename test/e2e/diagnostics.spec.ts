import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, plain, snapshot, test } from './fixtures';
import { completedDiagnostic, type Web } from './prepare';

const ORGANISATION = 'Association des Femmes Rurales de Kati';

/** Scores criteria of the grid: all of them, or the first `count`. */
async function score(page: Page, level: number, count?: number) {
  const controls = page.getByRole('radiogroup', { name: /^Note : / });
  const total = await controls.count();
  expect(total).toBeGreaterThan(0);
  for (let i = 0; i < (count ?? total); i++) {
    await controls.nth(i).getByText(String(level), { exact: true }).click();
  }
}

async function fillHeader(page: Page, date: string) {
  await page.getByLabel('Date du diagnostic').fill(date);
  await page.getByLabel('Évaluateurs').fill('A. Traoré, M. Coulibaly');
  await page.getByRole('combobox', { name: 'Méthode' }).click();
  await page.getByRole('option', { name: 'Évaluation externe' }).click();
  await page.getByRole('combobox', { name: 'Niveau d’analyse' }).click();
  await page.getByRole('option', { name: 'Organisationnel' }).click();
}

async function openOrganisation(page: Page) {
  await page.getByRole('link', { name: 'Organisations' }).first().click();
  await page.getByRole('link', { name: ORGANISATION }).click();
  await expect(page.getByRole('heading', { name: ORGANISATION })).toBeVisible();
}

const HEADER = { assessors: 'A. Traoré, M. Coulibaly', method: 'external_assessment' } as const;
const STAGES = ['organisation', 'draft', 'rated', 'baseline', 'second', 'version 2'] as const;

/**
 * The organisation as the tests below leave it, up to `stage`, prepared through the contract: entered,
 * its draft diagnostic of 10/02/2024 (three criteria at 3, two needs), its HR plan attached and rated, that draft
 * completed with every criterion at 2 (the baseline), a second diagnostic at 3 on 15/01/2025, the
 * grid revised into version 2.
 */
async function prepareDiagnostics(web: Web, stage: (typeof STAGES)[number]) {
  const reached = (s: (typeof STAGES)[number]) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  const organisation = await web.call('organisations.create', {
    name: ORGANISATION,
    type: 'community_association',
    level: 'local',
    region: 'Koulikoro',
  });
  if (!reached('draft')) return { organisation };
  const grid = await web.call('grids.current', {});
  const criteria = grid.domains.flatMap((d) => d.criteria);
  const fields = {
    conductedOn: '2024-02-10',
    ...HEADER,
    level: 'organisational' as const,
    scores: criteria.map((c, i) => ({
      criterionId: c.id,
      score: i < 3 ? 3 : null,
      evidence: i === 0 ? 'PV des assemblées générales 2022 et 2023' : null,
    })),
    needs: [
      { domainCode: 'hr_management', description: 'Fiches de fonction pour tous les postes' },
      {
        domainCode: 'financial_management',
        description: 'Manuel de procédures administratives et financières',
      },
    ],
  };
  const draft = await web.call('diagnostics.create', { organisationId: organisation.id, fields });
  if (!reached('rated')) return { organisation, draft };
  const rated = {
    ...fields,
    hrPlanRating: 'to_improve' as const,
    hrPlanComment: 'Plan sans budget ni calendrier',
  };
  await web.call('diagnostics.update', { id: draft.id, fields: rated });
  await web.call('diagnostics.attachHrPlan', {
    id: draft.id,
    document: {
      name: 'plan-rh-2024.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4 plan de développement RH').toString('base64'),
    },
  });
  if (!reached('baseline')) return { organisation, draft };
  await web.call('diagnostics.update', {
    id: draft.id,
    fields: { ...rated, scores: rated.scores.map((s) => ({ ...s, score: 2 })) },
  });
  await web.call('diagnostics.complete', { id: draft.id });
  if (!reached('second')) return { organisation, draft };
  await completedDiagnostic(web, organisation.id, { conductedOn: '2025-01-15', score: 3, ...HEADER });
  if (!reached('version 2')) return { organisation, draft };
  // Criterion 1.1 renamed, with a new descriptor for level 2.
  await web.call('grids.saveVersion', {
    frameworkId: grid.frameworkId,
    scaleMin: grid.scaleMin,
    scaleMax: grid.scaleMax,
    notes: 'Révision après le premier cycle de diagnostics',
    domains: grid.domains.map((d, i) => ({
      code: d.code,
      name: d.name,
      criteria: d.criteria.map((c, j) =>
        i === 0 && j === 0
          ? {
              name: 'Les organes statutaires se réunissent, décident et rendent compte',
              descriptors: c.descriptors.map((text, level) => (level === 1 ? 'Réunions irrégulières' : text)),
            }
          : { name: c.name, descriptors: c.descriptors },
      ),
    })),
  });
  return { organisation, draft };
}

/** Signed in on the organisation's page, prepared up to `stage`. */
async function openAt(page: Page, web: Web, signIn: () => Promise<void>, stage: (typeof STAGES)[number]) {
  await prepareDiagnostics(web, stage);
  await signIn();
  await openOrganisation(page);
}

test('an organisation entered has no diagnostic yet; a new one refuses an empty header', async ({
  page,
  signIn,
}) => {
  await signIn();

  // An organisation, entered as in the organisations test
  await page.getByRole('link', { name: 'Nouvelle organisation' }).first().click();
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(ORGANISATION);
  await page.getByRole('combobox', { name: 'Type de structure' }).click();
  await page.getByRole('option', { name: 'Association communautaire' }).click();
  await page.getByRole('combobox', { name: 'Niveau' }).click();
  await page.getByRole('option', { name: 'Local' }).click();
  await page.getByRole('combobox', { name: 'Région' }).fill('Koulikoro');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: ORGANISATION })).toBeVisible();
  await expect(page.getByTestId('organisation-status')).toHaveText('Identifiée');
  const card = page.getByTestId('diagnostics-card');
  await expect(card.getByText('Aucun diagnostic pour cette organisation.')).toBeVisible();

  // A new diagnostic refuses an empty header
  await card.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await expect(page.getByRole('heading', { name: 'Nouveau diagnostic' })).toBeVisible();
  await expect(page.getByText('Grille version 1 · échelle de 1 à 4')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Indiquez une date.')).toBeVisible();
  await expect(page.getByText('Ce champ est obligatoire.')).toHaveCount(3); // évaluateurs, méthode, niveau
});

test('a draft with a few criteria scored, its evidence and two needs, one made the first priority', async ({
  page,
  signIn,
  web,
}) => {
  await openAt(page, web, signIn, 'organisation');
  const card = page.getByTestId('diagnostics-card');
  await card.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await expect(page.getByRole('heading', { name: 'Nouveau diagnostic' })).toBeVisible();

  // A draft with a few criteria scored and one need
  await fillHeader(page, '10/02/2024');
  await score(page, 3, 3);
  const governance = page.getByRole('region', { name: 'Gouvernance interne et leadership' });
  await expect(governance.getByText('2 / 2 notés')).toBeVisible();
  await expect(
    governance.getByText('Niveau 3 : Réunions régulières avec procès-verbaux', { exact: true }),
  ).toBeVisible();
  await governance.getByLabel('Preuves').first().fill('PV des assemblées générales 2022 et 2023');
  await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
  const needs = page.getByRole('region', { name: 'Besoins prioritaires' });
  await needs.getByRole('combobox', { name: 'Domaine' }).click();
  await page.getByRole('option', { name: 'Gestion financière' }).click();
  await needs.getByLabel('Description du besoin').fill('Manuel de procédures administratives et financières');
  // A second need, then made the first priority
  await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
  await needs.getByRole('combobox', { name: 'Domaine' }).nth(1).click();
  await page.getByRole('option', { name: 'Gestion des ressources humaines' }).click();
  await needs.getByLabel('Description du besoin').nth(1).fill('Fiches de fonction pour tous les postes');
  await needs.getByRole('button', { name: 'Monter la priorité 2' }).click();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

  await expect(page.getByRole('heading', { name: 'Diagnostic du 10/02/2024' })).toBeVisible();
  await expect(page).toHaveURL(/#\/diagnostics\/[^/]+$/);
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Brouillon');
  await expect(page.getByTestId('scored-count')).toHaveText(/^3 \/ \d+ critères notés$/);
  await expect.poll(async () => plain(await page.getByTestId('saved-index').textContent())).toBe('3,00 / 4');
  await expect(governance.getByLabel('Preuves').first()).toHaveValue(
    'PV des assemblées générales 2022 et 2023',
  );
  await expect(needs.getByLabel('Description du besoin').first()).toHaveValue(
    'Fiches de fonction pour tous les postes',
  );
  await expect(needs.getByRole('combobox', { name: 'Domaine' }).first()).toHaveValue(
    'Gestion des ressources humaines',
  );
});

test('the HR development plan, attached to a saved draft and downloaded back, with the committee’s rating', async ({
  page,
  signIn,
  web,
}) => {
  const { draft } = await prepareDiagnostics(web, 'draft');
  await signIn(`/diagnostics/${draft!.id}`);
  await expect(page.getByRole('heading', { name: 'Diagnostic du 10/02/2024' })).toBeVisible();

  // The HR development plan, attached to the saved draft and downloaded back, with the committee's rating
  const hrPlan = page.getByRole('region', { name: 'Plan de développement des ressources humaines' });
  const content = '%PDF-1.4 plan de développement RH';
  await hrPlan.locator('input[type="file"]').setInputFiles({
    name: 'plan-rh-2024.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(content),
  });
  const planLink = hrPlan.getByRole('button', { name: 'plan-rh-2024.pdf' });
  await expect(planLink).toBeVisible();
  await expect(hrPlan.getByRole('button', { name: 'Remplacer le document' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await planLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('plan-rh-2024.pdf');
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe(content);
  await hrPlan.getByRole('combobox', { name: 'Appréciation du comité technique' }).click();
  await page.getByRole('option', { name: 'À améliorer' }).click();
  await hrPlan.getByLabel('Commentaire du comité').fill('Plan sans budget ni calendrier');
  await expect(page.getByText('Modifications non enregistrées')).toBeVisible();
  await snapshot(page, 'diag-01-brouillon');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Modifications non enregistrées')).toBeHidden();
});

test('completing is refused until every criterion is scored; the completed draft is the baseline', async ({
  page,
  signIn,
  web,
}) => {
  await openAt(page, web, signIn, 'rated');
  await page.getByRole('link', { name: 'Ouvrir le diagnostic du 10/02/2024' }).click();
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Brouillon');
  const hrPlan = page.getByRole('region', { name: 'Plan de développement des ressources humaines' });

  // Completing is refused while a criterion is unscored
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Chaque critère doit être noté' });
  await expect(refusal).toContainText('Chaque critère doit être noté avant de terminer le diagnostic.');
  await expect(refusal).toContainText('Planification stratégique (1)');
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Brouillon');
  await snapshot(page, 'diag-02-refus');

  // Every criterion at 2, then completed: the baseline
  await score(page, 2);
  await expect(page.getByTestId('scored-count')).toHaveText(/^(\d+) \/ \1 critères notés$/);
  await expect(refusal).toBeHidden();
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Terminé');
  await expect(page.getByText('Référence (baseline)')).toBeVisible();
  await expect.poll(async () => plain(await page.getByTestId('saved-index').textContent())).toBe('2,00 / 4');
  await expect(page.getByRole('button', { name: 'Terminer le diagnostic' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Enregistrer les corrections' })).toBeVisible();
  await expect(hrPlan.getByRole('combobox', { name: 'Appréciation du comité technique' })).toHaveValue(
    'À améliorer',
  );
  await expect(page.getByRole('button', { name: 'Supprimer' })).toBeHidden();
  await snapshot(page, 'diag-03-termine');
});

test('the organisation with a completed diagnostic is diagnosed, with its baseline', async ({
  page,
  signIn,
  web,
}) => {
  // The organisation is now diagnosed
  await openAt(page, web, signIn, 'baseline');
  await expect(page.getByTestId('organisation-status')).toHaveText('Diagnostiquée');
  const row = page.getByTestId('diagnostics-table').getByRole('row', { name: /10\/02\/2024/ });
  await expect(row).toContainText('Terminé');
  await expect(row).toContainText('Référence (baseline)');
  await expect.poll(async () => plain(await row.textContent())).toContain('2,00 / 4');
  await expect(page.getByTestId('diagnostics-card').getByText(/Un seul diagnostic terminé/)).toBeVisible();
});

test('a second diagnostic, every criterion scored, completed straight away', async ({
  page,
  signIn,
  web,
}) => {
  await openAt(page, web, signIn, 'baseline');
  const card = page.getByTestId('diagnostics-card');

  // A second diagnostic, every criterion at 3, completed straight away
  await card.getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await fillHeader(page, '15/01/2025');
  await score(page, 3);
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostic du 15/01/2025' })).toBeVisible();
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Terminé');
  await expect.poll(async () => plain(await page.getByTestId('saved-index').textContent())).toBe('3,00 / 4');
});

test('the change since the baseline: a radar and a table', async ({ page, signIn, web }) => {
  await openAt(page, web, signIn, 'second');

  // The change since the baseline: a radar and a table (2 → 3 on 1–4 is 33,3 % → 66,7 %)
  await expect(page.getByTestId('diagnostics-table').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('comparison-radar').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('comparison-radar')).toContainText('Référence (10/02/2024)');
  await expect(page.getByTestId('comparison-radar')).toContainText('Dernier (15/01/2025)');
  const changes = page.getByTestId('comparison-table');
  const governanceChange = changes.getByRole('row', { name: /Gouvernance interne et leadership/ });
  await expect
    .poll(async () => plain(await governanceChange.textContent()))
    .toMatch(/^Gouvernance interne et leadership33,3 %66,7 %\+33,3 points$/);
  await expect
    .poll(async () => plain(await page.getByTestId('index-change').textContent()))
    .toBe('+33,3 points');
  await snapshot(page, 'diag-04-organisation-radar');
});

test('the grid: read, then edited into a new version', async ({ page, signIn, web }) => {
  await prepareDiagnostics(web, 'second');
  await signIn();
  await page.getByRole('link', { name: 'Grille de diagnostic' }).click();
  await expect(page.getByRole('heading', { name: 'Grille de diagnostic', level: 2 })).toBeVisible();
  await expect(page.getByTestId('framework-version')).toHaveText('Version 1');
  const governance = page.getByRole('region', { name: 'Gouvernance interne et leadership' });
  await expect(governance.getByRole('columnheader', { name: 'Niveau 4' })).toBeVisible();
  await expect(
    governance.getByRole('row', { name: /Les organes statutaires se réunissent et décident/ }),
  ).toContainText('Réunions régulières avec procès-verbaux');
  await expect(page.getByTestId('framework-versions')).toContainText('2 diagnostics');
  await snapshot(page, 'diag-05-grille');

  await page.getByRole('button', { name: 'Modifier la grille' }).click();
  await expect(page.getByRole('heading', { name: 'Modifier la grille' })).toBeVisible();
  await expect(page.getByText('Les diagnostics déjà réalisés gardent leur version')).toBeVisible();
  const first = page.getByRole('group', { name: 'Critère 1.1' });
  // An empty descriptor is refused next to its field
  await first.getByLabel('Niveau 2').fill('');
  await page.getByRole('button', { name: 'Enregistrer la version 2' }).click();
  await expect(first.getByText('Ce champ est obligatoire.')).toBeVisible();
  await first.getByLabel('Niveau 2').fill('Réunions irrégulières');
  await first
    .getByLabel('Intitulé du critère')
    .fill('Les organes statutaires se réunissent, décident et rendent compte');
  await page.getByLabel('Motif de la révision').fill('Révision après le premier cycle de diagnostics');
  await snapshot(page, 'diag-06-grille-modification');
  await page.getByRole('button', { name: 'Enregistrer la version 2' }).click();

  await expect(page.getByTestId('framework-version')).toHaveText('Version 2');
  await expect(
    governance.getByRole('row', {
      name: /Les organes statutaires se réunissent, décident et rendent compte/,
    }),
  ).toContainText('Réunions irrégulières');
  await expect(
    page.getByText('Note de version : Révision après le premier cycle de diagnostics'),
  ).toBeVisible();
  await expect(page.getByTestId('framework-versions')).toContainText('0 diagnostic');
});

test('the previous grid version can still be read', async ({ page, signIn, web }) => {
  await prepareDiagnostics(web, 'version 2');
  await signIn();
  await page.getByRole('link', { name: 'Grille de diagnostic' }).click();
  await expect(page.getByTestId('framework-version')).toHaveText('Version 2');
  const governance = page.getByRole('region', { name: 'Gouvernance interne et leadership' });

  // The previous version is still there, as the diagnostics made with it
  await page.getByRole('button', { name: 'Consulter la version 1' }).click();
  await expect(page.getByText('Vous consultez la version 1. La version en vigueur est la 2.')).toBeVisible();
  await expect(page.getByTestId('framework-version')).toHaveText('Version 1');
  await expect(
    governance.getByRole('row', { name: /Les organes statutaires se réunissent et décident/ }),
  ).toBeVisible();
  await snapshot(page, 'diag-07-grille-version-1');
});

test('past diagnostics keep their grid version, a new one is scored on the current version', async ({
  page,
  signIn,
  web,
}) => {
  await prepareDiagnostics(web, 'version 2');
  await signIn();

  await page.getByRole('link', { name: 'Organisations' }).first().click();
  await page.getByRole('link', { name: ORGANISATION }).click();
  await page.getByRole('link', { name: 'Ouvrir le diagnostic du 10/02/2024' }).click();
  await expect(page.getByText('Grille version 1 · échelle de 1 à 4')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Les organes statutaires se réunissent et décident' }),
  ).toBeVisible();

  // A new diagnostic is scored on version 2
  await page.getByRole('link', { name: ORGANISATION }).click();
  await page.getByTestId('diagnostics-card').getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await expect(page.getByText('Grille version 2 · échelle de 1 à 4')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Les organes statutaires se réunissent, décident et rendent compte' }),
  ).toBeVisible();
});

test('a draft can be deleted, after confirmation', async ({ page, signIn, web }) => {
  await openAt(page, web, signIn, 'version 2');
  await page.getByTestId('diagnostics-card').getByRole('link', { name: 'Nouveau diagnostic' }).click();
  await expect(page.getByText('Grille version 2 · échelle de 1 à 4')).toBeVisible();

  // A draft can be deleted, after confirmation
  await fillHeader(page, '03/03/2025');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostic du 03/03/2025' })).toBeVisible();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer ce brouillon ?' });
  await confirm.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('heading', { name: ORGANISATION })).toBeVisible();
  await expect(page.getByTestId('diagnostics-table').getByRole('row')).toHaveCount(3);
});

test('the diagnostics pages in English', async ({ page, signIn, web }) => {
  await prepareDiagnostics(web, 'second');
  await signIn();
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('link', { name: ORGANISATION }).click();
  const card = page.getByTestId('diagnostics-card');
  await expect(card.getByRole('heading', { name: 'Organisational diagnostics' })).toBeVisible();
  await expect
    .poll(async () => plain(await card.getByTestId('index-change').textContent()))
    .toMatch(/^\+33\.[34] points$/);
  await page.getByRole('link', { name: 'Open the diagnostic of 10/02/2024' }).click();
  await expect(page.getByRole('button', { name: 'Save corrections' })).toBeVisible();
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Completed');
  await snapshot(page, 'diag-08-english');
  await page.getByText('FR', { exact: true }).click();
  await expect(page.getByTestId('diagnostic-status')).toHaveText('Terminé');
});
