// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { memo, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessage, type Message } from '../../../../renderer/features/chat/conversationReducer';
import { createLiveAnswers, useLiveMessage, type LiveAnswers } from '../../../../renderer/features/chat/liveAnswers';
import { outsideAct } from '../support/outsideAct';

const answer = (id: string, content: string, status: Message['status']) => createMessage({ id, role: 'assistant', status, content, model: 'm', createdAt: 0 });
const question = createMessage({ id: 'u1', role: 'user', content: 'Hi', model: 'm', createdAt: 0 });
const earlier = createMessage({ id: 'u0', role: 'user', content: 'Hello?', model: 'm', createdAt: 0 });
const text = (content: string) => ({ content, reasoning: '', thinkingMs: null });

/**
 * A list of the conversation's state, each message a row with its live text drawn in, as the log
 * renders them. Every render is recorded: the list's as `list`, a row's as `id status: content`.
 */
function mountList(live: LiveAnswers, initial: Message[]) {
  const rendered: string[] = [];
  let setMessages: (messages: Message[]) => void = () => {};
  const Row = memo(function Row({ message: stateMessage }: { message: Message }) {
    const message = useLiveMessage(live, stateMessage);
    rendered.push(`${message.id} ${message.status}: ${message.content}`);
    return <p>{message.content}</p>;
  });
  function List() {
    const [messages, set] = useState(initial);
    setMessages = set;
    rendered.push('list');
    return messages.map((message) => <Row key={message.id} message={message} />);
  }
  render(<List />);
  return { rendered, setMessages: (messages: Message[]) => setMessages(messages) };
}

afterEach(cleanup);

describe('live answers', () => {
  it('draw the streaming text into its row alone, and leave other messages as they are', async () => {
    const live = createLiveAnswers();
    const list = mountList(live, [earlier, answer('a0', 'Earlier', 'complete'), question, answer('a1', '', 'streaming')]);
    list.rendered.length = 0;
    act(() => live.set('a1', text('Hello')));
    act(() => live.set('a1', text('Hello there')));
    expect(screen.getByText('Hello there')).toBeTruthy();
    // Each frame renders the streaming row and nothing else: not the list, not the other rows.
    expect(list.rendered).toEqual(['a1 streaming: Hello', 'a1 streaming: Hello there']);
    // Live text for an answer that is not streaming (an old frame, or another conversation's) is never drawn.
    act(() => live.set('a0', text('Stale')));
    expect(screen.queryByText('Stale')).toBeNull();
    // A finished message is the state's: a stale live text is never drawn over it.
    act(() => list.setMessages([earlier, answer('a0', 'Earlier', 'complete'), question, answer('a1', 'Hello there, friend', 'complete')]));
    await waitFor(() => expect(screen.getByText('Hello there, friend')).toBeTruthy());
  });

  it('an answer that ends is never drawn without its last text, as a stream ends it (outside any event)', async () => {
    const live = createLiveAnswers();
    const list = mountList(live, [question, answer('a1', '', 'streaming')]);
    // As the stream's frames and its end come: outside React's events, scheduled as React schedules them.
    await outsideAct(async () => {
      live.set('a1', text('Hello'));
      await waitFor(() => expect(screen.getByText('Hello')).toBeTruthy());
      const drawnBeforeEnd = list.rendered.length;
      // The end, in one task: the last frame drawn, the state given the text and the outcome.
      live.set('a1', text('Hello world'));
      list.setMessages([question, answer('a1', 'Hello world', 'complete')]);
      await waitFor(() => expect(list.rendered.at(-1)).toBe('a1 complete: Hello world'));
      // Once the end has rendered, the live text goes; the list rendering again draws the row from its state.
      live.forget('a1');
      list.setMessages([question, answer('a1', 'Hello world', 'complete')]);
      await waitFor(() => expect(list.rendered.length).toBeGreaterThan(drawnBeforeEnd + 2));
      // No render in between shows the answer short of its end (the state's text, the live one gone).
      const rows = list.rendered.slice(drawnBeforeEnd).filter((shown) => shown.startsWith('a1'));
      expect(rows.filter((shown) => !shown.endsWith('Hello world'))).toEqual([]);
    });
  });
});
