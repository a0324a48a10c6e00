import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. `browser` drives Debian's Chromium against the browser-mode host (every
 * behaviour is tested this way); `electron` launches the real desktop app where an Electron
 * binary exists and reports itself skipped where it does not.
 */
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'e2e-electron/**/*.spec.ts' },
  ],
});
