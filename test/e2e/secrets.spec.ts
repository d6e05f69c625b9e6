import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, snapshot, E2E_ADMIN, STORAGE_KEYS } from './fixtures';

/**
 * Another program of this computer, on another port of 127.0.0.1 (browsers share cookies between
 * ports): it records everything the browser sends it.
 */
async function neighbour() {
  const received: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Voisin</title><p>Un autre programme.</p><img src="/image.png">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('the token and the session never reach another port of 127.0.0.1; a reload keeps the app signed in', async ({
  page,
  web,
}) => {
  await web.openSession();
  await page.goto(web.launchUrl);
  await page.getByLabel('Identifiant').fill(E2E_ADMIN.login);
  await page.getByLabel('Mot de passe').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(E2E_ADMIN.name);
  const [token, session] = await page.evaluate(
    (keys) => [sessionStorage.getItem(keys.token), sessionStorage.getItem(keys.session)],
    STORAGE_KEYS,
  );
  expect(token).toBe(web.token);
  expect(session).toBeTruthy();

  // The browser visits a page of the other program, in a tab of the same profile.
  const other = await neighbour();
  try {
    const tab = await page.context().newPage();
    await tab.goto(`${other.url}/`);
    await expect(tab.getByText('Un autre programme.')).toBeVisible();
    // Nor can its page read the app's storage.
    expect(await tab.evaluate(() => sessionStorage.length)).toBe(0);
    await tab.close();

    expect(other.received.length).toBeGreaterThan(0);
    for (const headers of other.received) {
      expect(headers.cookie).toBeUndefined();
      const everything = JSON.stringify(headers);
      expect(everything).not.toContain(token!);
      expect(everything).not.toContain(session!);
    }
    // What it received, replayed to the app, opens nothing.
    const replay = await fetch(`${web.origin}/api/users.list`, {
      method: 'POST',
      headers: { ...(other.received[0] as Record<string, string>), host: new URL(web.origin).host },
      body: '{}',
    });
    expect(replay.status).toBe(401);
  } finally {
    await other.close();
  }

  // The tab keeps its token and session: after a reload, the app is still signed in and works.
  await page.goto(`${web.origin}/#/utilisateurs`);
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toContainText(E2E_ADMIN.name);
  await expect(
    page.getByTestId('users-table').getByRole('row').filter({ hasText: E2E_ADMIN.name }),
  ).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);
  await snapshot(page, 'secrets-apres-rechargement');
});

test('a tab opened without the launch address is told how to get in, and gets nothing', async ({
  page,
  web,
}) => {
  await page.goto(`${web.origin}/#/utilisateurs`);
  await expect(page.getByRole('alert')).toHaveText(
    'Parcours : accès refusé. Ouvrez l’adresse complète affichée au démarrage (elle contient le jeton).',
  );
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await snapshot(page, 'secrets-sans-jeton');
});
