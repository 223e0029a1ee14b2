/** The bundled table against W&B's published facts (late 2026): exact windows, published prices, the retirements of 2026-10-05. */
import { describe, expect, it } from 'vitest';
import { KNOWN_MODELS } from '../../../../main/models/knownModels';

const RETIRED_2026_10_05 = [
  'deepseek-ai/DeepSeek-V4-Flash',
  'deepseek-ai/DeepSeek-V4-Pro',
  'ibm-granite/granite-4.1-8b',
  'meta-llama/Llama-3.1-70B-Instruct',
  'OpenPipe/Qwen3-14B-Instruct',
  'Qwen/Qwen3.5-35B-A3B',
  'Qwen/Qwen3-30B-A3B-Instruct-2507',
];

describe('the bundled model table', () => {
  it('gives context windows exactly, as W&B lists them, not rounded', () => {
    expect(KNOWN_MODELS['openai/gpt-oss-20b']?.contextWindow).toBe(131_072);
    expect(KNOWN_MODELS['openai/gpt-oss-120b']?.contextWindow).toBe(131_072);
    expect(KNOWN_MODELS['meta-llama/Llama-3.1-8B-Instruct']?.contextWindow).toBe(131_072);
    expect(KNOWN_MODELS['moonshotai/Kimi-K2.6']?.contextWindow).toBe(262_144);
    // "131k", "262k", "32.8k" and "1,049k" are powers of two rounded for display: none is kept rounded.
    const rounded = Object.entries(KNOWN_MODELS).filter(([, info]) => [131_000, 262_000, 32_800, 1_049_000, 128_000, 197_000].includes(info.contextWindow ?? 0));
    expect(rounded).toEqual([]);
  });

  it('has every published price, and no other', () => {
    const priced = Object.fromEntries(Object.entries(KNOWN_MODELS).flatMap(([id, info]) => (info.price ? [[id, info.price]] : [])));
    expect(priced).toEqual({
      'meta-llama/Llama-3.1-8B-Instruct': { input: 0.22, output: 0.22 },
      'meta-llama/Llama-3.3-70B-Instruct': { input: 0.71, output: 0.71 },
      'moonshotai/Kimi-K2.6': { input: 0.65, output: 3.41 },
      'openai/gpt-oss-120b': { input: 0.03, output: 0.17 },
      'openai/gpt-oss-20b': { input: 0.03, output: 0.13 },
    });
  });

  it('marks the models retired on 2026-10-05, and lists the ones that replaced them', () => {
    const retired = Object.entries(KNOWN_MODELS).flatMap(([id, info]) => (info.lifecycle === 'retired' ? [id] : []));
    expect(retired.sort()).toEqual([...RETIRED_2026_10_05].sort());
    for (const id of ['deepseek-ai/DeepSeek-V4-Flash-0731', 'deepseek-ai/DeepSeek-V4-Pro-0813', 'deepseek-ai/DeepSeek-V4.1-Flash', 'zai-org/GLM-5.2', 'google/gemma-4-26B-A4B-it', 'Qwen/Qwen3.8-27B', 'Qwen/Qwen3.6-35B-A3B', 'ibm-granite/granite-4.2-8b']) {
      expect(KNOWN_MODELS[id], id).toBeDefined();
    }
  });
});
