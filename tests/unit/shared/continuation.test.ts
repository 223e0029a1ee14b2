import { describe, expect, it } from 'vitest';
import { continuedResult, isContinuable, type ContinuableFields } from '../../../shared/continuation';
import type { ChatResult } from '../../../shared/ipc';

const answer = (fields: Partial<ContinuableFields>): ContinuableFields => ({ role: 'assistant', status: 'complete', content: 'Some text', finishReason: 'stop', error: null, ...fields });

describe('isContinuable', () => {
  it('is true for an answer with text that stopped early', () => {
    expect(isContinuable(answer({ finishReason: 'length' }))).toBe(true);
    expect(isContinuable(answer({ status: 'stopped', finishReason: null }))).toBe(true);
    expect(isContinuable(answer({ status: 'interrupted', finishReason: null }))).toBe(true);
    for (const code of ['dropped', 'timeout', 'connection'] as const) {
      expect(isContinuable(answer({ status: 'error', finishReason: null, error: { code, message: 'cut' } }))).toBe(true);
    }
  });

  it('is false for an answer that ended well, failed for another reason, has no text, streams, or is a question', () => {
    expect(isContinuable(answer({}))).toBe(false);
    expect(isContinuable(answer({ status: 'error', finishReason: null, error: { code: 'quota', message: 'no credits' } }))).toBe(false);
    expect(isContinuable(answer({ status: 'stopped', content: '', finishReason: null }))).toBe(false);
    expect(isContinuable(answer({ status: 'streaming', finishReason: null }))).toBe(false);
    expect(isContinuable(answer({ role: 'user', status: 'stopped' }))).toBe(false);
  });
});

describe('continuedResult', () => {
  it('appends the text and adds the usage and time of both requests; the ending is the continuation’s', () => {
    const continuation: ChatResult = {
      status: 'complete',
      content: ' and the end.',
      reasoning: ' more thought',
      usage: { promptTokens: 20, completionTokens: 5, totalTokens: 25 },
      finishReason: 'stop',
      error: null,
      firstTokenMs: 300,
      durationMs: 1_000,
      thinkingMs: 200,
    };
    const earlier = { content: 'The start', reasoning: 'thought', usage: { promptTokens: 10, completionTokens: 8, totalTokens: 18 }, firstTokenMs: 150, durationMs: 2_000, thinkingMs: null };
    expect(continuedResult(earlier, continuation)).toEqual({
      status: 'complete',
      content: 'The start and the end.',
      reasoning: 'thought more thought',
      usage: { promptTokens: 30, completionTokens: 13, totalTokens: 43 },
      finishReason: 'stop',
      error: null,
      firstTokenMs: 150,
      durationMs: 3_000,
      thinkingMs: 200,
    });
    expect(continuedResult({ ...earlier, usage: null }, { ...continuation, usage: null }).usage).toBeNull();
  });
});
