import { describe, expect, it } from 'vitest';
import { openAIErrorBody } from '../../../../main/chat/errorBody';

describe('FastAPI detail bodies become OpenAI error bodies', () => {
  it('a validation list names the first field outside "body" as the parameter', () => {
    const body = { detail: [{ loc: ['body', 'top_p'], msg: 'Input should be less than or equal to 1', type: 'less_than_equal' }, { loc: ['body', 'seed'], msg: 'Extra inputs are not permitted' }] };
    expect(openAIErrorBody(body)).toEqual({ error: { message: 'Input should be less than or equal to 1; seed: Extra inputs are not permitted', param: 'top_p' } });
  });

  it('a nested location keeps its path', () => {
    expect(openAIErrorBody({ detail: [{ loc: ['body', 'chat_template_kwargs', 'enable_thinking'], msg: 'bad' }] })?.error.param).toBe('chat_template_kwargs.enable_thinking');
  });

  it('a plain sentence has no parameter', () => {
    expect(openAIErrorBody({ detail: 'Model is not loaded' })).toEqual({ error: { message: 'Model is not loaded' } });
  });

  it('leaves OpenAI bodies and anything else alone', () => {
    expect(openAIErrorBody({ error: { message: 'x' }, detail: 'y' })).toBeNull();
    expect(openAIErrorBody({ message: 'x' })).toBeNull();
    expect(openAIErrorBody({ detail: [42] })).toBeNull();
    expect(openAIErrorBody('text')).toBeNull();
  });
});
