/**
 * Backups and restores as a person meets them: the offer to restore stays until they act,
 * Settings › Data lists the history's backups, a restored backup offers its settings and shows
 * files it did not bring as missing, and a conversation whose endpoint is not set up asks for
 * one instead of going elsewhere.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/ipc';
import { backupToJson, createBackup } from '../../main/export/backup';
import { conversationToMarkdown } from '../../main/export/markdownExport';
import { startFakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { sampleConversation, sampleMessage } from '../unit/main/export/sample';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { chatOnce, conversationButton, dataAction, settingsAt } from './support/screens';

async function importFile(page: Page, name: string, content: string): Promise<ReturnType<Page['getByRole']>> {
  await dataAction(page, 'Import');
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Files to import').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  await expect(dialog.getByRole('status')).toContainText('Import finished');
  return dialog;
}

test('the offer to restore a backup stays until the person acts; Settings › Data lists the backups and restores one', async ({ chat, parley, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Worth keeping');
  const damage = async () => {
    await mkdir(path.join(dataDir, 'backups'), { recursive: true });
    await copyFile(path.join(dataDir, 'history.sqlite3'), path.join(dataDir, 'backups', 'history-v7-20260101-000000.sqlite3'));
    await writeFile(path.join(dataDir, 'history.sqlite3'), 'SQLite format 3\0 but then garbage '.repeat(200));
  };
  let page = await parley.restart(damage);
  const offer = (on: Page) => on.getByRole('status').filter({ hasText: 'damaged' });
  await expect(offer(page)).toContainText('history.corrupt-');

  // Closed before acting: the offer is there again.
  page = await parley.restart();
  await expect(offer(page).getByRole('button', { name: 'Restore backup' })).toBeVisible();
  await enterKeyIfAsked(page);
  await expect(conversationButton(page, 'Chat: Worth keeping')).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = await settingsAt(page, 'Data');
  await settings.getByRole('button', { name: 'Restore from backup…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Restore from backup' });
  const rows = chooser.getByRole('table', { name: 'Backups of your history' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(/\d+ KB/);
  await rows.nth(1).getByRole('button', { name: /^Restore the backup of / }).click();
  await chooser.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(chooser.getByRole('status')).toContainText('Restored the backup of');
  await chooser.getByRole('button', { name: 'Close' }).click();
  await settings.getByRole('button', { name: 'Close' }).click();

  await expect(conversationButton(page, 'Chat: Worth keeping')).toBeVisible();
  // Acted on: the offer is withdrawn, now and at the next start.
  await expect(offer(page)).toHaveCount(0);
  page = await parley.restart();
  await enterKeyIfAsked(page);
  await expect(conversationButton(page, 'Chat: Worth keeping')).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
});

test('a restored backup offers its settings, and shows the files it did not bring as missing', async ({ chat }) => {
  const file = `${'ab'.repeat(32)}.txt`;
  const conversation = sampleConversation({
    id: randomUUID(),
    title: 'Shopping notes',
    endpoint: '',
    messages: [
      sampleMessage({ id: randomUUID(), content: 'Read my list', attachments: [{ name: 'list.txt', kind: 'text', mimeType: 'text/plain', bytes: 12, file }] }),
      sampleMessage({ id: randomUUID(), role: 'assistant', content: 'Milk and eggs.' }),
    ],
  });
  const backup = createBackup({ conversations: [conversation], prompts: [], settings: { ...DEFAULT_SETTINGS, theme: 'dark', project: 'team/chat' }, now: Date.now() });
  const dialog = await importFile(chat, 'Parley backup.json', backupToJson(backup));

  await expect(dialog.getByRole('list', { name: 'Also restored' })).toContainText('One attached file is not in this data folder');
  const offer = dialog.getByRole('region', { name: 'Settings in Parley backup.json' });
  await expect(offer).toContainText('Theme: dark');
  await expect(offer).toContainText('Team/project: team/chat');
  await expect(chat.locator('html')).not.toHaveAttribute('data-theme', 'dark');
  await offer.getByRole('button', { name: 'Restore these settings' }).click();
  await expect(offer.getByRole('status')).toHaveText('Settings restored.');
  await expect(chat.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await conversationButton(chat, 'Shopping notes').click();
  const question = chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' });
  await expect(question.getByRole('list', { name: 'Attachments' })).toContainText('list.txtFile missing');
});

test('a conversation whose endpoint is not set up asks for one, and nothing is sent elsewhere', async ({ chat, fake }) => {
  const local = await startFakeInferenceServer({ keyless: true });
  try {
    const conversation = sampleConversation({
      id: randomUUID(),
      title: 'Held locally',
      model: 'fake/echo',
      endpoint: local.baseURL,
      messages: [sampleMessage({ id: randomUUID(), content: 'First question' }), sampleMessage({ id: randomUUID(), role: 'assistant', content: 'First answer' })],
    });
    const dialog = await importFile(chat, 'held-locally.md', conversationToMarkdown(conversation));
    await expect(dialog).toContainText('Imported 1 conversation');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await conversationButton(chat, 'Held locally').click();

    const missing = chat.getByRole('alert').filter({ hasText: 'Nothing is sent until' });
    await expect(missing).toContainText(`This conversation’s endpoint, ${local.baseURL}, is not set up in Parley.`);
    await expect(chat.getByRole('combobox', { name: 'Endpoint' })).toHaveValue(local.baseURL);

    const chatRequests = () => fake.requests.filter((request) => request.path === '/v1/chat/completions').length;
    const before = chatRequests();
    await send(chat, 'Second question');
    await expect(lastAnswer(chat)).toContainText('is not set up in Parley, so nothing was sent');
    expect(chatRequests()).toBe(before);
    expect(local.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(0);

    const host = new URL(local.baseURL).host;
    await missing.getByRole('button', { name: `Add endpoint ${host}` }).click();
    await expect(missing).toHaveCount(0);
    await lastAnswer(chat).getByRole('button', { name: 'Retry' }).click();
    await expect(lastAnswer(chat)).toContainText('You said: Second question');
    expect(local.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
    expect(chatRequests()).toBe(before);
  } finally {
    await local.close();
  }
});
