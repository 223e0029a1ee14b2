import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { conversationToMarkdown } from '../../main/export/markdownExport';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { chatOnce, conversationAction, conversationButton, dataAction, sidebar, topBarAction } from './support/screens';
import { exportAll, savedText } from './support/transfer';

/** Two conversations, both answered, titled by the (fake) model. */
async function twoConversations(page: Page): Promise<void> {
  await pickModel(page, 'fake/echo');
  await chatOnce(page, 'Recipe for sourdough bread');
  await sidebar(page).getByRole('button', { name: 'New chat', exact: true }).click();
  await chatOnce(page, 'Packing list for hiking');
  await expect(conversationButton(page, 'Chat: Packing list for hiking')).toBeVisible();
}

test('export one conversation as Markdown', async ({ chat, parley, runtime, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  // The answer renders as Markdown (a code span); the export keeps the Markdown source exactly.
  await send(chat, 'Explain the `---` line and ```fences```');
  await expect(lastAnswer(chat).locator('code').first()).toHaveText('---');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const markdown = await savedText(chat, parley, runtime, path.join(dataDir, 'one.md'), () =>
    topBarAction(chat, 'Export as Markdown'),
  );
  expect(markdown).toMatch(/^---\ntitle: "Chat: Explain the `---` line"/);
  expect(markdown).toContain('model: "fake/echo"');
  expect(markdown).toContain('You said: Explain the `---` line and ```fences```');
  expect(markdown).not.toContain('wandb-test-key');
});

test('back up everything into one JSON file without the key', async ({ chat, parley, runtime, dataDir }) => {
  await twoConversations(chat);
  const json = await savedText(chat, parley, runtime, path.join(dataDir, 'backup.json'), () =>
    dataAction(chat, 'Back up'),
  );
  const backup = JSON.parse(json) as { schemaVersion: number; conversations: { title: string }[] };
  expect(backup.schemaVersion).toBe(1);
  expect(backup.conversations.map((c) => c.title).sort()).toEqual(['Chat: Packing list for hiking', 'Chat: Recipe for sourdough bread']);
  expect(json).not.toContain('wandb-test-key');
});

test('export all into a folder, one readable file per conversation', async ({ chat, parley, dataDir }) => {
  await twoConversations(chat);
  const folder = await exportAll(chat, parley, path.join(dataDir, 'exported'), 2);
  const files = (await readdir(folder)).sort();
  expect(files).toHaveLength(2);
  // Readable names: the date, then the title with the colon (illegal on Windows) replaced.
  expect(files.map((name) => name.slice('YYYY-MM-DD '.length))).toEqual(['Chat - Packing list for hiking.md', 'Chat - Recipe for sourdough bread.md']);
  for (const name of files) expect(name).toMatch(/^\d{4}-\d{2}-\d{2} /);
  const texts = await Promise.all(files.map((name) => readFile(path.join(folder, name), 'utf8')));
  expect(texts.join('\n')).toContain('You said: Recipe for sourdough bread');
});

test('import a folder: good files come in, a bad one is reported', async ({ chat, dataDir, parley }) => {
  // Files exported by Parley itself: make them by exporting, then import into a fresh app.
  await twoConversations(chat);
  const folder = await exportAll(chat, parley, path.join(dataDir, 'round-trip'), 2);
  await writeFile(path.join(folder, 'notes.md'), '# Just my notes\n\nNot a Parley export.\n');

  // Delete both conversations, then bring them back from the folder.
  for (const title of ['Chat: Recipe for sourdough bread', 'Chat: Packing list for hiking']) {
    await conversationAction(chat, title, 'Delete');
  }
  await expect(conversationButton(chat, 'Chat: Recipe for sourdough bread')).toHaveCount(0);

  await dataAction(chat, 'Import');
  const dialog = chat.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Folder to import').setInputFiles(folder);
  await expect(dialog).toContainText('Imported 2 conversations');
  await expect(dialog).toContainText('notes.md');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await conversationButton(chat, 'Chat: Recipe for sourdough bread').click();
  await expect(lastAnswer(chat)).toContainText('You said: Recipe for sourdough bread');
});

test('drop a Markdown file onto the window to import it', async ({ chat }) => {
  const markdown = conversationToMarkdown({
    id: '5b0a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b',
    title: 'Dropped in',
    model: 'fake/echo',
    endpoint: 'https://api.inference.wandb.ai/v1',
    systemPrompt: '',
    params: {},
    pinned: false,
    createdAt: Date.UTC(2026, 0, 2),
    updatedAt: Date.UTC(2026, 0, 2),
    messages: [
      { id: '6c1b5d2f-3a4e-4f60-9bac-1d2e3f4a5b6c', role: 'user', content: 'From a file', reasoning: '', status: 'complete', error: null, usage: null, model: 'fake/echo', finishReason: null, firstTokenMs: null, durationMs: null, thinkingMs: null, createdAt: Date.UTC(2026, 0, 2) },
    ],
  });
  await chat.evaluate(async (text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, markdown);
  const dialog = chat.getByRole('dialog', { name: 'Import conversations' });
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await conversationButton(chat, 'Dropped in').click();
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' })).toContainText('From a file');
});
