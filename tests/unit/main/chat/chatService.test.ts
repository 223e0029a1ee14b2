import { afterAll, afterEach, assert, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChatService } from '../../../../main/chat/chatService';
import type { ChatServiceDeps } from '../../../../main/chat/chatService';
import type { Endpoint } from '../../../../main/chat/openaiClient';
import type { ChatEvent, ChatRequest, ChatResult, ErrorCode } from '../../../../shared/ipc';
import { startFakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import type { FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

const KEY = 'wandb-test-key-7f3a9c1e5d';
let server: FakeInferenceServer;

beforeAll(async () => {
  server = await startFakeInferenceServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

function service(endpoint: Partial<Endpoint> = {}, options: Omit<ChatServiceDeps, 'getEndpoint'> = {}) {
  return createChatService({
    getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: KEY, project: 'my-team/my-project', ...endpoint }),
    retry: { attempts: 2, baseDelayMs: 5 },
    ...options,
  });
}

function ask(model: string, text = 'hello there', systemPrompt = ''): ChatRequest {
  return { model, systemPrompt, messages: [{ role: 'user', content: text }] };
}

/** Runs one chat and collects its events; `stopWhen` may abort it from inside the event stream. */
async function run(
  chat: ReturnType<typeof service>,
  request: ChatRequest,
  stopWhen?: (events: ChatEvent[]) => boolean,
): Promise<{ result: ChatResult; events: ChatEvent[] }> {
  const events: ChatEvent[] = [];
  const controller = new AbortController();
  const result = await chat.chat(
    request,
    (event) => {
      events.push(event);
      if (stopWhen?.(events)) controller.abort();
    },
    controller.signal,
  );
  expect(events.filter((e) => e.type === 'done')).toEqual([{ type: 'done', result }]);
  expect(events.at(-1)?.type).toBe('done');
  return { result, events };
}

function lastRequest() {
  const request = server.requests.at(-1);
  assert(request, 'the server saw no request');
  return request;
}

function requestsFor(model: string) {
  return server.requests.filter((r) => (r.body as { model?: string } | null)?.model === model);
}

function contentDeltas(events: ChatEvent[]): number {
  return events.filter((e) => e.type === 'delta' && e.content).length;
}

describe('chat streaming', () => {
  it('streams the answer in pieces, reports usage and timings, and ends complete', async () => {
    const { result, events } = await run(service(), ask('fake/echo', 'What is the capital of France?'));

    expect(result).toMatchObject({ status: 'complete', content: 'You said: What is the capital of France?', reasoning: '', finishReason: 'stop', error: null });
    expect(contentDeltas(events)).toBeGreaterThan(3);
    const { usage, firstTokenMs } = result;
    assert(usage && firstTokenMs !== null);
    expect(usage.promptTokens).toBe(6);
    expect(usage.completionTokens).toBeGreaterThan(0);
    expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
    expect(events).toContainEqual({ type: 'usage', usage });
    expect(firstTokenMs).toBeLessThanOrEqual(result.durationMs);
  });

  it('sends the system prompt first, then the conversation, asking for a stream with usage', async () => {
    const request: ChatRequest = {
      model: 'fake/echo-system',
      systemPrompt: 'Answer like a pirate.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Ahoy' },
        { role: 'user', content: 'Where is the treasure?' },
      ],
    };
    const { result } = await run(service(), request);

    expect(result.content).toBe('System prompt: Answer like a pirate.');
    expect(requestsFor('fake/echo-system').at(-1)?.body).toEqual({
      model: 'fake/echo-system',
      messages: [{ role: 'system', content: 'Answer like a pirate.' }, ...request.messages],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends no system message when the system prompt is empty', async () => {
    const { result } = await run(service(), ask('fake/echo-system', 'Hi', '  '));
    expect(result.content).toBe('No system prompt.');
  });

  it('sends the key as a Bearer token and the team/project as OpenAI-Project', async () => {
    await run(service(), ask('fake/echo'));
    const { headers } = lastRequest();
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['openai-project']).toBe('my-team/my-project');
  });

  it('sends no OpenAI-Project header when the project is empty, and ignores OPENAI_* variables', async () => {
    vi.stubEnv('OPENAI_PROJECT_ID', 'env-team/env-project');
    vi.stubEnv('OPENAI_ORG_ID', 'org-from-env');
    vi.stubEnv('OPENAI_ADMIN_KEY', 'admin-key-from-env');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
    vi.stubEnv('OPENAI_CUSTOM_HEADERS', 'Authorization: Bearer env-key\nOpenAI-Project: env-team/env-project');

    const { result } = await run(service({ project: '' }), ask('fake/echo'));

    expect(result.status).toBe('complete');
    const { headers } = lastRequest();
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['openai-project']).toBeUndefined();
    expect(headers['openai-organization']).toBeUndefined();
  });

  it.each(['fake/reasoning', 'fake/reasoning-content'])('streams reasoning before content (%s)', async (model) => {
    const { result, events } = await run(service(), ask(model, 'ping'));

    expect(result).toMatchObject({ status: 'complete', reasoning: 'The user wants their words back.', content: 'You said: ping' });
    const firstContent = events.findIndex((e) => e.type === 'delta' && e.content);
    const firstReasoning = events.findIndex((e) => e.type === 'delta' && e.reasoning);
    expect(firstReasoning).toBeGreaterThanOrEqual(0);
    expect(firstReasoning).toBeLessThan(firstContent);
  });

  it('times the thinking, from the first reasoning to the first answer text, and says so with that text', async () => {
    // Ten reasoning chunks 100 ms apart: at least 900 ms between the first and the answer.
    const { result, events } = await run(service(), ask('fake/slow-reasoning', 'ping'));
    expect(result.thinkingMs).toBeGreaterThanOrEqual(850);
    expect(result.thinkingMs).toBeLessThanOrEqual(result.durationMs);
    const timed = events.filter((e) => e.type === 'delta' && e.thinkingMs !== undefined);
    expect(timed).toEqual([expect.objectContaining({ type: 'delta', content: expect.any(String), thinkingMs: result.thinkingMs })]);

    expect((await run(service(), ask('fake/echo', 'ping'))).result.thinkingMs).toBeNull();
  });

  it('routes an inline <think> block to reasoning even when the tags are split across chunks', async () => {
    const { result, events } = await run(service(), ask('fake/think-tags', 'ping'));

    expect(result).toMatchObject({ status: 'complete', reasoning: 'The user wants an echo.', content: 'You said: ping' });
    const streamed = events.flatMap((e) => (e.type === 'delta' && e.content ? [e.content] : [])).join('');
    expect(streamed).not.toContain('think>');
  });

  it('streams a 1 MB answer completely', async () => {
    const { result } = await run(service(), ask('fake/huge'));
    expect(result.status).toBe('complete');
    expect(result.content.length).toBe(64 * 16_384);
  });
});

describe('stopping', () => {
  it('keeps the partial answer when stopped mid-stream', async () => {
    const started = Date.now();
    const { result } = await run(service(), ask('fake/slow'), (events) => contentDeltas(events) === 3);

    expect(result).toMatchObject({ status: 'stopped', error: null, finishReason: null });
    expect(result.content).toBe('word1 word2 word3 ');
    expect(Date.now() - started).toBeLessThan(2_000); // the 4-second answer was really cut short
  });

  it('reports stopped when stopped before the server answered', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await service().chat(ask('fake/stall-before-headers'), () => {}, controller.signal);
    expect(result).toMatchObject({ status: 'stopped', content: '', error: null });
  });
});

describe('failures', () => {
  it.each<[string, ErrorCode, number]>([
    ['fake/error-400', 'bad-request', 400],
    ['fake/error-401', 'auth', 401],
    ['fake/error-402', 'quota', 402],
    ['fake/error-403', 'forbidden', 403],
    ['fake/error-403-org', 'forbidden', 403],
    ['fake/error-404', 'model-not-found', 404],
    ['fake/error-422', 'bad-request', 422],
    ['fake/error-429-quota', 'quota', 429],
    ['fake/no-such-model', 'model-not-found', 404],
  ])('%s → %s, without retrying', async (model, code, status) => {
    const { result, events } = await run(service(), ask(model));

    expect(result).toMatchObject({ status: 'error', content: '', error: { code, status } });
    expect(result.error?.message).toMatch(/^[A-Z].{30,}[.)]$/);
    expect(result.error?.message).not.toContain(KEY);
    expect(events.some((e) => e.type === 'retrying')).toBe(false);
    expect(requestsFor(model)).toHaveLength(1);
  });

  it.each<[string, ErrorCode]>([
    ['fake/error-429', 'rate-limit'],
    ['fake/error-500', 'server'],
    ['fake/error-503', 'overloaded'],
  ])('%s → %s after the retries are used up', async (model, code) => {
    const { result, events } = await run(service(), ask(model));

    expect(result.error?.code).toBe(code);
    expect(events.filter((e) => e.type === 'retrying')).toEqual([
      { type: 'retrying', attempt: 1, of: 2, reason: result.error },
      { type: 'retrying', attempt: 2, of: 2, reason: result.error },
    ]);
    expect(requestsFor(model)).toHaveLength(3);
  });

  it('retries a 503 and then succeeds', async () => {
    const { result, events } = await run(service(), ask('fake/flaky-503', 'again'));

    expect(result).toMatchObject({ status: 'complete', content: 'You said: again', error: null });
    expect(events[0]).toMatchObject({ type: 'retrying', attempt: 1, of: 2, reason: { code: 'overloaded', status: 503 } });
    expect(requestsFor('fake/flaky-503')).toHaveLength(2);
  });

  it('a base URL that answers 404 everywhere is not "a retired model": the endpoint does not look OpenAI-compatible', async () => {
    // A real web server on loopback that knows none of the paths (a site's 404 page, as a wrong base URL gets).
    const site = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const baseURL = `http://127.0.0.1:${(site.address() as AddressInfo).port}/api`;
    try {
      const { result } = await run(service({ baseURL }), ask('openai/gpt-oss-20b'));
      expect(result.error).toEqual({
        code: 'malformed',
        status: 404,
        message: expect.stringMatching(/^This endpoint does not look OpenAI-compatible: .* Check the base URL in Settings \(it usually ends in \/v1\)\.$/),
      });
      expect(result.error?.message).not.toMatch(/retired/);
    } finally {
      site.close();
    }
    // A server that lists models still means the model is unknown there.
    expect((await run(service(), ask('fake/no-such-model'))).result.error?.message).toMatch(/retired/);
  });

  it('names the host when the connection is refused', async () => {
    const closed = await startFakeInferenceServer();
    await closed.close();
    const { result, events } = await run(service({ baseURL: closed.baseURL }), ask('fake/echo'));

    expect(result.error?.code).toBe('connection');
    expect(result.error?.message).toContain(new URL(closed.baseURL).host);
    expect(events.filter((e) => e.type === 'retrying')).toHaveLength(2);
  });

  it('gives up on a stalled stream quickly, keeping the partial answer', async () => {
    const started = Date.now();
    const { result } = await run(service({}, { stallTimeoutMs: 300 }), ask('fake/stall'));

    expect(result).toMatchObject({ status: 'error', content: 'This answer will never end', error: { code: 'timeout' } });
    expect(result.error?.message).toContain('0.3 seconds');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('does not mistake a slow but steady stream for a stall', async () => {
    const { result } = await run(service({}, { stallTimeoutMs: 300 }), ask('fake/slow'));
    expect(result.status).toBe('complete');
    expect(result.content.trim().split(' ')).toHaveLength(40);
  });

  it('gives up when the server never sends headers, without retrying', async () => {
    const { result, events } = await run(service({}, { stallTimeoutMs: 300 }), ask('fake/stall-before-headers'));
    expect(result.error?.code).toBe('timeout');
    expect(events.some((e) => e.type === 'retrying')).toBe(false);
  });

  it('reports a dropped connection, keeping the partial answer', async () => {
    const { result } = await run(service(), ask('fake/drop'));
    expect(result).toMatchObject({ status: 'error', content: 'Half an answer', error: { code: 'dropped' } });
  });

  it('reports a reply that is not in the OpenAI format', async () => {
    const { result } = await run(service(), ask('fake/malformed'));
    expect(result).toMatchObject({ status: 'error', content: 'Fine so far', error: { code: 'malformed' } });
  });

  it('asks for a key without touching the network when none is stored', async () => {
    const before = server.requests.length;
    const { result } = await run(service({ apiKey: null }), ask('fake/echo'));

    expect(result).toMatchObject({ status: 'error', error: { code: 'no-key' } });
    expect(server.requests.length).toBe(before);
  });

  it('never shows the key, even when the server rejects it', async () => {
    const { result } = await run(service({ apiKey: 'bad-key' }), ask('fake/echo'));
    expect(result.error?.code).toBe('auth');
    expect(result.error?.message).not.toContain('bad-key');
  });
});
