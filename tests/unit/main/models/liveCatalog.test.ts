import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchLiveCatalog, isWandbEndpoint, parseLiveCatalog } from '../../../../main/models/liveCatalog';
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

const catalogRequests = () => server.requests.filter((request) => request.path === '/inference/catalog/models');

function catalog(options: { appliesTo?: boolean; url?: string } = {}) {
  return createModelCatalog({
    cacheFile: join(folder, 'models-cache.json'),
    getEndpoint: async () => ({ baseURL: server.baseURL, apiKey: 'key-1234', project: '' }),
    liveCatalog: { url: options.url ?? server.catalogURL, appliesTo: () => options.appliesTo ?? true, timeoutMs: 2_000 },
  });
}

describe('reading the public catalogue', () => {
  it('reads ids, context windows, prices and image input under the names catalogues use', () => {
    expect(
      parseLiveCatalog({
        data: [
          { id: 'a/one', context_length: 131_072, price: { input: 0.05, output: '0.2' }, input_modalities: ['text', 'image'] },
          { model: 'b/two', contextWindow: 8_000, input_price: 1, output_price: 2, vision: false },
          // OpenRouter-style prices are per token.
          { model_id: 'c/three', pricing: { prompt: '0.0000006', completion: '0.0000024' } },
          { name: 'd/four', reasoning: 'always' },
        ],
      }),
    ).toEqual({
      'a/one': { contextWindow: 131_072, price: { input: 0.05, output: 0.2 }, vision: true },
      'b/two': { contextWindow: 8_000, price: { input: 1, output: 2 }, vision: false },
      'c/three': { price: { input: expect.closeTo(0.6, 9), output: expect.closeTo(2.4, 9) } },
      'd/four': { reasoning: 'always' },
    });
    expect(parseLiveCatalog([{ id: 'bare/array' }])).toEqual({ 'bare/array': {} });
  });

  it('reads W&B’s own catalogue shape: the API id in idPlayground, image input and tool calling', async () => {
    const wandb = {
      models: [
        {
          idPlayground: 'moonshotai/Kimi-K2.6',
          label: 'Kimi K2.6',
          contextWindow: 262_144,
          modalitiesInput: ['text', 'image'],
          modalitiesOutput: ['text'],
          featureReasoning: true,
          featureToolCalling: true,
          lifecycleStage: 'general-availability',
          descriptionShort: 'A multimodal model with reasoning.',
        },
        { idPlayground: 'microsoft/Phi-4-mini-instruct', label: 'Phi-4 mini', contextWindow: 131_072, modalitiesInput: ['text'], featureToolCalling: false, lifecycleStage: 'deprecated' },
      ],
    };
    expect(parseLiveCatalog(wandb)).toEqual({
      'moonshotai/Kimi-K2.6': { contextWindow: 262_144, vision: true, toolCalling: true },
      'microsoft/Phi-4-mini-instruct': { contextWindow: 131_072, vision: false, toolCalling: false },
    });

    server.catalog = wandb;
    server.models = ['microsoft/Phi-4-mini-instruct', 'moonshotai/Kimi-K2.6'];
    const models = catalog();
    await models.list({ refresh: true });
    const described = await models.describe(['microsoft/Phi-4-mini-instruct', 'moonshotai/Kimi-K2.6']);
    expect(described['microsoft/Phi-4-mini-instruct']?.toolCalling).toBe(false);
    expect(described['moonshotai/Kimi-K2.6']?.toolCalling).toBe(true);
  });

  it('leaves out what does not parse and keeps the rest', () => {
    expect(
      parseLiveCatalog({
        models: [
          'just a string',
          null,
          { context_length: 5 }, // no id
          { id: 'ok/model', context_length: -3, price: { input: 'free', output: 1 }, reasoning: 'sometimes', vision: 'yes' },
          { id: 'half/priced', input_price: 1 },
        ],
      }),
    ).toEqual({ 'ok/model': {}, 'half/priced': {} });
    for (const garbage of [null, 'html', 42, { models: 'none' }, {}]) expect(parseLiveCatalog(garbage)).toEqual({});
  });

  it('is null, never an error, when the catalogue is unreachable, slow, failing or garbage', async () => {
    expect(await fetchLiveCatalog(server.catalogURL, { timeoutMs: 2_000 })).toMatchObject({ 'moonshotai/Kimi-K2.6': { vision: true } });

    server.catalogStatus = 500;
    expect(await fetchLiveCatalog(server.catalogURL, { timeoutMs: 2_000 })).toBeNull();
    server.catalogStatus = 200;
    server.catalog = '<html>maintenance</html>';
    expect(await fetchLiveCatalog(server.catalogURL, { timeoutMs: 2_000 })).toBeNull();

    // A server that accepts the connection and never answers.
    const silent: Server = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    try {
      const started = Date.now();
      expect(await fetchLiveCatalog(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/catalog`, { timeoutMs: 300 })).toBeNull();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }

    const url = server.catalogURL;
    await server.close();
    expect(await fetchLiveCatalog(url, { timeoutMs: 2_000 })).toBeNull();
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
  it('lays the catalogue over the bundled table field by field, and describes models it alone knows', async () => {
    server.models = ['openai/gpt-oss-20b', 'moonshotai/Kimi-K2.6', 'acme/new-model', 'acme/unknown'];
    server.catalog = {
      models: [
        { id: 'openai/gpt-oss-20b', context_length: 131_072, price: { input: 0.05, output: 0.2 } },
        { id: 'acme/new-model', context_length: 32_000, input_modalities: ['text', 'image'] },
      ],
    };
    const list = await catalog().list({ refresh: true });

    expect(list.info['openai/gpt-oss-20b']).toEqual({ ...KNOWN_MODELS['openai/gpt-oss-20b'], contextWindow: 131_072, price: { input: 0.05, output: 0.2 } });
    expect(list.info['moonshotai/Kimi-K2.6']).toEqual(KNOWN_MODELS['moonshotai/Kimi-K2.6']);
    expect(list.info['acme/new-model']).toEqual({ contextWindow: 32_000, vision: true, reasoning: null, price: null });
    expect(list.info['acme/unknown']).toBeUndefined();
    expect(catalogRequests()).toHaveLength(1);
    expect(catalogRequests()[0]?.headers.authorization).toBeUndefined(); // the key never goes to the catalogue
  });

  it('keeps the catalogue with the cached list for offline use, and the last one when it cannot be read', async () => {
    server.models = ['openai/gpt-oss-20b'];
    await catalog().list({ refresh: true });
    const priced = { input: 0.05, output: 0.2 };

    // From the cache, without asking either server.
    const cached = await catalog().list({ refresh: false });
    expect(cached.info['openai/gpt-oss-20b']?.price).toEqual(priced);
    expect(catalogRequests()).toHaveLength(1);
    expect((await catalog().describe(['openai/gpt-oss-20b']))['openai/gpt-oss-20b']?.price).toEqual(priced);

    server.catalogStatus = 503;
    const refreshed = await catalog().list({ refresh: true });
    expect(refreshed).toMatchObject({ fromCache: false, error: null });
    expect(refreshed.info['openai/gpt-oss-20b']?.price).toEqual(priced);
  });

  it('is not asked for other endpoints, and a failing one never fails the list', async () => {
    server.models = ['openai/gpt-oss-20b'];
    const other = await catalog({ appliesTo: false }).list({ refresh: true });
    expect(other.info['openai/gpt-oss-20b']).toEqual(KNOWN_MODELS['openai/gpt-oss-20b']);
    expect(catalogRequests()).toHaveLength(0);

    const unreachable = await catalog({ url: 'http://127.0.0.1:9/catalog' }).list({ refresh: true });
    expect(unreachable).toMatchObject({ models: ['openai/gpt-oss-20b'], error: null });
  });
});
