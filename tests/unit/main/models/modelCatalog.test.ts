import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../../main/chat/openaiClient';
import { createModelCatalog } from '../../../../main/models/modelCatalog';
import { KNOWN_MODELS } from '../../../../main/models/knownModels';
import { FAKE_MODELS, startFakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import type { FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

const KEY = 'wandb-models-key-abcdef123';
const FETCHED_AT = Date.UTC(2026, 10, 5, 9, 30);
let server: FakeInferenceServer;
let folder: string;
let cacheFile: string;

beforeEach(async () => {
  server = await startFakeInferenceServer();
  folder = await mkdtemp(join(tmpdir(), 'parley-models-'));
  cacheFile = join(folder, 'cache', 'models.json');
});
afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

function catalog(endpoint: Partial<Endpoint> = {}, now = () => FETCHED_AT) {
  return createModelCatalog({
    cacheFile,
    getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: KEY, project: 'team/project', ...endpoint }),
    now,
  });
}

const modelRequests = () => server.requests.filter((r) => r.path === '/v1/models');

describe('model catalog', () => {
  it('lists the server models, sorted without regard to case, and caches them', async () => {
    server.models = ['zai-org/GLM-5-FP8', 'Qwen/Qwen3.5-27B', 'meta-llama/Llama-3.1-70B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'deepseek-ai/DeepSeek-V3.1'];
    const list = await catalog().list({ refresh: false });

    expect(list).toEqual({
      models: ['deepseek-ai/DeepSeek-V3.1', 'meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct', 'Qwen/Qwen3.5-27B', 'zai-org/GLM-5-FP8'],
      info: {
        'deepseek-ai/DeepSeek-V3.1': KNOWN_MODELS['deepseek-ai/DeepSeek-V3.1'],
        'meta-llama/Llama-3.1-8B-Instruct': KNOWN_MODELS['meta-llama/Llama-3.1-8B-Instruct'],
        'meta-llama/Llama-3.1-70B-Instruct': KNOWN_MODELS['meta-llama/Llama-3.1-70B-Instruct'],
        'Qwen/Qwen3.5-27B': KNOWN_MODELS['Qwen/Qwen3.5-27B'],
        'zai-org/GLM-5-FP8': KNOWN_MODELS['zai-org/GLM-5-FP8'],
      },
      fetchedAt: FETCHED_AT,
      fromCache: false,
      error: null,
    });
    expect(modelRequests()).toHaveLength(1);
    const headers = modelRequests()[0]?.headers;
    expect(headers?.authorization).toBe(`Bearer ${KEY}`);
    expect(headers?.['openai-project']).toBe('team/project');
    expect(await readdir(join(folder, 'cache'))).toEqual(['models.json']); // no temp file left behind
  });

  it('answers from the cache without asking the server unless told to refresh', async () => {
    await catalog().list({ refresh: false });
    const cached = await catalog(undefined, () => FETCHED_AT + 1).list({ refresh: false });
    expect(cached.fetchedAt).toBe(FETCHED_AT);
    expect(modelRequests()).toHaveLength(1);

    const refreshed = await catalog(undefined, () => FETCHED_AT + 1).list({ refresh: true });
    expect(refreshed.fetchedAt).toBe(FETCHED_AT + 1);
    expect(modelRequests()).toHaveLength(2);
  });

  it('shows the cached list with the reason when the server cannot be reached', async () => {
    await catalog().list({ refresh: true });
    await server.close();

    const offline = await catalog().list({ refresh: true });
    expect(offline).toMatchObject({ models: [...FAKE_MODELS].sort(byLowerCase), fetchedAt: FETCHED_AT, fromCache: true, error: { code: 'connection' } });
    expect(offline.error?.message).toContain(new URL(server.baseURL).host);
  });

  it('keeps the cached list when the server suddenly answers with none', async () => {
    await catalog().list({ refresh: true });
    server.models = [];

    const list = await catalog(undefined, () => FETCHED_AT + 1).list({ refresh: true });
    expect(list).toEqual({ models: [...FAKE_MODELS].sort(byLowerCase), info: {}, fetchedAt: FETCHED_AT, fromCache: true, error: null });
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).byBaseURL[server.baseURL].models).toHaveLength(FAKE_MODELS.length);
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    await catalog().list({ refresh: true });
    await writeFile(cacheFile, '{"version":1,"byBaseURL":{"http://x', 'utf8');

    const list = await catalog().list({ refresh: false });
    expect(list).toMatchObject({ fromCache: false, error: null });
    expect(list.models).toHaveLength(FAKE_MODELS.length);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).byBaseURL[server.baseURL].fetchedAt).toBe(FETCHED_AT);
  });

  it('keeps one list per base URL', async () => {
    await catalog().list({ refresh: true });
    const other = await startFakeInferenceServer();
    other.models = ['other/only-model'];
    try {
      const otherList = await catalog({ baseURL: other.baseURL }).list({ refresh: false });
      expect(otherList.models).toEqual(['other/only-model']);
      expect((await catalog().list({ refresh: false })).models).toHaveLength(FAKE_MODELS.length);
    } finally {
      await other.close();
    }
  });

  it('reports a rejected key and still shows the cached list', async () => {
    await catalog().list({ refresh: true });
    const list = await catalog({ apiKey: 'bad-key' }).list({ refresh: true });
    expect(list).toMatchObject({ fromCache: true, error: { code: 'auth', status: 401 } });
    expect(list.error?.message).not.toContain('bad-key');
  });

  it('asks for a key without touching the network when none is stored', async () => {
    const list = await catalog({ apiKey: null }).list({ refresh: true });
    expect(list).toEqual({ models: [], info: {}, fetchedAt: null, fromCache: false, error: expect.objectContaining({ code: 'no-key' }) });
    expect(server.requests).toHaveLength(0);
  });
});

function byLowerCase(a: string, b: string): number {
  return a.toLowerCase().localeCompare(b.toLowerCase());
}
