/**
 * Desktop manners: the app's shortcuts (the same commands the native menu sends), theme and text
 * size, settings that outlast a restart, and the context menus. The menus are drawn by the page,
 * so these run in web mode as well as in Electron.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, test, type ParleyProcess } from './support/fixtures';
import { applySetting, chatOnce, conversationButton, settingsAt, sidebar } from './support/screens';

const title = (page: Page) => page.getByRole('heading', { level: 1 });
/** Cmd on macOS, Ctrl elsewhere: what Parley listens for on each. */
const mod = (key: string) => `ControlOrMeta+${key}`;

/** Two answered conversations; the second stays open. */
async function twoConversations(page: Page): Promise<void> {
  await pickModel(page, 'fake/echo');
  await chatOnce(page, 'Alpha topic here');
  await page.keyboard.press(mod('n'));
  await chatOnce(page, 'Beta topic here');
  await expect(conversationButton(page, 'Chat: Beta topic here')).toBeVisible();
}

/** Restarts Parley on the same data folder; web mode keeps the key in memory only, so it is entered again. */
async function restart(parley: ParleyProcess): Promise<Page> {
  const page = await parley.restart();
  await enterKeyIfAsked(page);
  return page;
}

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

/** Changes settings in `section`; each change applies at once (there is no Save button). */
async function changeSettings(page: Page, section: string, change: (dialog: ReturnType<typeof settingsDialog>) => Promise<unknown>): Promise<void> {
  const dialog = await settingsAt(page, section);
  await change(dialog);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

test('shortcuts: new chat, search, settings and the shortcuts sheet', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Something to search for');
  await expect(title(chat)).toHaveText('Chat: Something to search for');

  await chat.keyboard.press(mod('n'));
  await expect(title(chat)).toHaveText('New chat');
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article')).toHaveCount(0);

  await chat.keyboard.press(mod('k'));
  const search = sidebar(chat).getByRole('searchbox', { name: 'Search conversations' });
  await expect(search).toBeFocused();
  await chat.keyboard.type('search');
  await expect(sidebar(chat).getByRole('list', { name: 'Search results' }).getByRole('button').first()).toBeVisible();
  await chat.keyboard.press('Escape');

  await chat.keyboard.press(mod(','));
  await expect(settingsDialog(chat)).toBeVisible();
  await chat.keyboard.press('Escape');
  await expect(settingsDialog(chat)).toHaveCount(0);

  await chat.keyboard.press(mod('/'));
  const sheet = chat.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const modifier = await chat.evaluate(() => (/^Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+'));
  for (const [action, key] of [
    ['New chat', 'N'],
    ['Search conversations', 'K'],
    ['Settings', ','],
    ['Previous conversation', '['],
    ['Next conversation', ']'],
  ]) {
    await expect(sheet.getByRole('row', { name: action, exact: false }).first()).toContainText(`${modifier}${key}`);
  }
  await expect(sheet.getByRole('row', { name: /Stop the answer/ })).toContainText('Escape');
  await chat.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('previous and next conversation follow the sidebar', async ({ chat }) => {
  await twoConversations(chat);
  await expect(title(chat)).toHaveText('Chat: Beta topic here');
  await chat.keyboard.press(mod(']'));
  await expect(title(chat)).toHaveText('Chat: Alpha topic here');
  await expect(lastAnswer(chat)).toContainText('You said: Alpha topic here');
  // The end of the list: nothing further.
  await chat.keyboard.press(mod(']'));
  await expect(title(chat)).toHaveText('Chat: Alpha topic here');
  await chat.keyboard.press(mod('['));
  await expect(title(chat)).toHaveText('Chat: Beta topic here');
});

test('Cmd/Ctrl+Shift+E exports the open conversation', async ({ chat, parley, runtime, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Worth exporting');
  if (runtime === 'electron') {
    const target = path.join(dataDir, 'shortcut-export.md');
    await parley.answerDialogsWith(target);
    await chat.keyboard.press(mod('Shift+E'));
    await expect.poll(() => access(target).then(() => true, () => false)).toBe(true);
    return;
  }
  const [download] = await Promise.all([chat.waitForEvent('download'), chat.keyboard.press(mod('Shift+E'))]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
});

test('theme: dark changes the colours, and stays dark after a restart', async ({ chat, parley }) => {
  await chat.emulateMedia({ colorScheme: 'light' });
  const light = await bodyBackground(chat);
  expect(light).toBe('rgb(255, 255, 255)');
  await changeSettings(chat, 'Appearance', (dialog) => dialog.getByRole('combobox', { name: 'Theme' }).selectOption('Dark'));
  await expect.poll(() => bodyBackground(chat)).toBe('rgb(24, 25, 28)');

  const page = await restart(parley);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => bodyBackground(page)).toBe('rgb(24, 25, 28)');

  // "System" follows the OS.
  await changeSettings(page, 'Appearance', (dialog) => dialog.getByRole('combobox', { name: 'Theme' }).selectOption('System'));
  await expect.poll(() => bodyBackground(page)).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bodyBackground(page)).toBe('rgb(24, 25, 28)');
});

test('text size changes the root font size and stays after a restart', async ({ chat, parley }) => {
  expect(await rootFontSize(chat)).toBe('16px');
  await changeSettings(chat, 'Appearance', (dialog) => dialog.getByRole('combobox', { name: 'Text size' }).selectOption('Larger'));
  await expect.poll(() => rootFontSize(chat)).toBe('20px');
  const page = await restart(parley);
  await expect.poll(() => rootFontSize(page)).toBe('20px');
  await changeSettings(page, 'Appearance', (dialog) => dialog.getByRole('combobox', { name: 'Text size' }).selectOption('Small'));
  await expect.poll(() => rootFontSize(page)).toBe('14px');
});

test('settings outlast a restart', async ({ chat, parley, dataDir }) => {
  const settings = await settingsAt(chat, 'Connection');
  await applySetting(settings, 'Team/project', 'acme/chat');
  await settingsAt(chat, 'Models and endpoints');
  // First run chose fake/echo (the first listed): another one, so the change shows.
  await applySetting(settings, 'Default model', 'fake/reasoning');
  await settingsAt(chat, 'Appearance');
  await settings.getByRole('checkbox', { name: 'Name conversations automatically' }).uncheck();
  await settings.getByRole('checkbox', { name: 'Load remote images automatically' }).check();
  await settingsAt(chat, 'About');
  await settings.getByRole('checkbox', { name: 'Check for updates automatically' }).check();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const page = await restart(parley);
  const dialog = await settingsAt(page, 'Connection');
  await expect(dialog.getByRole('textbox', { name: 'Team/project' })).toHaveValue('acme/chat');
  await settingsAt(page, 'Models and endpoints');
  await expect(dialog.getByRole('textbox', { name: 'Default model' })).toHaveValue('fake/reasoning');
  await settingsAt(page, 'Appearance');
  await expect(dialog.getByRole('checkbox', { name: 'Name conversations automatically' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Load remote images automatically' })).toBeChecked();
  await settingsAt(page, 'About');
  await expect(dialog.getByRole('checkbox', { name: 'Check for updates automatically' })).toBeChecked();
  await settingsAt(page, 'Data');
  await expect(dialog.getByText(dataDir)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The new default model is what a new chat starts with.
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/reasoning');
});

test('the data folder: shown, and opened in the file manager where there is one', async ({ chat, runtime, dataDir }) => {
  const dialog = await settingsAt(chat, 'Data');
  await expect(dialog.getByRole('heading', { name: 'Data folder', exact: true })).toBeVisible();
  await expect(dialog.getByText(dataDir)).toBeVisible();
  test.skip(runtime === 'electron', 'Electron hands the folder to the OS file manager, which a test cannot see');
  await dialog.getByRole('button', { name: 'Open data folder' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'cannot open folders here' })).toContainText(dataDir);
});

test('conversation context menu: keyboard and mouse, Rename, Pin, Export and Delete', async ({ chat, runtime }) => {
  await twoConversations(chat);
  const alpha = conversationButton(chat, 'Chat: Alpha topic here');

  // Keyboard: Shift+F10 opens it on the focused row; arrows move; Escape closes and focus comes back.
  await alpha.focus();
  await chat.keyboard.press('Shift+F10');
  const menu = chat.getByRole('menu', { name: 'Conversation actions' });
  // Each item may end with its key (F2, Del), which is shown, not read.
  await expect(menu.getByRole('menuitem')).toHaveText([/^Rename/, /^Pin$/, /^Export as Markdown$/, /^Copy as Markdown$/, /^Delete/]);
  await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await chat.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Pin' })).toBeFocused();
  await chat.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(alpha).toBeFocused();

  // Pin, from the keyboard.
  await chat.keyboard.press('Shift+F10');
  await chat.keyboard.press('ArrowDown');
  await chat.keyboard.press('Enter');
  await expect(sidebar(chat).getByRole('heading', { name: 'Pinned' })).toBeVisible();

  // Rename, with the mouse.
  await alpha.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Rename' }).click();
  const field = sidebar(chat).getByRole('textbox', { name: 'Conversation title' });
  await field.fill('Renamed from the menu');
  await field.press('Enter');
  const renamed = conversationButton(chat, 'Renamed from the menu');
  await expect(renamed).toBeVisible();

  // Unpin is offered now, and Export as Markdown saves it.
  await renamed.click({ button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Unpin' })).toBeVisible();
  if (runtime === 'web') {
    const [download] = await Promise.all([chat.waitForEvent('download'), menu.getByRole('menuitem', { name: 'Export as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
  } else {
    await chat.keyboard.press('Escape');
  }

  // Delete, with Undo as from the row's own button.
  await renamed.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(renamed).toHaveCount(0);
  await chat.getByRole('button', { name: 'Undo' }).click();
  await expect(renamed).toBeVisible();
});

test('message context menu: Copy, and what the message itself offers', async ({ chat, runtime }) => {
  test.skip(runtime === 'electron', 'Reading the clipboard back needs web mode’s clipboard permission');
  await chat.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Copy this answer');
  await lastAnswer(chat).click({ button: 'right' });
  const menu = chat.getByRole('menu', { name: 'Message actions' });
  await expect(menu.getByRole('menuitem').first()).toHaveText('Copy');
  await menu.getByRole('menuitem', { name: 'Copy' }).click();
  await expect(menu).toHaveCount(0);
  await expect.poll(() => chat.evaluate(() => navigator.clipboard.readText())).toContain('You said: Copy this answer');

  // The menu offers the same actions as the message's own buttons, whichever those are.
  await lastAnswer(chat).click({ button: 'right' });
  const own = await lastAnswer(chat).getByRole('button').evaluateAll((buttons) =>
    buttons.map((button) => button.getAttribute('aria-label') ?? ((button as HTMLElement).title || button.textContent?.trim())),
  );
  const offered = await menu.getByRole('menuitem').allTextContents();
  for (const item of offered.filter((label) => label !== 'Copy')) expect(own).toContain(item);
  await chat.keyboard.press('Escape');
  await expect(lastAnswer(chat)).toBeFocused();
});
