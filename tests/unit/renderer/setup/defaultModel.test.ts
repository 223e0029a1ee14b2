import { describe, expect, it } from 'vitest';
import { chooseDefaultModel } from '../../../../renderer/features/setup/defaultModel';

describe('the default model of a new user', () => {
  it('takes the first preferred model the server lists', () => {
    expect(chooseDefaultModel(['zai-org/GLM-5-FP8', 'meta-llama/Llama-3.3-70B-Instruct', 'openai/gpt-oss-120b'])).toBe('openai/gpt-oss-120b');
    expect(chooseDefaultModel(['zai-org/GLM-5-FP8', 'meta-llama/Llama-3.3-70B-Instruct'])).toBe('meta-llama/Llama-3.3-70B-Instruct');
  });

  it('else the first listed, and none for an empty list', () => {
    expect(chooseDefaultModel(['llama3.2:3b', 'qwen2.5:7b'])).toBe('llama3.2:3b');
    expect(chooseDefaultModel([])).toBeNull();
  });

  it('keeps a model already chosen while the server lists it', () => {
    expect(chooseDefaultModel(['openai/gpt-oss-120b', 'qwen2.5:7b'], 'qwen2.5:7b')).toBe('qwen2.5:7b');
    expect(chooseDefaultModel(['openai/gpt-oss-120b'], 'gone/model')).toBe('openai/gpt-oss-120b');
  });
});
