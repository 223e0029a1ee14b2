/**
 * The model a new user starts with: a capable, well-priced model W&B serves when it is listed,
 * else the first one the server lists (a local server usually lists what is installed).
 */
export const PREFERRED_MODELS: readonly string[] = [
  'openai/gpt-oss-120b',
  'deepseek-ai/DeepSeek-V3.1',
  'Qwen/Qwen3-235B-A22B-Instruct-2507',
  'meta-llama/Llama-3.3-70B-Instruct',
];

/** `current` stays when the server still lists it; null when nothing is listed. */
export function chooseDefaultModel(models: readonly string[], current = ''): string | null {
  if (current !== '' && models.includes(current)) return current;
  return PREFERRED_MODELS.find((model) => models.includes(model)) ?? models[0] ?? null;
}
