import path from 'node:path';
import { expect, keyFigure, SCREENSHOTS, snapshot, test } from './fixtures';

test('an empty database offers the demonstration programme, which fills the dashboard', async ({
  page,
  signIn,
  web,
}) => {
  await signIn('/');

  // An empty database: the dashboard offers the demonstration.
  const offer = page.getByTestId('demo-offer');
  await expect(offer).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await snapshot(page, 'demo-01-offer');
  await offer.getByRole('button', { name: 'Charger le programme de démonstration' }).click();
  // While it loads: what is happening and for how long, not a frozen button.
  const progress = page.getByTestId('work-progress');
  await expect(progress).toContainText('Chargement du programme de démonstration');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-02-loading.png') });
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(offer).toHaveCount(0);
  await expect(
    page.getByText(/Programme de démonstration chargé : 33 organisations, 23 conventions/),
  ).toBeVisible();

  // The dashboard's figures and charts are filled.
  await expect.poll(() => keyFigure(page, 'kf-organisations')).toBeGreaterThan(15);
  expect(await keyFigure(page, 'kf-trained')).toBeGreaterThan(100);
  expect(await keyFigure(page, 'kf-days')).toBeGreaterThan(100);
  expect(await keyFigure(page, 'kf-share')).toBeGreaterThanOrEqual(40);
  await expect(page.getByTestId('participation-chart')).toBeVisible();
  await expect(page.getByTestId('due-follow-ups').getByRole('link').first()).toBeVisible();
  await snapshot(page, 'demo-02-dashboard');
});

test('the demonstration fills the organisations pages', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  // Organisations, and one of them with its radar baseline against latest.
  await page.goto(`${web.origin}/#/organisations`);
  await expect(
    page.getByRole('link', { name: /Coordination des Associations et ONG Féminines/ }),
  ).toBeVisible();
  await snapshot(page, 'demo-03-organisations');
  const cafo = (await web.call('organisations.list', { search: 'CAFO' })).items[0]!;
  await page.goto(`${web.origin}/#/organisations/${cafo.id}`);
  await expect(page.getByTestId('comparison-radar')).toBeVisible();
  await expect(page.getByTestId('organisation-status')).toHaveText(/terminé/i);
  await snapshot(page, 'demo-04-organisation');
});

test('the demonstration fills the agreements and selection pages', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  // Agreements of the review, with their real numbers and amounts.
  await page.goto(`${web.origin}/#/conventions`);
  await expect(page.getByText('DDRK23-002-APO')).toBeVisible();
  await expect(page.getByText(/92\s001\s000/).first()).toBeVisible();
  await snapshot(page, 'demo-05-agreements');

  // The committee round, concluded with its decisions.
  const [round] = await web.call('rounds.list', {});
  await page.goto(`${web.origin}/#/selection`);
  await expect(page.getByText(round!.title).first()).toBeVisible();
  await snapshot(page, 'demo-06-selection');
  await page.goto(`${web.origin}/#/selection/comites/${round!.id}`);
  await expect(page.getByTestId('ranking')).toBeVisible();
  await expect(page.getByTestId('rank-row-CAFO')).toBeVisible();
  await snapshot(page, 'demo-07-round');
});

test('the demonstration fills the pathways pages', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  // Pathways and one of them with its plan.
  await page.goto(`${web.origin}/#/parcours`);
  await expect(page.getByText('Planification stratégique et mobilisation des ressources')).toBeVisible();
  await snapshot(page, 'demo-08-pathways');
  const pathway = (await web.call('pathways.list', {})).find((p) => p.status === 'in_progress')!;
  await page.goto(`${web.origin}/#/parcours/${pathway.id}`);
  await expect(page.getByText(pathway.title).first()).toBeVisible();
  await snapshot(page, 'demo-09-pathway');
});

test('the demonstration fills the sessions calendar and a session’s page', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  // The sessions calendar of this month, and the register of a past session.
  await page.goto(`${web.origin}/#/sessions`);
  await expect(page.getByTestId('calendar-count')).toBeVisible();
  await snapshot(page, 'demo-10-calendar');
  const sessions = await web.call('sessions.list', { pageSize: 50 });
  const today = new Date().toISOString().slice(0, 10);
  const past = sessions.items.find(
    (s) => s.lastDay! < today && s.phase === 'classroom' && s.organisationName,
  )!;
  await page.goto(`${web.origin}/#/sessions/${past.id}`);
  await expect(page.getByTestId('register')).toBeVisible();
  await expect(page.getByTestId('evaluations')).toBeVisible();
  await snapshot(page, 'demo-11-session');
});

test('the demonstration fills the follow-ups and results framework pages', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  // Follow-ups, results framework and gender.
  await page.goto(`${web.origin}/#/suivis`);
  await expect(
    page
      .getByRole('link')
      .filter({ hasText: /\w+ \w+/ })
      .first(),
  ).toBeVisible();
  await snapshot(page, 'demo-12-follow-ups');
  await page.goto(`${web.origin}/#/indicateurs`);
  await expect(page.getByText('R2.1').first()).toBeVisible();
  await snapshot(page, 'demo-13-indicators');
});

test('the demonstration fills the gender, participants and modules pages', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn();

  await page.goto(`${web.origin}/#/genre`);
  await snapshot(page, 'demo-14-gender');
  await page.goto(`${web.origin}/#/participants`);
  await snapshot(page, 'demo-15-participants');
  await page.goto(`${web.origin}/#/modules`);
  await snapshot(page, 'demo-16-modules');
});

test('the demonstration goes in one action, and the offer can be put away', async ({ page, signIn, web }) => {
  await web.call('demo.load', {});
  await signIn('/');

  // Removal, in one action: the dashboard is empty again and offers the demonstration.
  await page.getByTestId('demo-banner').getByRole('button', { name: 'Supprimer la démonstration' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Seules les données de démonstration sont supprimées');
  await snapshot(page, 'demo-17-confirm');
  await dialog.getByRole('button', { name: 'Supprimer la démonstration' }).click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('demo-offer')).toBeVisible();
  await expect.poll(() => keyFigure(page, 'kf-organisations')).toBe(0);
  expect((await web.call('organisations.list', {})).total).toBe(0);
  await snapshot(page, 'demo-18-empty-again');

  // Starting empty: the offer shrinks to one line, still there while the base is empty.
  await page.getByRole('button', { name: 'Commencer avec une base vide' }).click();
  await expect(page.getByTestId('demo-offer')).toHaveCount(0);
  await expect(page.getByTestId('demo-offer-line')).toBeVisible();
});
