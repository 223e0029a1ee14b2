import type { Browser, Page } from 'playwright-core';
import type { MarkdownPage } from './page/main';

/** The Markdown bench page at `url` in a new 900×800 tab, with the Markdown pipeline loaded as the app has it after start-up. */
export async function openMarkdownPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  await page.goto(url);
  // Only plain expressions inside evaluate: tsx's helpers for named functions do not exist in the page.
  await page.waitForFunction(() => 'markdownPage' in window);
  await page.evaluate(() => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.ready());
  return page;
}
