/**
 * "Prompts": a library of named system prompts. Created, duplicated, made the default and applied
 * in the UI; {{model}} and {{date}} reach the server filled while the conversation keeps the
 * template; and the library goes out as JSON and comes back in.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { wallClock } from '../../main/export/localTime';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { savedText } from './support/transfer';
import { chatSettings, sidebar } from './support/screens';

const promptsDialog = (page: Page) => page.getByRole('dialog', { name: 'Prompts' });
const savedPrompts = (page: Page) => promptsDialog(page).getByRole('list', { name: 'Saved prompts' });

async function openPrompts(page: Page) {
  await (await chatSettings(page)).getByRole('button', { name: 'Prompts', exact: true }).click();
  await expect(promptsDialog(page)).toBeVisible();
  return promptsDialog(page);
}

async function createPrompt(page: Page, name: string, text: string): Promise<void> {
  const dialog = promptsDialog(page);
  await dialog.getByRole('button', { name: 'New prompt' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Prompt text' }).fill(text);
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Saved “${name}”.`);
}

test('create, duplicate, make default and apply a prompt; its variables are filled when sent', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo-system');
  const dialog = await openPrompts(chat);
  await expect(dialog).toContainText('No saved prompts yet.');
  // A prompt needs a name; the text typed is kept meanwhile.
  await dialog.getByRole('button', { name: 'New prompt' }).click();
  await dialog.getByRole('textbox', { name: 'Prompt text' }).fill('You are {{model}}. Today is {{date}}.');
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the prompt a name before saving it.');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Dated');
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved “Dated”.');
  // The editor says which variables there are.
  await expect(dialog).toContainText('{{time}}');

  await dialog.getByRole('button', { name: 'Duplicate' }).click();
  await expect(savedPrompts(chat).getByRole('button', { name: 'Dated copy' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('textbox', { name: 'Prompt text' }).fill('Default for {{model}}.');
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await dialog.getByRole('checkbox', { name: 'Default for new chats' }).check();
  await expect(savedPrompts(chat).getByRole('button', { name: 'Dated copy (default)' })).toBeVisible();

  await savedPrompts(chat).getByRole('button', { name: 'Dated', exact: true }).click();
  await dialog.getByRole('button', { name: 'Apply to this conversation' }).click();
  await expect(promptsDialog(chat)).toHaveCount(0);
  await expect((await chatSettings(chat)).getByLabel('System prompt')).toHaveValue('You are {{model}}. Today is {{date}}.');

  await send(chat, 'Who are you?');
  const today = wallClock().date(Date.now());
  await expect(lastAnswer(chat)).toContainText(`System prompt: You are fake/echo-system. Today is ${today}.`);
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');

  // A new chat starts with the default prompt; the first conversation kept its template.
  await sidebar(chat).getByRole('button', { name: 'New chat', exact: true }).click();
  await expect((await chatSettings(chat)).getByLabel('System prompt')).toHaveValue('Default for {{model}}.');
  await chat.reload();
  await expect((await chatSettings(chat)).getByLabel('System prompt')).toHaveValue('Default for {{model}}.');
  // fake/echo-system titles a conversation with the system prompt of the title request.
  await sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: /^System prompt: You name conversations/ }).click();
  await expect((await chatSettings(chat)).getByLabel('System prompt')).toHaveValue('You are {{model}}. Today is {{date}}.');

  // The library and its default outlast a restart.
  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await expect((await chatSettings(page)).getByLabel('System prompt')).toHaveValue('Default for {{model}}.');
  await (await chatSettings(page)).getByRole('button', { name: 'Prompts', exact: true }).click();
  await expect(savedPrompts(page).getByRole('button')).toHaveText(['Dated', 'Dated copy (default)']);
});

test('export the prompts as JSON, then import them back; a bad file changes nothing', async ({ chat, parley, runtime, dataDir }) => {
  const dialog = await openPrompts(chat);
  await createPrompt(chat, 'Terse', 'Answer in one line.');
  await createPrompt(chat, 'Pirate', 'Talk like a pirate on {{date}}.');
  const json = await savedText(chat, parley, runtime, path.join(dataDir, 'prompts.json'), () => dialog.getByRole('button', { name: 'Export prompts' }).click());
  const file = JSON.parse(json) as { format: string; prompts: { name: string; text: string }[] };
  expect(file.format).toBe('parley-prompts');
  expect(file.prompts.map(({ name, text }) => ({ name, text }))).toEqual([
    { name: 'Terse', text: 'Answer in one line.' },
    { name: 'Pirate', text: 'Talk like a pirate on {{date}}.' },
  ]);

  // Delete one, then bring it back from the file.
  await savedPrompts(chat).getByRole('button', { name: 'Pirate' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete prompt' }).click();
  await expect(savedPrompts(chat).getByRole('button')).toHaveText(['Terse']);

  const picker = dialog.getByLabel('Prompts file to import');
  await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"prompts": [') });
  await expect(dialog.getByRole('alert')).toContainText('This file is not valid JSON');
  await expect(savedPrompts(chat).getByRole('button')).toHaveText(['Terse']);

  await picker.setInputFiles({ name: 'prompts.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(dialog).toContainText('Imported prompts: 1 added, 0 updated, 1 skipped.');
  await expect(dialog.getByRole('list', { name: 'Skipped prompts' })).toHaveText('Terse: already in the library, unchanged.');
  await expect(savedPrompts(chat).getByRole('button')).toHaveText(['Terse', 'Pirate']);
  await savedPrompts(chat).getByRole('button', { name: 'Pirate' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Prompt text' })).toHaveValue('Talk like a pirate on {{date}}.');
});
