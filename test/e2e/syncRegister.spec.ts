import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { expect, keyFigure, snapshot, startInstallation, test } from './fixtures';
import { oneActionSteps } from '../fixtures/inputs';
import { participant, type Web } from './prepare';

const TRAINER = { login: 'gao', name: 'Aïssata Maïga', password: 'Formatrice-Gao-2024' };

/**
 * Headquarters: an organisation, a pathway assigned to the trainer, Awa enrolled and already
 * trained in a first session, and a two-day session held last year without its register; the
 * trainer's laptop enrolled. What the laptop's first start needs, and the session to record.
 */
async function prepare(web: Web, testInfo: TestInfo) {
  const organisation = await web.call('organisations.create', {
    name: 'Coordination des femmes de Gao',
    acronym: 'CFG',
    type: 'women_group',
    level: 'local',
    region: 'Gao',
  });
  const pathway = await web.call('pathways.create', {
    organisationId: organisation.id,
    title: 'Parcours vie associative',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    budgetFcfa: 4_000_000,
  });
  const plan = await web.call('pathways.saveSteps', {
    pathwayId: pathway.id,
    steps: oneActionSteps({
      title: 'Gouvernance associative',
      plannedStart: '2025-02-01',
      plannedEnd: '2025-03-31',
      budgetFcfa: 1_500_000,
    }),
  });
  const actionId = plan.steps[0]!.actions[0]!.id;
  const awa = await participant(web, {
    organisationId: organisation.id,
    firstName: 'Awa',
    lastName: 'Diarra',
    sex: 'F',
  });
  await web.call('pathways.enrol', { pathwayId: pathway.id, participantIds: [awa.id] });
  const session = (title: string, dates: string[]) =>
    web.call('sessions.create', {
      title,
      pathwayActionId: actionId,
      phase: 'classroom',
      region: 'Gao',
      venue: 'Maison de la femme',
      days: dates.map((date) => ({ date, startTime: '08:30', endTime: '16:30' })),
      trainers: [{ name: TRAINER.name, sex: 'F', kind: 'internal' }],
    });
  const first = await session('Rôles du bureau', ['2025-02-04']);
  await web.call('sessions.recordAttendance', {
    sessionId: first.id,
    marks: [{ dayId: first.days[0]!.id, participantId: awa.id, status: 'present' }],
  });
  const held = await session('Tenue des assemblées générales', ['2025-03-10', '2025-03-11']);
  const account = await web.call('users.create', { ...TRAINER, role: 'trainer', pathwayIds: [pathway.id] });
  const enrolled = await web.call('sync.enrolLaptop', { userId: account.id, label: 'poste de Gao' });
  const enrolmentFile = testInfo.outputPath(enrolled.file.fileName);
  fs.writeFileSync(enrolmentFile, Buffer.from(enrolled.file.dataBase64, 'base64'));

  return { organisation, held, awa, args: ['--inscrire', enrolmentFile, enrolled.code] };
}

const laptopFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-e2e-laptop-'));

// Issue 15: a trainer's laptop records a two-day register offline and exports its file;
// headquarters imports it and its dashboard counts the new people. In two halves, each with its
// own pages: the laptop's (this test), headquarters' (the next).
test('a two-day register recorded in a laptop’s own pages goes whole into its file', async ({
  page,
  web,
}, testInfo) => {
  const { held, args } = await prepare(web, testInfo);
  const before = await web.call('indicators.figures', {});
  const laptop = await startInstallation(laptopFolder(), TRAINER, args);
  const changes = testInfo.outputPath('poste-de-gao.parcours-sync');
  try {
    // The laptop, in its page: the trainer's session.
    const field = page;
    await laptop.open(field, `/sessions/${held.id}`);
    await expect(field.getByTestId('signed-in-user')).toContainText(TRAINER.name);
    await expect(field.getByRole('heading', { name: 'Tenue des assemblées générales' })).toBeVisible();
    await expect(field.getByTestId('register').getByText('Awa Diarra', { exact: true })).toBeVisible();

    // Two people of the organisation come without being recorded yet.
    const newcomers = [
      { firstName: 'Rokia', lastName: 'Traoré', sex: 'Femme' },
      { firstName: 'Moussa', lastName: 'Diallo', sex: 'Homme' },
    ];
    for (const p of newcomers) {
      await field.getByRole('button', { name: 'Ajouter un participant sur place' }).click();
      await field
        .getByRole('dialog', { name: 'Participant sur place' })
        .getByRole('button', { name: 'Nouvelle personne' })
        .click();
      const person = field.getByRole('dialog', { name: 'Nouveau participant' });
      await person.getByRole('combobox', { name: 'Organisation' }).click();
      await field.getByRole('option', { name: /CFG/ }).click();
      await person.getByLabel('Prénom').fill(p.firstName);
      await person.getByRole('textbox', { name: 'Nom', exact: true }).fill(p.lastName);
      await person.getByRole('radio', { name: p.sex }).check();
      await person.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(person).toBeHidden();
      await expect(
        field.getByTestId('session-participants').getByRole('row', { name: new RegExp(p.firstName) }),
      ).toContainText('Sur place');
    }

    // The register: the three of them on both days.
    await field.getByRole('button', { name: 'Tous présents le 10/03/2025' }).click();
    await field.getByRole('button', { name: 'Tous présents le 11/03/2025' }).click();
    await expect(field.getByTestId('register-state')).toHaveText('6 modifications non enregistrées');
    await field.getByRole('button', { name: 'Enregistrer le registre' }).click();
    await expect(field.getByTestId('register-state')).toHaveText('Registre à jour');
    await expect(field.getByTestId('figure-participants')).toHaveText('3');

    // Its file, exported from the laptop's page « Synchronisation ».
    await field.getByRole('link', { name: 'Synchronisation' }).click();
    const exporting = field.waitForEvent('download');
    await field.getByRole('button', { name: 'Exporter mes modifications' }).click();
    expect((await exporting).suggestedFilename()).toMatch(/\.parcours-sync$/);
    await (await exporting).saveAs(changes);
  } finally {
    await laptop.stop();
  }

  // At headquarters (by call: its page is the next test's): the file brings Rokia and Moussa and
  // the six person-days of the three of them (two full days each), nothing else.
  const report = await web.call('sync.importFile', {
    file: { name: path.basename(changes), contentBase64: fs.readFileSync(changes).toString('base64') },
  });
  expect(report.summary).toMatch(/^[1-9]\d* modifications reçues, 0 conflit$/);
  const after = await web.call('indicators.figures', {});
  expect(after.participantsTrained.total).toBe(before.participantsTrained.total + 2);
  expect(after.personDays.total).toBe(before.personDays.total + 3 * 2);
});

test('headquarters imports a laptop’s register file through its page, and its dashboard counts the new people', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const { organisation, held, args } = await prepare(web, testInfo);
  // The laptop starts while headquarters reads its dashboard: Awa alone is trained.
  const starting = startInstallation(laptopFolder(), TRAINER, args);
  const changes = testInfo.outputPath('poste-de-gao.parcours-sync');
  let trainedBefore: number, daysBefore: number;
  try {
    await signIn('/');
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    trainedBefore = await keyFigure(page, 'kf-trained');
    daysBefore = await keyFigure(page, 'kf-days');
    expect(trainedBefore).toBeGreaterThan(0);

    // On the laptop (by call: its pages are the previous test's), Rokia and Moussa come, and the
    // three of them are present on both days.
    const laptop = await starting;
    const newcomers = [];
    for (const [firstName, lastName, sex] of [
      ['Rokia', 'Traoré', 'F'],
      ['Moussa', 'Diallo', 'M'],
    ] as const)
      newcomers.push(
        await laptop.call('participants.create', {
          fields: { organisationId: organisation.id, firstName, lastName, sex },
          confirmedNotDuplicate: true,
        }),
      );
    await laptop.call('sessions.addParticipants', {
      sessionId: held.id,
      participantIds: newcomers.map((n) => n.id),
      walkIn: true,
    });
    const full = await laptop.call('sessions.get', { id: held.id });
    await laptop.call('sessions.recordAttendance', {
      sessionId: held.id,
      marks: full.days.flatMap((d) =>
        full.participants.map((p) => ({ dayId: d.id, participantId: p.id, status: 'present' as const })),
      ),
    });
    const file = await laptop.call('sync.exportFile', {});
    fs.writeFileSync(changes, Buffer.from(file.dataBase64, 'base64'));
  } finally {
    await starting.then(
      (laptop) => laptop.stop(),
      () => {},
    );
  }

  // Headquarters imports the file through its page.
  await page.getByRole('link', { name: 'Synchronisation' }).click();
  await expect(page.getByRole('heading', { name: 'Synchronisation', level: 2 })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(changes);
  const applied = page.getByRole('alert').filter({ hasText: 'Fichier appliqué' });
  // Everything applied: no change already held, in quarantine or missing, no conflict.
  await expect(applied.getByText(/^[1-9]\d* modifications reçues, 0 conflit$/)).toBeVisible();

  // The dashboard counts Rokia and Moussa (Awa was already counted), and the six person-days of
  // the three of them (two full days each).
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect.poll(() => keyFigure(page, 'kf-trained')).toBe(trainedBefore + 2);
  await expect.poll(() => keyFigure(page, 'kf-days')).toBe(daysBefore + 3 * 2);
  await snapshot(page, 'sync-register-dashboard');
});

// A day taken away at headquarters while the laptop, offline, marks the register on it: the
// marks wait on the page « Conflits », and the administrator gives the day back with them.
test('marks entered on a day removed at headquarters wait on the page « Conflits », and come back with the day', async ({
  page,
  signIn,
  web,
}, testInfo) => {
  const { held, awa, args } = await prepare(web, testInfo);
  const laptop = await startInstallation(laptopFolder(), TRAINER, args);
  const [kept, removed] = held.days as [(typeof held.days)[number], (typeof held.days)[number]];
  try {
    const day = (d: typeof kept) => ({ id: d.id, date: d.date, startTime: d.startTime, endTime: d.endTime });
    await web.call('sessions.update', {
      id: held.id,
      fields: {
        title: held.title,
        pathwayActionId: held.pathwayActionId,
        phase: held.phase,
        region: held.region,
        venue: held.venue,
        days: [day(kept)],
        trainers: held.trainers.map((t) => ({ name: t.name, sex: t.sex, kind: t.kind })),
      },
    });
    await laptop.call('sessions.recordAttendance', {
      sessionId: held.id,
      marks: [kept, removed].map((d) => ({ dayId: d.id, participantId: awa.id, status: 'present' as const })),
    });
    const file = await laptop.call('sync.exportFile', {});
    const report = await web.call('sync.importFile', {
      file: { name: file.fileName, contentBase64: file.dataBase64 },
    });
    expect(report.summary).toMatch(/1 conflit$/);
  } finally {
    await laptop.stop();
  }

  await signIn('/synchronisation/conflits');
  const card = page.getByRole('region', { name: 'Présence « Awa Diarra » — la journée du 11/03/2025' });
  await expect(card.getByText('Saisie sur une fiche supprimée ailleurs')).toBeVisible();
  await expect(
    card.getByText(/^Suppression de la journée du 11\/03\/2025 par Équipe PRC \(siège\)/),
  ).toBeVisible();
  await expect(
    card.getByText(/^Statut modifié en « présent » par Aïssata Maïga \(poste de Gao\)/),
  ).toBeVisible();
  await snapshot(page, 'sync-conflict-orphan');
  await card
    .getByRole('radio', { name: 'Rétablir la journée du 11/03/2025, avec toutes ses saisies' })
    .check();
  await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText('Aucun conflit')).toBeVisible();
  const session = await web.call('sessions.get', { id: held.id });
  expect(session.days.map((d) => d.id)).toEqual([kept.id, removed.id]);
  expect(session.attendance.filter((a) => a.participantId === awa.id)).toHaveLength(2);
});
