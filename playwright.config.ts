import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, STATION_VIEWPORT } from './test/support/browser';

// Specs start their own browser shell on the real station core (test/support/e2e-station.ts); run `npx vite build` first (npm run test:e2e does).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  workers: 1,
  timeout: 60_000,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: STATION_VIEWPORT,
    trace: 'off',
  },
});
