import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchLiveCatalog, isWandbEndpoint } from '../../../../main/models/liveCatalog';
import { parseModelsDev } from '../../../../main/models/modelsDevCatalog';
import { parseWandbCatalog } from '../../../../main/models/wandbCatalog';
import { KNOWN_MODELS } from '../../../../main/models/knownModels';
import { createModelCatalog } from '../../../../main/models/modelCatalog';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

let server: FakeInferenceServer;
let folder: string;

beforeEach(async () => {
  server = await startFakeInferenceServer();
  folder = await mkdtemp(join(tmpdir(), 'parley-live-catalog-'));
});
afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

const feedRequests = () => server.requests.filter((request) => request.path.startsWith('/inference/'));

function catalog(options: { appliesTo?: boolean; origin?: string } = {}) {
  return createModelCatalog({
    cacheFile: join(folder, 'models-cache.json'),
    getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: 'key-1234', project: '' }),
    liveCatalog: { origin: options.origin ?? server.catalogOrigin, appliesTo: () => options.appliesTo ?? true, timeoutMs: 2_000 },
  });
}

/** An entry of W&B's catalogue in its published shape (idPlayground, label, contextWindow, modalities…, feature…, lifecycleStage). */
const catalogEntry = (id: string, fields: Record<string, unknown> = {}) => ({
  idPlayground: id,
  label: id.split('/')[1],
  contextWindow: 131_072,
  modalitiesInput: ['text'],
  modalitiesOutput: ['text'],
  featureReasoning: false,
  featureToolCalling: false,
  lifecycleStage: 'general-availability',
  descriptionShort: 'A model.',
  ...fields,
});

describe('reading W&B\'s catalogue', () => {
  it('reads context windows, image input, reasoning, tool calling and lifecycle stages by W&B\'s field names', () => {
    expect(
      parseWandbCatalog({
        models: [
          catalogEntry('openai/gpt-oss-20b', { featureReasoning: true, featureToolCalling: true }),
          catalogEntry('moonshotai/Kimi-K2.6', { contextWindow: 262_144, modalitiesInput: ['text', 'image'], lifecycleStage: 'deprecated', featureReasoning: true, featureToolCalling: true }),
          catalogEntry('Qwen/Qwen3-30B-A3B-Instruct-2507', { lifecycleStage: 'retired' }),
          catalogEntry('acme/preview', { lifecycleStage: 'experimental', pricing: { input: 0.1, output: '0.4' } }),
        ],
      }),
    ).toEqual({
      'openai/gpt-oss-20b': { contextWindow: 131_072, vision: false, toolCalling: true, lifecycle: 'general-availability' },
      'moonshotai/Kimi-K2.6': { contextWindow: 262_144, vision: true, toolCalling: true, lifecycle: 'deprecated' },
      'Qwen/Qwen3-30B-A3B-Instruct-2507': { contextWindow: 131_072, vision: false, reasoning: 'none', toolCalling: false, lifecycle: 'retired' },
      'acme/preview': { contextWindow: 131_072, vision: false, reasoning: 'none', toolCalling: false, lifecycle: 'experimental', price: { input: 0.1, output: 0.4 } },
    });
  });

  it('leaves out what does not parse and keeps the rest of the entry', () => {
    expect(
      parseWandbCatalog({
        models: [
          'just a string',
          null,
          { contextWindow: 5 }, // no id
          { id: 'old/name', context_length: 8_000 }, // names W&B does not use
          { idPlayground: 'ok/model', contextWindow: -3, modalitiesInput: 'image', featureToolCalling: 'yes', lifecycleStage: 'sunset', featureReasoning: true },
          { idPlayground: 'half/priced', price: { input: 1 } },
        ],
      }),
    ).toEqual({ 'ok/model': {}, 'half/priced': {} });
    for (const garbage of [null, 'html', 42, { models: 'none' }, {}, [catalogEntry('bare/array')]]) expect(parseWandbCatalog(garbage)).toEqual({});
  });
});

describe('reading the models.dev feed', () => {
  it('reads providers\' models with their limits, modalities, flags, costs and status', () => {
    expect(
      parseModelsDev({
        wandb: {
          id: 'wandb',
          name: 'Weights & Biases',
          api: 'https://api.inference.wandb.ai/v1',
          models: {
            'openai/gpt-oss-120b': {
              id: 'openai/gpt-oss-120b', name: 'gpt-oss-120b', family: 'gpt-oss', attachment: false, reasoning: true, tool_call: true, temperature: true,
              release_date: '2025-08-05', modalities: { input: ['text'], output: ['text'] }, open_weights: true,
              cost: { input: 0.15, output: 0.6 }, limit: { context: 131_072, output: 32_768 },
            },
            'meta-llama/Llama-3.1-70B-Instruct': { name: 'Llama 3.1 70B', reasoning: false, tool_call: true, status: 'deprecated', limit: { context: 128_000 }, cost: { input: 0.8 } },
            broken: 'not a model',
          },
        },
      }),
    ).toEqual({
      'openai/gpt-oss-120b': { contextWindow: 131_072, vision: false, toolCalling: true, price: { input: 0.15, output: 0.6 } },
      'meta-llama/Llama-3.1-70B-Instruct': { contextWindow: 128_000, reasoning: 'none', toolCalling: true, lifecycle: 'deprecated' },
    });
    for (const garbage of [null, [], 'x', { wandb: null }, { wandb: { models: [] } }]) expect(parseModelsDev(garbage)).toEqual({});
  });
});

describe('fetching the feeds', () => {
  it('lays the catalogue over the models.dev feed; null, never an error, when neither is reachable, in time or readable', async () => {
    expect(await fetchLiveCatalog(server.catalogOrigin, { timeoutMs: 2_000 })).toEqual({
      'openai/gpt-oss-20b': { contextWindow: 131_072, vision: false, toolCalling: true, lifecycle: 'general-availability', price: { input: 0.05, output: 0.2 } },
      'moonshotai/Kimi-K2.6': { contextWindow: 262_144, vision: true, toolCalling: true, lifecycle: 'deprecated', price: { input: 0.65, output: 3.41 } },
    });

    // One feed down: the other still speaks.
    server.modelsDev = '<html>maintenance</html>';
    expect(await fetchLiveCatalog(server.catalogOrigin, { timeoutMs: 2_000 })).toMatchObject({ 'moonshotai/Kimi-K2.6': { lifecycle: 'deprecated' } });
    server.catalogStatus = 500;
    expect(await fetchLiveCatalog(server.catalogOrigin, { timeoutMs: 2_000 })).toBeNull();

    // A server that accepts the connection and never answers.
    const silent: Server = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    try {
      const started = Date.now();
      expect(await fetchLiveCatalog(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, { timeoutMs: 300 })).toBeNull();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }

    const origin = server.catalogOrigin;
    await server.close();
    expect(await fetchLiveCatalog(origin, { timeoutMs: 2_000 })).toBeNull();
    server = await startFakeInferenceServer();
  });

  it('applies to W&B Inference only', () => {
    expect(isWandbEndpoint('https://api.inference.wandb.ai/v1')).toBe(true);
    expect(isWandbEndpoint('http://127.0.0.1:11434/v1')).toBe(false);
    expect(isWandbEndpoint('https://api.inference.wandb.ai.example.com/v1')).toBe(false);
    expect(isWandbEndpoint('not a url')).toBe(false);
  });
});

describe('the model list with the live catalogue', () => {
  it('lays the feeds over the bundled table field by field, and describes models only they know', async () => {
    server.models = ['openai/gpt-oss-20b', 'moonshotai/Kimi-K2.6', 'acme/new-model', 'acme/unknown'];
    server.catalog = { models: [catalogEntry('openai/gpt-oss-20b', { featureReasoning: true, featureToolCalling: true }), catalogEntry('acme/new-model', { contextWindow: 32_768, modalitiesInput: ['text', 'image'], lifecycleStage: 'experimental' })] };
    const list = await catalog().list({ refresh: true });

    expect(list.info['openai/gpt-oss-20b']).toEqual({ ...KNOWN_MODELS['openai/gpt-oss-20b'], toolCalling: true, lifecycle: 'general-availability', price: { input: 0.05, output: 0.2 } });
    expect(list.info['moonshotai/Kimi-K2.6']).toEqual({ ...KNOWN_MODELS['moonshotai/Kimi-K2.6'], toolCalling: true });
    expect(list.info['acme/new-model']).toEqual({ contextWindow: 32_768, vision: true, reasoning: 'none', price: null, toolCalling: false, lifecycle: 'experimental' });
    expect(list.info['acme/unknown']).toBeUndefined();
    expect(feedRequests().map((request) => request.path).sort()).toEqual(['/inference/catalog/models', '/inference/modelsdev/models']);
    // The key never goes to the public feeds.
    expect(feedRequests().map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('keeps the feeds with the cached list for offline use, and the last ones when they cannot be read', async () => {
    server.models = ['openai/gpt-oss-20b'];
    await catalog().list({ refresh: true });
    const priced = { input: 0.05, output: 0.2 };

    // From the cache, without asking any server.
    const cached = await catalog().list({ refresh: false });
    expect(cached.info['openai/gpt-oss-20b']).toMatchObject({ price: priced, toolCalling: true });
    expect(feedRequests()).toHaveLength(2);
    expect((await catalog().describe(['openai/gpt-oss-20b']))['openai/gpt-oss-20b']?.price).toEqual(priced);

    server.catalogStatus = 503;
    const refreshed = await catalog().list({ refresh: true });
    expect(refreshed).toMatchObject({ fromCache: false, error: null });
    expect(refreshed.info['openai/gpt-oss-20b']).toMatchObject({ price: priced, lifecycle: 'general-availability' });
  });

  it('is not asked for other endpoints, and failing feeds never fail the list', async () => {
    server.models = ['openai/gpt-oss-20b'];
    const other = await catalog({ appliesTo: false }).list({ refresh: true });
    expect(other.info['openai/gpt-oss-20b']).toEqual(KNOWN_MODELS['openai/gpt-oss-20b']);
    expect(feedRequests()).toHaveLength(0);

    const unreachable = await catalog({ origin: 'http://127.0.0.1:9' }).list({ refresh: true });
    expect(unreachable).toMatchObject({ models: ['openai/gpt-oss-20b'], error: null });
  });
});
