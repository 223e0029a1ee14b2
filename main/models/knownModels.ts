/**
 * What Parley knows about W&B Inference models that `GET /models` does not say: context window,
 * image input, reasoning and price. A snapshot from W&B's public docs (late 2026); the catalogue
 * changes monthly, so a model missing here still works, it just shows less. Only prices W&B
 * published are listed: a guessed price would be a wrong bill.
 */
import type { ModelInfo, ReasoningMode } from '../../shared/ipc';

function model(contextWindow: number | null, options: { vision?: boolean; reasoning?: ReasoningMode; price?: [number, number] } = {}): ModelInfo {
  return {
    contextWindow,
    vision: options.vision ?? false,
    reasoning: options.reasoning ?? 'none',
    price: options.price ? { input: options.price[0], output: options.price[1] } : null,
  };
}

/** Keyed by the exact, case-sensitive id W&B serves. */
export const KNOWN_MODELS: Readonly<Record<string, ModelInfo>> = {
  'deepseek-ai/DeepSeek-V3.1': model(161_000, { reasoning: 'default-off' }),
  'deepseek-ai/DeepSeek-V4-Flash': model(1_049_000, { reasoning: 'default-on' }),
  'deepseek-ai/DeepSeek-V4-Pro': model(1_049_000, { reasoning: 'default-on' }),
  'google/gemma-4-31B-it': model(262_000, { vision: true, reasoning: 'default-off' }),
  'ibm-granite/granite-4.1-8b': model(128_000),
  'meta-llama/Llama-3.1-8B-Instruct': model(128_000, { price: [0.22, 0.22] }),
  'meta-llama/Llama-3.1-70B-Instruct': model(128_000),
  'meta-llama/Llama-3.3-70B-Instruct': model(128_000),
  'microsoft/Phi-4-mini-instruct': model(128_000),
  'MiniMaxAI/MiniMax-M2.5': model(197_000, { reasoning: 'always' }),
  'moonshotai/Kimi-K2.5': model(262_000, { vision: true, reasoning: 'default-on' }),
  'moonshotai/Kimi-K2.6': model(262_000, { vision: true, reasoning: 'default-on', price: [0.65, 3.41] }),
  'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-FP8': model(262_000, { reasoning: 'default-on' }),
  'openai/gpt-oss-120b': model(131_000, { reasoning: 'always', price: [0.03, 0.17] }),
  'openai/gpt-oss-20b': model(131_000, { reasoning: 'always' }),
  'OpenPipe/Qwen3-14B-Instruct': model(32_800),
  'Qwen/Qwen3.5-27B': model(262_000, { vision: true, reasoning: 'default-on' }),
  'Qwen/Qwen3.5-35B-A3B': model(262_000, { vision: true, reasoning: 'default-on' }),
  'Qwen/Qwen3-235B-A22B-Instruct-2507': model(262_000),
  'Qwen/Qwen3-235B-A22B-Thinking-2507': model(262_000, { reasoning: 'always' }),
  'Qwen/Qwen3-30B-A3B-Instruct-2507': model(262_000),
  'Qwen/Qwen3-Coder-480B-A35B-Instruct': model(262_000),
  'zai-org/GLM-5-FP8': model(200_000, { reasoning: 'default-on' }),
};
