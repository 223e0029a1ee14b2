import type { Locator, Page } from '@playwright/test';
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, test, type ParleyProcess } from './support/fixtures';
import { chatOnce } from './support/screens';

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const lastQuestion = (page: Page) => log(page).getByRole('article', { name: 'You' }).last();
const versionCounter = (message: Locator, shown: number, count: number) => message.getByLabel(`Version ${shown} of ${count}`);

/** Restarts Parley on the same data folder and opens the conversation the echo model titled after `firstWords`. */
async function reopen(parley: ParleyProcess, firstWords: string): Promise<Page> {
  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: `Chat: ${firstWords}`, exact: true }).click();
  await expect(lastQuestion(page)).toBeVisible();
  return page;
}

/** The messages of the chat requests the fake received whose last message is `text`. */
const sentWith = (fake: FakeInferenceServer, text: string) =>
  fake.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => (r.body as { messages: { role: string; content: string }[] }).messages)
    .filter((messages) => messages.at(-1)?.content === text);

test('Regenerate keeps the first answer as version 1 of 2, after a restart too', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Name a bird');
  await expect(chat.getByRole('button', { name: 'Chat: Name a bird', exact: true })).toBeVisible();

  await pickModel(chat, 'fake/echo-system');
  await lastAnswer(chat).getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAnswer(chat)).toContainText('No system prompt.');
  await expect(versionCounter(lastAnswer(chat), 2, 2)).toHaveText('2/2');
  await expect(log(chat).getByRole('article', { name: 'Assistant' })).toHaveCount(1);
  await lastAnswer(chat).getByRole('button', { name: 'Previous version' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: Name a bird');
  await expect(versionCounter(lastAnswer(chat), 1, 2)).toHaveText('1/2');

  // The version shown last is the one shown after a restart.
  const page = await reopen(parley, 'Name a bird');
  await expect(lastAnswer(page)).toContainText('You said: Name a bird');
  await expect(versionCounter(lastAnswer(page), 1, 2)).toBeVisible();
  await lastAnswer(page).getByRole('button', { name: 'Next version' }).click();
  await expect(lastAnswer(page)).toContainText('No system prompt.');
});

test('Edit resends the last question as a new version; its old text keeps its answer on the other branch', async ({ chat, parley, fake }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Name a bird');
  await chatOnce(chat, 'Name a fish');
  // Any question can be edited (tree.spec.ts edits an earlier one).
  await expect(log(chat).getByRole('button', { name: 'Edit' })).toHaveCount(2);

  await lastQuestion(chat).getByRole('button', { name: 'Edit' }).click();
  await lastQuestion(chat).getByRole('textbox', { name: 'Edit message' }).fill('Name a sea bird');
  await lastQuestion(chat).getByRole('button', { name: 'Save and send' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: Name a sea bird');
  await expect(lastQuestion(chat)).toContainText('Name a sea bird');
  await expect(versionCounter(lastQuestion(chat), 2, 2)).toBeVisible();
  // The new answer is the only one after the new text: no versions of its own.
  await expect(lastAnswer(chat).getByRole('group', { name: 'Versions' })).toHaveCount(0);
  expect(sentWith(fake, 'Name a sea bird')).toEqual([
    [
      { role: 'user', content: 'Name a bird' },
      { role: 'assistant', content: 'You said: Name a bird' },
      { role: 'user', content: 'Name a sea bird' },
    ],
  ]);

  const page = await reopen(parley, 'Name a bird');
  await expect(log(page).getByRole('article')).toHaveCount(4);
  await lastQuestion(page).getByRole('button', { name: 'Previous version' }).click();
  await expect(lastQuestion(page)).toContainText('Name a fish');
  await expect(lastAnswer(page)).toContainText('You said: Name a fish');
});

test('Copy puts the answer’s Markdown on the clipboard; Delete offers Undo, and the message stays gone', async ({ chat, parley }) => {
  await chat.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Name a bird');
  await expect(chat.getByRole('button', { name: 'Chat: Name a bird', exact: true })).toBeVisible();

  await lastAnswer(chat).getByRole('button', { name: 'Copy' }).click();
  await expect(lastAnswer(chat).getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await chat.evaluate(() => navigator.clipboard.readText())).toBe('You said: Name a bird');

  await lastAnswer(chat).getByRole('button', { name: 'Delete' }).click();
  await expect(log(chat).getByRole('article', { name: 'Assistant' })).toHaveCount(0);
  await expect(lastQuestion(chat)).toContainText('Name a bird');
  // Undo is offered for a few seconds; the message is deleted in history when it goes.
  await expect(chat.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(chat.getByRole('button', { name: 'Undo' })).toBeHidden();

  const page = await reopen(parley, 'Name a bird');
  await expect(log(page).getByRole('article', { name: 'Assistant' })).toHaveCount(0);
  await expect(log(page).getByRole('article', { name: 'You' })).toHaveCount(1);
});

test('Up in an empty composer edits the last question, keeping the old one as a version', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Name a river');
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.focus();
  await composer.press('ArrowUp');

  const editor = lastQuestion(chat).getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Name a river');
  await editor.fill('Name a long river');
  await lastQuestion(chat).getByRole('button', { name: 'Save and send' }).click();

  await expect(lastAnswer(chat)).toContainText('You said: Name a long river');
  await expect(versionCounter(lastQuestion(chat), 2, 2)).toBeVisible();
  await expect(composer).toHaveValue('');
});
