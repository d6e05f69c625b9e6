import { defineConfig } from '@playwright/test';

// The installed app, launched once by .github/workflows/installers.yml (not part of `npm test`:
// the Electron binary cannot be downloaded on the project's machines).
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/packaged',
  timeout: 120_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
