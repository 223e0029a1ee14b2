// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessage, type Message } from '../../../../renderer/features/chat/conversationReducer';
import { createLiveAnswers, useLiveMessages, type LiveAnswers } from '../../../../renderer/features/chat/liveAnswers';
import { outsideAct } from '../support/outsideAct';

const answer = (content: string, status: Message['status']) => createMessage({ id: 'a1', role: 'assistant', status, content, model: 'm', createdAt: 0 });
const question = createMessage({ id: 'u1', role: 'user', content: 'Hi', model: 'm', createdAt: 0 });

/** A list of the conversation's state with the live text drawn in; every render it makes is recorded. */
function mountList(live: LiveAnswers) {
  const rendered: string[] = [];
  let setMessages: (messages: Message[]) => void = () => {};
  function List() {
    const [messages, set] = useState<Message[]>([question, answer('', 'streaming')]);
    setMessages = set;
    const shown = useLiveMessages(live, messages);
    const last = shown.at(-1);
    rendered.push(`${last?.status}: ${last?.content}`);
    return <p>{last?.content}</p>;
  }
  render(<List />);
  return { rendered, setMessages: (messages: Message[]) => setMessages(messages) };
}

afterEach(cleanup);

describe('live answers', () => {
  it('draw the streaming text into the list, and leave other messages as they are', async () => {
    const live = createLiveAnswers();
    const list = mountList(live);
    act(() => live.set('a1', { content: 'Hello', reasoning: '', thinkingMs: null }));
    expect(screen.getByText('Hello')).toBeTruthy();
    expect(list.rendered.at(-1)).toBe('streaming: Hello');
    // A finished message is the state's: a stale live text is never drawn over it.
    act(() => list.setMessages([question, answer('Hello there', 'complete')]));
    await waitFor(() => expect(screen.getByText('Hello there')).toBeTruthy());
  });

  it('an answer that ends is never drawn without its last text, as a stream ends it (outside any event)', async () => {
    const live = createLiveAnswers();
    const list = mountList(live);
    // As the stream's frames and its end come: outside React's events, scheduled as React schedules them.
    await outsideAct(async () => {
      live.set('a1', { content: 'Hello', reasoning: '', thinkingMs: null });
      await waitFor(() => expect(screen.getByText('Hello')).toBeTruthy());
      const drawnBeforeEnd = list.rendered.length;
      // The end, in one task: the last frame drawn, the state given the text and the outcome.
      live.set('a1', { content: 'Hello world', reasoning: '', thinkingMs: null });
      list.setMessages([question, answer('Hello world', 'complete')]);
      await waitFor(() => expect(list.rendered.at(-1)).toBe('complete: Hello world'));
      // Once the end has rendered, the live text goes; another answer's frame draws the list again.
      live.forget('a1');
      live.set('a2', { content: 'elsewhere', reasoning: '', thinkingMs: null });
      await waitFor(() => expect(list.rendered.length).toBeGreaterThan(drawnBeforeEnd + 1));
      // No render in between shows the answer short of its end (the state's text, the live one gone).
      expect(list.rendered.slice(drawnBeforeEnd).filter((shown) => !shown.endsWith('Hello world'))).toEqual([]);
    });
  });
});
