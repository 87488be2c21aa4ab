import { defineConfig } from 'vitest/config';

// Three suites: unit (pure functions), integration (real SQLite files in temp folders,
// real spreadsheets), e2e (the built UI in headless Chromium against browser mode).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
