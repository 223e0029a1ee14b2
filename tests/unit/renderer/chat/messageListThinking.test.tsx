// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessage, type Message } from '../../../../renderer/features/chat/conversationReducer';
import { Reasoning } from '../../../../renderer/features/chat/Reasoning';
import { observeThinking, stopObservingThinking, ThinkingTimeContext, useThinkingTimes } from '../../../../renderer/features/chat/thinkingTime';

afterEach(() => {
  cleanup();
  stopObservingThinking();
});

const answer = (id: string, fields: Partial<Message>): Message => ({
  ...createMessage({ id, role: 'assistant', status: 'streaming', model: 'm', createdAt: 0 }),
  ...fields,
});

/** The known thinking times, read the way the list reads them. */
function timesNow(): ReadonlyMap<string, number> {
  let times: ReadonlyMap<string, number> = new Map();
  function Probe() {
    times = useThinkingTimes([]);
    return null;
  }
  render(<Probe />);
  return times;
}

describe('thinking time', () => {
  it('runs from the first reasoning to the first answer text', () => {
    observeThinking([answer('t1', {})], 1_000);
    observeThinking([answer('t1', { reasoning: 'Let me' })], 1_200);
    observeThinking([answer('t1', { reasoning: 'Let me think' })], 3_000);
    observeThinking([answer('t1', { reasoning: 'Let me think', content: 'Yes' })], 5_400);
    expect(timesNow().get('t1')).toBe(4_200);
  });

  it('ends with the stream when no answer text came', () => {
    observeThinking([answer('t2', {})], 0);
    observeThinking([answer('t2', { reasoning: 'Hmm' })], 100);
    observeThinking([answer('t2', { reasoning: 'Hmm', status: 'stopped' })], 900);
    expect(timesNow().get('t2')).toBe(800);
  });

  it('has no time for an answer not watched from its start', () => {
    // Opened mid-thought (e.g. from history, or after switching back): the start is unknown.
    observeThinking([answer('t3', { reasoning: 'Already thinking' })], 0);
    observeThinking([answer('t3', { reasoning: 'Already thinking', content: 'Done' })], 500);
    // Left mid-thought: the end happened unwatched.
    observeThinking([answer('t4', {})], 0);
    observeThinking([answer('t4', { reasoning: 'Hmm' })], 100);
    stopObservingThinking();
    observeThinking([answer('t4', { reasoning: 'Hmm', content: 'Later' })], 9_000);
    const times = timesNow();
    expect(times.has('t3')).toBe(false);
    expect(times.has('t4')).toBe(false);
  });
});

describe('Reasoning', () => {
  it('says how long the model thought once it is done, and just "Thinking" when unknown', () => {
    const { rerender } = render(
      <ThinkingTimeContext value={4_230}>
        <Reasoning text="Let me think" thinking={false} />
      </ThinkingTimeContext>,
    );
    expect(screen.getByText('Thinking')).toBeTruthy();
    expect(screen.getByText('Thought for 4.2 s')).toBeTruthy();

    rerender(<Reasoning text="Let me think" thinking={false} />);
    expect(screen.getByText('Thinking')).toBeTruthy();
    expect(screen.queryByText(/Thought for/)).toBeNull();
  });
});
