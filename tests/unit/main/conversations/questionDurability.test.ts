/**
 * The question's sync to disk runs while its request goes out (time to first token, issue 16), and
 * the answer is never reported finished before that sync has succeeded. The sync is the store's
 * real one behind a gate the test opens (or makes fail), so the order is proven, not timed: the
 * fake server on 127.0.0.1 has the request, and has even streamed the whole answer, while the sync
 * is still pending.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatHistory, ChatRequest, ChatResult } from '../../../../shared/ipc';
import { createChatService } from '../../../../main/chat/chatService';
import { createSavedChat, SYNC_HUNG, type ChatFn } from '../../../../main/conversations/savedChat';
import { openDatabase } from '../../../../main/history/database';
import { historyPath } from '../../../../main/history/historyFiles';
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

/** A promise the test settles. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** A real history whose sync to disk waits for `syncGate` before doing the real one; `questionSyncBoundMs` as the saved chat's. */
async function setUp(questionSyncBoundMs?: number) {
  const dataDir = tempDir();
  const { store } = await openHistory({ dataDir });
  const syncGate = gate();
  let syncsStarted = 0;
  const gated: HistoryStore = {
    ...store,
    syncToDisk: async () => {
      syncsStarted++;
      await syncGate.promise;
      await store.syncToDisk();
    },
  };
  const service = createChatService({ getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'k', project: '' }), retry: { attempts: 0, baseDelayMs: 1 } });
  const streamEnded = gate<ChatResult>();
  // The model's stream, seen from outside: when it has ended, before the saved chat reports anything.
  const chat: ChatFn = async (...args) => {
    const result = await service.chat(...args);
    streamEnded.open(result);
    return result;
  };
  const conversationId = randomUUID();
  store.createConversation({ id: conversationId, title: '', model: 'fake/echo', systemPrompt: '', params: {} });
  return { dataDir, store, service, syncGate, syncsStarted: () => syncsStarted, streamEnded: streamEnded.promise, saved: createSavedChat(chat, gated, undefined, questionSyncBoundMs), conversationId };
}

/** `newConversation`: the conversation's first turn, which creates it. */
function newTurn(conversationId: string, model: string, content: string, newConversation = false) {
  const userMessageId = randomUUID();
  const answerId = randomUUID();
  const history: ChatHistory = { conversationId, answerId, ...(newConversation ? { newConversation: true } : {}), turn: { kind: 'new', userMessageId } };
  const request: ChatRequest = { model, systemPrompt: '', messages: [{ role: 'user', content }], history };
  return { request, userMessageId, answerId };
}

/** What another connection reads from the file now. */
function rowsOnDisk(dataDir: string) {
  const db = openDatabase(historyPath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT role, status, content FROM messages WHERE position >= 0 ORDER BY position').all() as { role: string; status: string; content: string }[];
  } finally {
    db.close();
  }
}

const sentQuestions = () => fake.requests.map((request) => (request.body as { messages?: { content: unknown }[] } | null)?.messages?.at(-1)?.content);

describe("the question's sync to disk and the request", () => {
  it('sends the request without waiting for the sync, and reports the answer done only once the question is durable', async () => {
    const { dataDir, syncGate, syncsStarted, streamEnded, saved, conversationId } = await setUp();
    const { request } = newTurn(conversationId, 'fake/echo', 'Is it on disk yet?');
    const events: ChatEvent['type'][] = [];
    const finished = saved(request, (event) => events.push(event.type), new AbortController().signal);

    // The whole answer has streamed, the sync is still held: the request did not wait for it.
    const streamed = await streamEnded;
    expect(syncsStarted()).toBe(1);
    expect(sentQuestions()).toContain('Is it on disk yet?');
    expect(streamed.content).toBe('You said: Is it on disk yet?');
    expect(events).toContain('delta');
    // Not reported finished, and the history does not say finished either; the question is committed.
    expect(events).not.toContain('done');
    expect(rowsOnDisk(dataDir)).toEqual([
      { role: 'user', status: 'complete', content: 'Is it on disk yet?' },
      { role: 'assistant', status: 'streaming', content: expect.any(String) },
    ]);

    syncGate.open();
    const result = await finished;
    expect(result.status).toBe('complete');
    expect(events.at(-1)).toBe('done');
    expect(rowsOnDisk(dataDir)).toEqual([
      { role: 'user', status: 'complete', content: 'Is it on disk yet?' },
      { role: 'assistant', status: 'complete', content: 'You said: Is it on disk yet?' },
    ]);
  });

  it('a sync that fails after the request went out stops the answer, says the message was not saved, as a failed commit does, and keeps it for Retry', async () => {
    const { dataDir, store, service, syncGate, saved, conversationId } = await setUp();
    const turn = newTurn(conversationId, 'fake/slow', 'Count slowly');
    const firstDelta = gate();
    let done: ChatResult | null = null;
    const finished = saved(
      turn.request,
      (event) => {
        if (event.type === 'delta') firstDelta.open();
        if (event.type === 'done') done = event.result;
      },
      new AbortController().signal,
    );
    await firstDelta.promise;
    expect(sentQuestions()).toContain('Count slowly');
    syncGate.fail(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }));

    const result = await finished;
    expect(done).toEqual(result);
    expect(result.status).toBe('error');
    expect(result.error).toEqual({
      code: 'disk-full',
      message: 'The disk is full: Parley cannot save your message. It was not answered. Free some disk space, then press Retry.',
    });
    // The answer was stopped (fake/slow streams 40 words over 4 s), and its row says the same as the page.
    const rows = rowsOnDisk(dataDir);
    expect(rows[0]).toEqual({ role: 'user', status: 'complete', content: 'Count slowly' });
    expect(rows[1]?.status).toBe('error');
    expect(rows[1]?.content).not.toContain('word40');

    // Retry, as the page does after a failed save (the disk has room again): the question is answered, and kept once.
    const answerId = randomUUID();
    const retry: ChatRequest = {
      ...turn.request,
      model: 'fake/echo',
      history: { conversationId, answerId, turn: { kind: 'retry', replacesAnswerId: turn.answerId, userMessageId: turn.userMessageId } },
    };
    const retried = createSavedChat(service.chat, store);
    expect((await retried(retry, () => undefined, new AbortController().signal)).content).toBe('You said: Count slowly');
    expect(store.getConversation(conversationId)?.messages.map((message) => [message.role, message.status, message.content])).toEqual([
      ['user', 'complete', 'Count slowly'],
      ['assistant', 'complete', 'You said: Count slowly'],
    ]);
  });

  it('an answer whose question the disk never finishes writing is not left streaming: after the bound it ends as possibly not saved, never as saved, and Retry sends it again', async () => {
    // The gate is never opened: the disk hangs. A short bound, so the test does not wait 20 s.
    const { dataDir, store, service, syncsStarted, saved, conversationId } = await setUp(50);
    const turn = newTurn(conversationId, 'fake/echo', 'Is the disk there?');
    const events: ChatEvent[] = [];
    const result = await saved(turn.request, (event) => events.push(event), new AbortController().signal);

    expect(syncsStarted()).toBe(1);
    expect(result).toMatchObject({ status: 'error', error: SYNC_HUNG });
    expect(events.filter((event) => event.type === 'done')).toEqual([{ type: 'done', result }]);
    expect(events.at(-1)?.type).toBe('done');
    // The history says what the page does: the question, and the answer's text under an error, not complete.
    expect(rowsOnDisk(dataDir)).toEqual([
      { role: 'user', status: 'complete', content: 'Is the disk there?' },
      { role: 'assistant', status: 'error', content: 'You said: Is the disk there?' },
    ]);

    // Retry, as the page offers, once the disk answers again: answered, and the question kept once.
    const retry: ChatRequest = {
      ...turn.request,
      history: { conversationId, answerId: randomUUID(), turn: { kind: 'retry', replacesAnswerId: turn.answerId, userMessageId: turn.userMessageId } },
    };
    const retried = await createSavedChat(service.chat, store)(retry, () => undefined, new AbortController().signal);
    expect(retried).toMatchObject({ status: 'complete', content: 'You said: Is the disk there?' });
    expect(rowsOnDisk(dataDir)).toEqual([
      { role: 'user', status: 'complete', content: 'Is the disk there?' },
      { role: 'assistant', status: 'complete', content: 'You said: Is the disk there?' },
    ]);
  });
});

/** What another connection reads of a conversation from the file now; undefined when the file has none. */
function conversationOnDisk(dataDir: string, id: string) {
  const db = openDatabase(historyPath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT title, model, system_prompt AS systemPrompt, params, endpoint, tool_servers AS toolServers FROM conversations WHERE id = ?').get(id);
  } finally {
    db.close();
  }
}

describe("a new conversation's first message (issue 16)", () => {
  it('creates the conversation with the question in one commit, sends the request without any call or sync before it, and reports done only once both are durable', async () => {
    const { dataDir, store, syncGate, syncsStarted, streamEnded, saved } = await setUp();
    // Nobody created it: the page only named it.
    const conversationId = randomUUID();
    const { request } = newTurn(conversationId, 'fake/echo', 'Hello, new chat', true);
    const firstTurn: ChatRequest = { ...request, systemPrompt: 'Be brief.', params: { temperature: 0.3 }, endpointId: 'wandb' };
    const events: ChatEvent['type'][] = [];
    const finished = saved(firstTurn, (event) => events.push(event.type), new AbortController().signal);

    const streamed = await streamEnded;
    expect(sentQuestions()).toContain('Hello, new chat');
    expect(streamed.content).toBe('You said: Hello, new chat');
    expect(syncsStarted()).toBe(1);
    expect(events).not.toContain('done');
    // In the file already, as the page set it up and named by its question.
    expect(conversationOnDisk(dataDir, conversationId)).toEqual({
      title: 'Hello, new chat',
      model: 'fake/echo',
      systemPrompt: 'Be brief.',
      params: JSON.stringify({ temperature: 0.3 }),
      endpoint: 'wandb',
      toolServers: '[]',
    });
    expect(rowsOnDisk(dataDir)).toEqual([
      { role: 'user', status: 'complete', content: 'Hello, new chat' },
      { role: 'assistant', status: 'streaming', content: expect.any(String) },
    ]);

    syncGate.open();
    expect((await finished).status).toBe('complete');
    expect(events.at(-1)).toBe('done');
    expect(store.getConversation(conversationId)?.messages.map((message) => [message.role, message.status, message.content])).toEqual([
      ['user', 'complete', 'Hello, new chat'],
      ['assistant', 'complete', 'You said: Hello, new chat'],
    ]);
  });

  it('a conversation that exists by then (a retry after a refused first request) is not created again', async () => {
    const { store, syncGate, service, saved } = await setUp();
    syncGate.open();
    const conversationId = randomUUID();
    const first = newTurn(conversationId, 'fake/error-400', 'Refuse me', true);
    const refused = await saved(first.request, () => undefined, new AbortController().signal);
    expect(refused.status).toBe('error');
    expect(store.findConversation(conversationId)?.title).toBe('Refuse me');

    const retry: ChatRequest = {
      ...first.request,
      model: 'fake/echo',
      history: { conversationId, answerId: randomUUID(), newConversation: true, turn: { kind: 'retry', replacesAnswerId: first.answerId, userMessageId: first.userMessageId } },
    };
    expect((await createSavedChat(service.chat, store)(retry, () => undefined, new AbortController().signal)).content).toBe('You said: Refuse me');
    expect(store.getConversation(conversationId)?.messages.map((message) => [message.role, message.status, message.content])).toEqual([
      ['user', 'complete', 'Refuse me'],
      ['assistant', 'complete', 'You said: Refuse me'],
    ]);
  });

  it('without newConversation an unknown conversation is not created: nothing is saved or sent', async () => {
    const { store, syncGate, saved } = await setUp();
    syncGate.open();
    const conversationId = randomUUID();
    const { request } = newTurn(conversationId, 'fake/echo', 'Nowhere to go');
    const result = await saved(request, () => undefined, new AbortController().signal);
    expect(result.status).toBe('error');
    expect(store.findConversation(conversationId)).toBeNull();
    expect(sentQuestions()).not.toContain('Nowhere to go');
  });
});
