import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatMessage, ChatRequest, ChatResult } from '../../../../shared/ipc';
import { addUsage } from '../../../../shared/usage';
import { createChatService } from '../../../../main/chat/chatService';
import { createSavedChat } from '../../../../main/conversations/savedChat';
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
  const { store } = await openHistory({ dataDir: tempDir() });
  const service = createChatService({ getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'k', project: '' }), retry: { attempts: 0, baseDelayMs: 1 } });
  const conversationId = randomUUID();
  store.createConversation({ id: conversationId, title: '', model: 'fake/echo', systemPrompt: '', params: {} });
  const saved = createSavedChat(service.chat, store);
  const send = (request: ChatRequest, onEvent: (event: ChatEvent) => void = () => undefined, signal = new AbortController().signal) => saved(request, onEvent, signal);
  /** Asks `model` for a first answer to `question`; returns the request and the result. */
  async function firstTurn(model: string, question: string) {
    const answerId = randomUUID();
    const request: ChatRequest = {
      model,
      systemPrompt: '',
      messages: [{ role: 'user', content: question }],
      history: { conversationId, answerId, turn: { kind: 'new', userMessageId: randomUUID() } },
    };
    return { answerId, request, result: await send(request) };
  }
  /** The continuation's request: the path with the answer, as saved, as its last message. */
  function continuation(first: { answerId: string; request: ChatRequest }, model: string, partial: string): ChatRequest {
    const messages: ChatMessage[] = [...first.request.messages, { role: 'assistant', content: partial }];
    return { model, systemPrompt: '', messages, history: { conversationId, answerId: first.answerId, turn: { kind: 'continue' } } };
  }
  const answers = () => store.getConversation(conversationId)?.messages.filter((message) => message.role === 'assistant') ?? [];
  return { service, send, firstTurn, continuation, answers };
}

const lastSentMessage = () => (fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages.at(-1);

describe('Continue', () => {
  it('appends to the answer cut at the length limit: one message, the usage of both requests', async () => {
    const { service, send, firstTurn, continuation, answers } = await setUp();
    const first = await firstTurn('fake/length', 'tell me a story');
    expect(first.result).toMatchObject({ status: 'complete', finishReason: 'length', content: 'You said: tell me a story. And there is more' });

    const request = continuation(first, 'fake/length', first.result.content);
    const usages: ChatEvent[] = [];
    const result = await send(request, (event) => event.type === 'usage' && usages.push(event));

    // Exactly what the person sees went out: the partial answer is the last message.
    expect(lastSentMessage()).toEqual({ role: 'assistant', content: 'You said: tell me a story. And there is more' });
    const whole = 'You said: tell me a story. And there is more to say: the end.';
    expect(result).toMatchObject({ status: 'complete', finishReason: 'stop', content: whole, error: null });
    // The same request unsaved shows what the continuation alone cost.
    const alone = await service.chat({ ...request, history: undefined }, () => undefined, new AbortController().signal);
    expect(result.usage).toEqual(addUsage(first.result.usage, alone.usage));
    expect(usages.at(-1)).toEqual({ type: 'usage', usage: result.usage });
    expect(result.durationMs).toBeGreaterThanOrEqual(first.result.durationMs);

    const stored = answers();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: first.answerId, content: whole, status: 'complete', finishReason: 'stop', usage: result.usage, firstTokenMs: first.result.firstTokenMs });
  });

  it('continues an answer cut by a dropped connection, and the error goes', async () => {
    const { send, firstTurn, continuation, answers } = await setUp();
    const first = await firstTurn('fake/drop', 'hello');
    expect(first.result).toMatchObject({ status: 'error', content: 'Half an answer', error: { code: 'dropped' } });

    const result = await send(continuation(first, 'fake/length', 'Half an answer'));
    expect(result).toMatchObject({ status: 'complete', content: 'Half an answer to say: the end.', error: null });
    expect(answers().map((answer) => [answer.content, answer.status, answer.error])).toEqual([['Half an answer to say: the end.', 'complete', null]]);
  });

  it('a continuation stopped by the person keeps the text before it and what it added, and can be continued again', async () => {
    const { send, firstTurn, continuation, answers } = await setUp();
    const first = await firstTurn('fake/length', 'go');
    const controller = new AbortController();
    let deltas = 0;
    const stopped = await send(
      continuation(first, 'fake/slow', first.result.content),
      (event) => event.type === 'delta' && ++deltas === 3 && controller.abort(),
      controller.signal,
    );
    expect(stopped.status).toBe('stopped');
    expect(stopped.content).toMatch(/^You said: go\. And there is moreword1 word2 word3/);
    expect(answers()[0]).toMatchObject({ content: stopped.content, status: 'stopped' });

    const again = await send(continuation(first, 'fake/length', stopped.content));
    expect(again.content).toBe(`${stopped.content} to say: the end.`);
    expect(answers()).toHaveLength(1);
  });

  it('refuses, without sending or changing anything, an answer that ended well or a request that is not what was saved', async () => {
    const { send, firstTurn, continuation, answers } = await setUp();
    const finished = await firstTurn('fake/echo', 'done');
    const before = fake.requests.length;
    const refused: ChatResult[] = [await send(continuation(finished, 'fake/length', finished.result.content))];
    expect(answers()).toHaveLength(1);

    const cut = await firstTurn('fake/length', 'more');
    refused.push(await send(continuation(cut, 'fake/length', `${cut.result.content} (changed)`)));
    // Only the last answer: the first one is no longer at the end.
    refused.push(await send(continuation(finished, 'fake/length', finished.result.content)));

    expect(refused.map((result) => result.error?.code)).toEqual(['invalid-request', 'invalid-request', 'invalid-request']);
    // The only request since `before` is the second question's.
    expect(fake.requests.length).toBe(before + 1);
    expect(answers().map((answer) => [answer.content, answer.status])).toEqual([
      ['You said: done', 'complete'],
      ['You said: more. And there is more', 'complete'],
    ]);
  });

  it('property: over any run of cuts and continuations, each request ends with the answer as shown, and the answer stays one message holding every piece', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('fake/drop', 'fake/length'), { maxLength: 4 }), async (models) => {
        const { send, firstTurn, continuation, answers } = await setUp();
        const first = await firstTurn('fake/drop', 'cut me');
        let shown = first.result.content;
        for (const model of models) {
          // A continuation that finished well cannot be continued again: the run ends there.
          if (answers()[0]?.status === 'complete') break;
          const result = await send(continuation(first, model, shown));
          expect(lastSentMessage()).toEqual({ role: 'assistant', content: shown });
          const added = model === 'fake/drop' ? 'Half an answer' : ' to say: the end.';
          expect(result.content).toBe(shown + added);
          shown = result.content;
          expect(answers().map((answer) => [answer.id, answer.content])).toEqual([[first.answerId, shown]]);
        }
      }),
      { numRuns: 12 },
    );
  });
});
