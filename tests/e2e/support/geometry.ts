/**
 * Geometry checks that see what a person sees: nothing sticks out of its box or the window,
 * a control keeps its place while an answer streams, a region gets its share of the window,
 * a label is not cut off. Measured in the page with getBoundingClientRect.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { nextFrames } from './nextFrames';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window sizes the layout is designed for (docs/design-system.md, Layout). */
export const LAYOUT_WIDTHS = [760, 900, 1100, 1280] as const;

export const rectOf = (locator: Locator): Promise<Rect> =>
  locator.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  });

export { nextFrames };

/** One element that sticks out, described so a failure says which and by how much. */
export interface Overflow {
  element: string;
  /** `window`, or the box it sticks out of. */
  outOf: string;
  /** How many px past the edge, per side. */
  by: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>>;
}

/**
 * Every visible element inside `root` that sticks out of the window horizontally, or out of the
 * nearest ancestor that clips it (overflow other than visible) on any side; and every button,
 * link, heading or label whose text is cut off without an ellipsis. Content inside a box that
 * scrolls on that axis is allowed past the box's edge (that is what scrolling is for), as are
 * visually hidden elements (clip-path) and elements in the page's top layer (popovers, tooltips)
 * that are positioned by the browser inside the window. Math and SVG count as one box each (their
 * parts are placed by their library), and only the outermost offender is listed.
 */
export async function findOverflows(page: Page, root = 'body'): Promise<Overflow[]> {
  return page.evaluate((rootSelector) => {
    const TOLERANCE = 0.5;
    const describe = (element: Element): string => {
      const label = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40);
      const role = element.getAttribute('role');
      return `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}${label ? ` "${label}"` : ''}`;
    };
    const hidden = (element: Element): boolean => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%')) return true;
      }
      return false;
    };
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    const found: { element: string; outOf: string; by: Record<string, number> }[] = [];
    /** Elements already reported: their descendants stick out with them and are not listed again. */
    const reported = new Set<Element>();
    const insideReported = (element: Element) => {
      for (let node = element.parentElement; node; node = node.parentElement) if (reported.has(node)) return true;
      return false;
    };
    /** Drawn by a library as one picture (math, diagrams, icons): measured as a whole, not by its parts. */
    const ATOMIC = '.katex, svg';
    const rootElement = document.querySelector(rootSelector);
    if (!rootElement) return [{ element: rootSelector, outOf: 'document', by: {} }];

    for (const element of [rootElement, ...rootElement.querySelectorAll('*')]) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (element.closest(':popover-open') || element.parentElement?.closest(ATOMIC) || hidden(element) || insideReported(element)) continue;

      // Out of the window. An ancestor that clips or scrolls on an axis hides what goes past it on
      // that axis (that ancestor is checked itself), and the window never scrolls.
      let clippedX = false;
      let clippedY = false;
      for (let node = element.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible') clippedX = true;
        if (style.overflowY !== 'visible') clippedY = true;
      }
      const windowBy: Record<string, number> = {};
      if (!clippedX && box.left < -TOLERANCE) windowBy.left = Math.round(-box.left);
      if (!clippedX && box.right > innerWidth + TOLERANCE) windowBy.right = Math.round(box.right - innerWidth);
      if (!clippedY && box.bottom > innerHeight + TOLERANCE) windowBy.bottom = Math.round(box.bottom - innerHeight);

      // Out of the nearest clipping ancestor, on an axis that ancestor does not scroll.
      let clipper: Element | null = null;
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
          clipper = node;
          break;
        }
      }
      const clipBy: Record<string, number> = {};
      if (clipper) {
        const style = getComputedStyle(clipper);
        const outer = clipper.getBoundingClientRect();
        // Inside a horizontal scroller (a wide table, a long code line), sticking out sideways is scrolling.
        if (!scrolls(style.overflowX)) {
          if (box.left < outer.left - TOLERANCE) clipBy.left = Math.round(outer.left - box.left);
          if (box.right > outer.right + TOLERANCE) clipBy.right = Math.round(box.right - outer.right);
        }
        if (!scrolls(style.overflowY)) {
          if (box.top < outer.top - TOLERANCE) clipBy.top = Math.round(outer.top - box.top);
          if (box.bottom > outer.bottom + TOLERANCE) clipBy.bottom = Math.round(box.bottom - outer.bottom);
        }
      }

      // A label cut off without an ellipsis (an ellipsis is a designed truncation, with a tooltip).
      const labelled = element.matches('button, a, h1, h2, h3, label, [role=tab], [role=menuitem], [role=option]');
      const style = getComputedStyle(element);
      const cut = labelled && style.textOverflow !== 'ellipsis' && style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;

      const before = found.length;
      if (Object.keys(windowBy).length) found.push({ element: describe(element), outOf: 'window', by: windowBy });
      if (clipper && Object.keys(clipBy).length) found.push({ element: describe(element), outOf: describe(clipper), by: clipBy });
      if (cut) found.push({ element: describe(element), outOf: 'its own box (text cut off)', by: { right: element.scrollWidth - element.clientWidth } });
      if (found.length > before) reported.add(element);
    }
    return found;
  }, root);
}

/** Nothing inside `root` sticks out of its box or the window. */
export async function expectNoOverflow(page: Page, where: string, root = 'body'): Promise<void> {
  await nextFrames(page);
  expect(await findOverflows(page, root), `overflowing elements: ${where}`).toEqual([]);
}

/**
 * Records `locator`'s rect on every frame until `stop()`: for "nothing moves while an answer
 * streams". The element must be in the page when recording starts.
 */
export async function trackRect(locator: Locator): Promise<{ stop(): Promise<Rect[]> }> {
  const key = Math.random().toString(36).slice(2);
  type Recording = { samples: Rect[]; running: boolean };
  await locator.evaluate((element, recordingKey) => {
    const page = window as unknown as { parleyRects?: Map<string, Recording> };
    page.parleyRects ??= new Map();
    const recording: Recording = { samples: [], running: true };
    page.parleyRects.set(recordingKey, recording);
    const sample = () => {
      if (!recording.running) return;
      const { x, y, width, height } = element.getBoundingClientRect();
      const last = recording.samples.at(-1);
      if (!last || last.x !== x || last.y !== y || last.width !== width || last.height !== height) recording.samples.push({ x, y, width, height });
      requestAnimationFrame(sample);
    };
    sample();
  }, key);
  return {
    async stop() {
      return locator.page().evaluate((recordingKey) => {
        const rects = (window as unknown as { parleyRects?: Map<string, Recording> }).parleyRects;
        const recording = rects?.get(recordingKey);
        rects?.delete(recordingKey);
        if (!recording) return [];
        recording.running = false;
        return recording.samples;
      }, key);
    },
  };
}

/** Every recorded rect is within `tolerance` px of the first, on every edge. */
export function expectSteady(samples: readonly Rect[], what: string, tolerance = 2): void {
  const [first] = samples;
  expect(first, `${what}: no rect was recorded`).toBeDefined();
  if (!first) return;
  const drift = (rect: Rect) =>
    Math.max(Math.abs(rect.x - first.x), Math.abs(rect.y - first.y), Math.abs(rect.x + rect.width - (first.x + first.width)), Math.abs(rect.y + rect.height - (first.y + first.height)));
  const moved = samples.filter((rect) => drift(rect) > tolerance);
  expect(moved, `${what} moved more than ${tolerance} px (first at ${JSON.stringify(first)})`).toEqual([]);
}

/** The share of the window's height `locator` takes, 0–1. */
export async function heightShare(locator: Locator): Promise<number> {
  const rect = await rectOf(locator);
  const height = await locator.page().evaluate(() => innerHeight);
  return rect.height / height;
}

/** `locator` is at least `px` wide (e.g. the title keeps 120 px). */
export async function expectWidthAtLeast(locator: Locator, px: number, what: string): Promise<void> {
  const { width } = await rectOf(locator);
  expect(width, `${what} width`).toBeGreaterThanOrEqual(px);
}

/** Runs `check` at each window width (height kept), restoring the size afterwards. */
export async function atWidths(page: Page, widths: readonly number[], check: (width: number) => Promise<void>): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: before.height });
    await nextFrames(page);
    await check(width);
  }
  await page.setViewportSize(before);
}
