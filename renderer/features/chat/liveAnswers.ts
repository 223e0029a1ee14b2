import { useMemo, useSyncExternalStore } from 'react';
import type { Message } from './conversationReducer';

/** What streams into an answer, frame by frame. */
export type LiveText = Pick<Message, 'content' | 'reasoning' | 'thinkingMs'>;

/**
 * The text of the answers streaming in this window, kept apart from the conversation's state: a
 * streamed frame re-renders the list that shows the answer, not the workspace above it (the top
 * bar, the sidebar, the composer), which a chunk changes nothing in. The conversation's state
 * catches up whenever anything else about the answer changes (a tool call, a restart, its end).
 */
export interface LiveAnswers {
  /** The answer's text as last drawn; undefined when none streams into it here, or its end has rendered. */
  get(id: string): LiveText | undefined;
  /** Draws the answer's text as of now: the lists showing it re-render. */
  set(id: string, text: LiveText): void;
  /**
   * Drops an answer's text once the conversation's state has shown it ended (or the answer is
   * not shown). Nobody is told: a list draws live text only into an answer its state has as
   * streaming, so until the state's end has rendered, the live text is what shows.
   */
  forget(id: string): void;
  /** Every answer's text as last drawn: a new map at each change, so a list knows when to render. */
  texts(): ReadonlyMap<string, LiveText>;
  subscribe(listener: () => void): () => void;
}

export function createLiveAnswers(): LiveAnswers {
  let texts: ReadonlyMap<string, LiveText> = new Map();
  const listeners = new Set<() => void>();
  return {
    get: (id) => texts.get(id),
    set(id, text) {
      texts = new Map(texts).set(id, text);
      for (const listener of listeners) listener();
    },
    forget(id) {
      if (!texts.has(id)) return;
      const rest = new Map(texts);
      rest.delete(id);
      texts = rest;
    },
    texts: () => texts,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** `messages` with the text streaming into them drawn in: a `set` renders the list before the frame is painted. */
export function useLiveMessages(live: LiveAnswers, messages: Message[]): Message[] {
  const texts = useSyncExternalStore(live.subscribe, live.texts);
  return useMemo(() => withLiveText(messages, texts), [messages, texts]);
}

/** The same array when no message streams here, so what the list derives from it holds. */
function withLiveText(messages: Message[], texts: ReadonlyMap<string, LiveText>): Message[] {
  let drawnIn = false;
  const shown = messages.map((message) => {
    const text = message.status === 'streaming' ? texts.get(message.id) : undefined;
    if (!text) return message;
    drawnIn = true;
    return { ...message, ...text };
  });
  return drawnIn ? shown : messages;
}
