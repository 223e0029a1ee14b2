/**
 * The window's frame (issue 12, stream A): the shell grid and its height budget, the top bar's
 * give-way, the sidebar's rows and their menu, collapsing it (Ctrl/Cmd+B, remembered) and the
 * drawer under 1,000 px. Geometry measures what a person sees; screenshots of every variant
 * (tests/e2e/__screenshots__) were looked at before they were committed.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { atWidths, expectNoOverflow, expectWidthAtLeast, heightShare, LAYOUT_WIDTHS, nextFrames } from './support/geometry';
import { chatSettings, rowOf, settingsAt, sidebar } from './support/screens';
import { RICH_TITLE, SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
import { expectScreen, type ScreenSize } from './support/visual';

const topBar = (page: Page) => page.getByRole('banner');
const conversations = (page: Page) => sidebar(page).getByRole('list', { name: 'Conversations' });
const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const mod = (key: string) => `${process.platform === 'darwin' ? 'Meta' : 'Control'}+${key}`;

async function openConversation(page: Page, title: string): Promise<void> {
  await conversations(page).getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Opens the drawer under 1,000 px (the sidebar is docked at wider windows). */
async function showSidebar(page: Page): Promise<void> {
  if (await sidebar(page).isVisible()) return;
  await topBar(page).getByRole('button', { name: 'Show sidebar' }).click();
  await expect(sidebar(page).getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
}

async function setTextSize(page: Page, size: 'default' | 'larger'): Promise<void> {
  const settings = await settingsAt(page, 'Appearance');
  await settings.getByRole('combobox', { name: 'Text size' }).selectOption(size === 'larger' ? 'Larger' : 'Default');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
  await settings.getByRole('button', { name: 'Close' }).first().click();
  await expect(settings).toHaveCount(0);
}

test('the window is one grid that never scrolls, and the conversation gets its share of the height', async ({ seeded }) => {
  await openConversation(seeded, RICH_TITLE);
  for (const [width, height, share] of [
    [1280, 800, 0.8],
    [900, 700, 0.7],
  ] as const) {
    await seeded.setViewportSize({ width, height });
    await nextFrames(seeded);
    expect(await heightShare(log(seeded)), `the conversation's share at ${width}×${height}`).toBeGreaterThanOrEqual(share);
    const frame = await seeded.evaluate(() => ({
      scrolls: document.scrollingElement ? document.scrollingElement.scrollHeight > innerHeight || document.scrollingElement.scrollWidth > innerWidth : false,
      shellBottom: document.querySelector('.shell')?.getBoundingClientRect().bottom ?? 0,
      height: innerHeight,
    }));
    expect(frame.scrolls, 'the window scrolls').toBe(false);
    // No stray grid row and no grey band: the shell reaches the window's bottom edge.
    expect(frame.shellBottom).toBe(frame.height);
    expect((await topBar(seeded).boundingBox())?.height).toBe(48);
  }
});

test('nothing in the top bar or the sidebar sticks out, at four widths and two text sizes', async ({ seeded }) => {
  test.slow();
  for (const size of ['default', 'larger'] as const) {
    if (size === 'larger') await setTextSize(seeded, size);
    // A title that fits beside the stats, and one too long for any bar.
    for (const title of [RICH_TITLE, SEEDED_TITLES.pinned]) {
      await showSidebar(seeded);
      await openConversation(seeded, title);
      await atWidths(seeded, LAYOUT_WIDTHS, async (width) => {
        await expectNoOverflow(seeded, `the top bar at ${width} px, ${size} text, “${title}”`, 'header');
        await expectWidthAtLeast(topBar(seeded).getByRole('heading', { level: 1 }), 120, `the title at ${width} px, ${size} text`);
        await showSidebar(seeded);
        await expectNoOverflow(seeded, `the sidebar at ${width} px, ${size} text`, 'nav');
        if (width < 1000) await seeded.keyboard.press('Escape');
      });
    }
  }
});

test('the title keeps 120 px with two endpoints, parameters set and an export status, down to 760 px', async ({ seeded, fake }) => {
  await seeded.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConversation(seeded, RICH_TITLE);
  // A second endpoint: the Endpoint chip joins the bar.
  const settings = await settingsAt(seeded, 'Models and endpoints');
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const form = settings.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Name').fill('Local lab server with a long name');
  await form.getByLabel('Base URL').fill(fake.baseURL);
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await settings.getByRole('button', { name: 'Close' }).first().click();
  await expect(topBar(seeded).getByRole('combobox', { name: 'Endpoint' })).toBeVisible();
  // Parameters set: the Chat settings button says so.
  const panel = await chatSettings(seeded);
  await panel.getByRole('button', { name: 'Parameters' }).click();
  const parameters = seeded.getByRole('dialog', { name: 'Parameters' });
  await parameters.getByRole('spinbutton', { name: 'Temperature' }).fill('0.4');
  await parameters.getByRole('button', { name: 'Close' }).click();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(topBar(seeded).getByRole('button', { name: 'Chat settings' })).toHaveAccessibleDescription('System prompt · temperature 0.4');
  // An export status.
  await topBar(seeded).getByRole('button', { name: 'More', exact: true }).click();
  await seeded.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: 'Copy as Markdown' }).click();
  await expect(topBar(seeded).getByRole('status')).toHaveText('Copied');

  await atWidths(seeded, [1280, 900, 760], async (width) => {
    await expectWidthAtLeast(topBar(seeded).getByRole('heading', { level: 1 }), 120, `the title at ${width} px`);
    await expectNoOverflow(seeded, `the top bar at ${width} px`, 'header');
    // The Model chip never shrinks below its content.
    const chip = topBar(seeded).getByRole('combobox', { name: 'Model' });
    const fits = await chip.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth + 1);
    expect(fits, `the model chip at ${width} px`).toBe(true);
  });
  // Under 960 px of bar the totals give way into More.
  await seeded.setViewportSize({ width: 900, height: 700 });
  await expect(topBar(seeded).getByRole('group', { name: 'Conversation totals' })).toHaveCount(0);
  await topBar(seeded).getByRole('button', { name: 'More', exact: true }).click();
  await expect(seeded.getByRole('menu', { name: 'More' }).getByRole('group', { name: 'Conversation totals' })).toBeVisible();
});

test('Ctrl/Cmd+B collapses the docked sidebar, the choice outlasts a reload, and the bar then offers the toggle and New chat', async ({ seeded }) => {
  await expect(sidebar(seeded)).toBeVisible();
  await seeded.keyboard.press(mod('B'));
  await expect(sidebar(seeded)).toBeHidden();
  const show = topBar(seeded).getByRole('button', { name: 'Show sidebar' });
  await expect(show).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+B$/);
  await expect(topBar(seeded).getByRole('button', { name: 'New chat' })).toBeVisible();
  // The conversation takes the freed width (its main region: a new chat shows no log yet).
  expect((await seeded.getByRole('main').boundingBox())?.width).toBeGreaterThan(1200);

  await seeded.reload();
  await expect(topBar(seeded).getByRole('button', { name: 'Show sidebar' })).toBeVisible();
  await expect(sidebar(seeded)).toBeHidden();
  await topBar(seeded).getByRole('button', { name: 'Show sidebar' }).click();
  await expect(sidebar(seeded)).toBeVisible();
  await expect(sidebar(seeded).getByRole('button', { name: 'Hide sidebar' })).toBeFocused();
  await expect(topBar(seeded).getByRole('button', { name: 'Show sidebar' })).toHaveCount(0);
});

test('under 1,000 px the sidebar is a drawer: focus goes in and back, Escape, the scrim and a choice close it', async ({ seeded }) => {
  await seeded.setViewportSize({ width: 900, height: 700 });
  await expect(sidebar(seeded)).toBeHidden();
  const show = topBar(seeded).getByRole('button', { name: 'Show sidebar' });

  await show.click();
  await expect(sidebar(seeded).getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
  // The rest of the window is inert while the drawer is open: a click on the message box does not reach it.
  await expect(seeded.locator('.shell-main')).toHaveJSProperty('inert', true);
  await expectAccessible(seeded, 'the drawer');
  await seeded.keyboard.press('Escape');
  await expect(sidebar(seeded)).toBeHidden();
  await expect(show).toBeFocused();

  await seeded.keyboard.press(mod('B'));
  await expect(sidebar(seeded)).toBeVisible();
  await seeded.mouse.click(850, 400);
  await expect(sidebar(seeded)).toBeHidden();

  await showSidebar(seeded);
  await conversations(seeded).getByRole('button', { name: SEEDED_TITLES.pinned, exact: true }).click();
  await expect(sidebar(seeded)).toBeHidden();
  await expect(seeded.getByRole('heading', { level: 1 })).toHaveText(SEEDED_TITLES.pinned);
});

test('a row keeps its title clear: its More menu holds Rename, Pin, Export, Copy and Delete with Undo', async ({ seeded }) => {
  // Not the rich answer: its highlighted code is stream B's and fails axe's contrast today.
  const TITLE = SEEDED_TITLES.pinned;
  await openConversation(seeded, TITLE);
  const row = rowOf(seeded, TITLE);
  const more = row.getByRole('button', { name: 'Conversation actions' });
  // The More button sits beside the title, never over it.
  const [title, button] = await Promise.all([row.getByRole('button', { name: TITLE, exact: true }).boundingBox(), more.boundingBox()]);
  expect((title?.x ?? 0) + (title?.width ?? 0)).toBeLessThanOrEqual(button?.x ?? 0);
  expect(button?.height).toBe(28);
  expect((await row.boundingBox())?.height).toBe(34);

  await more.click();
  const menu = seeded.getByRole('menu', { name: 'Conversation actions' });
  await expect(menu.getByRole('menuitem')).toHaveText([/^Rename/, /^Unpin$/, /^Export as Markdown$/, /^Copy as Markdown$/, /^Delete/]);
  await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await expectAccessible(seeded, 'the conversation menu');
  await seeded.keyboard.press('End');
  await seeded.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await sidebar(seeded).getByRole('button', { name: 'Undo' }).click();
  await expect(rowOf(seeded, TITLE)).toBeVisible();
});

test('the footer holds Usage and Settings; Import, Export all, Back up and Select are in Settings', async ({ seeded }) => {
  const footer = sidebar(seeded).getByRole('button', { name: /^(Usage|Settings)$/ });
  await expect(footer).toHaveText(['Usage', 'Settings']);
  for (const name of ['Import', 'Export all', 'Back up', 'Select']) await expect(sidebar(seeded).getByRole('button', { name, exact: true })).toHaveCount(0);
  await sidebar(seeded).getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = await settingsAt(seeded, 'Data');
  for (const name of ['Import', 'Export all', 'Back up', 'Select']) await expect(settings.getByRole('button', { name, exact: true })).toBeVisible();
  await settings.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(settings).toHaveCount(0);
  await expect(sidebar(seeded).getByRole('checkbox', { name: `Select ${RICH_TITLE}` })).toBeVisible();
});

/** Screens whose state depends on the window size re-open what a resize closed; the pointer rests where it lights nothing up. */
const inDrawerOrDocked = (page: Page) => async (size: ScreenSize) => {
  await page.mouse.move(1, 1);
  if (size.width < 1000) await showSidebar(page);
};

test('screenshots: a conversation with the history beside it', async ({ seeded }) => {
  test.slow();
  await openConversation(seeded, SEEDED_TITLES.pinned);
  await seeded.mouse.move(1, 1);
  await expectScreen(seeded, 'shell-conversation');
});

test('screenshots: a row menu', async ({ seeded }) => {
  test.slow();
  // A short answer behind the menu: a rich one's highlighting can land after the frame on a busy machine.
  const title = SEEDED_TITLES.pinned;
  await openConversation(seeded, title);
  await expectScreen(seeded, 'sidebar-menu', async (size) => {
    await inDrawerOrDocked(seeded)(size);
    const menu = seeded.getByRole('menu', { name: 'Conversation actions' });
    if ((await menu.count()) === 0) await rowOf(seeded, title).getByRole('button', { name: 'Conversation actions' }).click();
    await expect(menu).toBeVisible();
  });
});

test('screenshots: search results in the sidebar', async ({ seeded }) => {
  test.slow();
  await openConversation(seeded, SEEDED_TITLES.pinned);
  await sidebar(seeded).getByRole('searchbox', { name: 'Search conversations' }).fill('pandas');
  await expect(sidebar(seeded).getByRole('list', { name: 'Search results' }).getByRole('button').first()).toBeVisible();
  await expectAccessible(seeded, 'search results');
  await expectScreen(seeded, 'sidebar-search', async (size) => {
    await seeded.mouse.move(1, 1);
    if (size.width >= 1000) return;
    await showSidebar(seeded);
    await sidebar(seeded).getByRole('searchbox', { name: 'Search conversations' }).fill('pandas');
    await expect(sidebar(seeded).getByRole('list', { name: 'Search results' }).getByRole('button').first()).toBeVisible();
  });
});

test('screenshots: the sidebar hidden (collapsed when wide, the drawer open when narrow)', async ({ seeded }) => {
  test.slow();
  await openConversation(seeded, RICH_TITLE);
  await expectScreen(seeded, 'sidebar-toggled', async (size) => {
    if (size.width >= 1000) {
      if (await sidebar(seeded).isVisible()) await seeded.keyboard.press(mod('B'));
      await expect(sidebar(seeded)).toBeHidden();
    } else {
      await showSidebar(seeded);
    }
  });
});
