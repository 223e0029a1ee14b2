// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationReducer, createConversation, createMessage } from '../../../../renderer/features/chat/conversationReducer';
import { Reasoning } from '../../../../renderer/features/chat/Reasoning';

afterEach(cleanup);

describe('thinking time', () => {
  it('is taken from the stream (the first answer text carries it) and kept by the end of the answer', () => {
    const answer = createMessage({ id: 'a1', role: 'assistant', status: 'streaming', model: 'm', createdAt: 0 });
    let state = { ...createConversation('c1', 'm', ''), messages: [answer] };
    state = conversationReducer(state, { type: 'text', id: 'a1', content: '', reasoning: 'Let me think', thinkingMs: null });
    expect(state.messages[0]?.thinkingMs).toBeNull();
    state = conversationReducer(state, { type: 'text', id: 'a1', content: 'Yes', reasoning: 'Let me think', thinkingMs: 4_230 });
    expect(state.messages[0]?.thinkingMs).toBe(4_230);
    const result = { status: 'complete' as const, content: 'Yes', reasoning: 'Let me think', usage: null, finishReason: 'stop', error: null, firstTokenMs: 10, durationMs: 5_000, thinkingMs: 4_230 };
    state = conversationReducer(state, { type: 'finish', id: 'a1', result });
    expect(state.messages[0]).toMatchObject({ status: 'complete', thinkingMs: 4_230 });
  });
});

describe('Reasoning', () => {
  it('says how long the model thought once it is done (in place of "Thinking"), and just "Thinking" when unknown or still thinking', () => {
    const { rerender } = render(<Reasoning text="Let me think" thinking={false} durationMs={4_230} />);
    expect(screen.getByText('Thought for 4.2 s')).toBeTruthy();
    expect(screen.queryByText('Thinking')).toBeNull();

    rerender(<Reasoning text="Let me think" thinking={false} durationMs={226_400} />);
    expect(screen.getByText('Thought for 3 min 46 s')).toBeTruthy();

    rerender(<Reasoning text="Let me think" thinking={false} durationMs={null} />);
    expect(screen.getByText('Thinking')).toBeTruthy();
    expect(screen.queryByText(/Thought for/)).toBeNull();

    rerender(<Reasoning text="Let me think" thinking durationMs={null} />);
    expect(screen.queryByText(/Thought for/)).toBeNull();
  });
});
