/** The models table: what an endpoint serves, and what Parley knows of each model. */
import { z } from 'zod';
import { call, returns } from './call';
import type { AppError } from './errors';
import { endpointIdSchema } from './fields';

/** `endpointId` absent: the default endpoint's models. */
export const listModelsSchema = z.object({ refresh: z.boolean(), endpointId: endpointIdSchema.optional() }).strict();

/** How a model reasons: always, unless told not to, only when asked, or never. */
export type ReasoningMode = 'always' | 'default-on' | 'default-off' | 'none';

/** Where a model stands in W&B's catalogue: a retired model answers 404, a deprecated one soon will. */
export type LifecycleStage = 'experimental' | 'general-availability' | 'deprecated' | 'retired';

/** What Parley knows about a model beyond its id (`GET /models` gives ids only). Null: not known. */
export interface ModelInfo {
  /** Context window in tokens. */
  contextWindow: number | null;
  /** Takes images as input. */
  vision: boolean | null;
  reasoning: ReasoningMode | null;
  /** US dollars per million tokens. */
  price: { input: number; output: number } | null;
  /** Accepts `tools` (function calling). */
  toolCalling: boolean | null;
  lifecycle: LifecycleStage | null;
}

export interface ModelList {
  models: string[];
  /** Metadata for the models Parley knows; a model without an entry still works. */
  info: Record<string, ModelInfo>;
  /** When the list was fetched from the server (ms since epoch); null when never. */
  fetchedAt: number | null;
  /** True when the server could not be reached and the cached list is shown. */
  fromCache: boolean;
  /** Why the refresh failed, when it did. */
  error: AppError | null;
}

export const modelCalls = {
  /** The cached list, or (`refresh`) the server's; the cache is kept for offline use. */
  listModels: call({ channel: 'models:list', request: listModelsSchema, response: returns<ModelList>() }),
};
