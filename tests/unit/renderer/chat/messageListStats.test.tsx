// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationStats } from '../../../../renderer/features/chat/ConversationStats';
import { createMessage, type Message } from '../../../../renderer/features/chat/conversationReducer';
import { conversationTotals } from '../../../../renderer/features/chat/conversationTotals';
import { formatUsage, tokensPerSecond } from '../../../../renderer/lib/format';
import { answerCostLabel } from '../../../../renderer/features/models/answerCost';
import type { ModelInfo } from '../../../../shared/ipc';

afterEach(cleanup);

const usage = (promptTokens: number, completionTokens: number) => ({ promptTokens, completionTokens, totalTokens: promptTokens + completionTokens });

function turn(n: number, prompt: number, completion: number): Message[] {
  return [
    createMessage({ id: `q${n}`, role: 'user', content: 'question', model: 'm', createdAt: n }),
    { ...createMessage({ id: `a${n}`, role: 'assistant', content: 'answer', model: 'm', createdAt: n }), usage: usage(prompt, completion) },
  ];
}

describe('per-answer stats', () => {
  it('counts tokens per second from the first token on, not over the wait before it', () => {
    // 340 tokens in 3.2 s − 0.4 s = 2.8 s.
    expect(tokensPerSecond(usage(12, 340), 400, 3_200)).toBeCloseTo(121.43, 2);
    expect(formatUsage(usage(12, 340), 400, 3_200)).toBe('12 tokens in · 340 out · first token 0.4 s · 3.2 s total · 121 tokens/s');
    expect(formatUsage(usage(12, 34), 400, 2_100)).toBe('12 tokens in · 34 out · first token 0.4 s · 2.1 s total · 20.0 tokens/s');
  });

  it('leaves the speed out when it cannot be known', () => {
    expect(tokensPerSecond(null, 400, 3_200)).toBeNull();
    expect(tokensPerSecond(usage(12, 340), null, 3_200)).toBeNull();
    // The whole answer arrived with the first token.
    expect(tokensPerSecond(usage(12, 340), 900, 900)).toBeNull();
    expect(formatUsage(usage(5, 7), null, 1_000)).toBe('5 tokens in · 7 out · 1.0 s total');
  });
});

describe('conversation totals', () => {
  it('adds up every answer’s usage and counts the messages', () => {
    const messages = [...turn(1, 10, 100), ...turn(2, 120, 2_000), createMessage({ id: 'q3', role: 'user', content: 'x', model: 'm', createdAt: 3 })];
    expect(conversationTotals(messages)).toEqual({ messages: 5, promptTokens: 130, completionTokens: 2_100, cost: null, unpricedAnswers: 2 });
    render(<ConversationStats messages={messages} />);
    expect(screen.getByRole('group', { name: 'Conversation totals' }).textContent).toBe(`5 messages · 130 tokens in · ${(2_100).toLocaleString()} out`);
  });

  it('costs the answers whose model has a price, and says which had none', () => {
    const priced: ModelInfo = { contextWindow: null, vision: null, reasoning: null, price: { input: 0.65, output: 3.41 }, toolCalling: null, lifecycle: null };
    const other = turn(2, 1_000_000, 0).map((message) => ({ ...message, model: 'unpriced' }));
    const messages = [...turn(1, 1_000_000, 1_000_000), ...other];
    expect(conversationTotals(messages, { m: priced })).toMatchObject({ cost: 4.06, unpricedAnswers: 1 });
    expect(conversationTotals(messages.slice(2), { m: priced })).toMatchObject({ cost: null, unpricedAnswers: 1 });
    expect(answerCostLabel(usage(1_000, 2_000), priced)).toBe(' · $0.0075');
    expect(answerCostLabel(usage(1_000, 2_000), { ...priced, price: null, toolCalling: null, lifecycle: null })).toBe('');
    expect(answerCostLabel(null, priced)).toBe('');
  });

  it('shows nothing for an empty conversation', () => {
    render(<ConversationStats messages={[]} />);
    expect(screen.queryByRole('group', { name: 'Conversation totals' })).toBeNull();
  });
});
