/**
 * A turn with attachments, end to end in main: the files are stored in the data folder, the
 * question's row refers to them (migration 006) and comes back with them, the request to a
 * real (fake) server carries image_url and fenced-text parts read from the files, and deleting
 * the message lets the start-up clean-up take the files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { createChatService } from '../../../../main/chat/chatService';
import { createSavedChat } from '../../../../main/conversations/savedChat';
import type { ChatRequest, ChatResult } from '../../../../shared/ipc';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { openStore } from '../history/support/openStore';
import { manualClock, useTempDir } from '../history/support/tempHistory';
import { PIXEL_PNG } from './support';

const tempDir = useTempDir();
const clock = manualClock();
let server: FakeInferenceServer;
beforeAll(async () => {
  server = await startFakeInferenceServer();
});
afterAll(() => server.close());

const CONVERSATION = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const QUESTION = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';
const ANSWER = '9b2f8c3e-7d4a-4b1e-8f6a-3c5d2e1f0a9b';

async function setUp() {
  const dataDir = tempDir();
  const { store, db } = await openStore(dataDir, clock.now);
  const files = createAttachmentFiles(dataDir);
  const chat = createChatService({ getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: 'k-123456', project: '' }), attachments: files, retry: { attempts: 0, baseDelayMs: 1 } });
  const saved = createSavedChat(chat.chat, store);
  const run = (request: ChatRequest): Promise<ChatResult> => saved(request, () => undefined, new AbortController().signal);
  store.createConversation({ id: CONVERSATION, title: '', model: 'fake/echo', systemPrompt: '', params: {} });
  return { dataDir, store, db, files, run };
}

describe('a question with attachments', () => {
  it('is stored with references to its files and sent as image_url and fenced-text parts', async () => {
    const { store, files, run, db } = await setUp();
    const image = await files.save('pixel.png', PIXEL_PNG);
    const code = await files.save('app.ts', Buffer.from('const answer = 42;\n'));
    const result = await run({
      model: 'fake/echo',
      systemPrompt: 'Be brief.',
      messages: [{ role: 'user', content: 'Review these', attachments: [image, code] }],
      history: { conversationId: CONVERSATION, answerId: ANSWER, turn: { kind: 'new', userMessageId: QUESTION } },
    });
    expect(result.status).toBe('complete');
    expect(result.content).toBe('You said: Review these\n\napp.ts:\n```typescript\nconst answer = 42;\n```');

    const body = server.requests.at(-1)?.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Review these' },
          { type: 'text', text: 'app.ts:\n```typescript\nconst answer = 42;\n```' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL_PNG.toString('base64')}` } },
        ],
      },
    ]);

    const [question] = store.getConversation(CONVERSATION)?.messages ?? [];
    expect(question?.attachments).toEqual([image, code]);
    // The rows hold references, never the bytes.
    expect(db.prepare('SELECT file, name, bytes FROM message_attachments ORDER BY position').all()).toEqual([
      { file: image.file, name: 'pixel.png', bytes: PIXEL_PNG.length },
      { file: code.file, name: 'app.ts', bytes: 19 },
    ]);
    expect(db.prepare("SELECT count(*) FROM message_attachments WHERE file LIKE 'data:%' OR length(file) > 80").pluck().get()).toBe(0);
  });

  it('a fence longer than any backticks in the file keeps a Markdown file whole', async () => {
    const { files, run } = await setUp();
    const readme = await files.save('README.md', Buffer.from('Run:\n```sh\nnpm test\n```\n'));
    await run({ model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content: '', attachments: [readme] }] });
    const body = server.requests.at(-1)?.body as { messages: { content: unknown }[] };
    expect(body.messages[0]?.content).toEqual([{ type: 'text', text: 'README.md:\n````markdown\nRun:\n```sh\nnpm test\n```\n````' }]);
  });

  it('a missing file or a message over the total limit is refused before anything is sent', async () => {
    const { run } = await setUp();
    const before = server.requests.length;
    const missing = { file: `${'ab'.repeat(32)}.png`, name: 'gone.png', kind: 'image' as const, mimeType: 'image/png', bytes: 10 };
    const result = await run({ model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content: 'look', attachments: [missing] }] });
    expect(result.error).toEqual({ code: 'invalid-request', message: 'An attached file is missing from the data folder, so it cannot be shown, sent or exported.' });
    expect(server.requests.length).toBe(before);
  });

  it('an earlier message whose file did not come with a restored backup: the turn goes, and the model hears the file was there', async () => {
    const { run } = await setUp();
    const gone = { file: `${'cd'.repeat(32)}.txt`, name: 'notes.txt', kind: 'text' as const, mimeType: 'text/plain', bytes: 18 };
    const result = await run({
      model: 'fake/echo',
      systemPrompt: '',
      messages: [
        { role: 'user', content: 'Read my notes', attachments: [gone] },
        { role: 'assistant', content: 'Done.' },
        { role: 'user', content: 'And now?' },
      ],
    });
    expect(result.error).toBeNull();
    const body = server.requests.at(-1)?.body as { messages: { content: unknown }[] };
    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'Read my notes' },
      { type: 'text', text: '[Attached file “notes.txt” is no longer available.]' },
    ]);
  });

  it('deleting the message leaves its file unreferenced, and the start-up clean-up removes it', async () => {
    const { dataDir, store, files, run } = await setUp();
    const image = await files.save('pixel.png', PIXEL_PNG);
    await run({
      model: 'fake/echo',
      systemPrompt: '',
      messages: [{ role: 'user', content: 'keep?', attachments: [image] }],
      history: { conversationId: CONVERSATION, answerId: ANSWER, turn: { kind: 'new', userMessageId: QUESTION } },
    });
    expect(store.referencedAttachmentFiles()).toEqual(new Set([image.file]));
    expect(await files.removeUnreferenced(store.referencedAttachmentFiles(), Date.now() + 1_000)).toBe(0);

    store.deleteMessage(CONVERSATION, QUESTION);
    expect(store.referencedAttachmentFiles()).toEqual(new Set());
    expect(await files.removeUnreferenced(store.referencedAttachmentFiles(), Date.now() + 1_000)).toBe(1);
    expect(readdirSync(join(dataDir, 'attachments'))).toEqual([]);
  });
});
