/**
 * Retry, regenerate, edit and continue go out without reading the whole conversation (time to
 * first token, issue 16): main reads the conversation's settings and the messages the turn acts
 * on, and a branching turn the visible path it sends, never every message with its versions,
 * branches and tool calls. The store is real (a SQLite file), its full read counted; the requests
 * go to a real server on 127.0.0.1, and what they carry is still exactly the visible path.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, ChatMessage, ChatRequest } from '../../../../shared/ipc';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { fencedText } from '../../../../main/attachments/fencedText';
import { createChatService } from '../../../../main/chat/chatService';
import { createSavedChat } from '../../../../main/conversations/savedChat';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { openHistory } from '../../../../main/history/openHistory';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { useTempDir } from '../history/support/tempHistory';

let fake: FakeInferenceServer;
beforeAll(async () => {
  fake = await startFakeInferenceServer();
});
afterAll(() => fake.close());
const tempDir = useTempDir();

const NOTES = 'Herons wade; gannets dive.';

/** A conversation of two turns, the first question with a text file attached, kept in a real history. */
async function setUp() {
  const dataDir = tempDir();
  const { store } = await openHistory({ dataDir });
  const files = createAttachmentFiles(dataDir);
  const notes: Attachment = await files.save('notes.txt', Buffer.from(NOTES));
  const service = createChatService({ getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'k', project: '' }), attachments: files, retry: { attempts: 0, baseDelayMs: 1 } });
  let fullReads = 0;
  const counted: HistoryStore = {
    ...store,
    getConversation: (id) => {
      fullReads++;
      return store.getConversation(id);
    },
  };
  const saved = createSavedChat(service.chat, counted);
  const conversationId = randomUUID();
  store.createConversation({ id: conversationId, title: '', model: 'fake/echo', systemPrompt: '', params: {} });
  const send = (request: ChatRequest) => saved(request, () => undefined, new AbortController().signal);

  const shown: ChatMessage[] = [];
  const ids: string[] = [];
  /** Asks `question` after what is shown, as the page does; returns the new question's and answer's ids. */
  async function ask(model: string, question: ChatMessage) {
    const userMessageId = randomUUID();
    const answerId = randomUUID();
    const result = await send({ model, systemPrompt: 'Be brief.', messages: [...shown, question], history: { conversationId, answerId, turn: { kind: 'new', userMessageId } } });
    shown.push(question, { role: 'assistant', content: result.content });
    ids.push(userMessageId, answerId);
    return { userMessageId, answerId, result };
  }
  const first = await ask('fake/echo', { role: 'user', content: 'one', attachments: [notes] });
  const second = await ask('fake/echo', { role: 'user', content: 'two' });
  const visible = () => store.getConversation(conversationId)?.messages.map((message) => [message.role, message.content, message.status]);
  return { store, send, ask, first, second, conversationId, fullReads: () => fullReads, visible };
}

/** The messages of the last request the server received, as the SDK sent them. */
const lastSent = () => (fake.requests.at(-1)?.body as { messages: { role: string; content: unknown }[] }).messages;
/** The first question as the model receives it: its text, then the attached file. */
const firstQuestion = { role: 'user', content: [{ type: 'text', text: 'one' }, { type: 'text', text: fencedText('notes.txt', NOTES) }] };

describe('turns that act on earlier messages', () => {
  it('a regeneration and an edit send exactly the visible path before them, attachments included, without reading the whole conversation', async () => {
    const { send, first, second, conversationId, fullReads, visible } = await setUp();

    // The page's messages are not what goes out: main sends the path the turn was saved on.
    const regenerated = await send({
      model: 'fake/echo',
      systemPrompt: 'Be brief.',
      messages: [{ role: 'user', content: 'ignored' }],
      history: { conversationId, answerId: randomUUID(), turn: { kind: 'regenerate', answerId: second.answerId } },
    });
    expect(regenerated.content).toBe('You said: two');
    expect(lastSent()).toEqual([
      { role: 'system', content: 'Be brief.' },
      firstQuestion,
      { role: 'assistant', content: first.result.content },
      { role: 'user', content: 'two' },
    ]);

    await send({
      model: 'fake/echo',
      systemPrompt: 'Be brief.',
      messages: [{ role: 'user', content: 'two, edited' }],
      history: { conversationId, answerId: randomUUID(), turn: { kind: 'edit', userMessageId: second.userMessageId } },
    });
    expect(lastSent()).toEqual([
      { role: 'system', content: 'Be brief.' },
      firstQuestion,
      { role: 'assistant', content: first.result.content },
      { role: 'user', content: 'two, edited' },
    ]);
    expect(visible()).toEqual([
      ['user', 'one', 'complete'],
      ['assistant', first.result.content, 'complete'],
      ['user', 'two, edited', 'complete'],
      ['assistant', 'You said: two, edited', 'complete'],
    ]);
    expect(fullReads()).toBe(0);
  });

  it('a retry replaces the failed answer in its place, and a continuation appends to the answer cut short, without reading the whole conversation', async () => {
    const { send, ask, conversationId, fullReads, visible, first } = await setUp();
    const failed = await ask('fake/error-500', { role: 'user', content: 'three' });
    expect(failed.result.status).toBe('error');

    const path: ChatMessage[] = [
      { role: 'user', content: 'one' },
      { role: 'assistant', content: first.result.content },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'You said: two' },
      { role: 'user', content: 'three' },
    ];
    const retriedId = randomUUID();
    const retried = await send({
      model: 'fake/length',
      systemPrompt: 'Be brief.',
      messages: path,
      history: { conversationId, answerId: retriedId, turn: { kind: 'retry', replacesAnswerId: failed.answerId, userMessageId: failed.userMessageId } },
    });
    expect(retried.content).toBe('You said: three. And there is more');
    expect(visible()?.slice(4)).toEqual([
      ['user', 'three', 'complete'],
      ['assistant', 'You said: three. And there is more', 'complete'],
    ]);

    const continued = await send({
      model: 'fake/length',
      systemPrompt: 'Be brief.',
      messages: [...path, { role: 'assistant', content: retried.content }],
      history: { conversationId, answerId: retriedId, turn: { kind: 'continue' } },
    });
    expect(continued.content).toBe('You said: three. And there is more to say: the end.');
    expect(lastSent().at(-1)).toEqual({ role: 'assistant', content: 'You said: three. And there is more' });
    expect(visible()).toHaveLength(6);
    expect(visible()?.at(-1)).toEqual(['assistant', 'You said: three. And there is more to say: the end.', 'complete']);
    expect(fullReads()).toBe(0);
  });
});
