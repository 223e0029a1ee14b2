/**
 * Start-up to sidebar ready, as a person sees it: web mode over a given data folder, the page
 * opened in Chromium, until the first conversation rows show. The baseline, measured in the
 * same run, is the same page until the browser has parsed it (DOMContentLoaded).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startWebMode } from '../main/web/startWebMode';
import { timeAsync, type Timing } from './report';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

export async function measureSidebarReady(dataDir: string, runs: number): Promise<{ pageParsed: Timing; sidebarReady: Timing }> {
  const server = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), envKey: 'bench-key' });
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const open = async (until: (page: Page) => Promise<unknown>) => {
      const page = await browser.newPage();
      await page.goto(server.url, { waitUntil: 'commit' });
      await until(page);
      await page.close();
    };
    const pageParsed = await timeAsync(runs, () => open((page) => page.waitForLoadState('domcontentloaded')));
    const sidebarReady = await timeAsync(runs, () =>
      open((page) => page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().waitFor()),
    );
    return { pageParsed, sidebarReady };
  } finally {
    await browser.close();
    await server.close();
  }
}
