/**
 * What Parley knows about W&B Inference models that `GET /models` does not say: context window,
 * image input, reasoning, price and lifecycle. A snapshot from W&B's public docs (late 2026); the
 * catalogue changes monthly, so a model missing here still works, it just shows less, and W&B's
 * live catalogue (liveCatalog.ts) overrides this table field by field.
 *
 * Context windows are exact token counts: W&B rounds them for display ("131k" is 131,072, "197k"
 * is 196,608, "1,049k" is 1,048,576). Only prices W&B published are listed: a guessed price would
 * be a wrong bill. Models W&B retired stay listed, marked, so old and imported conversations say
 * why they cannot go on with them; ids seen only in third-party quotations list no details.
 */
import type { LifecycleStage, ModelInfo, ReasoningMode } from '../../shared/ipc';

interface Known {
  vision?: boolean;
  /** Absent: not known. */
  reasoning?: ReasoningMode;
  price?: [input: number, output: number];
  lifecycle?: LifecycleStage;
}

function model(contextWindow: number | null, known: Known = {}): ModelInfo {
  return {
    contextWindow,
    vision: known.vision ?? null,
    reasoning: known.reasoning ?? null,
    price: known.price ? { input: known.price[0], output: known.price[1] } : null,
    toolCalling: null,
    lifecycle: known.lifecycle ?? null,
  };
}

const K128 = 131_072;
const K256 = 262_144;

/** W&B retired these on 2026-10-05: they answer 404. */
const RETIRED: Known = { lifecycle: 'retired' };

/** Keyed by the exact, case-sensitive id W&B serves. */
export const KNOWN_MODELS: Readonly<Record<string, ModelInfo>> = {
  'deepseek-ai/DeepSeek-V3.1': model(161_000, { vision: false, reasoning: 'default-off' }),
  'deepseek-ai/DeepSeek-V4-Flash': model(1_048_576, { ...RETIRED, vision: false, reasoning: 'default-on' }),
  'deepseek-ai/DeepSeek-V4-Pro': model(1_048_576, { ...RETIRED, vision: false, reasoning: 'default-on' }),
  'deepseek-ai/DeepSeek-V4-Flash-0731': model(null),
  'deepseek-ai/DeepSeek-V4-Pro-0813': model(null),
  'deepseek-ai/DeepSeek-V4.1-Flash': model(null),
  'google/gemma-4-26B-A4B-it': model(null, { vision: true }),
  'google/gemma-4-31B-it': model(K256, { vision: true, reasoning: 'default-off' }),
  'ibm-granite/granite-4.1-8b': model(K128, { ...RETIRED, vision: false }),
  'ibm-granite/granite-4.2-8b': model(null),
  'meta-llama/Llama-3.1-8B-Instruct': model(K128, { vision: false, reasoning: 'none', price: [0.22, 0.22] }),
  'meta-llama/Llama-3.1-70B-Instruct': model(K128, { ...RETIRED, vision: false, reasoning: 'none' }),
  'meta-llama/Llama-3.3-70B-Instruct': model(K128, { vision: false, reasoning: 'none', price: [0.71, 0.71] }),
  'microsoft/Phi-4-mini-instruct': model(K128, { vision: false, reasoning: 'none' }),
  'MiniMaxAI/MiniMax-M2.5': model(196_608, { vision: false, reasoning: 'always' }),
  'moonshotai/Kimi-K2.5': model(K256, { vision: true, reasoning: 'default-on' }),
  'moonshotai/Kimi-K2.6': model(K256, { vision: true, reasoning: 'default-on', price: [0.65, 3.41] }),
  'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-FP8': model(K256, { vision: false, reasoning: 'default-on' }),
  'openai/gpt-oss-120b': model(K128, { vision: false, reasoning: 'always', price: [0.03, 0.17] }),
  'openai/gpt-oss-20b': model(K128, { vision: false, reasoning: 'always', price: [0.03, 0.13] }),
  'OpenPipe/Qwen3-14B-Instruct': model(32_768, { ...RETIRED, vision: false }),
  'Qwen/Qwen3.5-27B': model(K256, { vision: true, reasoning: 'default-on' }),
  'Qwen/Qwen3.5-35B-A3B': model(K256, { ...RETIRED, vision: true, reasoning: 'default-on' }),
  'Qwen/Qwen3.6-35B-A3B': model(null),
  'Qwen/Qwen3.8-27B': model(null, { vision: true }),
  'Qwen/Qwen3-235B-A22B-Instruct-2507': model(K256, { vision: false, reasoning: 'none' }),
  'Qwen/Qwen3-235B-A22B-Thinking-2507': model(K256, { vision: false, reasoning: 'always' }),
  'Qwen/Qwen3-30B-A3B-Instruct-2507': model(K256, { ...RETIRED, vision: false, reasoning: 'none' }),
  'Qwen/Qwen3-Coder-480B-A35B-Instruct': model(K256, { vision: false, reasoning: 'none' }),
  'zai-org/GLM-5-FP8': model(200_000, { vision: false, reasoning: 'default-on' }),
  'zai-org/GLM-5.2': model(null),
};
