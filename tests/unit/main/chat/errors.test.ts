import { APIConnectionError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable, StreamDroppedError, StreamStalledError, toAppError } from '../../../../main/chat/errors';
import { createOpenAIClient } from '../../../../main/chat/openaiClient';
import type { AppError, ErrorCode } from '../../../../shared/ipc';
import { startFakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import type { FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

const KEY = 'wandb-errors-key-0123456789';
let server: FakeInferenceServer;

beforeAll(async () => {
  server = await startFakeInferenceServer();
});
afterAll(() => server.close());

/** The error the real SDK throws for this model on the fake server, mapped. */
async function errorFor(model: string, { withModel = true, timeoutMs = 5_000 } = {}): Promise<AppError> {
  const client = createOpenAIClient({ baseURL: server.baseURL, apiKey: KEY, project: '' }, { timeoutMs });
  try {
    await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
  } catch (error) {
    return toAppError(error, { model: withModel ? model : undefined, baseURL: server.baseURL, apiKey: KEY, timeoutMs });
  }
  throw new Error(`${model} did not fail`);
}

describe('toAppError with the SDK errors of each W&B status', () => {
  it('401 points at the key and the team/project', async () => {
    const error = await errorFor('fake/error-401');
    expect(error).toMatchObject({ code: 'auth', status: 401 });
    expect(error.message).toMatch(/API key/);
    expect(error.message).toMatch(/team\/project/);
    expect(error.message).toMatch(/Settings/);
  });

  it('402 and a quota 429 say the credits or spending limit ran out', async () => {
    for (const model of ['fake/error-402', 'fake/error-429-quota']) {
      const error = await errorFor(model);
      expect(error.code).toBe('quota');
      expect(error.message).toMatch(/credits/);
      expect(error.message).toMatch(/limit/);
    }
  });

  it('403 tells a region refusal from an organisation that lacks the gateway', async () => {
    expect((await errorFor('fake/error-403')).message).toMatch(/country or region/);
    expect((await errorFor('fake/error-403-org')).message).toMatch(/administrator/);
  });

  it('404 names the model id and says ids are case-sensitive', async () => {
    const error = await errorFor('Fake/Retired-Model');
    expect(error).toMatchObject({ code: 'model-not-found', status: 404 });
    expect(error.message).toContain('"Fake/Retired-Model"');
    expect(error.message).toMatch(/case-sensitive/);
  });

  it('404 outside a chat points at the base URL instead', async () => {
    const error = await errorFor('fake/error-404', { withModel: false });
    expect(error.message).toMatch(/base URL/);
  });

  it('400 and 422 name the parameter the model refused', async () => {
    const badRequest = await errorFor('fake/error-400');
    expect(badRequest).toMatchObject({ code: 'bad-request', status: 400, param: 'temperature' });
    expect(badRequest.message).toBe("The model fake/error-400 refused the parameter temperature: Unsupported parameter: 'temperature' is not supported with this model.");

    const unprocessable = await errorFor('fake/error-422');
    expect(unprocessable).toMatchObject({ code: 'bad-request', status: 422, param: 'top_p' });
    expect(unprocessable.message).toContain('Input should be less than or equal to 1.');
  });

  it('a 400 about image input says plainly that the model does not accept images', async () => {
    const error = await errorFor('fake/error-400-image');
    expect(error).toMatchObject({ code: 'bad-request', status: 400 });
    expect(error.message).toMatch(/^This model does not accept images\. Remove the images and send again, or choose a model that reads images \(marked Vision\): /);
    // A 400 about something else keeps its own sentence.
    expect((await errorFor('fake/error-400')).message).not.toMatch(/images/);
  });

  it('429 concurrency, 500 and 503 are told apart', async () => {
    expect((await errorFor('fake/error-429')).code).toBe('rate-limit');
    expect((await errorFor('fake/error-500')).code).toBe('server');
    expect((await errorFor('fake/error-503')).code).toBe('overloaded');
  });

  it('a server that never answers is a timeout that says how long it waited', async () => {
    const error = await errorFor('fake/stall-before-headers', { timeoutMs: 200 });
    expect(error).toEqual({ code: 'timeout', message: expect.stringContaining('0.2 seconds') });
  });

  it('a refused connection names the host', async () => {
    const closed = await startFakeInferenceServer();
    await closed.close();
    const client = createOpenAIClient({ baseURL: closed.baseURL, apiKey: KEY, project: '' }, { timeoutMs: 5_000 });
    const error = await client.models.list().then(
      () => null,
      (failure: unknown) => toAppError(failure, { baseURL: closed.baseURL, apiKey: KEY }),
    );
    expect(error).toEqual({ code: 'connection', message: `${new URL(closed.baseURL).host} refused the connection. Check the base URL in Settings.` });
  });
});

describe('toAppError for other failures', () => {
  it('a failed DNS lookup names the host', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' });
    const error = toAppError(new APIConnectionError({ cause: new TypeError('fetch failed', { cause }) }), {
      baseURL: 'https://api.example.invalid/v1',
    });
    expect(error.code).toBe('connection');
    expect(error.message).toContain('Could not find api.example.invalid');
  });

  it.each<[unknown, ErrorCode]>([
    [new StreamStalledError(60_000), 'timeout'],
    [new StreamDroppedError(), 'dropped'],
    [new TypeError('terminated'), 'dropped'],
    [new SyntaxError('Unexpected token h in JSON'), 'malformed'],
    [new RangeError('odd'), 'internal'],
  ])('%s → %s', (failure, code) => {
    expect(toAppError(failure).code).toBe(code);
  });

  it('says how many seconds a stalled stream waited', () => {
    expect(toAppError(new StreamStalledError(60_000)).message).toContain('60 seconds');
  });

  it('never repeats the key or an Authorization header', () => {
    const leaky = new Error(`request failed: Authorization: Bearer sk-other-secret; key=${KEY}`);
    const { message } = toAppError(leaky, { apiKey: KEY });
    expect(message).not.toContain(KEY);
    expect(message).not.toContain('sk-other-secret');
    expect(message).toContain('[redacted]');
  });
});

describe('isRetryable', () => {
  it.each<[ErrorCode, boolean]>([
    ['rate-limit', true],
    ['server', true],
    ['overloaded', true],
    ['connection', true],
    ['quota', false],
    ['auth', false],
    ['bad-request', false],
    ['model-not-found', false],
    ['forbidden', false],
    ['timeout', false],
    ['dropped', false],
    ['malformed', false],
  ])('%s → %s', (code, retryable) => {
    expect(isRetryable({ code, message: '' })).toBe(retryable);
  });
});
