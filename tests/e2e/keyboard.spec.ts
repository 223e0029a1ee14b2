/**
 * Keyboard paths across the window (docs/design-system.md §7): F6 / Shift+F6 between the
 * regions, and renaming the open conversation in place from the top bar's title.
 */
import type { Page } from '@playwright/test';
import { conversationButton, rowOf, sidebar } from './support/screens';
import { RICH_TITLE } from './support/seedHistory';
import { expect, test } from './support/seeded';

const topBar = (page: Page) => page.locator('header.top-bar');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });

async function openRich(page: Page): Promise<void> {
  await conversationButton(page, RICH_TITLE).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RICH_TITLE);
  await expect(composer(page)).toBeFocused();
}

test('F6 and Shift+F6 move between the sidebar, the top bar, the thread and the composer', async ({ seeded }) => {
  await openRich(seeded);
  const { keyboard } = seeded;
  // From the composer, F6 goes round to the sidebar: to the open conversation's row.
  await keyboard.press('F6');
  await expect(conversationButton(seeded, RICH_TITLE)).toBeFocused();
  await keyboard.press('F6');
  await expect(topBar(seeded).locator(':focus')).toHaveCount(1);
  await keyboard.press('F6');
  await expect(log(seeded)).toBeFocused();
  await keyboard.press('F6');
  await expect(composer(seeded)).toBeFocused();
  await keyboard.press('Shift+F6');
  await expect(log(seeded)).toBeFocused();
  await keyboard.press('Shift+F6');
  await expect(topBar(seeded).locator(':focus')).toHaveCount(1);

  // Under 1,000 px the sidebar is a closed drawer: F6 leaves it out.
  await seeded.setViewportSize({ width: 900, height: 700 });
  // The drawer closes once the page has seen the new width: wait for that, as a person's eyes would.
  await expect(sidebar(seeded)).toBeHidden();
  await composer(seeded).focus();
  await keyboard.press('F6');
  await expect(topBar(seeded).locator(':focus')).toHaveCount(1);
  await expect(sidebar(seeded)).toBeHidden();
});

test('a double-click on the title renames the conversation in place; Escape leaves it as it was', async ({ seeded }) => {
  await openRich(seeded);
  const title = seeded.getByRole('heading', { level: 1 });
  await title.dblclick();
  const field = topBar(seeded).getByRole('textbox', { name: 'Conversation title' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(RICH_TITLE);
  // In the title's place: the bar keeps its height.
  expect((await topBar(seeded).boundingBox())?.height).toBe(48);
  await field.fill('Sensor data, summarised');
  await field.press('Enter');
  await expect(title).toHaveText('Sensor data, summarised');
  await expect(conversationButton(seeded, 'Sensor data, summarised')).toBeVisible();
  await expect(rowOf(seeded, RICH_TITLE)).toHaveCount(0);

  await title.dblclick();
  await field.fill('Not this one');
  await field.press('Escape');
  await expect(title).toHaveText('Sensor data, summarised');
  await expect(field).toHaveCount(0);

  // After a reload it is still the new title (saved in history, not only shown).
  await seeded.reload();
  await expect(conversationButton(seeded, 'Sensor data, summarised')).toBeVisible();
});
