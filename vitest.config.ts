import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // WXT's mock of `wxt/browser` imports the `wxt/testing` barrel, which pulls esbuild into
    // jsdom; point the barrel at the fake browser alone.
    alias: [{ find: /^wxt\/testing$/, replacement: fileURLToPath(new URL('./tests/unit/support/mock-browser.ts', import.meta.url)) }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
          // The unit files run beside the server and browser projects on the same cores: a
          // rendered dashboard or a property test can take several seconds on a busy machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The same server suite on PostgreSQL: a throw-away cluster for the run, a database
          // per test server (tests/server/support/postgres-global-setup.ts).
          name: 'server-pg',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { QUIVER_TEST_DB: 'postgres' },
          globalSetup: ['tests/server/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['tests/reliability/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability-pg',
          include: ['tests/reliability/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { QUIVER_TEST_DB: 'postgres' },
          globalSetup: ['tests/server/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The browser-side attacks of issue 8 (docs/reliability.md): the built extension in
          // Chromium, like the e2e project, and like it one Chromium at a time.
          name: 'reliability-browser',
          include: ['tests/reliability/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The Firefox build in Firefox ESR (tests/firefox/support/firefox.ts), after the
          // Chromium projects rather than beside them: the machine has two cores.
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/firefox/global-setup.ts'],
        },
      },
    ],
  },
});
