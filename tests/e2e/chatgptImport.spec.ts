/**
 * Moving years of ChatGPT history in, as a person does: the real-shaped export of 2023–2025
 * (tests/fixtures/export/chatgptExport.ts) with its report by conversation, a 50 MB export with
 * progress, and going on with an imported conversation whose ChatGPT model the endpoint does not
 * serve.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHATGPT_EXPORT_2023_2025 } from '../../bench/fixtures/chatgptExport';
import { writeLargeChatgptExport } from '../../bench/fixtures/largeChatgptExport';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { conversationButton, dataAction, sidebar } from './support/screens';

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import conversations' });

async function importFile(page: Page, file: string): Promise<void> {
  await dataAction(page, 'Import');
  await importDialog(page).getByLabel('Files to import').setInputFiles(file);
}

test('a ChatGPT export comes in whole, and the report names what each conversation left out', async ({ chat, dataDir }) => {
  const file = path.join(dataDir, 'conversations.json');
  await writeFile(file, JSON.stringify(CHATGPT_EXPORT_2023_2025));
  await importFile(chat, file);
  await expect(importDialog(chat).getByRole('status')).toHaveText('Import finished: 6 imported (5 with parts left out), 0 skipped.');
  const imported = importDialog(chat).getByRole('region', { name: 'Imported 6 conversations' });
  await expect(imported.getByRole('listitem').filter({ hasText: /^Paris trip/ })).toContainText('2 attached files (“louvre.jpg”, “itinerary.pdf”) were not imported');
  await importDialog(chat).getByRole('button', { name: 'Close' }).click();

  // A thinking answer reloads with its thinking time; the earlier answer is a version.
  await conversationButton(chat, 'Knock sensor wire').click();
  await expect(lastAnswer(chat)).toContainText('That is the knock sensor lead');
  await expect(lastAnswer(chat).getByText('Thought for 3 min 46 s')).toBeVisible();
  await expect(lastAnswer(chat).getByLabel('Version 2 of 2')).toBeVisible();

  // Citations read as links, not boxes.
  await conversationButton(chat, 'Search history').click();
  await expect(lastAnswer(chat).getByRole('link', { name: 'Ars Technica' })).toHaveAttribute('href', 'https://arstechnica.com/tech-policy/2025/08/chats-in-google/');
  await expect(lastAnswer(chat)).not.toContainText('\ue200');
});

test('an imported conversation asks which model to continue with before anything is sent', async ({ chat, dataDir, fake }) => {
  const file = path.join(dataDir, 'conversations.json');
  await writeFile(file, JSON.stringify(CHATGPT_EXPORT_2023_2025));
  await importFile(chat, file);
  await expect(importDialog(chat).getByRole('status')).toHaveText(/^Import finished: 6 imported/);
  await importDialog(chat).getByRole('button', { name: 'Close' }).click();

  await conversationButton(chat, 'Paris trip').click();
  const ask = chat.getByRole('region', { name: 'Choose a model to continue' });
  await expect(ask).toContainText('This conversation used gpt-4o, which this endpoint does not serve.');
  await expect(chat.getByRole('button', { name: 'Send' })).toBeDisabled();

  // "Choose another model" opens the picker, with the list in view.
  await ask.getByRole('button', { name: 'Choose another model' }).click();
  await expect(chat.getByRole('listbox', { name: 'Models' })).toBeVisible();
  await pickModel(chat, 'fake/echo');
  await expect(ask).toBeHidden();
  await send(chat, 'And in winter?');
  await expect(lastAnswer(chat)).toContainText('You said: And in winter?');
  // The ChatGPT model id never went to the endpoint.
  expect(fake.requests.map((request) => (request.body as { model?: string } | null)?.model)).not.toContain('gpt-4o');
});

test('a 50 MB export imports with progress, read in pieces', async ({ chat, dataDir }) => {
  test.setTimeout(10 * 60_000);
  const file = path.join(dataDir, 'conversations.json');
  const { conversations, bytes } = await writeLargeChatgptExport(file, 52 * 1024 * 1024);
  expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
  await importFile(chat, file);
  const progress = importDialog(chat).getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(importDialog(chat).getByText(/^conversations\.json: [\d.]+ MB of [\d.]+ MB read, [\d,]+ conversations? imported$/)).toBeVisible();
  await expect(importDialog(chat).getByRole('status')).toHaveText(new RegExp(`^Import finished: ${conversations} imported`), { timeout: 9 * 60_000 });
  await expect(progress).toBeHidden();
  await importDialog(chat).getByRole('button', { name: 'Close' }).click();
  // Thousands of conversations: the list takes a moment to read them.
  await expect(sidebar(chat).getByRole('button', { name: /#\d+$/ }).first()).toBeVisible({ timeout: 60_000 });
});
