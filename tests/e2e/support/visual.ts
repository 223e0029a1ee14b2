/**
 * Deterministic screenshots: the page's clock frozen at SCREENSHOT_NOW, motion reduced,
 * animations finished and the caret hidden, fonts loaded, and the same four variants of every
 * screen (1280×800 and 900×700, light and dark). Baselines are compared with
 * `toHaveScreenshot` and live in tests/e2e/__screenshots__ (playwright.config.ts): look at
 * each one before committing it.
 *
 * Fonts: the baselines are drawn with Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk,
 * fonts-noto-color-emoji), which .ci/run installs; other fonts give other pixels.
 */
import type { Locator, Page, PageScreenshotOptions } from '@playwright/test';
import { expect } from './fixtures';
import { nextFrames } from './geometry';
import { SCREENSHOT_NOW } from './seedHistory';

export type Theme = 'light' | 'dark';

export interface ScreenSize {
  name: string;
  width: number;
  height: number;
}

export const SCREEN_SIZES: readonly ScreenSize[] = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '900x700', width: 900, height: 700 },
];

export const THEMES: readonly Theme[] = ['light', 'dark'];

/** Every size × theme, in a fixed order. */
export const SCREEN_VARIANTS = SCREEN_SIZES.flatMap((size) => THEMES.map((theme) => ({ size, theme })));

/** The options every screenshot uses: the same as playwright.config.ts's toHaveScreenshot defaults. */
export const STILL: Pick<PageScreenshotOptions, 'animations' | 'caret' | 'scale'> = { animations: 'disabled', caret: 'hide', scale: 'css' };
/**
 * How much of a picture may differ (0.5 % of its pixels): text edges anti-aliased differently by
 * another Chromium build, not a region that moved, grew or changed colour.
 */
export const TOLERANCE = { maxDiffPixelRatio: 0.005 };

/**
 * Freezes the page's clock at SCREENSHOT_NOW (timers still run, so answers still stream) and
 * asks for reduced motion, then reloads so the app starts under them: "today" in the sidebar,
 * times and dates in the window are then the same on every run.
 */
export async function freezeForScreenshots(page: Page): Promise<void> {
  await page.clock.setFixedTime(SCREENSHOT_NOW);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
}

/** Sets the window size and theme, then waits for fonts and two painted frames. */
export async function showAs(page: Page, size: ScreenSize, theme: Theme): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page);
}

/** How many captures captureScreen takes at most while waiting for two alike. */
const CAPTURES_TO_SETTLE = 10;

/**
 * The current screen, as pixels (what the determinism check and the README images use), once two
 * captures in a row are alike (as toHaveScreenshot waits): what loads apart, a grammar or a font,
 * can land a few frames late on a busy machine.
 */
export async function captureScreen(page: Page, size: ScreenSize, theme: Theme): Promise<Buffer> {
  await showAs(page, size, theme);
  let last = await page.screenshot(STILL);
  for (let capture = 1; capture < CAPTURES_TO_SETTLE; capture += 1) {
    await nextFrames(page);
    const next = await page.screenshot(STILL);
    if (next.equals(last)) return next;
    last = next;
  }
  return last;
}

/**
 * Compares the current screen with its baseline in every variant: `<screen>-<size>-<theme>.png`.
 * `prepare` runs after each resize, for screens whose state depends on the size (a drawer).
 */
export async function expectScreen(
  page: Page,
  screen: string,
  prepare?: (size: ScreenSize, theme: Theme) => Promise<void>,
  /** What differs from run to run by design (a temporary folder's path): painted over. */
  mask: Locator[] = [],
): Promise<void> {
  for (const { size, theme } of SCREEN_VARIANTS) {
    await showAs(page, size, theme);
    await prepare?.(size, theme);
    await expect(page).toHaveScreenshot(`${screen}-${size.name}-${theme}.png`, { ...STILL, ...TOLERANCE, mask });
  }
}

/**
 * Colour levels (of 255) a pixel may move between two captures of the same screen: Chromium's
 * software rasterizer can draw a rounded corner's anti-aliased edge a level or two apart when it
 * draws that tile again (seen on CI: 3 pixels, 1 level). A region that moved or changed colour
 * differs by far more.
 */
const RASTER_NOISE_LEVELS = 8;

/** How many pixels of two PNG captures of the same size differ by more than raster noise, decoded in `page`. */
export async function pixelsApart(page: Page, first: Buffer, second: Buffer): Promise<number> {
  return page.evaluate(
    async ({ images, noise }) => {
      const pixels = await Promise.all(
        images.map(async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2D canvas');
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        }),
      );
      const [a, b] = pixels;
      if (!a || !b || a.length !== b.length) return Number.POSITIVE_INFINITY;
      let apart = 0;
      for (let at = 0; at < a.length; at += 4) {
        const channels = [0, 1, 2, 3].map((channel) => Math.abs((a[at + channel] ?? 0) - (b[at + channel] ?? 0)));
        if (Math.max(...channels) > noise) apart += 1;
      }
      return apart;
    },
    { images: [first.toString('base64'), second.toString('base64')], noise: RASTER_NOISE_LEVELS },
  );
}
