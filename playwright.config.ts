import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { Runtime } from './tests/e2e/support/fixtures';

// Playwright cannot download its own browsers on every machine; Debian's chromium works.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

export default defineConfig<{ runtime: Runtime }>({
  testDir: 'tests/e2e',
  // Every wait is for a state; these only bound how long a broken state is waited for. They are
  // generous because `npm test` must pass on a 2-core machine that is busy with other work.
  timeout: 60_000,
  // Screenshot baselines (issue 12): still frames, one file per screen, size, theme and runtime; see tests/e2e/support/visual.ts.
  expect: { timeout: 15_000, toHaveScreenshot: { animations: 'disabled', caret: 'hide', scale: 'css' } },
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}-{projectName}{ext}',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  globalSetup: './tests/e2e/support/globalSetup.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'web', use: { runtime: 'web' } },
    { name: 'electron', use: { runtime: 'electron' } },
  ],
});
