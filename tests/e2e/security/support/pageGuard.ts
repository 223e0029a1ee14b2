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
/**
 * The one SVG allowed: Parley's own icons (lucide's: the "Copy code" button, callouts, the reasoning line),
 * hidden from screen readers and made of plain shapes. SVG from model or user text never is.
 */
const APP_ICON = 'svg.lucide[aria-hidden="true"]:not(:has(:not(path, rect, circle, line, polyline, polygon, ellipse)))';

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

/**
 * Whatever the CSP would refuse should never get that far: records every element with an inline
 * handler (`on…` attribute) that any HTML parser of the page produces — innerHTML and friends,
 * DOMParser (whose documents share the page's CSP), contextual fragments — whoever called it.
 */
function recordParsedHandlers(): void {
  const found: string[] = [];
  (window as { __parsedHandlers?: string[] }).__parsedHandlers = found;
  const scan = (api: string, root: Node | null) => {
    if (!root) return;
    const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...(root as ParentNode).querySelectorAll('*')];
    for (const element of elements) {
      for (const { name } of element.attributes) if (name.toLowerCase().startsWith('on')) found.push(`${api}: <${element.localName} ${name}>`);
    }
  };
  const wrapSetter = (proto: object, property: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, property);
    if (!descriptor?.set) return;
    const set = descriptor.set;
    Object.defineProperty(proto, property, { ...descriptor, set(this: Element, value: unknown) {
      const parent = property === 'outerHTML' ? this.parentNode : null;
      set.call(this, value);
      scan(property, parent ?? this);
    } });
  };
  const wrapMethod = <T extends object>(proto: T, method: string, scanned: (self: T, result: unknown) => Node | null) => {
    const original = (proto as Record<string, unknown>)[method];
    if (typeof original !== 'function') return;
    (proto as Record<string, unknown>)[method] = function (this: T, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      scan(method, scanned(this, result));
      return result;
    };
  };
  for (const proto of [Element.prototype, ShadowRoot.prototype]) wrapSetter(proto, 'innerHTML');
  wrapSetter(Element.prototype, 'outerHTML');
  wrapMethod(Element.prototype, 'insertAdjacentHTML', (self) => self.parentNode ?? self);
  wrapMethod(Element.prototype, 'setHTMLUnsafe', (self) => self);
  wrapMethod(DOMParser.prototype, 'parseFromString', (_self, result) => result as Document);
  wrapMethod(Range.prototype, 'createContextualFragment', (_self, result) => result as DocumentFragment);
  wrapMethod(Document as unknown as object, 'parseHTMLUnsafe', (_self, result) => result as Document);
}

export async function guardPage(page: Page): Promise<PageGuard> {
  await page.addInitScript(recordViolations);
  await page.evaluate(recordViolations);
  await page.addInitScript(recordParsedHandlers);
  await page.evaluate(recordParsedHandlers);
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
      expect(await page.evaluate(() => (window as { __parsedHandlers?: string[] }).__parsedHandlers)).toEqual([]);
      expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
      expect(await page.locator('base, meta[http-equiv]').count()).toBe(0);
      const offending = await area.evaluate((root, [selector, appIcon]) => {
        const found: string[] = [];
        for (const element of root.querySelectorAll('*')) {
          if (element.matches(selector) && !element.matches(appIcon)) found.push(element.outerHTML.slice(0, 120));
          for (const { name, value } of element.attributes) {
            if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
            if ((name === 'href' || name === 'xlink:href' || name === 'action' || name === 'formaction') && !/^(https?|mailto):/i.test(value)) found.push(`${element.tagName} ${name}=${value}`);
            if (name === 'src' && !/^data:image\/(png|jpeg|gif|webp|avif|svg\+xml)[;,]/i.test(value)) found.push(`${element.tagName} src=${value}`);
          }
        }
        return found;
      }, [ACTIVE_ELEMENTS, APP_ICON] as const);
      expect(offending).toEqual([]);
    },
  };
}
