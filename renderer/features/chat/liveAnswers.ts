import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Message } from './conversationReducer';

/** What streams into an answer, frame by frame. */
export type LiveText = Pick<Message, 'content' | 'reasoning' | 'thinkingMs'>;

/**
 * The text of the answers streaming in this window, kept apart from the conversation's state: a
 * streamed frame re-renders the row that shows the answer, not the list around it nor the
 * workspace above it (the top bar, the sidebar, the composer), which a chunk changes nothing in.
 * The conversation's state catches up whenever anything else about the answer changes (a tool
 * call, a restart, its end).
 */
export interface LiveAnswers {
  /** The answer's text as last drawn; undefined when none streams into it here, or its end has rendered. */
  get(id: string): LiveText | undefined;
  /** Draws the answer's text as of now: what shows that answer re-renders. */
  set(id: string, text: LiveText): void;
  /**
   * Drops an answer's text once the conversation's state has shown it ended (or the answer is
   * not shown). Nobody is told: a row draws live text only into an answer its state has as
   * streaming, so until the state's end has rendered, the live text is what shows.
   */
  forget(id: string): void;
  /** Hears each `set` of one answer's text. */
  subscribe(id: string, listener: () => void): () => void;
}

export function createLiveAnswers(): LiveAnswers {
  const texts = new Map<string, LiveText>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id) => texts.get(id),
    set(id, text) {
      texts.set(id, text);
      for (const listener of listeners.get(id) ?? []) listener();
    },
    forget(id) {
      texts.delete(id);
    },
    subscribe(id, listener) {
      const ofAnswer = listeners.get(id) ?? new Set();
      listeners.set(id, ofAnswer.add(listener));
      return () => {
        ofAnswer.delete(listener);
        if (ofAnswer.size === 0 && listeners.get(id) === ofAnswer) listeners.delete(id);
      };
    },
  };
}

/**
 * `message` with the text streaming into it drawn in. A `set` renders only the component that
 * calls this, before the frame is painted; a message that is not streaming is the state's.
 */
export function useLiveMessage(live: LiveAnswers, message: Message): Message {
  const { id } = message;
  const subscribe = useCallback((listener: () => void) => live.subscribe(id, listener), [live, id]);
  const text = useSyncExternalStore(subscribe, () => live.get(id));
  return useMemo(() => (message.status === 'streaming' && text ? { ...message, ...text } : message), [message, text]);
}
