import { defineConfig } from 'vitest/config';

// better-sqlite3 13 crashes (SIGSEGV) on older Node: say so instead of a wall of worker errors.
if (Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`Parcours needs Node.js 22 or newer; this is ${process.version}. See README.md.`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files, PDFs and child processes on a busy 2-core machine: a roomy limit, the same
    // for every test (timings are measured by `npm run bench`, not asserted here).
    testTimeout: 30_000,
  },
});
