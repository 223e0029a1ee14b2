/**
 * The redesign's proof harness on today's window: the seeded history under a frozen clock gives
 * the same pixels twice (up to a level or two of anti-aliasing), the geometry helpers measure what
 * a person sees (and fail when something sticks out), the built stylesheet declares the cascade
 * layers first and in order, and axe passes on a rich answer in both themes. The screenshot specs
 * of issue 12 build on these helpers; their baselines are committed once the redesigned screens exist.
 */
import type { Page } from '@playwright/test';
import { LAYERS } from '../../scripts/stylelint/layeredRules.mjs';
import { expectAccessibleInBothThemes } from './support/axe';
import { lastAnswer, pickModel } from './support/fixtures';
import { atWidths, expectNoOverflow, expectSteady, findOverflows, heightShare, trackRect } from './support/geometry';
import { sidebar } from './support/screens';
import { RICH_TITLE, SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
import { SCREEN_SIZES, captureScreen, freezeForScreenshots, pixelsApart } from './support/visual';

const PINNED_TITLE = SEEDED_TITLES.pinned;
const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });

async function openRichAnswer(page: Page): Promise<void> {
  await sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: RICH_TITLE, exact: true }).click();
  await expect(lastAnswer(page).getByRole('table')).toBeVisible();
  await expect(lastAnswer(page)).toContainText('rolling median');
  // What loads apart, and can land after the first paint on a busy machine: the typeset formula and the highlighted code.
  await expect(lastAnswer(page).getByRole('math')).toBeAttached();
  await expect(lastAnswer(page).locator('.md-code-lines span[style]').first()).toBeAttached();
  // Focus in one place for both captures: where it lands after a click depends on when the list
  // finished rendering, and the composer's focus ring is pixels too (seen to differ under CI's load).
  await page.getByRole('textbox', { name: 'Message' }).focus();
}

test('the seeded history sits in its date groups under the frozen clock', async ({ seeded }) => {
  const list = sidebar(seeded).getByRole('list', { name: 'Conversations' });
  // Relative to SCREENSHOT_NOW, not to the day the test runs.
  for (const group of ['Pinned', 'Today', 'Yesterday', 'Previous 7 days', 'Older']) {
    await expect(list.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }
  await expect(list.getByRole('button', { name: RICH_TITLE, exact: true })).toBeVisible();
});

test('a screen gives the same pixels on every run, up to raster noise: frozen clock, no motion, no caret', async ({ seeded }, testInfo) => {
  const [size] = SCREEN_SIZES;
  if (!size) throw new Error('no screen size');
  await openRichAnswer(seeded);
  const first = await captureScreen(seeded, size, 'dark');

  // Start over: a fresh page load, the same conversation opened again.
  await freezeForScreenshots(seeded);
  await openRichAnswer(seeded);
  const second = await captureScreen(seeded, size, 'dark');
  const apart = await pixelsApart(seeded, first, second);
  if (apart > 0) {
    // Both captures go with the report: what differs is rarely visible in the trace's screencast.
    await testInfo.attach('first capture', { body: first, contentType: 'image/png' });
    await testInfo.attach('second capture', { body: second, contentType: 'image/png' });
  }
  expect(apart, 'pixels of two captures of the same screen that differ by more than raster noise').toBe(0);
  // What the comparison counts when the screen does change: the light theme of the same screen.
  expect(await pixelsApart(seeded, first, await captureScreen(seeded, size, 'light'))).toBeGreaterThan(100_000);
});

test('the geometry helpers measure the window and catch what sticks out', async ({ seeded }) => {
  await openRichAnswer(seeded);
  await seeded.setViewportSize({ width: 1280, height: 800 });
  const share = await heightShare(conversation(seeded));
  expect(share).toBeGreaterThan(0.3);
  expect(share).toBeLessThan(1);

  // Nothing of the conversation's column sticks out of the log at any designed width.
  await atWidths(seeded, [1100, 1280], async (width) => expectNoOverflow(seeded, `the log at ${width} px`, '[role=log]'));

  // A control pushed past the window's edge is reported, with where and by how much.
  await seeded.evaluate(() => {
    const stray = document.createElement('button');
    stray.textContent = 'Stray';
    stray.style.cssText = 'position: absolute; left: calc(100vw - 20px); top: 10px; width: 120px';
    document.body.append(stray);
  });
  expect(await findOverflows(seeded)).toContainEqual({ element: expect.stringContaining('"Stray"'), outOf: 'window', by: { right: 100 } });
});

test('the composer keeps its place while an answer streams in a long conversation', async ({ seeded }) => {
  await openRichAnswer(seeded);
  // An answer slow enough to watch: about five seconds of ticks.
  await pickModel(seeded, 'fake/slow-echo');
  const composer = seeded.getByRole('textbox', { name: 'Message' });
  await composer.fill('And how would I flag outliers per device?');
  const track = await trackRect(composer);
  await composer.press('Enter');
  await expect(seeded.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(lastAnswer(seeded)).toContainText('tick50', { timeout: 15_000 });
  await expect(lastAnswer(seeded)).not.toHaveAttribute('aria-busy', 'true');
  const rects = await track.stop();
  expect(rects.length).toBeGreaterThan(0);
  // Today the box narrows when Stop is inserted beside it (defect 8): only its vertical place is steady.
  expectSteady(rects.map(({ y, height }) => ({ x: 0, width: 0, y, height })), 'the message box');
});

test('the stylesheet declares the cascade layers first, in their one order', async ({ seeded }) => {
  // The minifier may fold the `@layer a, b, …;` statement into the blocks when they already come
  // in that order: what counts is that the bundle's very first rule is a layer and that the
  // layers first appear in their one order.
  const declared = await seeded.evaluate(() => {
    const names: string[] = [];
    let firstRuleIsOrder: boolean | null = null;
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        firstRuleIsOrder ??= rule instanceof CSSLayerStatementRule || rule instanceof CSSLayerBlockRule;
        const layerNames = rule instanceof CSSLayerStatementRule ? [...rule.nameList] : rule instanceof CSSLayerBlockRule ? [rule.name] : [];
        for (const name of layerNames) if (!names.includes(name)) names.push(name);
      }
    }
    return { names, firstRuleIsOrder };
  });
  expect(declared.firstRuleIsOrder).toBe(true);
  expect(declared.names).toEqual([...LAYERS]);
});

test('a conversation from the seeded history passes axe in both themes', async ({ seeded }) => {
  // axe reads the whole page twice: slow on a loaded machine.
  test.slow();
  // Not the rich answer yet: its highlighted code has token colours under 4.5:1 today (issue 12's redesign fixes them).
  await sidebar(seeded).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: PINNED_TITLE, exact: true }).click();
  await expect(lastAnswer(seeded)).toContainText('Tram 28');
  await expectAccessibleInBothThemes(seeded, 'a seeded conversation');
});
