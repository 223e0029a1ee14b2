import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ChatStream, ParleyApi } from '../../../shared/ipc/client';
import type { Attachment, ChatHistory, ChatParamKey, ChatParams, ChatRequest, ChatResult, ChatStatus, StoredConversation, ToolApproval, ToolCallRecord } from '../../../shared/ipc';
import { withoutParam } from '../../../shared/chatParams';
import { toAppError } from '../../lib/errors';
import { isContinuable } from '../../../shared/continuation';
import { createStreamDrawing } from '../../lib/streamDrawing';
import { useLatest } from '../../lib/useLatest';
import { buildChatRequest } from './chatRequest';
import { conversationSaving } from './conversationSaving';
import { createLiveAnswers, type LiveText } from './liveAnswers';
import { asNewVersion, conversationReducer, isRegenerable, createConversation, createMessage, fromStored, withToolCall, type Conversation, type Message } from './conversationReducer';
import type { MessageActions, MessageOwner } from './MessageActionsContext';

export interface ChatDefaults {
  model: string;
  systemPrompt: string;
  params: ChatParams;
  /** Absent: the default endpoint. */
  endpointId?: string;
}

/** A tool call main holds until the person answers "Allow tool call". */
export interface PendingApproval {
  conversationId: string;
  answerId: string;
  call: ToolCallRecord;
  answer: (decision: ToolApproval) => void;
}

export interface ChatOptions {
  /** A turn went to main with this model (the picker's "Recently used"). */
  onModelUsed: (model: string) => void;
}

/**
 * An answer in flight. Its conversation need not be the open one: leaving a conversation
 * does not stop its answer, main goes on saving it. What the stream has shown is kept
 * here so that opening the conversation again shows the live text, not a saved moment of it.
 */
interface LiveStream {
  conversationId: string;
  /** The answer with all the text applied to the view so far. */
  answer: Message;
  /** Set when the stream has ended. */
  result: ChatResult | null;
  cancel: () => void;
  /** Drops a frame that is still waiting to flush. */
  dispose: () => void;
}

function newConversation({ model, systemPrompt, params, endpointId }: ChatDefaults): Conversation {
  return createConversation(crypto.randomUUID(), model, systemPrompt, params, endpointId);
}

function endedResult(status: ChatStatus, error: unknown): ChatResult {
  return {
    status,
    content: '',
    reasoning: '',
    usage: null,
    finishReason: null,
    error: error === null ? null : toAppError(error),
    firstTokenMs: null,
    durationMs: 0,
    thinkingMs: null,
  };
}

function isRunning(streams: Map<string, LiveStream>, conversationId: string): boolean {
  return [...streams.values()].some((stream) => stream.conversationId === conversationId && !stream.result);
}

function hasAnswer(conversation: Conversation): boolean {
  return conversation.messages.some((message) => message.role === 'assistant' && message.status === 'complete');
}

const textOf = ({ content, reasoning, thinkingMs }: Message): LiveText => ({ content, reasoning, thinkingMs });

const streamingAnswer = (model: string): Message =>
  createMessage({ id: crypto.randomUUID(), role: 'assistant', status: 'streaming', model, createdAt: Date.now() });

/** What Continue may act on: the last answer, when it stopped early, as main allows (see main/conversations/continuedTurn.ts). */
function continuableOf(messages: readonly Message[]): string | null {
  const last = messages.at(-1);
  return last && isContinuable(last) ? last.id : null;
}

/**
 * Drives `parley.chat` for the open conversation and keeps answers of conversations left
 * behind running. Deltas are gathered and drawn through a StreamDrawing: the first at once,
 * then once per animation frame, into the live answers (liveAnswers.ts); the conversation's
 * state takes the text in before anything else about the answer changes.
 */
export function useChat(api: ParleyApi, defaults: ChatDefaults, options: ChatOptions) {
  const [conversation, dispatch] = useReducer(conversationReducer, defaults, newConversation);
  /** Conversations with an answer in flight, each with why main is trying again, if it is. */
  const [running, setRunning] = useState<ReadonlyMap<string, string | null>>(() => new Map());
  /** Live streams by answer id. */
  const streamsRef = useRef(new Map<string, LiveStream>());
  const [liveAnswers] = useState(createLiveAnswers);
  /** Tool calls waiting for the person, oldest first; each conversation shows its own when open. */
  const [approvals, setApprovals] = useState<readonly PendingApproval[]>([]);
  /** Models that answered without tools this session, with main's sentence why (catalogue, or a 400/422 to `tools`). */
  const [toolsUnavailable, setToolsUnavailable] = useState<ReadonlyMap<string, string>>(() => new Map());
  // Callbacks read the latest values through refs, so they stay stable for memoized rows.
  const conversationRef = useLatest(conversation);
  const optionsRef = useLatest(options);

  const markRunning = useCallback((conversationId: string, retrying: string | null | undefined) => {
    setRunning((current) => {
      const next = new Map(current);
      if (retrying === undefined) next.delete(conversationId);
      else next.set(conversationId, retrying);
      return next;
    });
  }, []);

  /** After a conversation's first complete answer, asks main to name it; the sidebar hears of the title from main. */
  const titleAfter = useCallback(
    (conversationId: string, result: ChatResult, first: boolean) => {
      if (!first || result.status !== 'complete') return;
      // Naming never holds up the chat; main's fallback title shows meanwhile.
      api.autoTitle({ id: conversationId }).catch((error: unknown) => console.warn('Could not title the conversation', error));
    },
    [api],
  );

  /** Streams `request` into `answer`: it leaves now, in the person's keypress or click, before the page draws anything or records the model as used (time to first token). */
  const run = useCallback(
    (conversationId: string, answer: Message, request: ChatRequest, first: boolean) => {
      /** Text arrived and not drawn yet. */
      const pending: { content: string; reasoning: string; thinkingMs?: number } = { content: '', reasoning: '' };
      /** Whether the conversation's state holds all the text drawn. */
      let settled = true;
      let stream: ChatStream | null = null;
      const saving = request.history?.newConversation ? conversationSaving(api, conversationId, () => dispatch({ type: 'stored', id: conversationId })) : null;
      const live: LiveStream = {
        conversationId,
        answer,
        result: null,
        cancel: () => stream?.cancel(),
        dispose: () => drawing.drop(),
      };
      const flush = () => {
        if (pending.content === '' && pending.reasoning === '') return;
        live.answer = {
          ...live.answer,
          content: live.answer.content + pending.content,
          reasoning: live.answer.reasoning + pending.reasoning,
          thinkingMs: pending.thinkingMs ?? live.answer.thinkingMs,
        };
        pending.content = '';
        pending.reasoning = '';
        delete pending.thinkingMs;
        liveAnswers.set(answer.id, textOf(live.answer));
        settled = false;
      };
      const drawing = createStreamDrawing(flush);
      /** Draws what waits and gives the conversation's state the text: before anything else about the answer changes. */
      const settle = () => {
        drawing.now();
        if (settled) return;
        dispatch({ type: 'text', id: answer.id, ...textOf(live.answer) });
        settled = true;
      };
      const finish = (result: ChatResult) => {
        if (live.result) return;
        settle();
        live.result = result;
        dispatch({ type: 'finish', id: answer.id, result });
        // The open view now holds the outcome (its live text goes once that has rendered); one that ended elsewhere waits for its conversation to open.
        if (conversationRef.current.id === conversationId) streamsRef.current.delete(answer.id);
        else liveAnswers.forget(answer.id);
        markRunning(conversationId, undefined);
        // A stopped or failed answer asks nothing more.
        setApprovals((current) => current.filter((pending) => pending.answerId !== answer.id));
        saving?.after(result);
        titleAfter(conversationId, result, first);
      };
      const onToolCall = (call: ToolCallRecord) => {
        // The text before the call is drawn before it.
        settle();
        live.answer = withToolCall(live.answer, call);
        dispatch({ type: 'toolCall', id: answer.id, call });
        const answerCall = (decision: ToolApproval) => {
          stream?.answerToolCall(call.id, decision);
          setApprovals((current) => current.filter((pending) => pending.call.id !== call.id));
        };
        setApprovals((current) => {
          const others = current.filter((pending) => pending.call.id !== call.id);
          return call.status === 'awaiting-approval' ? [...others, { conversationId, answerId: answer.id, call, answer: answerCall }] : others;
        });
      };
      const start = () => {
        stream = api.chat(request, (event) => {
          saving?.during(event);
          switch (event.type) {
            case 'delta':
              pending.content += event.content ?? '';
              pending.reasoning += event.reasoning ?? '';
              if (event.thinkingMs !== undefined) pending.thinkingMs = event.thinkingMs;
              drawing.arrived();
              break;
            case 'usage':
              live.answer = { ...live.answer, usage: event.usage };
              dispatch({ type: 'usage', id: answer.id, usage: event.usage });
              break;
            case 'retrying':
              // Main starts the request over: drop what the failed attempt sent (a continued answer keeps its text before it).
              drawing.drop();
              pending.content = '';
              pending.reasoning = '';
              live.answer = { ...live.answer, content: answer.content, reasoning: answer.reasoning };
              liveAnswers.set(answer.id, textOf(live.answer));
              dispatch({ type: 'text', id: answer.id, ...textOf(live.answer) });
              settled = true;
              markRunning(conversationId, `retrying, attempt ${event.attempt} of ${event.of}: ${event.reason.message}`);
              break;
            case 'tool-call':
              onToolCall(event.call);
              break;
            case 'tools-unavailable':
              setToolsUnavailable((current) => new Map(current).set(request.model, event.message));
              break;
            case 'done':
              // A short answer's end waits for the frame that shows its first text, so it does not hold that frame back.
              drawing.afterFirstPaint(() => finish(event.result));
              break;
          }
        });
        optionsRef.current.onModelUsed(request.model);
      };

      streamsRef.current.set(answer.id, live);
      markRunning(conversationId, null);
      try {
        start();
      } catch (error) {
        finish(endedResult('error', error));
      }
    },
    [api, markRunning, titleAfter, liveAnswers, conversationRef, optionsRef],
  );

  const send = useCallback(
    (content: string, attachments: Attachment[] = []) => {
      const current = conversationRef.current;
      if (isRunning(streamsRef.current, current.id) || current.model === '') return;
      const now = Date.now();
      const user = createMessage({
        id: crypto.randomUUID(),
        role: 'user',
        content,
        model: current.model,
        createdAt: now,
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      const answer = createMessage({ id: crypto.randomUUID(), role: 'assistant', status: 'streaming', model: current.model, createdAt: now });
      const history: ChatHistory = { conversationId: current.id, answerId: answer.id, turn: { kind: 'new', userMessageId: user.id } };
      const request = buildChatRequest({ ...current, messages: [...current.messages, user] }, undefined, history);
      dispatch({ type: 'send', user, assistant: answer });
      run(current.id, answer, request, !hasAnswer(current));
    },
    [run, conversationRef],
  );

  /** Asks again for the answer that failed or was interrupted, replacing it in place; `current` may carry changed parameters. */
  const retryIn = useCallback(
    (current: Conversation, failedId: string) => {
      const index = current.messages.findIndex((message) => message.id === failedId);
      if (isRunning(streamsRef.current, current.id) || index === -1 || current.model === '') return;
      const question = current.messages[index - 1];
      // In a conversation main does not hold (its first turn could not be saved), the question goes again as new.
      const unsent = question?.role === 'user' && !current.stored;
      const answer = streamingAnswer(current.model);
      const history: ChatHistory = {
        conversationId: current.id,
        answerId: answer.id,
        // The question goes along: if a failed save left it out, main saves it now (never twice).
        turn: unsent
          ? { kind: 'new', userMessageId: question.id }
          : { kind: 'retry', replacesAnswerId: failedId, ...(question?.role === 'user' ? { userMessageId: question.id } : {}) },
      };
      dispatch({ type: 'retry', failedId, assistant: answer });
      run(current.id, answer, buildChatRequest(current, index, history), !hasAnswer(current));
    },
    [run],
  );
  const retry = useCallback((failedId: string) => retryIn(conversationRef.current, failedId), [retryIn, conversationRef]);

  /** "Drop <name> and retry": unsets a parameter the model refused, then asks again with the rest. */
  const dropParamAndRetry = useCallback(
    (failedId: string, key: ChatParamKey) => {
      const current = conversationRef.current;
      if (isRunning(streamsRef.current, current.id)) return;
      const params = withoutParam(current.params, key);
      dispatch({ type: 'setParams', params });
      retryIn({ ...current, params }, failedId);
    },
    [retryIn, conversationRef],
  );

  /** Asks again for an answer; the one it replaces stays, with the turns after it, on its own branch. */
  const regenerate = useCallback(
    (answerId: string) => {
      const current = conversationRef.current;
      const index = current.messages.findIndex((message) => message.id === answerId);
      const replaced = current.messages[index];
      if (isRunning(streamsRef.current, current.id) || current.model === '' || !replaced || !isRegenerable(replaced)) return;
      const answer = asNewVersion(streamingAnswer(current.model), replaced);
      const history: ChatHistory = { conversationId: current.id, answerId: answer.id, turn: { kind: 'regenerate', answerId } };
      dispatch({ type: 'regenerate', answerId, assistant: answer });
      run(current.id, answer, buildChatRequest(current, index, history), false);
    },
    [run, conversationRef],
  );

  /**
   * Asks the model to go on with the last answer, which stopped early; the new text is appended
   * to it. The request is the path up to it with the answer, as shown, as its last message.
   */
  const continueAnswer = useCallback(
    (answerId: string) => {
      const current = conversationRef.current;
      const index = current.messages.length - 1;
      const answer = current.messages[index];
      if (isRunning(streamsRef.current, current.id) || current.model === '' || !answer || continuableOf(current.messages) !== answerId) return;
      const history: ChatHistory = { conversationId: current.id, answerId, turn: { kind: 'continue' } };
      const path = buildChatRequest(current, index, history);
      const request = { ...path, messages: [...path.messages, { role: 'assistant' as const, content: answer.content }] };
      dispatch({ type: 'continue', id: answerId });
      run(current.id, { ...answer, status: 'streaming', error: null, finishReason: null }, request, false);
    },
    [run, conversationRef],
  );

  /** "Save and send" on a question: the new text starts a branch; the old text keeps its answer and what followed. */
  const edit = useCallback(
    (userMessageId: string, content: string) => {
      const current = conversationRef.current;
      const index = current.messages.findIndex((message) => message.id === userMessageId);
      const question = current.messages[index];
      if (isRunning(streamsRef.current, current.id) || current.model === '' || question?.role !== 'user') return;
      const answer = streamingAnswer(current.model);
      // A question main never received (its conversation could not be saved) is sent as new, under its id.
      const unsent = !current.stored;
      const edited = unsent ? { ...question, content } : asNewVersion({ ...question, id: crypto.randomUUID(), content, createdAt: Date.now() }, question);
      const turn: ChatHistory['turn'] = unsent ? { kind: 'new', userMessageId } : { kind: 'edit', userMessageId, editedId: edited.id };
      const history: ChatHistory = { conversationId: current.id, answerId: answer.id, turn };
      const request = buildChatRequest({ ...current, messages: [...current.messages.slice(0, index), edited] }, undefined, history);
      dispatch({ type: 'edit', userMessageId, question: edited, assistant: answer });
      run(current.id, answer, request, !hasAnswer(current));
    },
    [run, conversationRef],
  );

  /** ‹ n/m ›: shows another version of a message, with the continuation last shown after it. */
  const showVersion = useCallback(
    async (messageId: string) => {
      const current = conversationRef.current;
      if (isRunning(streamsRef.current, current.id) || !current.stored) return;
      const stored = await api.showBranch({ conversationId: current.id, messageId });
      if (conversationRef.current.id === stored.id) dispatch({ type: 'reset', conversation: fromStored(stored) });
    },
    [api, conversationRef],
  );

  const stop = useCallback(() => {
    const id = conversationRef.current.id;
    for (const stream of streamsRef.current.values()) if (stream.conversationId === id && !stream.result) stream.cancel();
  }, [conversationRef]);

  /** Starts an empty chat; answers still streaming elsewhere go on. */
  const startNew = useCallback((next: ChatDefaults) => dispatch({ type: 'reset', conversation: newConversation(next) }), []);

  /** Shows a conversation from history, with what this window's streams know on top. */
  const open = useCallback((stored: StoredConversation) => {
    dispatch({ type: 'reset', conversation: fromStored(stored) });
    for (const [id, stream] of streamsRef.current) {
      if (stream.conversationId !== stored.id) continue;
      dispatch({ type: 'resume', message: stream.answer });
      if (!stream.result) continue;
      dispatch({ type: 'finish', id, result: stream.result });
      streamsRef.current.delete(id);
    }
  }, []);

  /** Deletes a message of `from` (by default the open conversation) with the branch after it; the view then shows what main kept. */
  const remove = useCallback(
    async (messageId: string, from: MessageOwner = conversationRef.current) => {
      if (!from.stored) {
        if (conversationRef.current.id === from.id) dispatch({ type: 'remove', id: messageId });
        return;
      }
      // The turns after it went too, and another version may now stand in its place.
      const { conversation: kept } = await api.deleteMessage({ conversationId: from.id, messageId });
      if (conversationRef.current.id === from.id) open(kept);
    },
    [api, open, conversationRef],
  );

  /** Shows a turn main saved without a stream here (Compare's chosen answer). */
  const showSavedTurn = useCallback(
    (stored: StoredConversation, result: ChatResult) => {
      const first = !hasAnswer(conversationRef.current);
      dispatch({ type: 'reset', conversation: fromStored(stored) });
      optionsRef.current.onModelUsed(stored.model);
      titleAfter(stored.id, result, first);
    },
    [titleAfter, conversationRef, optionsRef],
  );

  const setModel = useCallback((model: string) => dispatch({ type: 'setModel', model }), []);
  const setSystemPrompt = useCallback((systemPrompt: string) => dispatch({ type: 'setSystemPrompt', systemPrompt }), []);
  const setParams = useCallback((params: ChatParams) => dispatch({ type: 'setParams', params }), []);
  const setEndpoint = useCallback((endpointId: string) => dispatch({ type: 'setEndpoint', endpointId }), []);
  const setToolServers = useCallback((toolServers: string[]) => dispatch({ type: 'setToolServers', toolServers }), []);

  // An ended answer's state has rendered: its live text is no longer drawn, and can go.
  useEffect(() => {
    for (const message of conversation.messages) if (message.status !== 'streaming') liveAnswers.forget(message.id);
  }, [conversation.messages, liveAnswers]);

  // Leaving the chat (e.g. the key was removed) stops every answer rather than leaking it.
  useEffect(() => {
    const streams = streamsRef.current;
    return () => {
      for (const stream of streams.values()) {
        stream.dispose();
        stream.cancel();
      }
    };
  }, []);

  const streaming = running.has(conversation.id);
  const continuableId = continuableOf(conversation.messages);
  const idle = !streaming && conversation.model !== '';
  // Fork from here is the view's to add: it opens another conversation (see ChatView).
  const messageActions = useMemo<Omit<MessageActions, 'fork'>>(
    () => ({ continuableId, idle, regenerate, continueAnswer, edit, showVersion, remove, params: conversation.params, dropParamAndRetry }),
    [continuableId, idle, regenerate, continueAnswer, edit, showVersion, remove, conversation.params, dropParamAndRetry],
  );

  return {
    conversation,
    /** The text streaming into the conversation's answers, drawn by the list showing them. */
    liveAnswers,
    /** The open conversation's first tool call waiting for "Allow tool call"; null when none. */
    pendingApproval: approvals.find((pending) => pending.conversationId === conversation.id) ?? null,
    toolsUnavailable,
    messageActions,
    streaming,
    retrying: running.get(conversation.id) ?? null,
    send,
    retry,
    stop,
    startNew,
    open,
    setModel,
    setSystemPrompt,
    setParams,
    setEndpoint,
    setToolServers,
    showSavedTurn,
  };
}

export type Chat = ReturnType<typeof useChat>;
