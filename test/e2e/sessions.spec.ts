import type { Page } from '@playwright/test';
import { expect, plain, snapshot, test } from './fixtures';
import { participant, type Web } from './prepare';

const STAGES = ['recorded', 'session', 'walk-ins', 'register', 'evaluations', 'edited'] as const;

/**
 * The session of a pathway as the steps below leave it, up to `stage`, prepared through the
 * contract. First what no step is about: an organisation, a module, a pathway planned before /
 * during / after, three people enrolled (two women, one man) and someone of another organisation
 * who will come on the day. Then the session, its walk-ins, its register, its evaluations, its venue changed.
 */
async function prepareSession(web: Web, stage: (typeof STAGES)[number]) {
  const reached = (s: (typeof STAGES)[number]) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  const organisation = await web.call('organisations.create', {
    name: 'Association des Femmes Transformatrices de Koulikoro',
    acronym: 'AFTK',
    type: 'community_association',
    level: 'local',
    region: 'Koulikoro',
  });
  const module = await web.call('modules.create', {
    title: 'Comptabilité de base',
    theme: 'Gestion financière',
    durationHours: 14,
  });
  const pathway = await web.call('pathways.create', {
    organisationId: organisation.id,
    title: 'Parcours gestion financière',
    startsOn: '2024-03-01',
    endsOn: '2024-12-31',
    budgetFcfa: 12_000_000,
  });
  const action = (type: 'awareness_session' | 'training_session' | 'coaching', title: string) => ({
    type,
    title,
    plannedStart: '2024-04-01',
    plannedEnd: '2024-04-05',
    budgetFcfa: 1_500_000,
  });
  const plan = await web.call('pathways.saveSteps', {
    pathwayId: pathway.id,
    steps: [
      { phase: 'before', title: 'Préparation', actions: [action('awareness_session', 'Sensibilisation')] },
      {
        phase: 'during',
        title: 'Formation-action',
        actions: [action('training_session', 'Formation en comptabilité')],
      },
      { phase: 'after', title: 'Suivi', actions: [action('coaching', 'Coaching au poste')] },
    ],
  });
  const people = [
    {
      firstName: 'Awa',
      lastName: 'Diarra',
      sex: 'F' as const,
      position: 'Comptable',
      phone: '+223 76 11 22 33',
    },
    { firstName: 'Mariam', lastName: 'Sangaré', sex: 'F' as const, position: 'Trésorière' },
    { firstName: 'Issa', lastName: 'Coulibaly', sex: 'M' as const, position: 'Secrétaire général' },
  ];
  const enrolled = [];
  for (const p of people) enrolled.push(await participant(web, { organisationId: organisation.id, ...p }));
  await web.call('pathways.enrol', { pathwayId: pathway.id, participantIds: enrolled.map((p) => p.id) });
  // Someone of another organisation, recorded earlier, who will come on the day.
  const cafo = await web.call('organisations.create', {
    name: 'Coordination des Associations et ONG Féminines',
    acronym: 'CAFO',
    type: 'csu',
    level: 'regional',
    region: 'Koulikoro',
  });
  const walkInId = (
    await participant(web, {
      organisationId: cafo.id,
      firstName: 'Fatoumata',
      lastName: 'Keïta',
      sex: 'F',
      position: 'Chargée de programme',
      phone: '+223 66 12 34 56',
    })
  ).id;

  if (!reached('session')) return { enrolled, walkInId, session: undefined };
  const fields = {
    title: 'Comptabilité de base des associations',
    pathwayActionId: plan.steps[1]!.actions[0]!.id,
    moduleId: module.id,
    phase: 'classroom' as const,
    region: 'Koulikoro',
    commune: 'Koulikoro',
    venue: 'Salle de la mairie',
    costFcfa: 1_450_000,
    days: [
      { date: '2024-04-02', startTime: '08:30', endTime: '16:30' },
      { date: '2024-04-03', startTime: '08:30', endTime: '16:30' },
    ],
    trainers: [{ name: 'Kadiatou Maïga', sex: 'F' as const, kind: 'external' as const }],
  };
  let session = await web.call('sessions.create', fields);
  if (!reached('walk-ins')) return { enrolled, walkInId, session };
  const oumar = await participant(web, {
    organisationId: organisation.id,
    firstName: 'Oumar',
    lastName: 'Touré',
    sex: 'M',
    position: 'Animateur',
  });
  session = await web.call('sessions.addParticipants', {
    sessionId: session.id,
    participantIds: [walkInId, oumar.id],
    walkIn: true,
  });
  if (!reached('register')) return { enrolled, walkInId, session };
  const [awa, mariam, issa] = enrolled.map((p) => p.id);
  const [day1, day2] = session.days.map((d) => d.id);
  const everyone = [awa!, mariam!, issa!, walkInId, oumar.id];
  await web.call('sessions.recordAttendance', {
    sessionId: session.id,
    marks: [
      ...everyone.map((participantId) => ({ dayId: day1!, participantId, status: 'present' as const })),
      { dayId: day2!, participantId: awa!, status: 'present' },
      { dayId: day2!, participantId: mariam!, status: 'late' },
      { dayId: day2!, participantId: walkInId, status: 'present' },
      { dayId: day2!, participantId: oumar.id, status: 'present' },
      { dayId: day2!, participantId: issa!, status: 'absent' },
    ],
  });
  if (!reached('evaluations')) return { enrolled, walkInId, session };
  await web.call('sessions.recordEvaluations', {
    sessionId: session.id,
    evaluations: [
      { participantId: awa!, satisfaction: 5, preScore: 40, postScore: 75 },
      { participantId: issa!, satisfaction: 4, preScore: 50, postScore: 60 },
      { participantId: mariam!, satisfaction: 3, preScore: 30, postScore: 45 },
      { participantId: oumar.id, satisfaction: 4, preScore: 60, postScore: 60 },
      { participantId: walkInId, satisfaction: 4, preScore: 55, postScore: null },
    ],
  });
  if (!reached('edited')) return { enrolled, walkInId, session };
  session = await web.call('sessions.update', {
    id: session.id,
    fields: {
      ...fields,
      venue: 'Salle de conférence de la mairie',
      days: fields.days.map((d, i) => ({ ...d, id: session.days[i]!.id })),
    },
  });
  return { enrolled, walkInId, session };
}

/** Opens the session's page, signed in. */
async function openSession(page: Page, signIn: (path?: string) => Promise<void>, sessionId: string) {
  await signIn(`/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { name: 'Comptabilité de base des associations' })).toBeVisible();
}

test('a session of a pathway action: an end before the start is refused, then it is saved', async ({
  page,
  signIn,
  web,
}) => {
  await prepareSession(web, 'recorded');
  await signIn();
  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions de formation-action' })).toBeVisible();

  // 1. The session, linked to the pathway's training action; an end time before the start is refused.
  await page.getByRole('button', { name: 'Nouvelle session' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle session' });
  await form.getByRole('combobox', { name: 'Parcours', exact: true }).click();
  await page.getByRole('option', { name: /Parcours gestion financière/ }).click();
  await form.getByRole('combobox', { name: 'Action du parcours' }).click();
  await expect(page.getByRole('option')).toHaveCount(3);
  await page.getByRole('option', { name: /Formation en comptabilité/ }).click();
  await expect(form.getByLabel('Intitulé')).toHaveValue('Formation en comptabilité'); // from the action
  await form.getByLabel('Intitulé').fill('Comptabilité de base des associations');
  await form.getByRole('combobox', { name: 'Module de formation' }).click();
  await page.getByRole('option', { name: 'Comptabilité de base' }).click();
  await form.getByRole('combobox', { name: 'Région' }).fill('Koulikoro');
  await form.getByLabel('Commune').click(); // closes the suggestions
  await form.getByLabel('Commune').fill('Koulikoro');
  await form.getByLabel('Lieu').fill('Salle de la mairie');
  await form.getByLabel('Coût (F CFA)').fill('1450000');
  await form.getByLabel('Date du jour 1').fill('02/04/2024');
  await form.getByLabel('Heure de début du jour 1').fill('08:30');
  await form.getByLabel('Heure de fin du jour 1').fill('16:30');
  await form.getByRole('button', { name: 'Ajouter un jour' }).click();
  await expect(form.getByLabel('Date du jour 2')).toHaveValue('03/04/2024'); // the next working day
  await form.getByLabel('Heure de fin du jour 2').fill('07:00');
  await form.getByRole('button', { name: 'Ajouter un formateur' }).click();
  await form.getByLabel('Nom du formateur 1').fill('Kadiatou Maïga');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('La fin doit suivre le début.')).toBeVisible();
  await expect(form.getByText('Ce champ est obligatoire.')).toBeVisible(); // the trainer's sex
  await snapshot(page, 'sessions-02-formulaire-erreurs');
  await form.getByLabel('Intitulé').scrollIntoViewIfNeeded();
  await snapshot(page, 'sessions-02b-formulaire-rattachement');
  await form.getByLabel('Heure de fin du jour 2').fill('16:30');
  await form.getByRole('combobox', { name: 'Sexe du formateur 1' }).click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await form.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { name: 'Comptabilité de base des associations' })).toBeVisible();
  await expect(page.getByText('Kadiatou Maïga (Femme, externe)')).toBeVisible();
  await expect(page.getByText('02/04/2024, 08:30–16:30')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Parcours gestion financière' })).toBeVisible();
  expect(plain(await page.getByTestId('session-cost').textContent())).toBe('1 450 000 F CFA');
});

test('the people enrolled in the pathway are on the register; walk-ins are added, a duplicate caught', async ({
  page,
  signIn,
  web,
}) => {
  const { session } = await prepareSession(web, 'session');
  await openSession(page, signIn, session!.id);

  // 2. The people enrolled in the pathway are on the register.
  const register = page.getByTestId('register');
  for (const name of ['Awa Diarra', 'Mariam Sangaré', 'Issa Coulibaly']) {
    await expect(register.getByText(name, { exact: true })).toBeVisible();
  }

  // 3. Walk-ins. First a person already recorded with another organisation, found without her accent…
  await page.getByRole('button', { name: 'Ajouter un participant sur place' }).click();
  const walkIn = page.getByRole('dialog', { name: 'Participant sur place' });
  await walkIn.getByRole('combobox', { name: 'Rechercher une personne déjà enregistrée' }).fill('keita');
  await page.getByRole('option', { name: /Fatoumata Keïta — CAFO/ }).click();
  await walkIn.getByRole('button', { name: 'Ajouter à la session' }).click();
  await expect(walkIn).toBeHidden();
  // … then someone new: a name close to Issa Coulibaly's is flagged, and he is already on the list.
  await page.getByRole('button', { name: 'Ajouter un participant sur place' }).click();
  await walkIn.getByRole('button', { name: 'Nouvelle personne' }).click();
  const person = page.getByRole('dialog', { name: 'Nouveau participant' });
  await person.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: /AFTK/ }).click();
  await person.getByLabel('Prénom').fill('Issa');
  await person.getByRole('textbox', { name: 'Nom', exact: true }).fill('Coulibali');
  await person.getByRole('radio', { name: 'Homme' }).check();
  await person.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(person.getByText('Cette personne est peut-être déjà enregistrée')).toBeVisible();
  await snapshot(page, 'sessions-03-sur-place-doublon');
  await person.getByRole('button', { name: 'C’est cette personne : Issa Coulibaly' }).click();
  await expect(page.getByText('Issa Coulibaly est déjà sur la liste de cette session.')).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un participant sur place' }).click();
  await walkIn.getByRole('button', { name: 'Nouvelle personne' }).click();
  await person.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: /AFTK/ }).click();
  await person.getByLabel('Prénom').fill('Oumar');
  await person.getByRole('textbox', { name: 'Nom', exact: true }).fill('Touré');
  await person.getByRole('radio', { name: 'Homme' }).check();
  await person.getByLabel('Fonction').fill('Animateur');
  await person.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(person).toBeHidden();
  const registered = page.getByTestId('session-participants');
  await expect(registered.getByRole('row', { name: /Oumar Touré/ })).toContainText('Sur place');
  await expect(registered.getByRole('row', { name: /Fatoumata Keïta/ })).toContainText('Sur place');
  await expect(registered.getByRole('row', { name: /Issa Coulibaly/ })).toContainText('Inscrit');
});

test('the register: marks by day, a warning before leaving unsaved, figures from the server', async ({
  page,
  signIn,
  web,
}) => {
  const { session } = await prepareSession(web, 'walk-ins');
  await openSession(page, signIn, session!.id);

  // 4. The register: everyone on day 1; on day 2 Mariam is late (she counts), Issa is absent.
  await page.getByRole('button', { name: 'Tous présents le 02/04/2024' }).click();
  await page.getByLabel('Awa Diarra — 03/04/2024').selectOption({ label: 'Présent' });
  await page.getByLabel('Mariam Sangaré — 03/04/2024').selectOption({ label: 'En retard' });
  await page.getByLabel('Fatoumata Keïta — 03/04/2024').selectOption({ label: 'Présent' });
  await page.getByLabel('Oumar Touré — 03/04/2024').selectOption({ label: 'Présent' });
  await page.getByLabel('Issa Coulibaly — 03/04/2024').selectOption({ label: 'Absent' });
  await expect(page.getByTestId('register-state')).toHaveText('10 modifications non enregistrées');
  // The preview from the screen: day 1, 5 people; day 2, 4 people.
  await expect(page.getByTestId('register-day-2024-04-02')).toHaveText('5');
  await expect(page.getByTestId('register-day-2024-04-03')).toHaveText('4');
  await expect(page.getByTestId('register-preview')).toHaveText('9');
  await expect(page.getByTestId('register-saved')).toHaveText('Enregistré : 0 jours-personnes');

  // Leaving with unsaved marks asks first.
  await page.getByRole('link', { name: 'Sessions', exact: true }).first().click();
  const leave = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('button', { name: 'Enregistrer le registre' }).click();
  await expect(page.getByTestId('register-state')).toHaveText('Registre à jour');
  // Figures from the server, by hand:
  //   person-days: day 1 all five (5) + day 2 Awa, Mariam (late counts), Fatoumata, Oumar (4) = 9;
  //   women: Awa 2 + Mariam 2 + Fatoumata 2 = 6; men: Issa 1 (absent on day 2) + Oumar 2 = 3.
  await expect(page.getByTestId('figure-person-days')).toHaveText('9');
  expect(plain(await page.getByTestId('figure-person-days-detail').textContent())).toBe(
    'Femmes : 6 · Hommes : 3',
  );
  await expect(page.getByTestId('figure-participants')).toHaveText('5');
  expect(plain(await page.getByTestId('figure-participants-detail').textContent())).toBe(
    'Femmes : 3 · Hommes : 2',
  );
  await expect(page.getByTestId('register-saved')).toHaveText('Enregistré : 9 jours-personnes');
});

test('evaluations: a satisfaction of 6 is refused, then the means worked out by hand', async ({
  page,
  signIn,
  web,
}) => {
  const { session, enrolled, walkInId } = await prepareSession(web, 'register');
  await openSession(page, signIn, session!.id);

  // 5. Evaluations: a satisfaction of 6 is refused, next to the field.
  const evaluations: [string, number, number, number | null][] = [
    ['Awa Diarra', 5, 40, 75], // gain 35
    ['Issa Coulibaly', 4, 50, 60], // gain 10
    ['Mariam Sangaré', 3, 30, 45], // gain 15
    ['Oumar Touré', 4, 60, 60], // gain 0
    ['Fatoumata Keïta', 4, 55, null], // left before the post-test: no gain
  ];
  for (const [name, satisfaction, pre, post] of evaluations) {
    await page.getByLabel(`Satisfaction (1–5) — ${name}`).fill(String(satisfaction));
    await page.getByLabel(`Pré-test (0–100) — ${name}`).fill(String(pre));
    if (post !== null) await page.getByLabel(`Post-test (0–100) — ${name}`).fill(String(post));
  }
  await page.getByLabel('Satisfaction (1–5) — Oumar Touré').fill('6');
  await page.getByRole('button', { name: 'Enregistrer les évaluations' }).click();
  await expect(page.getByText('La satisfaction va de 1 à 5.')).toBeVisible();
  await page.getByLabel('Satisfaction (1–5) — Oumar Touré').fill('4');
  await page.getByRole('button', { name: 'Enregistrer les évaluations' }).click();
  await expect(page.getByText('Évaluations enregistrées')).toBeVisible();
  // Means by hand: satisfaction (5 + 4 + 3 + 4 + 4) / 5 = 4; gain of those with both tests
  // (35 + 10 + 15 + 0) / 4 = 15.
  await expect(page.getByTestId('figure-satisfaction')).toHaveText('4,0 / 5');
  await expect(page.getByTestId('figure-gain')).toHaveText('+15,0 points');
  await expect(page.getByTestId(`gain-${enrolled[0]!.id}`)).toHaveText('+35');
  await expect(page.getByTestId(`gain-${walkInId}`)).toHaveText('—');
  await expect(page.getByTestId('evaluations-gain')).toHaveText('+15,0');
  await snapshot(page, 'sessions-04-session-registre-evaluations');
});

test('the session is edited with its register kept', async ({ page, signIn, web }) => {
  const { session } = await prepareSession(web, 'evaluations');
  await openSession(page, signIn, session!.id);

  // The session is edited with its register kept: the days keep their identity.
  await page.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier la session' });
  await expect(edit.getByRole('combobox', { name: 'Action du parcours' })).toHaveValue(
    /Formation en comptabilité/,
  );
  await edit.getByLabel('Lieu').fill('Salle de conférence de la mairie');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Salle de conférence de la mairie, Koulikoro')).toBeVisible();
  await expect(page.getByTestId('figure-person-days')).toHaveText('9');
});

test('the attendance sheet: everyone registered, a column per half of each day, blank lines', async ({
  page,
  signIn,
  web,
}) => {
  const { session } = await prepareSession(web, 'edited');
  await openSession(page, signIn, session!.id);

  // 6. The attendance sheet: everyone registered, a column per half of each day, blank lines.
  await page.getByRole('link', { name: 'Feuille d’émargement' }).click();
  await expect(page.getByRole('heading', { name: 'Feuille d’émargement' })).toBeVisible();
  await expect(page.getByText('Programme de Renforcement des Capacités')).toBeVisible();
  const sheet = page.getByTestId('attendance-sheet');
  for (const name of ['Diarra Awa', 'Sangaré Mariam', 'Coulibaly Issa', 'Keïta Fatoumata', 'Touré Oumar']) {
    await expect(sheet.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(sheet.getByTestId('sheet-day-2024-04-02')).toHaveText('Mardi 02/04/2024');
  await expect(sheet.getByTestId('sheet-day-2024-04-03')).toHaveText('Mercredi 03/04/2024');
  await expect(sheet.getByRole('columnheader', { name: 'Matin' })).toHaveCount(2);
  await expect(sheet.getByRole('columnheader', { name: 'Après-midi' })).toHaveCount(2);
  await expect(sheet.getByRole('row', { name: /Keïta Fatoumata/ })).toContainText('CAFO');
  await expect(sheet.locator('tbody tr')).toHaveCount(5 + 5); // five people, five blank lines
  await expect(page.getByText('Kadiatou Maïga')).toBeVisible();
  await snapshot(page, 'sessions-05-feuille-emargement');
  await page.getByRole('link', { name: 'Retour à la session' }).click();
  await expect(page.getByRole('heading', { name: 'Comptabilité de base des associations' })).toBeVisible();
});

test('the calendar of April 2024 shows the session on its two days only', async ({ page, signIn, web }) => {
  const { session } = await prepareSession(web, 'edited');
  await openSession(page, signIn, session!.id);

  // 7. The calendar of April 2024 shows the session on its two days only.
  await page.getByRole('link', { name: 'Voir dans le calendrier' }).click();
  await expect(page.getByLabel('Mois affiché')).toHaveText(/avril 2024/i);
  for (const date of ['2024-04-02', '2024-04-03']) {
    await expect(page.getByTestId(`calendar-${date}`)).toContainText('Comptabilité de base des associations');
  }
  await expect(page.getByTestId('calendar-2024-04-04')).not.toContainText('Comptabilité');
  await expect(page.getByTestId('calendar-count')).toHaveText('1 session ce mois-ci');
  await snapshot(page, 'sessions-01-calendrier');
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  await expect(page.getByTestId('calendar-count')).toHaveText('Aucune session ce mois-ci.');
  await page.getByRole('button', { name: 'Mois précédent' }).click();
  await page.getByTestId('calendar-2024-04-02').getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Comptabilité de base des associations' })).toBeVisible();
});

test('the list of sessions', async ({ page, signIn, web }) => {
  await prepareSession(web, 'edited');
  await signIn('/sessions');

  // 8. The list
  await page.getByRole('tab', { name: 'Liste' }).click();
  const row = page
    .getByTestId('sessions-table')
    .getByRole('row', { name: /Comptabilité de base des associations/ });
  await expect(row).toContainText('Association des Femmes Transformatrices de Koulikoro');
  await expect(row).toContainText('du 02/04/2024 au 03/04/2024');
  await expect(row).toContainText('Salle de conférence de la mairie, Koulikoro');
  await expect(row).toContainText('En salle');
  await snapshot(page, 'sessions-06-liste');
});

test('the same session in English, then back to French', async ({ page, signIn, web }) => {
  const { session } = await prepareSession(web, 'edited');
  await openSession(page, signIn, session!.id);

  // 9. The same session in English, then back to French.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Attendance register' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'All present on 02/04/2024' })).toBeVisible();
  await expect(page.getByTestId('figure-gain')).toHaveText('+15.0 points');
  await expect(page.getByTestId('register-saved')).toHaveText('Saved: 9 person-days');
  await snapshot(page, 'sessions-07-session-en');
  await page.getByText('FR', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Registre de présence' })).toBeVisible();
});

/** A session of 40 people of one organisation over 5 days (the last one a half-day), without a register yet. */
async function prepareLargeSession(web: Web) {
  const organisation = await web.call('organisations.create', {
    name: 'Direction Régionale du Développement Social de Ségou',
    acronym: 'DRDS',
    type: 'std',
    level: 'regional',
    region: 'Ségou',
  });
  const ids = [];
  for (let i = 1; i <= 40; i++) {
    const person = await participant(web, {
      organisationId: organisation.id,
      firstName: `Agent${String(i).padStart(2, '0')}`,
      lastName: 'Ségou',
      sex: i % 2 ? 'F' : 'M',
    });
    ids.push(person.id);
  }
  const dates = ['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10'];
  const session = await web.call('sessions.create', {
    title: 'Planification et budgétisation sensibles au genre',
    phase: 'classroom',
    region: 'Ségou',
    venue: 'Centre d’animation pédagogique',
    days: dates.map((date, i) => ({
      date,
      startTime: '08:30',
      endTime: i === 4 ? '12:30' : '16:30',
      halfDay: i === 4,
    })),
    trainers: [{ name: 'Boubacar Traoré', sex: 'M', kind: 'internal' }],
  });
  await web.call('sessions.addParticipants', { sessionId: session.id, participantIds: ids, walkIn: false });

  return { session, dates };
}

test('a register of 40 people over 5 days is filled and saved in one go', async ({ page, signIn, web }) => {
  const { session, dates } = await prepareLargeSession(web);
  await signIn();
  await page.goto(`${web.origin}/#/sessions/${session.id}`);
  await expect(page.getByRole('heading', { name: 'Registre de présence' })).toBeVisible();
  for (const date of dates) {
    const [y, m, d] = date.split('-');
    await page.getByRole('button', { name: `Tous présents le ${d}/${m}/${y}` }).click();
  }
  await page.getByLabel('Agent01 Ségou — 10/05/2024').selectOption({ label: 'Excusé' });
  await expect(page.getByTestId('register-state')).toHaveText('200 modifications non enregistrées');
  await page.getByRole('button', { name: 'Enregistrer le registre' }).click();
  await expect(page.getByTestId('register-state')).toHaveText('Registre à jour');
  // 40 people × 4 full days = 160, plus 39 × ½ on the half-day (Agent01 excused) = 179,5;
  // women (the 20 odd-numbered): 20 × 4 + 19 × ½ = 89,5; men: 20 × 4,5 = 90.
  await expect(page.getByTestId('figure-person-days')).toHaveText('179,5');
  expect(plain(await page.getByTestId('figure-person-days-detail').textContent())).toBe(
    'Femmes : 89,5 · Hommes : 90',
  );
  await snapshot(page, 'sessions-08-registre-40-personnes');
});

test('the attendance sheet of 40 people over 5 days takes two sheets', async ({ page, signIn, web }) => {
  const { session } = await prepareLargeSession(web);
  await signIn(`/sessions/${session.id}`);
  await expect(page.getByRole('heading', { name: 'Registre de présence' })).toBeVisible();
  await page.getByRole('link', { name: 'Feuille d’émargement' }).click();
  // Five days do not fit across one page: two sheets, the header repeated on each.
  await expect(page.getByText('Feuille 1 / 2')).toBeVisible();
  await expect(page.getByTestId('attendance-sheet')).toHaveCount(2);
  await snapshot(page, 'sessions-09-feuille-40-personnes');
});
