import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// PARCOURS_APP: the packaged executable (dist/linux-unpacked/parcours, dist/win-unpacked/Parcours.exe,
// dist/mac*/Parcours.app/Contents/MacOS/Parcours).
test('the packaged app opens its first window, on a new data folder', async () => {
  const executablePath = process.env.PARCOURS_APP;
  if (!executablePath) throw new Error('PARCOURS_APP: the packaged executable to launch');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-packaged-'));
  const app = await electron.launch({ executablePath, env: { ...process.env, PARCOURS_DATA_DIR: dataDir } });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Parcours');
    // First start: the core opened the data with the shipped migrations and asks for the administrator.
    await expect(window.getByText('Premier démarrage')).toBeVisible({ timeout: 30_000 });
    await window.screenshot({
      path: path.join('test-results', 'packaged', `first-window-${process.platform}.png`),
    });
    expect(await app.evaluate(({ app }) => app.isPackaged)).toBe(true);
  } finally {
    await app.close();
  }
  expect(fs.existsSync(path.join(dataDir, 'parcours.sqlite'))).toBe(true);
});
