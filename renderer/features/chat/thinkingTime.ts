/**
 * How long each answer thought: from the frame its reasoning first showed to the frame its
 * answer text did (or the stream ended), as seen live in this window. History keeps no such
 * time, so answers not watched from their start have none.
 */
import { createContext, useLayoutEffect, useSyncExternalStore } from 'react';
import type { Message } from './conversationReducer';

/** `start` is null while the answer is waiting for its first text. */
interface Span {
  start: number | null;
}

/** Answers being watched; module-wide so that switching conversations does not lose them. */
const open = new Map<string, Span>();
let durations: ReadonlyMap<string, number> = new Map();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => durations;

/** Moves the watched answers along; a pure step over the messages, given the time now. */
export function observeThinking(messages: readonly Message[], now: number): void {
  const ended: [string, number][] = [];
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    const span = open.get(message.id);
    const fresh = message.status === 'streaming' && message.reasoning === '' && message.content === '';
    if (!span) {
      // Only an answer seen before any text has arrived can be timed from its start.
      if (fresh && !durations.has(message.id)) open.set(message.id, { start: null });
      continue;
    }
    if (span.start === null) {
      if (message.reasoning !== '') span.start = now;
      else if (!fresh) open.delete(message.id);
      continue;
    }
    if (message.content !== '' || message.status !== 'streaming') {
      open.delete(message.id);
      ended.push([message.id, now - span.start]);
    }
  }
  if (ended.length === 0) return;
  durations = new Map([...durations, ...ended]);
  for (const listener of listeners) listener();
}

/** Forgets answers in mid-thought when their list closes: what happens unwatched cannot be timed. */
export function stopObservingThinking(): void {
  open.clear();
}

/** Watches `messages` after each change and returns the known thinking times by message id. */
export function useThinkingTimes(messages: readonly Message[]): ReadonlyMap<string, number> {
  useLayoutEffect(() => observeThinking(messages, performance.now()), [messages]);
  useLayoutEffect(() => stopObservingThinking, []);
  return useSyncExternalStore(subscribe, snapshot);
}

/** The thinking time of the message a row holds, for its Reasoning section; null when unknown. */
export const ThinkingTimeContext = createContext<number | null>(null);
