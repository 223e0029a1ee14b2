/**
 * A new conversation's first message through the real web-mode bridge (the page's `createApi` over
 * the loopback WebSocket, main's router and services, a real SQLite history, the fake inference
 * server): the one chat call creates the conversation, the sidebar's read on the change it
 * announces finds it, and main's schema refuses a `newConversation` that is not `true`.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, ChatRequest } from '../../../../shared/ipc';
import { webModeApi } from '../export/webModeApi';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';

let harness: WebModeHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe("a new conversation's first message in web mode", () => {
  it('is created by the chat itself, listed by the change it announces, and titled by its question', async () => {
    harness = await startWebModeHarness();
    const api = await webModeApi(harness);
    const conversationId = randomUUID();
    // What the sidebar does on each change that names conversations.
    const listedOnChange: string[] = [];
    api.onChange((change: Change) => {
      if (change.topic === 'conversations' && change.ids) void api.conversationSummaries({ ids: change.ids }).then((found) => listedOnChange.push(...found.map((summary) => summary.title)));
    });

    const request: ChatRequest = {
      model: 'fake/echo',
      systemPrompt: 'Be brief.',
      messages: [{ role: 'user', content: 'Hello from a new chat' }],
      endpointId: 'wandb',
      history: { conversationId, answerId: randomUUID(), newConversation: true, turn: { kind: 'new', userMessageId: randomUUID() } },
    };
    const result = await api.chat(request, () => undefined).done;
    expect(result).toMatchObject({ status: 'complete', content: 'You said: Hello from a new chat' });

    const stored = await api.getConversation({ id: conversationId });
    expect(stored).toMatchObject({ title: 'Hello from a new chat', model: 'fake/echo', systemPrompt: 'Be brief.' });
    expect(stored.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'Hello from a new chat'],
      ['assistant', 'You said: Hello from a new chat'],
    ]);
    await expect.poll(() => listedOnChange).toContain('Hello from a new chat');
  });

  it('refuses a newConversation that is not true, creating nothing', async () => {
    harness = await startWebModeHarness();
    const api = await webModeApi(harness);
    const conversationId = randomUUID();
    const history = { conversationId, answerId: randomUUID(), newConversation: false, turn: { kind: 'new', userMessageId: randomUUID() } };
    const request = { model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content: 'Sneaky' }], history } as unknown as ChatRequest;
    const result = await api.chat(request, () => undefined).done;
    expect(result.error?.code).toBe('invalid-request');
    await expect(api.getConversation({ id: conversationId })).rejects.toMatchObject({ message: expect.any(String) });
  });
});
