/**
 * Chat parameters from the page to the server: the contract's ranges, the body with only the
 * parameters the person set (reasoning as chat_template_kwargs), {{variables}} filled at send
 * time, and a refused parameter named in the error, in OpenAI's shape or FastAPI's `detail`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatService } from '../../../../main/chat/chatService';
import { systemPromptForSend } from '../../../../main/chat/systemPrompt';
import { chatRequestSchema, type ChatParams, type ChatRequest } from '../../../../shared/ipc';
import { paramKeyOf, paramsSummary } from '../../../../shared/chatParams';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

const KEY = 'wandb-params-key-55aa';
let server: FakeInferenceServer;
beforeAll(async () => {
  server = await startFakeInferenceServer();
});
afterAll(() => server.close());

// 2026-03-04 05:06 UTC: a date whose fields are all different, so a swapped field shows.
const SENT_AT = Date.UTC(2026, 2, 4, 5, 6);

const chat = createChatService({
  getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: KEY, project: '' }),
  retry: { attempts: 0, baseDelayMs: 1 },
  now: () => SENT_AT,
});

async function send(model: string, params?: ChatParams, systemPrompt = '') {
  const request: ChatRequest = { model, systemPrompt, messages: [{ role: 'user', content: 'hi' }], ...(params ? { params } : {}) };
  const before = server.requests.length;
  const result = await chat.chat(chatRequestSchema.parse(request), () => undefined, new AbortController().signal);
  const bodies = server.requests.slice(before).map((r) => r.body as Record<string, unknown>);
  return { result, body: bodies.at(-1) ?? {} };
}

const PARAM_FIELDS = ['temperature', 'top_p', 'max_tokens', 'seed', 'stop', 'chat_template_kwargs'];
const sentParams = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => PARAM_FIELDS.includes(key)));

describe('the contract checks each parameter', () => {
  const parse = (params: unknown) => chatRequestSchema.safeParse({ model: 'm', systemPrompt: '', messages: [{ role: 'user', content: 'x' }], params }).success;

  it('takes values in range and an empty set', () => {
    expect(parse({})).toBe(true);
    expect(parse({ temperature: 0, topP: 1, maxTokens: 1, seed: -7, stop: ['\n', 'END'], enableThinking: false })).toBe(true);
    expect(parse({ temperature: 2 })).toBe(true);
  });

  it.each([
    ['temperature above 2', { temperature: 2.01 }],
    ['negative temperature', { temperature: -0.1 }],
    ['top_p above 1', { topP: 1.5 }],
    ['no tokens', { maxTokens: 0 }],
    ['fractional max tokens', { maxTokens: 1.5 }],
    ['fractional seed', { seed: 4.2 }],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }],
    ['an empty stop sequence', { stop: [''] }],
    ['a parameter Parley does not know', { frequencyPenalty: 1 }],
    ['a number as text', { temperature: '0.5' }],
  ])('refuses %s', (_, params) => {
    expect(parse(params)).toBe(false);
  });
});

describe('the request body', () => {
  it('carries no parameter the person did not set', async () => {
    const { body } = await send('fake/echo');
    expect(sentParams(body)).toEqual({});
    expect((await send('fake/echo', {})).body).not.toHaveProperty('temperature');
  });

  it('carries exactly the set ones, under the names servers read', async () => {
    const { result, body } = await send('fake/echo', { temperature: 0.7, topP: 0.9, maxTokens: 256, seed: 42, stop: ['END'], enableThinking: false });
    expect(result.status).toBe('complete');
    expect(sentParams(body)).toEqual({ temperature: 0.7, top_p: 0.9, max_tokens: 256, seed: 42, stop: ['END'], chat_template_kwargs: { enable_thinking: false } });
  });

  it('sends a zero, which is a value, not "not set"', async () => {
    expect(sentParams((await send('fake/echo', { temperature: 0, seed: 0 })).body)).toEqual({ temperature: 0, seed: 0 });
  });

  it('fills {{date}}, {{time}} and {{model}} in the system message and nowhere else', async () => {
    const template = 'You are {{model}}. Today is {{ date }}, {{time}}. Keep {{unknown}}.';
    const { body } = await send('fake/echo-system', {}, template);
    const expected = systemPromptForSend(template, 'fake/echo-system', SENT_AT);
    expect(expected).toMatch(/^You are fake\/echo-system\. Today is \d{4}-\d{2}-\d{2}, \d{2}:\d{2}\. Keep \{\{unknown\}\}\.$/);
    expect(body.messages).toEqual([
      { role: 'system', content: expected },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('uses the wall clock of the given time zone', () => {
    expect(systemPromptForSend('{{date}} {{time}}', 'm', SENT_AT, 'UTC')).toBe('2026-03-04 05:06');
    expect(systemPromptForSend('{{date}} {{time}}', 'm', SENT_AT, 'Pacific/Auckland')).toBe('2026-03-04 18:06');
  });

  it('reads the clock only for a prompt that names the date or the time (a zone it cannot read shows it is not asked)', () => {
    expect(systemPromptForSend('Be brief, {{model}}.', 'm', SENT_AT, 'Not/A_Zone')).toBe('Be brief, m.');
    expect(() => systemPromptForSend('Today is {{date}}.', 'm', SENT_AT, 'Not/A_Zone')).toThrow(RangeError);
  });
});

describe('a refused parameter', () => {
  it.each(['fake/rejects-seed', 'fake/rejects-seed-detail'])('%s: the error names the model, the parameter and the server’s reason', async (model) => {
    const { result } = await send(model, { seed: 7, temperature: 0.5 });
    expect(result.status).toBe('error');
    expect(result.error).toEqual({
      code: 'bad-request',
      status: 422,
      param: 'seed',
      message: `The model ${model} refused the parameter seed: This model does not support seed.`,
    });
    expect(paramKeyOf(result.error?.param)).toBe('seed');
  });

  it('without the parameter, the same model answers', async () => {
    const { result } = await send('fake/rejects-seed-detail', { temperature: 0.5 });
    expect(result.status).toBe('complete');
  });
});

describe('parameter names and summary', () => {
  it('maps the names servers use back to Parley’s parameters', () => {
    expect(paramKeyOf('top_p')).toBe('topP');
    expect(paramKeyOf('body.max_tokens')).toBe('maxTokens');
    expect(paramKeyOf('max_completion_tokens')).toBe('maxTokens');
    expect(paramKeyOf('chat_template_kwargs.enable_thinking')).toBe('enableThinking');
    expect(paramKeyOf('messages')).toBeNull();
    expect(paramKeyOf(undefined)).toBeNull();
  });

  it('summarises only what is set', () => {
    expect(paramsSummary({})).toBe('');
    expect(paramsSummary({ temperature: 0.7, seed: 42, stop: ['a', 'b'], enableThinking: false })).toBe('temperature 0.7 · seed 42 · 2 stop sequences · reasoning off');
  });
});
