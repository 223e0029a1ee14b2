/**
 * Tool calls in history: committed at every step with the answer's text before them, read back
 * with their answer (also once it became an earlier version), gone with their answer, and marked
 * `interrupted` when Parley stopped in the middle of one. Real SQLite files; the end-to-end cases
 * run a saved chat against the fake inference server and server-everything from npm.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { createChatService } from '../../../../main/chat/chatService';
import { createToolApprovals } from '../../../../main/chat/toolApprovals';
import { createSavedChat } from '../../../../main/conversations/savedChat';
import { openDatabase } from '../../../../main/history/database';
import { historyPath } from '../../../../main/history/historyFiles';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { openHistory } from '../../../../main/history/openHistory';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { createMemoryStore } from '../../../../main/settings/memoryStore';
import { createChatTools } from '../../../../main/tools/chatToolsService';
import { createToolServers, type ToolServers } from '../../../../main/tools/toolServers';
import { createToolServerStore } from '../../../../main/tools/toolServerStore';
import type { ChatEvent, ChatRequest, ToolCallRecord } from '../../../../shared/ipc';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { EVERYTHING_BIN } from '../tools/realServers';
import { useTempDir } from './support/tempHistory';

const tempDir = useTempDir();

function call(overrides: Partial<ToolCallRecord> = {}): ToolCallRecord {
  return {
    id: randomUUID(),
    round: 1,
    contentOffset: 0,
    serverId: 'server-1',
    serverName: 'Files',
    tool: 'read_text_file',
    arguments: '{"path": "/tmp/notes.txt"}',
    status: 'running',
    decision: 'once',
    resultText: null,
    resultImages: [],
    error: null,
    startedAt: 1_000,
    durationMs: null,
    ...overrides,
  };
}

const DONE = { status: 'complete' as const, usage: null, finishReason: 'stop', error: null, firstTokenMs: 5, durationMs: 10 };

async function conversationWithAnswer(store: HistoryStore, calls: ToolCallRecord[]) {
  const conversationId = store.createConversation({ title: 'Files', model: 'm', systemPrompt: '', params: {}, toolServers: ['server-1'] }).id;
  store.addUserMessage(conversationId, { content: 'What is in my notes?', model: 'm', params: {} });
  const writer = store.startAnswer(conversationId, { model: 'm', params: {} });
  writer.append({ content: 'Let me look.' });
  for (const made of calls) writer.recordToolCall(made);
  writer.append({ content: ' Your notes say hello.' });
  writer.finish(DONE);
  return { conversationId, answerId: writer.message.id };
}

const countCalls = (dataDir: string): number => {
  const db = openDatabase(historyPath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM tool_calls').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('tool calls in history', () => {
  it('reads an answer’s calls back in order, after a restart, with the conversation’s tool selection', async () => {
    const dataDir = tempDir();
    const first = call({ status: 'complete', resultText: 'hello', durationMs: 12 });
    const second = call({ tool: 'list_directory', status: 'denied', decision: 'deny' });
    const { store } = await openHistory({ dataDir });
    // The second write of `first` is the later state of the same call: it replaces the row, it adds none.
    const { conversationId, answerId } = await conversationWithAnswer(store, [{ ...first, status: 'running', resultText: null }, first, second]);
    store.close();

    const reopened = (await openHistory({ dataDir })).store;
    const conversation = reopened.getConversation(conversationId);
    expect(conversation?.toolServers).toEqual(['server-1']);
    const answer = conversation?.messages.find((message) => message.id === answerId);
    expect(answer?.content).toBe('Let me look. Your notes say hello.');
    expect(answer?.toolCalls).toEqual([first, second]);
    expect(conversation?.messages[0]).not.toHaveProperty('toolCalls');
    reopened.close();
  });

  it('keeps the calls of an answer that a regeneration turned into an earlier version', async () => {
    const dataDir = tempDir();
    const { store } = await openHistory({ dataDir });
    const made = call({ status: 'complete', resultText: 'first try' });
    const { conversationId, answerId } = await conversationWithAnswer(store, [made]);
    const writer = store.regenerateAnswer(conversationId, answerId, { model: 'm', params: {} });
    writer.append({ content: 'A new answer without tools.' });
    writer.finish(DONE);

    const answer = store.getConversation(conversationId)?.messages.at(-1);
    expect(answer?.toolCalls).toBeUndefined();
    expect(answer?.versions?.[0]).toMatchObject({ id: answerId, toolCalls: [made] });
    expect(countCalls(dataDir)).toBe(1);
    store.close();
  });

  it('deletes the calls with their answer, and with a purged conversation', async () => {
    const dataDir = tempDir();
    const { store } = await openHistory({ dataDir });
    const kept = await conversationWithAnswer(store, [call()]);
    const deleted = await conversationWithAnswer(store, [call(), call()]);
    expect(countCalls(dataDir)).toBe(3);

    store.deleteMessage(deleted.conversationId, deleted.answerId);
    expect(countCalls(dataDir)).toBe(1);

    // A regenerated answer's calls (now a version's) go when the message they belong to goes.
    const writer = store.regenerateAnswer(kept.conversationId, kept.answerId, { model: 'm', params: {} });
    writer.finish(DONE);
    store.deleteConversation(kept.conversationId);
    store.purgeDeleted(-1);
    expect(countCalls(dataDir)).toBe(0);
    store.close();
  });

  it('counts images tools returned as files still in use', async () => {
    const dataDir = tempDir();
    const { store } = await openHistory({ dataDir });
    const image = { file: `${'a'.repeat(64)}.png`, name: 'tool-image-1', kind: 'image' as const, mimeType: 'image/png', bytes: 68 };
    await conversationWithAnswer(store, [call({ status: 'complete', resultImages: [image] })]);
    expect(store.referencedAttachmentFiles()).toEqual(new Set([image.file]));
    store.close();
  });
});

describe('a saved chat with tools', () => {
  let fake: FakeInferenceServer;
  let servers: ToolServers;
  beforeAll(async () => {
    fake = await startFakeInferenceServer();
  });
  afterAll(() => fake.close());
  afterEach(() => servers.stopAll());

  async function setUp() {
    const dataDir = tempDir();
    const opened = await openHistory({ dataDir });
    const toolStore = createToolServerStore({ store: createMemoryStore(), secretsStore: createMemoryStore(), cipher: createMemoryCipher() });
    const serverId = (await toolStore.add({ name: 'Everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], env: [] })).id;
    servers = createToolServers({ launchConfig: (id) => toolStore.launchConfig(id), timeouts: { startMs: 30_000, callMs: 30_000 } });
    const service = createChatService({
      getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'k', project: '' }),
      retry: { attempts: 0, baseDelayMs: 1 },
      tools: createChatTools({ store: toolStore, servers, attachments: createAttachmentFiles(dataDir), catalogueToolCalling: async () => null }),
    });
    const conversationId = randomUUID();
    opened.store.createConversation({ id: conversationId, title: '', model: 'fake/tools', systemPrompt: '', params: {} });
    const answerId = randomUUID();
    const request: ChatRequest = {
      model: 'fake/tools',
      systemPrompt: '',
      messages: [{ role: 'user', content: 'call echo {"message": "kept"}' }],
      history: { conversationId, answerId, turn: { kind: 'new', userMessageId: randomUUID() } },
      toolServers: [serverId],
    };
    return { dataDir, store: opened.store, saved: createSavedChat(service.chat, opened.store), request, conversationId, answerId, serverId };
  }

  /** What another connection sees in the file right now: the committed state. */
  function committed(dataDir: string, answerId: string) {
    const db = openDatabase(historyPath(dataDir), { readonly: true });
    try {
      return {
        content: db.prepare('SELECT content FROM messages WHERE id = ?').pluck().get(answerId),
        calls: db.prepare('SELECT tool, status FROM tool_calls WHERE message_id = ?').all(answerId),
      };
    } finally {
      db.close();
    }
  }

  it('commits the call and the text before it while the person is asked, and the result before done', async () => {
    const { dataDir, store, saved, request, conversationId, answerId, serverId } = await setUp();
    const approvals = createToolApprovals();
    let whileAsked: ReturnType<typeof committed> | null = null;
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'tool-call' && event.call.status === 'awaiting-approval') {
        whileAsked = committed(dataDir, answerId);
        approvals.answer(event.call.id, 'once');
      }
    };
    const result = await saved(request, onEvent, new AbortController().signal, approvals);

    expect(whileAsked).toEqual({ content: 'Let me check.', calls: [{ tool: 'echo', status: 'awaiting-approval' }] });
    expect(result.status).toBe('complete');
    const conversation = store.getConversation(conversationId);
    expect(conversation?.toolServers).toEqual([serverId]);
    expect(conversation?.messages[1]).toMatchObject({
      content: 'Let me check.Tool results: Echo: kept',
      status: 'complete',
      toolCalls: [expect.objectContaining({ tool: 'echo', status: 'complete', decision: 'once', resultText: 'Echo: kept', contentOffset: 13 })],
    });
    store.close();
  });

  it('after a crash while a call waits, the answer and the call come back marked interrupted', async () => {
    const { dataDir, store, saved, request, conversationId, answerId } = await setUp();
    const controller = new AbortController();
    let crashed!: () => void;
    const asked = new Promise<void>((resolve) => (crashed = resolve));
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'tool-call' && event.call.status === 'awaiting-approval') crashed();
    };
    const running = saved(request, onEvent, controller.signal, createToolApprovals()).catch(() => null);
    await asked;
    // The process dies here: nothing more reaches the file.
    store.close();
    controller.abort();
    await running;

    const { store: reopened } = await openHistory({ dataDir });
    expect(reopened.getConversation(conversationId)?.messages.find((message) => message.id === answerId)).toMatchObject({
      status: 'interrupted',
      content: 'Let me check.',
      toolCalls: [expect.objectContaining({ tool: 'echo', status: 'interrupted', resultText: null })],
    });
    reopened.close();
  });
});
