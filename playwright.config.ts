import { defineConfig } from '@playwright/test';

/** E2E runs the built extension in real Chromium (see tests/e2e/fixtures.ts); one worker: 2-core machines. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
});
