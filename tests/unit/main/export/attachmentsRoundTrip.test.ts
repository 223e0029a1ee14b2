/**
 * Export and import of a conversation with attachments, on real stores and data folders: the
 * Markdown links to files next to it (or carries them as data: URLs), and importing it into
 * another data folder stores the same files again, so the conversation reads back equal.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { copyAttachments, inlineLinks } from '../../../../main/export/exportAttachments';
import { importFiles } from '../../../../main/export/importFiles';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { openStore } from '../history/support/openStore';
import { manualClock, useTempDir } from '../history/support/tempHistory';
import { PIXEL_PNG } from '../attachments/support';
import { sampleConversation, sampleMessage, T0 } from './sample';

const tempDir = useTempDir();
const clock = manualClock();
const ID = '0d9b7a52-3c1e-4f7a-9b2d-6e5f4c3b2a10';

/** A data folder whose conversation has an answer that called a tool, which returned an image. */
async function toolImageSource() {
  const dataDir = tempDir();
  const { store } = await openStore(dataDir, clock.now);
  const files = createAttachmentFiles(dataDir);
  const image = await files.save('tool-image-1', PIXEL_PNG);
  const call = {
    id: randomUUID(), round: 1, contentOffset: 0, serverId: 'everything', serverName: 'Everything', tool: 'get-tiny-image', arguments: '{}',
    status: 'complete' as const, decision: 'once' as const, resultText: 'A tiny image:', resultImages: [image], error: null, startedAt: T0, durationMs: 40,
  };
  const answer = sampleMessage({ id: randomUUID(), role: 'assistant', content: 'Here it is.', toolCalls: [call] });
  store.importConversations([sampleConversation({ id: ID, title: 'Charts', messages: [sampleMessage({ id: randomUUID(), content: 'Show me' }), answer] })], 'skip');
  const exported = store.exportConversation(ID);
  if (!exported) throw new Error('not stored');
  return { files, exported, image };
}

/** Every file under `folder`, as the import page sends them (base64 but for the Markdown). */
function pickedFolder(folder: string): { name: string; content: string }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const name = `export/${path.slice(folder.length + 1)}`;
      return { name, content: name.endsWith('.md') ? readFileSync(path, 'utf8') : readFileSync(path).toString('base64') };
    });
}

/** A data folder with one conversation whose question carries an image and a CSV file. */
async function source() {
  const dataDir = tempDir();
  const { store } = await openStore(dataDir, clock.now);
  const files = createAttachmentFiles(dataDir);
  const image = await files.save('pixel.png', PIXEL_PNG);
  const table = await files.save('table.csv', Buffer.from('a,b\n1,2\n'));
  store.createConversation({ id: ID, title: 'Charts', model: 'fake/echo', systemPrompt: '', params: {} });
  store.addUserMessage(ID, { id: '5a1c7e0b-2d3f-4a5b-8c6d-7e8f9a0b1c2d', content: 'See attached', model: 'fake/echo', params: {}, attachments: [image, table] });
  const exported = store.exportConversation(ID);
  if (!exported) throw new Error('not stored');
  return { files, exported, image, table };
}

async function freshTarget() {
  const dataDir = tempDir();
  const { store } = await openStore(dataDir, clock.now);
  return { dataDir, store, files: createAttachmentFiles(dataDir) };
}

describe('attachments in Markdown exports', () => {
  it('links to attachments/ next to the file; importing the folder stores the files again', async () => {
    const { files, exported, image } = await source();
    const markdown = conversationToMarkdown(exported, { timeZone: 'UTC' });
    expect(markdown).toContain(`![pixel.png](attachments/${image.file})`);
    expect(markdown).toContain('[table.csv](attachments/');
    const folder = tempDir();
    await copyAttachments(exported, folder, files);

    const target = await freshTarget();
    const picked = [
      { name: 'export/Charts.md', content: markdown },
      ...readdirSync(join(folder, 'attachments')).map((name) => ({ name: `export/attachments/${name}`, content: readFileSync(join(folder, 'attachments', name)).toString('base64') })),
    ];
    const report = await importFiles(picked, 'skip', target.store.importConversations, target.files);
    expect(report).toEqual({ imported: [{ id: ID, title: 'Charts' }], skipped: [] });
    expect(target.store.exportConversation(ID)).toEqual(exported);
    expect(readFileSync(join(target.dataDir, 'attachments', image.file))).toEqual(PIXEL_PNG);
  });

  it('a self-contained export carries the files as data: URLs and imports alone', async () => {
    const { files, exported } = await source();
    const markdown = conversationToMarkdown(exported, { attachmentHref: await inlineLinks(exported, files) });
    expect(markdown).toContain(`(data:image/png;base64,${PIXEL_PNG.toString('base64')})`);
    const target = await freshTarget();
    await importFiles([{ name: 'Charts.md', content: markdown }], 'skip', target.store.importConversations, target.files);
    expect(target.store.exportConversation(ID)).toEqual(exported);
  });

  it('a Markdown file imported without its attachments folder comes in, and each missing file is reported', async () => {
    const { exported } = await source();
    const target = await freshTarget();
    const report = await importFiles([{ name: 'Charts.md', content: conversationToMarkdown(exported) }], 'skip', target.store.importConversations, target.files);
    expect(report.imported).toEqual([{ id: ID, title: 'Charts' }]);
    expect(report.skipped).toEqual([
      { source: 'Charts.md, attachment "pixel.png"', reason: 'its file was not found next to the Markdown file (import the folder with its attachments/ folder).' },
      { source: 'Charts.md, attachment "table.csv"', reason: 'its file was not found next to the Markdown file (import the folder with its attachments/ folder).' },
    ]);
    expect(target.store.getConversation(ID)?.messages[0]?.attachments).toBeUndefined();
  });

  it('a file next to the Markdown is checked by content like any attachment', async () => {
    const { exported, image } = await source();
    const target = await freshTarget();
    const forged = { name: `attachments/${image.file}`, content: Buffer.from([0x50, 0x4b, 3, 4, 0, 1]).toString('base64') };
    const report = await importFiles([{ name: 'Charts.md', content: conversationToMarkdown(exported) }, forged], 'skip', target.store.importConversations, target.files);
    expect(report.skipped[0]).toEqual({ source: 'Charts.md, attachment "pixel.png"', reason: expect.stringContaining('"pixel.png" cannot be attached') });
  });

  it("shows the images a tool returned in the call's fold; importing the folder from disk restores the call with them", async () => {
    const { files, exported, image } = await toolImageSource();
    const markdown = conversationToMarkdown(exported, { timeZone: 'UTC' });
    expect(markdown).toMatch(new RegExp(`Result:\\n\\n    A tiny image:\\n\\n!\\[tool-image-1\\]\\(attachments/${image.file}\\)\\n\\n</details>`));
    const folder = tempDir();
    writeFileSync(join(folder, 'Charts.md'), markdown);
    await copyAttachments(exported, folder, files);

    const target = await freshTarget();
    const report = await importFiles(pickedFolder(folder), 'skip', target.store.importConversations, target.files);
    expect(report).toEqual({ imported: [{ id: ID, title: 'Charts' }], skipped: [] });
    expect(target.store.exportConversation(ID)).toEqual(exported);
    expect(readFileSync(join(target.dataDir, 'attachments', image.file))).toEqual(PIXEL_PNG);
  });

  it('a self-contained export carries the images a tool returned as data: URLs', async () => {
    const { files, exported } = await toolImageSource();
    const markdown = conversationToMarkdown(exported, { attachmentHref: await inlineLinks(exported, files) });
    expect(markdown).toContain(`![tool-image-1](data:image/png;base64,${PIXEL_PNG.toString('base64')})`);
    const target = await freshTarget();
    await importFiles([{ name: 'Charts.md', content: markdown }], 'skip', target.store.importConversations, target.files);
    expect(target.store.exportConversation(ID)).toEqual(exported);
  });
});
