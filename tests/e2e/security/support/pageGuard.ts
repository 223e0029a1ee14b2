/**
 * Watches a page for what an XSS would do: run script (the corpus' sentinels, dialogs), navigate,
 * or reach a host the user never asked for. The fake inference server is called by main, never
 * by the page, so the page's only legitimate traffic is to its own origin.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../support/fixtures';

export interface PageGuard {
  /** Asserts that nothing ran, moved or left, and that `area` holds no active or navigating element. */
  expectInert(area: Locator): Promise<void>;
}

/** Elements that run, embed, redirect or submit: none may come out of model or user text. */
const ACTIVE_ELEMENTS = 'script, iframe, frame, object, embed, base, meta[http-equiv], form, link, style, svg, video, audio, template';

const isOwnRequest = (url: string, appHost: string): boolean => {
  const { protocol, host } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || host === appHost;
};

/**
 * CSP blocks what slips through before any request exists; a violation still means markup got in.
 * Inline styles are left out: Mermaid measures its (sanitized) SVG in the live page while drawing,
 * and the CSP refuses that SVG's styles — expected, and harmless (SECURITY.md, Mermaid).
 */
function recordViolations(): void {
  const seen: string[] = [];
  (window as { __cspViolations?: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (!event.effectiveDirective.startsWith('style-src')) seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
}

export async function guardPage(page: Page): Promise<PageGuard> {
  await page.addInitScript(recordViolations);
  await page.evaluate(recordViolations);
  const startUrl = page.url();
  const appHost = new URL(startUrl).host;
  const title = await page.title();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!isOwnRequest(request.url(), appHost)) foreign.push(request.url());
  });
  page.on('websocket', (socket) => {
    if (!isOwnRequest(socket.url(), appHost)) foreign.push(socket.url());
  });

  return {
    async expectInert(area) {
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.title()).toBe(title);
      expect(dialogs).toEqual([]);
      expect(page.url()).toBe(startUrl);
      expect(foreign).toEqual([]);
      expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
      expect(await page.locator('base, meta[http-equiv]').count()).toBe(0);
      const offending = await area.evaluate((root, selector) => {
        const found: string[] = [];
        for (const element of root.querySelectorAll('*')) {
          if (element.matches(selector)) found.push(element.outerHTML.slice(0, 120));
          for (const { name, value } of element.attributes) {
            if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
            if ((name === 'href' || name === 'xlink:href' || name === 'action' || name === 'formaction') && !/^(https?|mailto):/i.test(value)) found.push(`${element.tagName} ${name}=${value}`);
            if (name === 'src' && !/^data:image\/(png|jpeg|gif|webp|avif|svg\+xml)[;,]/i.test(value)) found.push(`${element.tagName} src=${value}`);
          }
        }
        return found;
      }, ACTIVE_ELEMENTS);
      expect(offending).toEqual([]);
    },
  };
}
