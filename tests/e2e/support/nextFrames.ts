import type { Page } from 'playwright-core';

/** Waits until the page has painted what it just laid out (two frames: the one laid out, then the one after its paint). Free of the specs' fixtures, so Vitest's Chromium tests use it too. */
export const nextFrames = (page: Pick<Page, 'evaluate'>): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
