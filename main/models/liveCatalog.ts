/**
 * W&B's public model catalogue (no key needed): context windows, prices and input types of the
 * models it serves, fresher than the bundled table. Its schema is not documented, so each entry is
 * read field by field under the names such catalogues use; whatever does not parse is left out,
 * and an unreachable or garbled catalogue is simply no catalogue.
 */
import { z } from 'zod';
import type { ModelInfo, ReasoningMode } from '../../shared/ipc';

export const WANDB_CATALOG_URL = 'https://trace.wandb.ai/inference/catalog/models';
const WANDB_INFERENCE_HOST = 'api.inference.wandb.ai';

/** What the catalogue said about one model: only the fields it gave. */
export type LiveModelInfo = Partial<ModelInfo>;
export type LiveCatalog = Record<string, LiveModelInfo>;

/** The public catalogue describes W&B's models only: other endpoints serve other things under the same ids. */
export function isWandbEndpoint(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === WANDB_INFERENCE_HOST;
  } catch {
    return false;
  }
}

const text = z.string().trim().min(1);
const amount = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().finite().nonnegative());
const record = z.record(z.string(), z.unknown());

const first = (entry: Record<string, unknown>, names: readonly string[]): unknown => names.map((name) => entry[name]).find((value) => value !== undefined && value !== null);

function pick<T>(schema: z.ZodType<T>, entry: Record<string, unknown>, names: readonly string[]): T | undefined {
  const parsed = schema.safeParse(first(entry, names));
  return parsed.success ? parsed.data : undefined;
}

const ID_FIELDS = ['id', 'model_id', 'modelId', 'model', 'name'] as const;
const CONTEXT_FIELDS = ['context_window', 'contextWindow', 'context_length', 'contextLength', 'max_context_length', 'max_model_len', 'context'] as const;
/** Prices per million tokens, under the names seen in W&B's and similar catalogues. */
const PRICE_IN_FIELDS = ['input_price', 'inputPrice', 'price_input', 'input_cost_per_million', 'input_price_per_million', 'prompt_price'] as const;
const PRICE_OUT_FIELDS = ['output_price', 'outputPrice', 'price_output', 'output_cost_per_million', 'output_price_per_million', 'completion_price'] as const;
const MODALITY_FIELDS = ['input_modalities', 'inputModalities', 'modalities', 'input_types'] as const;
const VISION_FIELDS = ['vision', 'supports_vision', 'supportsVision'] as const;
const REASONING_MODES: Record<string, ReasoningMode> = { always: 'always', 'default-on': 'default-on', 'default-off': 'default-off', none: 'none' };

function contextOf(entry: Record<string, unknown>): number | undefined {
  const tokens = pick(amount, entry, CONTEXT_FIELDS);
  return tokens !== undefined && Number.isInteger(tokens) && tokens > 0 ? tokens : undefined;
}

/**
 * `price: { input, output }` or flat fields are per million tokens; OpenRouter-style
 * `pricing: { prompt, completion }` is per token.
 */
function priceOf(entry: Record<string, unknown>): ModelInfo['price'] | undefined {
  const nested = record.safeParse(first(entry, ['price', 'prices', 'pricing']));
  if (nested.success) {
    const perMillion = { input: pick(amount, nested.data, ['input', 'in', ...PRICE_IN_FIELDS]), output: pick(amount, nested.data, ['output', 'out', ...PRICE_OUT_FIELDS]) };
    if (perMillion.input !== undefined && perMillion.output !== undefined) return { input: perMillion.input, output: perMillion.output };
    const perToken = { input: pick(amount, nested.data, ['prompt']), output: pick(amount, nested.data, ['completion']) };
    if (perToken.input !== undefined && perToken.output !== undefined) return { input: perToken.input * 1_000_000, output: perToken.output * 1_000_000 };
  }
  const input = pick(amount, entry, PRICE_IN_FIELDS);
  const output = pick(amount, entry, PRICE_OUT_FIELDS);
  return input !== undefined && output !== undefined ? { input, output } : undefined;
}

function visionOf(entry: Record<string, unknown>): boolean | undefined {
  const flag = pick(z.boolean(), entry, VISION_FIELDS);
  if (flag !== undefined) return flag;
  const modalities = pick(z.array(z.unknown()), entry, MODALITY_FIELDS);
  return modalities?.some((modality) => typeof modality === 'string' && /image|vision/i.test(modality)) ?? undefined;
}

/** One entry's known fields; null when it names no model. */
export function parseLiveEntry(value: unknown): [string, LiveModelInfo] | null {
  const entry = record.safeParse(value);
  if (!entry.success) return null;
  const id = pick(text, entry.data, ID_FIELDS);
  if (id === undefined) return null;
  const found: LiveModelInfo = {};
  const contextWindow = contextOf(entry.data);
  if (contextWindow !== undefined) found.contextWindow = contextWindow;
  const price = priceOf(entry.data);
  if (price !== undefined) found.price = price;
  const vision = visionOf(entry.data);
  if (vision !== undefined) found.vision = vision;
  const reasoning = pick(z.string(), entry.data, ['reasoning', 'reasoning_mode', 'reasoningMode']);
  if (reasoning !== undefined && REASONING_MODES[reasoning]) found.reasoning = REASONING_MODES[reasoning];
  return [id, found];
}

/** The entries of a catalogue body: a bare array, or one under `models`, `data` or `items`. */
export function parseLiveCatalog(body: unknown): LiveCatalog {
  const parsed = record.safeParse(body);
  const entries = Array.isArray(body) ? body : parsed.success ? first(parsed.data, ['models', 'data', 'items']) : undefined;
  if (!Array.isArray(entries)) return {};
  return Object.fromEntries(entries.map(parseLiveEntry).filter((entry) => entry !== null));
}

/** The catalogue, or null when it cannot be had in `timeoutMs` (offline, blocked, not JSON): never an error. */
export async function fetchLiveCatalog(url: string, { timeoutMs, fetchImpl = fetch }: { timeoutMs: number; fetchImpl?: typeof fetch }): Promise<LiveCatalog | null> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' }, redirect: 'error' });
    if (!response.ok) return null;
    const catalog = parseLiveCatalog(await response.json());
    return Object.keys(catalog).length > 0 ? catalog : null;
  } catch {
    return null;
  }
}

/** The bundled facts with the live catalogue's laid over them, field by field. */
export function mergeModelInfo(known: ModelInfo | undefined, live: LiveModelInfo | undefined): ModelInfo | undefined {
  if (!known && !live) return undefined;
  return { contextWindow: null, vision: null, reasoning: null, price: null, ...known, ...live };
}
