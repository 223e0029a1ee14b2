/**
 * W&B's public model feeds (no key needed): its catalogue (context windows, image input, tool
 * calling, lifecycle stage) and the same models in the models.dev shape (which adds prices).
 * Both are read side by side and laid over each other, the catalogue first; an unreachable or
 * garbled feed is simply no feed, never an error.
 */
import type { ModelInfo } from '../../shared/ipc';
import type { LiveCatalog, LiveModelInfo } from './catalogFields';
import { parseModelsDev } from './modelsDevCatalog';
import { parseWandbCatalog } from './wandbCatalog';

export type { LiveCatalog, LiveModelInfo } from './catalogFields';

/** Where W&B serves both feeds; tests and web mode point at a fake server's. */
export const WANDB_CATALOG_ORIGIN = 'https://trace.wandb.ai';
const FEEDS: readonly { path: string; parse: (body: unknown) => LiveCatalog }[] = [
  { path: '/inference/catalog/models', parse: parseWandbCatalog },
  { path: '/inference/modelsdev/models', parse: parseModelsDev },
];
const WANDB_INFERENCE_HOST = 'api.inference.wandb.ai';

/** The public catalogue describes W&B's models only: other endpoints serve other things under the same ids. */
export function isWandbEndpoint(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === WANDB_INFERENCE_HOST;
  } catch {
    return false;
  }
}

interface FetchOptions {
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

async function readFeed(url: string, parse: (body: unknown) => LiveCatalog, { timeoutMs, fetchImpl = fetch }: FetchOptions): Promise<LiveCatalog> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' }, redirect: 'error' });
    return response.ok ? parse(await response.json()) : {};
  } catch {
    return {};
  }
}

/** Each model's fields from the feeds, the earlier feed winning where both spoke. */
function layered(feeds: readonly LiveCatalog[]): LiveCatalog {
  const merged: LiveCatalog = {};
  for (const feed of [...feeds].reverse()) {
    for (const [id, info] of Object.entries(feed)) merged[id] = { ...merged[id], ...info };
  }
  return merged;
}

/** Both feeds under `origin`, laid over each other; null when neither can be had in `timeoutMs` (offline, blocked, not JSON). */
export async function fetchLiveCatalog(origin: string, options: FetchOptions): Promise<LiveCatalog | null> {
  const feeds = await Promise.all(FEEDS.map(({ path, parse }) => readFeed(new URL(path, origin).href, parse, options)));
  const catalog = layered(feeds);
  return Object.keys(catalog).length > 0 ? catalog : null;
}

/** The bundled facts with the live catalogue's laid over them, field by field. */
export function mergeModelInfo(known: ModelInfo | undefined, live: LiveModelInfo | undefined): ModelInfo | undefined {
  if (!known && !live) return undefined;
  return { contextWindow: null, vision: null, reasoning: null, price: null, toolCalling: null, lifecycle: null, ...known, ...live };
}
