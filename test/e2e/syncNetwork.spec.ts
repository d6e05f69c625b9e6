import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { relay } from '../fixtures/relay';
import { E2E_ADMIN, expect, snapshot, startInstallation, test } from './fixtures';

const GAO = { login: 'gao', password: 'Formatrice-Gao-2024', name: 'Aïssata Maïga' };
const KIDAL = { login: 'kidal', password: 'Formateur-Kidal-2024', name: 'Moussa Ag Intalla' };
const folder = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `parcours-e2e-${name}-`));

type Installation = Awaited<ReturnType<typeof startInstallation>>;

// Three processes, three data folders: headquarters in web mode with its door for the laptops
// open (`--siege`, as `npm run start:hq` does), and two trainers' laptops enrolled from it. Kidal
// exchanges by file; Gao over loopback through a relay that cuts the link in the middle of its
// file and stays down, then, once the link is back, from its page with « Synchroniser maintenant ».
test('headquarters and two laptops, by file and over a link cut mid-file, end with the same programme', async ({
  page,
}, testInfo) => {
  const running: Installation[] = [];
  try {
    const hq = await startInstallation(folder('siege'), E2E_ADMIN, ['--siege', '0']);
    running.push(hq);
    const port = Number(/synchronisent sur le port (\d+)/.exec(hq.output())?.[1]);
    expect(port).toBeGreaterThan(0);
    const organisation = await hq.call('organisations.create', {
      name: 'Union des coopératives du Nord',
      type: 'csu',
      level: 'regional',
      region: 'Gao',
    });

    const enrol = async (account: typeof GAO, label: string) => {
      const user = await hq.call('users.create', { ...account, role: 'trainer', pathwayIds: [] });
      const enrolled = await hq.call('sync.enrolLaptop', { userId: user.id, label });
      const file = testInfo.outputPath(enrolled.file.fileName);
      fs.writeFileSync(file, Buffer.from(enrolled.file.dataBase64, 'base64'));
      return ['--inscrire', file, enrolled.code];
    };
    const gaoArgs = await enrol(GAO, 'poste de Gao');
    const kidalArgs = await enrol(KIDAL, 'poste de Kidal');
    // Both laptops start at once, as two trainers would (each stopped at the end, whatever happens).
    const started = await Promise.allSettled([
      startInstallation(folder('gao'), GAO, gaoArgs),
      startInstallation(folder('kidal'), KIDAL, kidalArgs),
    ]);
    for (const s of started) if (s.status === 'fulfilled') running.push(s.value);
    const laptops = started.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    const [gao, kidal] = laptops as [Installation, Installation];
    const participant = (firstName: string, lastName: string) => ({
      fields: { organisationId: organisation.id, firstName, lastName, sex: 'F' as const },
      confirmedNotDuplicate: true,
    });
    await gao.call('participants.create', participant('Fatou', 'Touré'));
    await kidal.call('participants.create', participant('Zeinabou', 'Walet'));
    // Written at headquarters after both enrolments: it must reach both laptops.
    const later = await hq.call('organisations.create', {
      name: 'Association des éleveurs de Kidal',
      type: 'community_association',
      level: 'local',
      region: 'Kidal',
    });

    // Kidal, by file: its file imported at headquarters, headquarters' answer imported on Kidal.
    const kidalFile = await kidal.call('sync.exportFile', {});
    const atHq = await hq.call('sync.importFile', {
      file: { name: kidalFile.fileName, contentBase64: kidalFile.dataBase64 },
    });
    expect(atHq.summary).toMatch(/modifications reçues/);
    await kidal.call('sync.importFile', {
      file: { name: atHq.reply!.fileName, contentBase64: atHq.reply!.dataBase64 },
    });

    // Gao, over the network: the link is cut in the middle of its file, and stays down.
    const link = await relay(port);
    try {
      await gao.call('sync.setHeadquartersUrl', { url: link.url });
      link.state.cutUpAt = 700;
      link.state.stayDown = true;
      await expect(gao.call('sync.syncNow', {})).rejects.toThrow(/UNAVAILABLE.*ne répond pas/);
      expect(link.state.cuts).toBe(1);
      expect((await hq.call('participants.list', { search: 'fatou' })).items).toEqual([]);

      // The link is back: the trainer synchronises from the laptop's page.
      link.state.stayDown = link.state.refused = false;
      await gao.open(page, '/synchronisation');
      const card = page.getByRole('region', { name: 'Synchroniser par le réseau' });
      await expect(card.getByText(/Un échange a été interrompu/)).toBeVisible();
      await expect(card.getByRole('textbox', { name: 'Adresse du siège' })).toHaveValue(link.url);
      await card.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await expect(card.getByText('Synchronisation terminée')).toBeVisible();
      await expect(card.getByText(/^Au siège : \d+ modifications reçues/)).toBeVisible();
      await expect(card.getByText(/^Sur ce poste : \d+ modifications reçues/)).toBeVisible();
      await expect(card.getByText(/Un échange a été interrompu/)).toHaveCount(0);
      await snapshot(page, 'sync-network-laptop');
    } finally {
      await link.close();
    }

    // Headquarters holds both laptops' work; each laptop holds its own and headquarters'.
    const names = async (installation: Installation) =>
      (await installation.call('participants.list', {})).items.map((p) => p.firstName).sort();
    expect(await names(hq)).toEqual(['Fatou', 'Zeinabou']);
    expect(await names(gao)).toEqual(['Fatou']);
    expect(await names(kidal)).toEqual(['Zeinabou']);
    for (const laptop of laptops) {
      const organisations = (await laptop.call('organisations.list', {})).items.map((o) => o.id);
      expect(organisations).toContain(later.id);
      expect((await laptop.call('sync.status', {})).gaps).toEqual([]);
    }
    expect((await hq.call('sync.status', {})).gaps).toEqual([]);
  } finally {
    for (const installation of running) await installation.stop();
  }
});
