import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, saveKey, send, test, TEST_KEY } from './support/fixtures';
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { drawImage } from '../fixtures/drawnImages';
import { conversationAction, conversationButton, dataAction, topBarAction } from './support/screens';
import { fileUses, recordFileUse } from './support/fileUse';
import { exportAll, savedText } from './support/transfer';

const tray = (page: Page) => page.getByRole('list', { name: 'Files to send' });
const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });
/** Send is enabled once the files are ready and the model's details are read. */
const readyToSend = (page: Page) => expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
const lastQuestion = (page: Page) => page.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' }).last();

/** Attaches files through "Attach" and the system's file chooser, as a person would. */
async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Attach' }).click()]);
  await chooser.setFiles(files);
}

type Part = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** The content parts of the last user message the fake server received with attachments (the title request has none). */
function lastUserContent(fake: FakeInferenceServer): Part[] {
  const contents = fake.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => (request.body as { messages: { role: string; content: unknown }[] }).messages.findLast((message) => message.role === 'user')?.content);
  return contents.findLast((content): content is Part[] => Array.isArray(content)) ?? [];
}

test('attach an image and a code file with the button, send them, and the model gets image_url and fenced text', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  const png = await drawImage(chat, { width: 3000, height: 1500, type: 'image/png' });
  await attach(chat, [
    { name: 'chart.png', mimeType: 'image/png', buffer: png },
    { name: 'hello.py', mimeType: 'text/x-python', buffer: Buffer.from('print("hi")\n') },
  ]);
  await expect(tray(chat).getByRole('button', { name: 'View chart.png' })).toBeVisible();
  await readyToSend(chat);
  await expect(tray(chat)).toContainText('hello.py');
  await send(chat, 'What is in these?');
  await expect(lastAnswer(chat)).toContainText('You said: What is in these?');
  await expect(tray(chat)).toHaveCount(0);

  const parts = lastUserContent(fake);
  expect(parts[0]).toEqual({ type: 'text', text: 'What is in these?' });
  expect(parts[1]).toEqual({ type: 'text', text: 'hello.py:\n```python\nprint("hi")\n```' });
  const image = parts[2] as Extract<Part, { type: 'image_url' }>;
  expect(image.type).toBe('image_url');
  expect(image.image_url.url).toMatch(/^data:image\/png;base64,/);
  // Downscaled to 2048 px on the long edge: the PNG's IHDR holds width and height.
  const sent = Buffer.from(image.image_url.url.split(',')[1] ?? '', 'base64');
  expect([sent.readUInt32BE(16), sent.readUInt32BE(20)]).toEqual([2048, 1024]);

  // The sent message shows the thumbnail; a click shows it large.
  await lastQuestion(chat).getByRole('button', { name: 'View chart.png' }).click();
  const viewer = chat.getByRole('dialog', { name: 'chart.png' });
  await expect(viewer.getByRole('img', { name: 'chart.png' })).toBeVisible();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toHaveCount(0);
});

test('paste a screenshot into the composer', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  const png = await drawImage(chat, { width: 64, height: 48, type: 'image/png' });
  await messageBox(chat).click();
  await chat.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
  await expect(tray(chat).getByRole('button', { name: 'View image.png' })).toBeVisible();
  await readyToSend(chat);
  // The paste attached the image; it did not type its name into the message.
  await expect(messageBox(chat)).toHaveValue('');
  // A message can be only an image.
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const parts = lastUserContent(fake);
  expect(parts).toHaveLength(1);
  expect(parts[0]?.type).toBe('image_url');
});

test('drop files onto the composer attaches them; a refused file says why; remove takes one off', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  const jpeg = await drawImage(chat, { width: 40, height: 30, type: 'image/jpeg' });
  const data = await chat.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    // Named .txt, but a JPEG by its bytes; named .csv, but binary: types come from content.
    transfer.items.add(new File([bytes], 'notes.txt', { type: 'text/plain' }));
    transfer.items.add(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2])], 'table.csv', { type: 'text/csv' }));
    transfer.items.add(new File(['a,b\n1,2\n'], 'data.csv', { type: 'text/csv' }));
    return transfer;
  }, jpeg.toString('base64'));
  const box = messageBox(chat);
  await box.dispatchEvent('dragenter', { dataTransfer: data });
  await box.dispatchEvent('dragover', { dataTransfer: data });
  await box.dispatchEvent('drop', { dataTransfer: data });

  await expect(tray(chat).getByRole('button', { name: 'View notes.txt' })).toBeVisible();
  await readyToSend(chat);
  await expect(tray(chat)).toContainText('data.csv');
  await expect(chat.getByRole('alert')).toContainText('"table.csv" cannot be attached');
  // The window's "import" did not take the drop.
  await expect(chat.getByRole('dialog')).toHaveCount(0);

  await tray(chat).getByRole('button', { name: 'Remove notes.txt' }).click();
  await expect(tray(chat).getByRole('button', { name: 'View notes.txt' })).toHaveCount(0);
  await expect(tray(chat)).toContainText('data.csv');
});

test('limits: a 50 MB paste is refused by its size alone and the window keeps responding; at most 10 files', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await messageBox(chat).click();
  await recordFileUse(chat, 'huge.png');
  await chat.evaluate(() => {
    // A screenshot-sized paste gone wrong: 50 MB that starts like a PNG.
    const bytes = new Uint8Array(50 * 1024 * 1024);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'huge.png', { type: 'image/png' }));
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(chat.getByRole('alert')).toContainText('"huge.png" is 50 MB; a file can be at most 20 MB.');
  // Turned away before a byte of it is read: reading 50 MB is what would freeze the window.
  expect(await fileUses(chat)).toEqual([]);
  await messageBox(chat).fill('still typing');
  await expect(messageBox(chat)).toHaveValue('still typing');

  const files = Array.from({ length: 11 }, (_, i) => ({ name: `note${i + 1}.md`, mimeType: 'text/markdown', buffer: Buffer.from(`# Note ${i + 1}\n`) }));
  await attach(chat, files);
  await expect(tray(chat).getByRole('listitem')).toHaveCount(10);
  await expect(chat.getByRole('alert')).toContainText('"note11.md" was not added: one message can carry at most 10 files.');
});

test('a large photo is made smaller in a worker while the window stays responsive', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  const photo = await drawImage(chat, { width: 4000, height: 3000, type: 'image/jpeg', noise: true });
  await recordFileUse(chat, 'photo.jpg');
  await attach(chat, [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(tray(chat)).toContainText('Preparing photo.jpg');
  // While the photo is prepared, typing goes on.
  await messageBox(chat).fill('A big photo');
  await expect(tray(chat).getByRole('button', { name: 'View photo.jpg' })).toBeVisible({ timeout: 20_000 });
  await readyToSend(chat);
  // Decoded and scaled in the worker: the page's own thread only sniffs the first bytes of its type.
  expect(await fileUses(chat)).toEqual(['page read (Blob.slice)', 'handed to a worker']);
  await messageBox(chat).press('Enter');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const image = lastUserContent(fake).find((part) => part.type === 'image_url');
  const sent = Buffer.from(image?.image_url.url.split(',')[1] ?? '', 'base64');
  expect(image?.image_url.url).toMatch(/^data:image\/jpeg;base64,/);
  expect(sent.length).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(sent.length).toBeGreaterThan(0);
});

test('a known text-only model warns before images are sent; a 400 about images is said plainly', async ({ app: chat, fake }) => {
  fake.models.push('meta-llama/Llama-3.3-70B-Instruct');
  await saveKey(chat, TEST_KEY);
  await pickModel(chat, 'meta-llama/Llama-3.3-70B-Instruct');
  const png = await drawImage(chat, { width: 20, height: 20, type: 'image/png' });
  await attach(chat, [{ name: 'dot.png', mimeType: 'image/png', buffer: png }]);
  await expect(tray(chat).getByRole('button', { name: 'View dot.png' })).toBeVisible();
  await readyToSend(chat);
  await send(chat, 'Describe this');
  const warning = chat.getByRole('alertdialog', { name: 'This model does not read images' });
  await expect(warning).toContainText('meta-llama/Llama-3.3-70B-Instruct takes text only');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  // Nothing was lost: the text and the image wait in the composer.
  await expect(messageBox(chat)).toHaveValue('Describe this');
  await expect(tray(chat).getByRole('button', { name: 'View dot.png' })).toBeVisible();
  await readyToSend(chat);

  await pickModel(chat, 'fake/error-400-image');
  await messageBox(chat).press('Enter');
  await expect(lastAnswer(chat).getByRole('alert')).toContainText('This model does not accept images.');
});

test('a sent image survives a restart and shows offline from the data folder', async ({ chat, parley, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  const png = await drawImage(chat, { width: 30, height: 30, type: 'image/png' });
  await attach(chat, [{ name: 'kept.png', mimeType: 'image/png', buffer: png }]);
  await expect(tray(chat).getByRole('button', { name: 'View kept.png' })).toBeVisible();
  await readyToSend(chat);
  await send(chat, 'Keep this');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const stored = await readdir(path.join(dataDir, 'attachments'));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatch(/^[0-9a-f]{64}\.png$/);

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Keep this/ }).click();
  const thumbnail = lastQuestion(page).getByRole('img', { name: 'kept.png' });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(30);
  // The file is still there: the start-up clean-up keeps what a message refers to.
  expect(await readdir(path.join(dataDir, 'attachments'))).toEqual(stored);
  expect((await readFile(path.join(dataDir, 'attachments', stored[0] ?? ''))).subarray(1, 4).toString()).toBe('PNG');
});

test('export with images: links to files next to the Markdown, and import brings the images back', async ({ chat, parley, runtime, dataDir }) => {
  await pickModel(chat, 'fake/echo');
  const png = await drawImage(chat, { width: 24, height: 16, type: 'image/png' });
  await attach(chat, [
    { name: 'plot.png', mimeType: 'image/png', buffer: png },
    { name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n') },
  ]);
  await expect(tray(chat).getByRole('button', { name: 'View plot.png' })).toBeVisible();
  await readyToSend(chat);
  await send(chat, 'Plot this');
  await expect(lastAnswer(chat)).toContainText('You said: Plot this');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const [stored] = (await readdir(path.join(dataDir, 'attachments'))).filter((name) => name.endsWith('.png'));

  // One file: the app saves the images next to it; a web download (one file only) carries them inside.
  const single = path.join(dataDir, 'single');
  const markdown = await savedText(chat, parley, runtime, path.join(single, 'plot.md'), () => topBarAction(chat, 'Export as Markdown'));
  if (runtime === 'electron') {
    expect(markdown).toContain(`![plot.png](attachments/${stored})`);
    expect(await readFile(path.join(single, 'attachments', stored ?? ''))).toEqual(await readFile(path.join(dataDir, 'attachments', stored ?? '')));
  } else {
    expect(markdown).toMatch(/!\[plot\.png\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
  }
  expect(markdown).toMatch(/\n\[data\.csv\]\((attachments\/|data:text\/plain;base64,)/);

  // A folder export: every file links to attachments/ beside it.
  const folder = await exportAll(chat, parley, path.join(dataDir, 'folder'), 1);
  const [file] = (await readdir(folder)).filter((name) => name.endsWith('.md'));
  expect(await readFile(path.join(folder, file ?? ''), 'utf8')).toContain(`![plot.png](attachments/${stored})`);
  expect((await readdir(path.join(folder, 'attachments'))).sort()).toEqual((await readdir(path.join(dataDir, 'attachments'))).sort());

  // As on another computer: the conversation and its stored files are gone; importing the folder restores both.
  await conversationAction(chat, 'Chat: Plot this', 'Delete');
  await expect(conversationButton(chat, 'Chat: Plot this')).toHaveCount(0);
  await rm(path.join(dataDir, 'attachments'), { recursive: true });
  await dataAction(chat, 'Import');
  const dialog = chat.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Folder to import').setInputFiles(folder);
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await conversationButton(chat, 'Chat: Plot this').click();
  const thumbnail = lastQuestion(chat).getByRole('img', { name: 'plot.png' });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
  await expect(lastQuestion(chat)).toContainText('data.csv');
  expect(await readdir(path.join(dataDir, 'attachments'))).toContain(stored);
});
