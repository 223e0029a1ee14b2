/**
 * The list of models an endpoint offers, cached on disk per base URL so the picker works offline
 * and survives a server that briefly answers with an empty list (W&B once did).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AppError, ModelList } from '../../shared/ipc';
import { toAppError } from '../chat/errors';
import { createOpenAIClient } from '../chat/openaiClient';
import type { Endpoint } from '../chat/openaiClient';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { KNOWN_MODELS } from './knownModels';
import { fetchLiveCatalog, mergeModelInfo, type LiveCatalog } from './liveCatalog';

export interface ModelCatalogDeps {
  /** JSON file holding the cached lists. */
  cacheFile: string;
  /** The endpoint by id; absent: the default one. */
  getEndpoint(endpointId?: string): Promise<Endpoint>;
  now?: () => number;
  /** How long to wait for the server's answer. Default 30 s. */
  timeoutMs?: number;
  /** The public feeds of model details (under `origin`), read with each refresh of the endpoints they describe. */
  liveCatalog?: { origin: string; appliesTo(baseURL: string): boolean; timeoutMs?: number };
}

export interface ModelCatalog {
  /** `refresh: false` answers from the cache when it has this endpoint's list; otherwise asks the server. */
  list(options: { refresh: boolean; endpointId?: string }): Promise<ModelList>;
  /** What is known of these models for an endpoint (default: the default one) from the bundled table and cached catalogue, without asking any server. */
  describe(models: Iterable<string>, endpointId?: string): Promise<ModelList['info']>;
}

const liveInfoSchema = z
  .object({
    contextWindow: z.number().nullable(),
    vision: z.boolean().nullable(),
    reasoning: z.enum(['always', 'default-on', 'default-off', 'none']).nullable(),
    price: z.object({ input: z.number(), output: z.number() }).nullable(),
    toolCalling: z.boolean().nullable(),
    lifecycle: z.enum(['experimental', 'general-availability', 'deprecated', 'retired']).nullable(),
  })
  .partial();
const cacheEntrySchema = z.object({ models: z.array(z.string()), fetchedAt: z.number(), live: z.record(z.string(), liveInfoSchema).optional() });
type CacheEntry = z.infer<typeof cacheEntrySchema>;
const cacheSchema = z.object({ version: z.literal(1), byBaseURL: z.record(z.string(), cacheEntrySchema) });
type Cache = z.infer<typeof cacheSchema>;

const NO_KEY: AppError = { code: 'no-key', message: 'No API key is saved. Add your W&B API key in Settings to load the models.' };

/** The catalogue only adds details: it may not hold up the list for long. */
const LIVE_CATALOG_TIMEOUT_MS = 4_000;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Case-insensitive, numbers in ids compared as numbers (Llama-3.1-8B before Llama-3.1-70B). */
function sortModels(ids: Iterable<string>): string[] {
  // Ids are unique, so the plain comparison only orders ids that differ in case alone.
  return [...new Set(ids)].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1));
}

/** The known metadata of the listed models: the bundled table, overridden by the live catalogue where it spoke. */
function infoFor(models: Iterable<string>, live: LiveCatalog = {}): ModelList['info'] {
  return Object.fromEntries(
    [...models].flatMap((id) => {
      const info = mergeModelInfo(KNOWN_MODELS[id], live[id]);
      return info ? [[id, info]] : [];
    }),
  );
}

export function createModelCatalog(deps: ModelCatalogDeps): ModelCatalog {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  // Serialises read-modify-write of the cache file within this process.
  let writing: Promise<void> = Promise.resolve();

  /** A missing, unreadable or corrupt cache is an empty one: it is only a cache. */
  async function readCache(): Promise<Cache> {
    try {
      return cacheSchema.parse(JSON.parse(await readFile(deps.cacheFile, 'utf8')));
    } catch {
      return { version: 1, byBaseURL: {} };
    }
  }

  function saveEntry(baseURL: string, entry: CacheEntry): Promise<void> {
    const write = writing.then(async () => {
      const cache = await readCache();
      cache.byBaseURL[baseURL] = entry;
      await mkdir(dirname(deps.cacheFile), { recursive: true });
      await writeFileAtomic(deps.cacheFile, JSON.stringify(cache));
    });
    writing = write.catch(() => undefined);
    return write;
  }

  async function fetchModels(endpoint: Endpoint): Promise<string[]> {
    const client = createOpenAIClient(endpoint, { timeoutMs });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    return sortModels(ids);
  }

  async function list({ refresh, endpointId }: { refresh: boolean; endpointId?: string }): Promise<ModelList> {
    const endpoint = await deps.getEndpoint(endpointId);
    const cached = (await readCache()).byBaseURL[endpoint.baseURL];
    const fromCache = (error: AppError | null): ModelList =>
      cached
        ? { models: cached.models, info: infoFor(cached.models, cached.live), fetchedAt: cached.fetchedAt, fromCache: true, error }
        : { models: [], info: {}, fetchedAt: null, fromCache: false, error };

    if (!refresh && cached) return { models: cached.models, info: infoFor(cached.models, cached.live), fetchedAt: cached.fetchedAt, fromCache: false, error: null };
    const { apiKey } = endpoint;
    if (!apiKey && !endpoint.keyOptional) return fromCache(NO_KEY);

    // Asked alongside the list; it never fails the list, and the last one read stands in when it cannot be had.
    const liveRead = deps.liveCatalog?.appliesTo(endpoint.baseURL)
      ? fetchLiveCatalog(deps.liveCatalog.origin, { timeoutMs: deps.liveCatalog.timeoutMs ?? LIVE_CATALOG_TIMEOUT_MS })
      : Promise.resolve(null);
    let models: string[];
    try {
      models = await fetchModels(endpoint);
    } catch (error) {
      return fromCache(toAppError(error, { baseURL: endpoint.baseURL, apiKey, timeoutMs }));
    }
    // An empty answer is more likely a server mistake than a catalogue with no models.
    if (models.length === 0 && cached) return fromCache(null);

    const live = (await liveRead) ?? cached?.live;
    const entry: CacheEntry = { models, fetchedAt: now(), ...(live ? { live } : {}) };
    if (models.length > 0) {
      // A cache that cannot be written costs only offline use; the fresh list is still good.
      await saveEntry(endpoint.baseURL, entry).catch((error: unknown) => {
        console.warn('Could not save the model list cache:', error instanceof Error ? error.message : error);
      });
    }
    return { models, fetchedAt: entry.fetchedAt, info: infoFor(models, live), fromCache: false, error: null };
  }

  async function describe(models: Iterable<string>, endpointId?: string): Promise<ModelList['info']> {
    const { baseURL } = await deps.getEndpoint(endpointId);
    return infoFor(models, (await readCache()).byBaseURL[baseURL]?.live);
  }

  return { list, describe };
}
