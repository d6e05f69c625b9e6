import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { E2E_ADMIN, expect, snapshot, startInstallation, test, type WebMode } from './fixtures';

const TRAINER = { login: 'gao', password: 'Formatrice-Gao-2024' };
const OFFICER = { login: 'officier', password: 'Chargee-Programme-2024' };

/** A programme officer's laptop (an administrator's account), enrolled here and started from its file. */
async function officerLaptop(web: WebMode, testInfo: TestInfo) {
  const account = await web.call('users.create', { ...OFFICER, name: 'Kadiatou Sow', role: 'admin' });
  const enrolled = await web.call('sync.enrolLaptop', { userId: account.id, label: 'poste de Gao' });
  const enrolmentFile = testInfo.outputPath(enrolled.file.fileName);
  fs.writeFileSync(enrolmentFile, Buffer.from(enrolled.file.dataBase64, 'base64'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-laptop-'));
  const laptop = await startInstallation(dir, OFFICER, ['--inscrire', enrolmentFile, enrolled.code]);
  return {
    ...laptop,
    device: enrolled.device,
    stop: async () => {
      await laptop.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
    // The history says what came from whom, and the answer written for it.
    const history = page.getByTestId('exchanges-table');
    await expect(history.getByRole('row').filter({ hasText: 'Reçu (fichier)' })).toContainText(
      'poste de Gao',
    );
    await expect(history.getByRole('row').filter({ hasText: 'Envoyé (fichier)' })).toContainText(
      'poste de Gao',
    );
    await snapshot(page, 'sync-file-applied');

    await page.getByRole('link', { name: 'Participants' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Fatou' })).toHaveCount(1);
  } finally {
    await laptop.stop();
    fs.rmSync(laptopDir, { recursive: true, force: true });
  }
});

// A participant's phone changed at headquarters and, meanwhile, on a laptop: headquarters sees
// both values on the page « Conflits », keeps the laptop's, and the decision reaches the laptop.
test('a phone changed on both sides is decided at headquarters, and the decision reaches the laptop', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const organisation = await web.call('organisations.create', {
    name: 'Coopérative des maraîchères de Gao',
    type: 'women_group',
    level: 'local',
    region: 'Gao',
    staffWomen: 12,
    staffMen: 3,
  });
  const fields = {
    organisationId: organisation.id,
    firstName: 'Mariam',
    lastName: 'Cissé',
    sex: 'F' as const,
  };
  const mariam = await web.call('participants.create', { fields: { ...fields, phone: '66 00 00 01' } });
  const laptop = await officerLaptop(web, testInfo);
  try {
    await web.call('participants.update', { id: mariam.id, fields: { ...fields, phone: '76 11 11 11' } });
    await laptop.call('participants.update', { id: mariam.id, fields: { ...fields, phone: '66 22 22 22' } });
    const sent = await laptop.call('sync.exportFile', {});
    const received = await web.call('sync.importFile', {
      file: { name: sent.fileName, contentBase64: sent.dataBase64 },
    });
    expect(received.summary).toMatch(/1 conflit$/);

    await signIn('/synchronisation');
    await expect(page.getByText('1 conflit à trancher')).toBeVisible();
    await page.getByRole('link', { name: 'Voir les conflits et la quarantaine' }).click();
    await expect(page.getByRole('heading', { name: 'Conflits', level: 2 })).toBeVisible();
    const card = page.getByRole('region', { name: 'Participant « Mariam Cissé » : Téléphone' });
    await expect(card.getByRole('radio', { name: /^76 11 11 11 par Équipe PRC \(siège\)/ })).toBeChecked();
    await card.getByRole('radio', { name: /^66 22 22 22 par Kadiatou Sow \(poste de Gao\)/ }).check();
    await snapshot(page, 'sync-conflict');
    await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();
    await expect(page.getByText('Aucune modification en quarantaine.')).toBeVisible();

    const reply = await web.call('sync.exportFile', { device: laptop.device });
    const back = await laptop.call('sync.importFile', {
      file: { name: reply.fileName, contentBase64: reply.dataBase64 },
    });
    expect(back.conflicts).toBe(0);
    expect((await laptop.call('participants.get', { id: mariam.id })).phone).toBe('66 22 22 22');
    expect((await laptop.call('sync.status', {})).conflicts).toBe(0);
  } finally {
    await laptop.stop();
  }
});

// The same agreement number given at headquarters and, offline, on a programme officer's laptop:
// both agreements are kept, the laptop's aside, until the administrator gives it another number.
test('two agreements with one number wait on the page « Conflits » until one is renumbered', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const organisation = (name: string) =>
    web.call('organisations.create', { name, type: 'women_group', level: 'local', region: 'Gao' });
  const [gao, ansongo] = [
    await organisation('Coopérative des maraîchères de Gao'),
    await organisation('Union des femmes d’Ansongo'),
  ];
  const fields = { number: 'APO-2025-12', signedOn: '2025-01-06', durationMonths: 12, amountFcfa: 3_000_000 };
  const laptop = await officerLaptop(web, testInfo);
  try {
    await web.call('agreements.create', { organisationId: gao.id, fields });
    await laptop.call('agreements.create', {
      organisationId: ansongo.id,
      fields: { ...fields, signedOn: '2025-01-20', amountFcfa: 2_500_000 },
    });
    const sent = await laptop.call('sync.exportFile', {});
    const received = await web.call('sync.importFile', {
      file: { name: sent.fileName, contentBase64: sent.dataBase64 },
    });
    expect(received.summary).toMatch(/1 conflit$/);

    await signIn('/synchronisation/conflits');
    const card = page.getByRole('region', { name: 'Convention « APO-2025-12 » : Numéro' });
    await expect(card.getByText('Même valeur sur deux fiches')).toBeVisible();
    await expect(
      card.getByText(
        /^Coopérative des maraîchères de Gao, signée le 06\/01\/2025 — « APO-2025-12 » par Équipe PRC \(siège\)/,
      ),
    ).toBeVisible();
    await expect(
      card.getByText(
        /^Union des femmes d’Ansongo, signée le 20\/01\/2025 — « APO-2025-12 » par Kadiatou Sow \(poste de Gao\).*\(mise de côté\)$/,
      ),
    ).toBeVisible();
    await card
      .getByRole('radio', {
        name: 'Changer « Numéro » de la fiche Union des femmes d’Ansongo, signée le 20/01/2025',
      })
      .check();
    const number = card.getByRole('textbox', { name: 'Nouvelle valeur : Numéro' });
    // A number another agreement holds is refused beside the field, and nothing is written.
    await number.fill('apo-2025-12');
    await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(
      card.getByText('Cette valeur est déjà celle d’une autre fiche : saisissez-en une autre.'),
    ).toBeVisible();
    await number.fill('APO-2025-13');
    await snapshot(page, 'sync-conflict-unique');
    await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();

    const reply = await web.call('sync.exportFile', { device: laptop.device });
    const back = await laptop.call('sync.importFile', {
      file: { name: reply.fileName, contentBase64: reply.dataBase64 },
    });
    expect(back.conflicts).toBe(0);
    const numbers = async (call: typeof web.call) =>
      (await call('agreements.list', {})).items.map((a) => a.number).sort();
    expect(await numbers(web.call)).toEqual(['APO-2025-12', 'APO-2025-13']);
    expect(await numbers(laptop.call)).toEqual(['APO-2025-12', 'APO-2025-13']);
  } finally {
    await laptop.stop();
  }
});

// On the trainer's laptop, the desktop app's first page (here, the page's installation): not a new
// administrator, but this laptop enrolled from headquarters' file and code, then signed in.
test('a trainer enrols the laptop from its first page, and signs in with headquarters’ password', async ({
  page,
  web,
}, testInfo) => {
  const hq = await startInstallation(
    fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-siege-')),
    E2E_ADMIN,
  );
  let enrolmentFile: string, code: string;
  try {
    await hq.call('organisations.create', {
      name: 'Coordination des femmes de Gao',
      type: 'women_group',
      level: 'local',
      region: 'Gao',
    });
    const user = await hq.call('users.create', {
      ...TRAINER,
      name: 'Aïssata Maïga',
      role: 'trainer',
      pathwayIds: [],
    });
    const enrolled = await hq.call('sync.enrolLaptop', { userId: user.id, label: 'poste de Gao' });
    enrolmentFile = testInfo.outputPath(enrolled.file.fileName);
    fs.writeFileSync(enrolmentFile, Buffer.from(enrolled.file.dataBase64, 'base64'));
    code = enrolled.code;
  } finally {
    await hq.stop();
  }

  await page.goto(web.launchUrl);
  await expect(page.getByRole('heading', { name: 'Premier démarrage' })).toBeVisible();
  const enrol = page.getByRole('form', { name: 'Poste de terrain' });
  await enrol.locator('input[type="file"]').setInputFiles(enrolmentFile);
  await enrol.getByRole('textbox', { name: 'Code d’inscription' }).fill('AAAA-BBBB-CCCC');
  await enrol.getByRole('button', { name: 'Inscrire ce poste' }).click();
  await expect(enrol.getByText('Code d’inscription incorrect : vérifiez-le auprès du siège.')).toBeVisible();
  await snapshot(page, 'sync-enrol-first-page');
  await enrol.getByRole('textbox', { name: 'Code d’inscription' }).fill(code);
  await enrol.getByRole('button', { name: 'Inscrire ce poste' }).click();

  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  await page.getByLabel('Identifiant').fill(TRAINER.login);
  await page.getByLabel('Mot de passe').fill(TRAINER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('Aïssata Maïga');
  await page.getByRole('link', { name: 'Synchronisation' }).click();
  await expect(page.getByText('Poste de terrain', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByText('Coordination des femmes de Gao')).toBeVisible();
});

test('headquarters sets the oldest laptop version it accepts, refusals beside the field', async ({
  page,
  signIn,
  web,
}) => {
  const { appVersion } = await web.call('sync.status', {});
  await signIn('/synchronisation');
  const card = page.getByRole('region', { name: 'Version minimale des postes' });
  await expect(card).toContainText(`Ce siège est en version ${appVersion}.`);
  await expect(card).toContainText('Aucune version minimale');
  const field = card.getByRole('textbox', { name: 'Version minimale' });
  const save = card.getByRole('button', { name: 'Enregistrer la version' });

  await field.fill('1.2');
  await save.click();
  await expect(field).toHaveAccessibleDescription(
    'Version invalide : trois nombres séparés par des points, par exemple 1.2.0.',
  );
  await field.fill('99.0.0');
  await save.click();
  await expect(field).toHaveAccessibleDescription(
    `Le siège est en version ${appVersion} : il ne peut demander une version plus récente que la sienne.`,
  );
  await snapshot(page, 'sync-min-version-refused');
  expect((await web.call('sync.status', {})).minAppVersion).toBeNull();

  await field.fill(appVersion);
  await save.click();
  await expect(card).toContainText(`Version demandée aujourd’hui : ${appVersion}.`);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  expect((await web.call('sync.status', {})).minAppVersion).toBe(appVersion);
});
