/**
 * First run checks a connection before anything is stored: W&B's key against the configured
 * base URL, a local server (with or without a key) at the URL typed. Web mode for real against
 * the fake inference server, which refuses `bad-key` like W&B does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import { BAD_KEY, startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from '../export/webModeApi';

const GOOD_KEY = 'wandb-first-run-key-0123456789';

let harness: WebModeHarness;
let local: FakeInferenceServer;
let api: ParleyApi;

beforeAll(async () => {
  // No key in the environment: a first run.
  harness = await startWebModeHarness({ envKey: null });
  local = await startFakeInferenceServer({ keyless: true });
  api = await webModeApi(harness);
});
afterAll(async () => {
  await harness.close();
  await local.close();
});

describe('testing a connection that is not saved', () => {
  it('checks a W&B key with its team/project against the configured base URL and stores nothing', async () => {
    const before = harness.fake.requests.length;
    const result = await api.testNewConnection({ key: GOOD_KEY, project: 'acme/chat' });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.models).toContain('fake/echo');
    const [request] = harness.fake.requests.slice(before);
    expect(request?.path).toBe('/v1/models');
    expect(request?.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(request?.headers['openai-project']).toBe('acme/chat');
    expect(await api.keyStatus()).toMatchObject({ hasKey: false });
  });

  it('says a refused W&B key is refused (401), without the key in the message', async () => {
    const result = await api.testNewConnection({ key: BAD_KEY, project: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'auth', status: 401 } });
    expect(result.message).not.toContain(BAD_KEY);
    expect(await api.keyStatus()).toMatchObject({ hasKey: false });
  });

  it('asks for a W&B key rather than sending none', async () => {
    const before = harness.fake.requests.length;
    expect(await api.testNewConnection({ project: '' })).toMatchObject({ ok: false, error: { code: 'no-key' } });
    expect(harness.fake.requests.length).toBe(before);
  });

  it('reaches a keyless local server without an Authorization header and adds no endpoint', async () => {
    local.models = ['llama3.2:3b', 'qwen2.5:7b'];
    const result = await api.testNewConnection({ baseURL: local.baseURL, project: '' });
    expect(result).toEqual({ ok: true, models: ['llama3.2:3b', 'qwen2.5:7b'], message: 'Connected: 2 models: llama3.2:3b, qwen2.5:7b.' });
    expect(local.requests.at(-1)?.headers).not.toHaveProperty('authorization');
    expect((await api.listEndpoints()).map((endpoint) => endpoint.builtIn)).toEqual([true]);
  });

  it('reports a local server that refuses the key given', async () => {
    expect(await api.testNewConnection({ baseURL: local.baseURL, project: '', key: BAD_KEY })).toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  it('refuses a base URL that is not http(s)', async () => {
    await expect(api.testNewConnection({ baseURL: 'file:///etc/passwd', project: '' })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});
