/** Where things are on Parley's screens, by role and name, and the one-line steps many specs share. */
import type { Locator, Page } from '@playwright/test';
import { expect, lastAnswer, send } from './fixtures';

export const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** A conversation in the sidebar list, by its exact title. */
export const conversationButton = (page: Page, title: string) =>
  sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: title, exact: true });

/** Sends one message with the echo model and waits for the whole answer. */
export async function chatOnce(page: Page, text: string): Promise<void> {
  await send(page, text);
  await expect(lastAnswer(page)).toContainText(`You said: ${text}`);
  await expect(lastAnswer(page)).not.toHaveAttribute('aria-busy', 'true');
}

/** The Chat settings panel (system prompt, Parameters, Prompts), opened from the top bar if it is not open yet. */
export async function chatSettings(page: Page) {
  const button = page.getByRole('button', { name: 'Chat settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.getByRole('dialog', { name: 'Chat settings' });
  await expect(panel).toBeVisible();
  return panel;
}

/** A conversation's row in the sidebar, by its exact title. */
export const rowOf = (page: Page, title: string) =>
  sidebar(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });

/** Chooses `item` in a conversation's "Conversation actions" menu, opened from its row's More button. */
export async function conversationAction(page: Page, title: string, item: string): Promise<void> {
  await rowOf(page, title).getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menu', { name: 'Conversation actions' }).getByRole('menuitem', { name: item, exact: true }).click();
}

/** Chooses `item` in the top bar's More menu (Export as Markdown, Copy as Markdown). */
export async function topBarAction(page: Page, item: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: item, exact: true }).click();
}

/** Settings' sections, in the order its section list shows them. */
export const SETTINGS_SECTION_NAMES = ['Connection', 'Models and endpoints', 'Tools', 'Appearance', 'Data', 'Shortcuts', 'About'] as const;

/** Settings (opened with Ctrl/⌘+, if it is not open yet) showing `section` ('Connection', 'Data' …); returns the dialog. */
export async function settingsAt(page: Page, section: string) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  // A press that comes before the page listens (just after a reload) opens nothing: press until Settings shows (opening is idempotent).
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press('ControlOrMeta+,');
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  const button = dialog.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: section, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
  return dialog;
}

/** Types `value` into a Settings text field and applies it with Enter; waits for the row's "Saved". */
export async function applySetting(dialog: Locator, label: string, value: string): Promise<void> {
  const field = dialog.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(dialog.locator('.settings-row').filter({ has: dialog.page().getByLabel(label, { exact: true }) }).getByRole('status')).toHaveText('Saved');
}

/** Presses `name` (Import, Export all, Back up, Select) among Settings' moves of conversations in and out. */
export async function dataAction(page: Page, name: string): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'Settings', exact: true }).click();
  await (await settingsAt(page, 'Data')).getByRole('button', { name, exact: true }).click();
}
