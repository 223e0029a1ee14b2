import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { chatOnce, chatSettings, conversationAction, conversationButton, rowOf, sidebar } from './support/screens';

/** The sidebar row of a conversation, with its Rename, Pin and Delete buttons. */

async function newChat(page: Page): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'New chat', exact: true }).click();
}

test('a conversation survives a restart of the app', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await (await chatSettings(chat)).getByLabel('System prompt').fill('Answer like a pirate.');
  await chatOnce(chat, 'Where is the treasure buried');
  // The model names the conversation after the first answer (the fake answers "Chat: <first words>").
  await expect(conversationButton(chat, 'Chat: Where is the treasure')).toBeVisible();

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await conversationButton(page, 'Chat: Where is the treasure').click();
  const conversation = page.getByRole('log', { name: 'Conversation' });
  await expect(conversation.getByRole('article', { name: 'You' })).toHaveText(/Where is the treasure buried/);
  await expect(lastAnswer(page)).toContainText('You said: Where is the treasure buried');
  await expect((await chatSettings(page)).getByLabel('System prompt')).toHaveValue('Answer like a pirate.');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/echo');
});

test('a new chat is in the sidebar while its first answer streams, and a restart in the middle keeps its question and what had arrived', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/slow');
  await send(chat, 'Count the stars slowly');
  const answer = lastAnswer(chat);
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  // Main tells the window once the turn is committed, while the answer still streams.
  await expect(conversationButton(chat, 'Count the stars slowly')).toBeVisible();
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  await expect(answer).toContainText('word3');

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await conversationButton(page, 'Count the stars slowly').click();
  const conversation = page.getByRole('log', { name: 'Conversation' });
  await expect(conversation.getByRole('article', { name: 'You' })).toHaveText(/Count the stars slowly/);
  await expect(lastAnswer(page)).toContainText('word1');
});

test('search finds a word from an old answer and opens that message', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Tell me about the axolotl');
  await newChat(chat);
  await chatOnce(chat, 'Something else entirely');
  await newChat(chat);

  await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill('axolotl');
  const results = sidebar(chat).getByRole('list', { name: 'Search results' });
  const hit = results.getByRole('button', { name: /axolotl/ }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/axolotl/i);
  await expect(results.getByRole('button', { name: /Something else/ })).toHaveCount(0);

  await hit.click();
  const conversation = chat.getByRole('log', { name: 'Conversation' });
  await expect(conversation.getByRole('article').filter({ hasText: 'axolotl' }).first()).toBeVisible();
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Chat: Tell me about the');
});

test('delete hides a conversation and Undo brings it back', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Remember the milk');
  const row = conversationButton(chat, 'Chat: Remember the milk');
  await expect(row).toBeVisible();

  await conversationAction(chat, 'Chat: Remember the milk', 'Delete');
  await expect(row).toHaveCount(0);
  await chat.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toBeVisible();
  await row.click();
  await expect(lastAnswer(chat)).toContainText('You said: Remember the milk');
});

test('rename in place and pin', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'First topic');
  await newChat(chat);
  await chatOnce(chat, 'Second topic');

  await conversationAction(chat, 'Chat: First topic', 'Rename');
  const titleField = sidebar(chat).getByRole('textbox', { name: 'Conversation title' });
  await titleField.fill('Groceries');
  await titleField.press('Enter');
  await expect(conversationButton(chat, 'Groceries')).toBeVisible();

  await conversationAction(chat, 'Groceries', 'Pin');
  await expect(sidebar(chat).getByRole('heading', { name: 'Pinned' })).toBeVisible();
  await rowOf(chat, 'Groceries').getByRole('button', { name: 'Conversation actions' }).click();
  await expect(chat.getByRole('menu', { name: 'Conversation actions' }).getByRole('menuitem', { name: 'Unpin' })).toBeVisible();
  await chat.keyboard.press('Escape');

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await expect(sidebar(page).getByRole('heading', { name: 'Pinned' })).toBeVisible();
  await expect(conversationButton(page, 'Groceries')).toBeVisible();
});

test('a damaged history file: the app still starts, says so, and restores the last backup', async ({ chat, parley, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Worth keeping');

  const page = await parley.restart(async () => {
    const backups = path.join(dataDir, 'backups');
    await mkdir(backups, { recursive: true });
    await copyFile(path.join(dataDir, 'history.sqlite3'), path.join(backups, 'history-v3-20260101-000000.sqlite3'));
    await writeFile(path.join(dataDir, 'history.sqlite3'), 'SQLite format 3\0 but then garbage '.repeat(200));
  });
  const notice = page.getByRole('status').filter({ hasText: 'damaged' });
  await expect(notice).toContainText('history.corrupt-');
  await enterKeyIfAsked(page);
  await expect(conversationButton(page, 'Chat: Worth keeping')).toHaveCount(0);

  await notice.getByRole('button', { name: 'Restore backup' }).click();
  await expect(conversationButton(page, 'Chat: Worth keeping')).toBeVisible();
  await conversationButton(page, 'Chat: Worth keeping').click();
  await expect(lastAnswer(page)).toContainText('You said: Worth keeping');
});

test('history can be read and searched without a key', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Notes about quokkas');
  await chat.getByRole('button', { name: 'Settings', exact: true }).click();
  await chat.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Remove key' }).click();

  const page = await parley.restart();
  await page.getByRole('button', { name: 'Browse my conversations without a key' }).click();
  await sidebar(page).getByRole('searchbox', { name: 'Search conversations' }).fill('quokkas');
  await sidebar(page).getByRole('list', { name: 'Search results' }).getByRole('button', { name: /quokkas/ }).first().click();
  await expect(lastAnswer(page)).toContainText('You said: Notes about quokkas');

  await send(page, 'One more thing');
  await expect(lastAnswer(page).getByRole('alert')).toContainText(/key/i);
  await expect(page.getByRole('button', { name: 'Open settings' })).toBeVisible();
});
