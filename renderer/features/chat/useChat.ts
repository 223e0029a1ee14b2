import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { ChatStream, ParleyApi } from '../../../preload/api';
import type { ChatRequest, ChatResult } from '../../../preload/contract';
import { toAppError } from '../../lib/errors';
import { buildChatRequest } from './chatRequest';
import { conversationReducer, createConversation, createMessage, type Conversation } from './conversationReducer';

export interface ChatDefaults {
  model: string;
  systemPrompt: string;
}

interface ActiveStream {
  cancel: () => void;
  /** Drops a frame that is still waiting to flush. */
  dispose: () => void;
}

function newConversation({ model, systemPrompt }: ChatDefaults): Conversation {
  return createConversation(crypto.randomUUID(), model, systemPrompt);
}

function failedResult(error: unknown): ChatResult {
  return {
    status: 'error',
    content: '',
    reasoning: '',
    usage: null,
    finishReason: null,
    error: toAppError(error),
    firstTokenMs: null,
    durationMs: 0,
  };
}

/**
 * Drives `parley.chat` for one conversation. Deltas are gathered and applied once per
 * animation frame, so a fast stream costs one render per frame rather than per token.
 */
export function useChat(api: ParleyApi, defaults: ChatDefaults) {
  const [conversation, dispatch] = useReducer(conversationReducer, defaults, newConversation);
  const [streaming, setStreaming] = useState(false);
  /** Why main is trying again, while it does. */
  const [retrying, setRetrying] = useState<string | null>(null);
  const activeRef = useRef<ActiveStream | null>(null);
  // Callbacks read the latest conversation through this, so they stay stable for memoized rows.
  const conversationRef = useRef(conversation);
  useLayoutEffect(() => {
    conversationRef.current = conversation;
  }, [conversation]);

  const run = useCallback(
    (request: ChatRequest, answerId: string) => {
      const pending = { content: '', reasoning: '' };
      let frame = 0;
      let finished = false;
      let stream: ChatStream | null = null;
      const active: ActiveStream = { cancel: () => stream?.cancel(), dispose: () => cancelAnimationFrame(frame) };
      const flush = () => {
        frame = 0;
        if (pending.content === '' && pending.reasoning === '') return;
        dispatch({ type: 'append', id: answerId, ...pending });
        pending.content = '';
        pending.reasoning = '';
      };
      const finish = (result: ChatResult) => {
        if (finished) return;
        finished = true;
        cancelAnimationFrame(frame);
        flush();
        dispatch({ type: 'finish', id: answerId, result });
        // A stream left behind by "New chat" must not end the one that replaced it.
        if (activeRef.current !== active) return;
        activeRef.current = null;
        setStreaming(false);
        setRetrying(null);
      };

      activeRef.current = active;
      setStreaming(true);
      try {
        stream = api.chat(request, (event) => {
          switch (event.type) {
            case 'delta':
              pending.content += event.content ?? '';
              pending.reasoning += event.reasoning ?? '';
              if (!frame) frame = requestAnimationFrame(flush);
              break;
            case 'usage':
              dispatch({ type: 'usage', id: answerId, usage: event.usage });
              break;
            case 'retrying':
              // Main starts the answer over: drop what the failed attempt sent.
              cancelAnimationFrame(frame);
              frame = 0;
              pending.content = '';
              pending.reasoning = '';
              dispatch({ type: 'restart', id: answerId });
              setRetrying(`retrying, attempt ${event.attempt} of ${event.of}: ${event.reason.message}`);
              break;
            case 'done':
              finish(event.result);
              break;
          }
        });
      } catch (error) {
        finish(failedResult(error));
      }
    },
    [api],
  );

  const send = useCallback(
    (content: string) => {
      const current = conversationRef.current;
      if (activeRef.current || current.model === '') return;
      const now = Date.now();
      const user = createMessage({ id: crypto.randomUUID(), role: 'user', content, model: current.model, createdAt: now });
      const answer = createMessage({ id: crypto.randomUUID(), role: 'assistant', status: 'streaming', model: current.model, createdAt: now });
      const request = buildChatRequest({ ...current, messages: [...current.messages, user] });
      dispatch({ type: 'send', user, assistant: answer });
      run(request, answer.id);
    },
    [run],
  );

  /** Asks again for the answer that failed, replacing it in place. */
  const retry = useCallback(
    (failedId: string) => {
      const current = conversationRef.current;
      const index = current.messages.findIndex((message) => message.id === failedId);
      if (activeRef.current || index === -1 || current.model === '') return;
      const answer = createMessage({ id: crypto.randomUUID(), role: 'assistant', status: 'streaming', model: current.model, createdAt: Date.now() });
      const request = buildChatRequest(current, index);
      dispatch({ type: 'retry', failedId, assistant: answer });
      run(request, answer.id);
    },
    [run],
  );

  const stop = useCallback(() => activeRef.current?.cancel(), []);

  const reset = useCallback((next: ChatDefaults) => {
    const active = activeRef.current;
    activeRef.current = null;
    active?.dispose();
    active?.cancel();
    setStreaming(false);
    setRetrying(null);
    dispatch({ type: 'reset', conversation: newConversation(next) });
  }, []);

  const setModel = useCallback((model: string) => dispatch({ type: 'setModel', model }), []);
  const setSystemPrompt = useCallback((systemPrompt: string) => dispatch({ type: 'setSystemPrompt', systemPrompt }), []);

  // Leaving the chat (e.g. the key was removed) stops the answer rather than leaking it.
  useEffect(
    () => () => {
      activeRef.current?.dispose();
      activeRef.current?.cancel();
    },
    [],
  );

  return { conversation, streaming, retrying, send, retry, stop, reset, setModel, setSystemPrompt };
}
