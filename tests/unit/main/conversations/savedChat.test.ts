import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatRequest } from '../../../../shared/ipc';
import { createChatService } from '../../../../main/chat/chatService';
import { cleanTitle, createAutoTitler } from '../../../../main/conversations/autoTitle';
import { createSavedChat } from '../../../../main/conversations/savedChat';
import { createPendingSaves } from '../../../../main/history/pendingSaves';
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

async function setUp() {
  const dataDir = tempDir();
  const { store } = await openHistory({ dataDir });
  const service = createChatService({ getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'k', project: '' }), retry: { attempts: 0, baseDelayMs: 1 } });
  const conversationId = randomUUID();
  store.createConversation({ id: conversationId, title: '', model: 'fake/echo', systemPrompt: '', params: {} });
  return { dataDir, store, service, saved: createSavedChat(service.chat, store), conversationId };
}

function newTurn(conversationId: string, model: string, content: string, earlier: ChatRequest['messages'] = []) {
  const userMessageId = randomUUID();
  const answerId = randomUUID();
  const request: ChatRequest = {
    model,
    systemPrompt: 'Be brief.',
    messages: [...earlier, { role: 'user', content }],
    history: { conversationId, answerId, turn: { kind: 'new', userMessageId } },
  };
  return { request, userMessageId, answerId };
}

/** The contents of the messages the last request to the model carried, system prompt first. */
const lastSentContents = () => (fake.requests.at(-1)?.body as { messages: { content: unknown }[] }).messages.map((m) => m.content);

/** What another connection sees of the visible path in the file right now: the committed state. */
function rowsOnDisk(dataDir: string) {
  const db = openDatabase(historyPath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT id, role, status, content FROM messages WHERE position >= 0 ORDER BY position').all() as { id: string; role: string; status: string; content: string }[];
  } finally {
    db.close();
  }
}

describe('a chat kept in history', () => {
  it('commits the question before its answer begins, and the answer before done', async () => {
    const { dataDir, store, saved, conversationId } = await setUp();
    const { request, userMessageId, answerId } = newTurn(conversationId, 'fake/slow', 'Tell me everything');
    const controller = new AbortController();
    const seenAtFirstDelta: ReturnType<typeof rowsOnDisk>[] = [];
    let seenAtDone: ReturnType<typeof rowsOnDisk> = [];
    let deltas = 0;
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'delta' && deltas++ === 0) seenAtFirstDelta.push(rowsOnDisk(dataDir));
      if (event.type === 'delta' && deltas === 6) setTimeout(() => controller.abort(), 300);
      if (event.type === 'done') seenAtDone = rowsOnDisk(dataDir);
    };
    const result = await saved(request, onEvent, controller.signal);

    expect(seenAtFirstDelta[0]).toEqual([
      { id: userMessageId, role: 'user', status: 'complete', content: 'Tell me everything' },
      { id: answerId, role: 'assistant', status: 'streaming', content: '' },
    ]);
    expect(result.status).toBe('stopped');
    expect(seenAtDone[1]).toEqual({ id: answerId, role: 'assistant', status: 'stopped', content: result.content });
    expect(result.content.length).toBeGreaterThan(0);
    const stored = store.getConversation(conversationId);
    expect(stored).toMatchObject({ title: 'Tell me everything', model: 'fake/slow', systemPrompt: 'Be brief.' });
  });

  it('sends a new question before committing it, and commits it before its answer begins; a regeneration commits first', async () => {
    const { store, service, conversationId } = await setUp();
    const order: string[] = [];
    const logged: HistoryStore = {
      ...store,
      atomically(run, durability) {
        order.push('commit');
        return store.atomically(run, durability);
      },
    };
    const pendingSaves = createPendingSaves();
    const saved = createSavedChat(service.chat, logged, pendingSaves);
    // Node's fetch says when a request's headers are written to its socket.
    const onSent = () => order.push('request sent');
    diagnostics.subscribe('undici:client:sendHeaders', onSent);
    const savedAt: string[][] = [];
    const ask = async (request: ChatRequest) => {
      order.length = 0;
      await saved(
        request,
        (event) => {
          if (event.type === 'delta' && !order.includes('answer')) order.push('answer');
        },
        new AbortController().signal,
        undefined,
        () => savedAt.push([...order]),
      );
      return order.slice(0, 3);
    };
    try {
      // The first request may open the connection; the ones below reuse it, as a conversation's do.
      const first = newTurn(conversationId, 'fake/echo', 'one');
      await ask(first.request);
      expect(await ask(newTurn(conversationId, 'fake/echo', 'two').request)).toEqual(['request sent', 'commit', 'answer']);
      expect(await ask({ ...first.request, history: { conversationId, answerId: randomUUID(), turn: { kind: 'regenerate', answerId: first.answerId } } })).toEqual([
        'commit',
        'request sent',
        'answer',
      ]);
      // While an earlier answer waits for disk space, nothing is sent before it is kept.
      pendingSaves.defer(() => undefined);
      expect(await ask(newTurn(conversationId, 'fake/echo', 'three').request)).toEqual(['commit', 'request sent', 'answer']);
      // The page hears of the changed conversation once each turn is committed, never before.
      expect(savedAt.slice(1)).toEqual([['request sent', 'commit'], ['commit'], ['commit']]);
    } finally {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSent);
      pendingSaves.close();
    }
  });

  it('holds the search index merges from before its question is committed until after done', async () => {
    const { store, service, conversationId } = await setUp();
    let holds = 0;
    const counted: HistoryStore = {
      ...store,
      holdSearchMerges() {
        holds += 1;
        const release = store.holdSearchMerges();
        return () => {
          holds -= 1;
          release();
        };
      },
    };
    const heldAt: Record<string, number> = {};
    const { request } = newTurn(conversationId, 'fake/echo', 'hold on');
    await createSavedChat(service.chat, counted)(request, (event) => (heldAt[event.type] ??= holds), new AbortController().signal);
    expect(heldAt).toMatchObject({ delta: 1, done: 1 });
    expect(holds).toBe(0);
  });

  it('flushes a streaming answer to disk while it arrives', async () => {
    const { dataDir, saved, conversationId } = await setUp();
    const { request, answerId } = newTurn(conversationId, 'fake/slow', 'go on');
    const controller = new AbortController();
    let midStream = '';
    let deltas = 0;
    await saved(
      request,
      (event) => {
        // 100 ms between chunks: after ten, at least one 250 ms flush has happened.
        if (event.type === 'delta' && ++deltas === 10) {
          midStream = rowsOnDisk(dataDir).find((row) => row.id === answerId)?.content ?? '';
          controller.abort();
        }
      },
      controller.signal,
    );
    expect(midStream.length).toBeGreaterThan(0);
  });

  it('a retry replaces the failed answer and keeps the question once', async () => {
    const { store, saved, conversationId } = await setUp();
    const first = newTurn(conversationId, 'fake/error-404', 'hello there');
    const failed = await saved(first.request, () => undefined, new AbortController().signal);
    expect(failed.status).toBe('error');
    expect(store.getConversation(conversationId)?.messages.map((m) => m.status)).toEqual(['complete', 'error']);

    const answerId = randomUUID();
    const retry: ChatRequest = {
      ...first.request,
      model: 'fake/echo',
      history: { conversationId, answerId, turn: { kind: 'retry', replacesAnswerId: first.answerId } },
    };
    const result = await saved(retry, () => undefined, new AbortController().signal);
    expect(result.content).toBe('You said: hello there');
    const messages = store.getConversation(conversationId)?.messages ?? [];
    expect(messages.map((m) => [m.id, m.status])).toEqual([
      [first.userMessageId, 'complete'],
      [answerId, 'complete'],
    ]);
  });

  it('saves the question and the answer row together: "not saved" is true, and Retry sends the question once', async () => {
    const { dataDir, store, saved, conversationId } = await setUp();
    const earlier = newTurn(conversationId, 'fake/echo', 'first question');
    await saved(earlier.request, () => undefined, new AbortController().signal);

    // The answer's row cannot be written (here: its id is taken, a real constraint failure of the real file).
    const turn = newTurn(conversationId, 'fake/echo', 'second question', [
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'You said: first question' },
    ]);
    const broken: ChatRequest = {
      ...turn.request,
      history: { conversationId, answerId: earlier.answerId, turn: { kind: 'new', userMessageId: turn.userMessageId } },
    };
    // Its request left before the commit, which fails: the request is stopped, and no answer reaches the page.
    const heard: ChatEvent[] = [];
    const failed = await saved(broken, (event) => heard.push(event), new AbortController().signal);
    expect(failed.status).toBe('error');
    expect(failed.error?.message).toMatch(/could not save your message, so it was not answered/);
    expect(heard.map((event) => event.type)).toEqual(['done']);
    expect(rowsOnDisk(dataDir).map((row) => row.content)).not.toContain('second question');

    // Retry (the page names the question): it is saved now, once.
    const retried = newTurn(conversationId, 'fake/echo', 'unused');
    const retry: ChatRequest = {
      ...turn.request,
      history: { conversationId, answerId: retried.answerId, turn: { kind: 'retry', replacesAnswerId: turn.answerId, userMessageId: turn.userMessageId } },
    };
    expect((await saved(retry, () => undefined, new AbortController().signal)).content).toBe('You said: second question');
    // And a second retry of a question that was saved does not add it again.
    const again: ChatRequest = {
      ...turn.request,
      history: { conversationId, answerId: randomUUID(), turn: { kind: 'retry', replacesAnswerId: retried.answerId, userMessageId: turn.userMessageId } },
    };
    await saved(again, () => undefined, new AbortController().signal);
    expect(store.getConversation(conversationId)?.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'first question'],
      ['assistant', 'You said: first question'],
      ['user', 'second question'],
      ['assistant', 'You said: second question'],
    ]);
  });

  it('regenerate streams a new version of the answer into its place; the old one stays as a hidden sibling', async () => {
    const { dataDir, store, saved, conversationId } = await setUp();
    const first = newTurn(conversationId, 'fake/echo-system', 'hello there');
    await saved(first.request, () => undefined, new AbortController().signal);

    const answerId = randomUUID();
    const regenerate: ChatRequest = {
      ...first.request,
      model: 'fake/echo',
      history: { conversationId, answerId, turn: { kind: 'regenerate', answerId: first.answerId } },
    };
    const atFirstDelta: ReturnType<typeof rowsOnDisk>[] = [];
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'delta' && atFirstDelta.length === 0) atFirstDelta.push(rowsOnDisk(dataDir));
    };
    const result = await saved(regenerate, onEvent, new AbortController().signal);
    expect(result.content).toBe('You said: hello there');
    expect(atFirstDelta[0]?.map((row) => [row.id, row.status])).toEqual([
      [first.userMessageId, 'complete'],
      [answerId, 'streaming'],
    ]);
    const [, answer] = store.getConversation(conversationId)?.messages ?? [];
    expect(answer).toMatchObject({ id: answerId, content: 'You said: hello there', model: 'fake/echo', status: 'complete', siblings: [first.answerId, answerId] });
    expect(answer?.versions?.map((v) => [v.id, v.content, v.model])).toEqual([[first.answerId, 'System prompt: Be brief.', 'fake/echo-system']]);
  });

  it('edit adds a new version of the question with its own answer; the old question keeps its answer on its branch', async () => {
    const { store, saved, conversationId } = await setUp();
    const first = newTurn(conversationId, 'fake/echo', 'hello there');
    await saved(first.request, () => undefined, new AbortController().signal);

    const answerId = randomUUID();
    const editedId = randomUUID();
    const edit: ChatRequest = {
      ...first.request,
      messages: [{ role: 'user', content: 'hello again' }],
      history: { conversationId, answerId, turn: { kind: 'edit', userMessageId: first.userMessageId, editedId } },
    };
    const result = await saved(edit, () => undefined, new AbortController().signal);
    expect(result.content).toBe('You said: hello again');
    const [question, answer] = store.getConversation(conversationId)?.messages ?? [];
    expect(question).toMatchObject({ id: editedId, content: 'hello again', siblings: [first.userMessageId, editedId] });
    expect(question?.versions?.map((v) => v.content)).toEqual(['hello there']);
    expect(answer).toMatchObject({ id: answerId, content: 'You said: hello again' });
    expect(answer?.versions).toBeUndefined();

    store.showBranch(conversationId, first.userMessageId);
    expect(store.getConversation(conversationId)?.messages.map((m) => m.content)).toEqual(['hello there', 'You said: hello there']);
  });

  it('regenerates an earlier answer and edits an earlier question, sending exactly the visible path before them', async () => {
    const { store, saved, conversationId } = await setUp();
    const first = newTurn(conversationId, 'fake/echo', 'one');
    await saved(first.request, () => undefined, new AbortController().signal);
    const second = newTurn(conversationId, 'fake/echo', 'two', [{ role: 'user', content: 'one' }, { role: 'assistant', content: 'You said: one' }]);
    await saved(second.request, () => undefined, new AbortController().signal);

    // The page's messages are not what goes out: main sends the path it saved the turn on.
    const regenerated = await saved(
      { ...second.request, messages: [{ role: 'user', content: 'ignored' }], history: { conversationId, answerId: randomUUID(), turn: { kind: 'regenerate', answerId: first.answerId } } },
      () => undefined,
      new AbortController().signal,
    );
    expect(regenerated.content).toBe('You said: one');
    expect(lastSentContents()).toEqual(['Be brief.', 'one']);
    expect(store.getConversation(conversationId)?.messages.map((m) => [m.content, m.siblings?.length ?? 1])).toEqual([
      ['one', 1],
      ['You said: one', 2],
    ]);

    store.showBranch(conversationId, first.answerId);
    expect(store.getConversation(conversationId)?.messages.map((m) => m.content)).toEqual(['one', 'You said: one', 'two', 'You said: two']);
    await saved(
      { ...second.request, messages: [{ role: 'user', content: 'one, edited' }], history: { conversationId, answerId: randomUUID(), turn: { kind: 'edit', userMessageId: first.userMessageId } } },
      () => undefined,
      new AbortController().signal,
    );
    expect(lastSentContents()).toEqual(['Be brief.', 'one, edited']);

    // A message on a hidden branch, or one that is not there, is refused without sending.
    const before = fake.requests.length;
    const stale = [
      { kind: 'regenerate', answerId: second.answerId },
      { kind: 'edit', userMessageId: second.userMessageId },
      { kind: 'regenerate', answerId: randomUUID() },
    ] as const;
    for (const turn of stale) {
      const result = await saved({ ...first.request, history: { conversationId, answerId: randomUUID(), turn } }, () => undefined, new AbortController().signal);
      expect(result.error?.code).toBe('invalid-request');
    }
    expect(fake.requests.length).toBe(before);
    expect(store.getConversation(conversationId)?.messages.map((m) => m.content)).toEqual(['one, edited', 'You said: one, edited']);
  });

  it('a new turn naming a question that is already saved sends it without saving it twice', async () => {
    const { store, saved, conversationId } = await setUp();
    const first = newTurn(conversationId, 'fake/error-500', 'only once');
    await saved(first.request, () => undefined, new AbortController().signal);
    const again: ChatRequest = { ...first.request, model: 'fake/echo', history: { conversationId, answerId: randomUUID(), turn: { kind: 'new', userMessageId: first.userMessageId } } };
    expect((await saved(again, () => undefined, new AbortController().signal)).content).toBe('You said: only once');
    expect(store.getConversation(conversationId)?.messages.filter((message) => message.role === 'user').map((message) => [message.id, message.content])).toEqual([
      [first.userMessageId, 'only once'],
    ]);
  });

  it('refuses, without sending, a turn for a conversation that is gone', async () => {
    const { saved } = await setUp();
    const before = fake.requests.length;
    const events: ChatEvent[] = [];
    const result = await saved(newTurn(randomUUID(), 'fake/echo', 'hi').request, (e) => events.push(e), new AbortController().signal);
    expect(result.error?.code).toBe('invalid-request');
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(fake.requests.length).toBe(before);
  });
});

describe('auto-title', () => {
  async function chatted(store: HistoryStore, saved: ReturnType<typeof createSavedChat>, conversationId: string, text: string) {
    await saved(newTurn(conversationId, 'fake/echo', text).request, () => undefined, new AbortController().signal);
  }

  it('asks the conversation’s model and keeps its one-line answer', async () => {
    const { store, service, saved, conversationId } = await setUp();
    await chatted(store, saved, conversationId, 'Plan a trip to Lisbon');
    const titler = createAutoTitler({ chat: service.chat, store, enabled: () => true });
    const summary = await titler(conversationId);
    // The fake answers like a chat model: quoted, with a full stop, which the titler cleans off.
    expect(summary.title).toBe('Chat: Plan a trip to');
    expect(fake.requests.at(-1)?.body).toMatchObject({ model: 'fake/echo' });
  });

  it('uses the first words when turned off, and never overwrites a rename', async () => {
    const { store, service, saved, conversationId } = await setUp();
    await chatted(store, saved, conversationId, 'Plan a trip to Lisbon\nwith kids');
    const before = fake.requests.length;
    const off = createAutoTitler({ chat: service.chat, store, enabled: () => false });
    expect((await off(conversationId)).title).toBe('Plan a trip to Lisbon');
    expect(fake.requests.length).toBe(before);

    store.updateConversation(conversationId, { title: 'My Lisbon plans' });
    const on = createAutoTitler({ chat: service.chat, store, enabled: () => true });
    expect((await on(conversationId)).title).toBe('My Lisbon plans');
  });

  it.each([
    ['"Trip to Lisbon."', 'Trip to Lisbon'],
    ['Title: **Lisbon with kids**', 'Lisbon with kids'],
    ['<think>hmm</think>\n\n  Lisbon plans  \nmore text', 'Lisbon plans'],
    ['「東京旅行」。', '東京旅行'],
    ['   ', ''],
  ])('cleans %j to %j', (reply, title) => {
    expect(cleanTitle(reply)).toBe(title);
  });
});
