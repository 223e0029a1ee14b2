/**
 * A chat whose turn is kept in history: the user's message is committed before the request
 * goes out, the answer's row is created when streaming starts, flushed while it arrives,
 * and finished with its status before the renderer hears `done`. Chats without a `history`
 * field pass straight through.
 */
import { failedResult } from '../../shared/chatResult';
import type { ChatEvent, ChatHistory, ChatRequest, ChatResult } from '../../shared/ipc';
import { titleFrom } from '../../shared/conversationTitle';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import { editTurn, regenerateTurn } from './versionedTurns';
import { missingConversation } from '../history/storeContext';

export type ChatFn = (request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal) => Promise<ChatResult>;

/** Saves the question (or drops the failed answer a retry replaces, or keeps what a regeneration or edit replaces) and opens the new answer's row. */
function beginTurn(store: HistoryStore, request: ChatRequest, history: ChatHistory): AnswerWriter {
  const { conversationId, turn } = history;
  const conversation = store.getConversation(conversationId);
  if (!conversation) throw missingConversation();
  // The parameters a turn was sent with become the conversation's, and each message keeps its own;
  // the conversation also remembers where its last turn went, so reopening it restores both.
  const params = request.params ?? {};
  const paramsChanged = JSON.stringify(conversation.params) !== JSON.stringify(params);
  const endpoint = request.endpointId ?? conversation.endpoint;
  if (conversation.model !== request.model || conversation.systemPrompt !== request.systemPrompt || paramsChanged || conversation.endpoint !== endpoint) {
    store.updateConversation(conversationId, { model: request.model, systemPrompt: request.systemPrompt, params, endpoint });
  }
  const answer = { id: history.answerId, model: request.model, params };
  switch (turn.kind) {
    case 'new': {
      const question = request.messages.at(-1);
      if (question?.role !== 'user') throw new AppFailure({ code: 'invalid-request', message: 'A new turn must end with your message.' });
      store.addUserMessage(conversationId, {
        id: turn.userMessageId,
        content: question.content,
        model: request.model,
        params,
        ...(question.attachments ? { attachments: question.attachments } : {}),
      });
      if (!conversation.title.trim()) store.updateConversation(conversationId, { title: titleFrom(question.content) || 'New chat' });
      return store.startAnswer(conversationId, answer);
    }
    case 'retry':
      store.deleteMessage(conversationId, turn.replacesAnswerId);
      return store.startAnswer(conversationId, answer);
    case 'regenerate':
      return regenerateTurn(store, conversation, turn.answerId, answer);
    case 'edit':
      return editTurn(store, conversation, request, turn.userMessageId, answer);
  }
}

export function createSavedChat(chat: ChatFn, store: HistoryStore): ChatFn {
  return async (request, onEvent, signal) => {
    if (!request.history) return chat(request, onEvent, signal);

    let writer: AnswerWriter;
    try {
      writer = beginTurn(store, request, request.history);
    } catch (error) {
      const appError =
        error instanceof AppFailure
          ? error.appError
          : { code: 'internal' as const, message: 'Parley could not save your message, so it was not sent. Your draft is kept; please try again.' };
      if (!(error instanceof AppFailure)) console.error('[parley] saving a turn failed:', error instanceof Error ? error.message : error);
      const result = failedResult(appError);
      onEvent({ type: 'done', result });
      return result;
    }

    // Without an explicit endpoint the turn goes where the conversation is held ('' : the default).
    const endpointId = request.endpointId ?? (store.getConversation(request.history.conversationId)?.endpoint || undefined);
    return chat(
      endpointId === undefined ? request : { ...request, endpointId },
      (event) => {
        if (event.type === 'delta') writer.append(event);
        // Finish the row first: once the renderer hears `done`, the history says the same.
        if (event.type === 'done') writer.finish(event.result);
        onEvent(event);
      },
      signal,
    );
  };
}
