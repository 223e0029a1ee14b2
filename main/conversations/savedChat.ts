/**
 * A chat whose turn is kept in history: the user's message and the answer's row are committed
 * together before the request goes out (so a crash of the app never loses a question that was
 * sent, and a retry never duplicates it), the answer is flushed while it arrives, and finished
 * with its status before the renderer hears `done`. A conversation's first turn creates it in that
 * same commit (`newConversation`), so its first message waits for no call before it either.
 * Chats without a `history` field pass straight through.
 *
 * The commit's sync to disk (what keeps it through an OS crash or power loss, tens of ms) runs
 * while the request goes out and the answer streams: the answer is never reported finished (`done`)
 * before the question is durable. When that sync fails, the answer is stopped and the person is
 * told, as for a commit that failed, that the message was not saved; the page keeps it for Retry.
 * A sync that has not ended long after the answer did (a disk that hangs) is not waited for
 * forever: after QUESTION_SYNC_BOUND_MS the answer ends the same way, saying the message may not be saved.
 *
 * A save that fails while the answer streams (a full disk) never stops or crashes anything: the
 * answer goes on, the page hears `unsaved`, and the text is kept in memory (PendingSaves) and
 * saved once there is space.
 */
import { failedResult } from '../../shared/chatResult';
import type { AppError, ChatEvent, ChatHistory, ChatRequest, ChatResult } from '../../shared/ipc';
import { titleFrom } from '../../shared/conversationTitle';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import { editTurn, regenerateTurn } from './versionedTurns';
import { continueTurn } from './continuedTurn';
import { continuedResult } from '../../shared/continuation';
import { addUsage } from '../../shared/usage';
import { requestMessages } from '../../shared/requestPath';
import { missingConversation } from '../history/storeContext';
import { createEmptyConversation } from './emptyConversation';
import type { ToolApprovals } from '../chat/toolApprovals';
import { createPendingSaves, type PendingSaves } from '../history/pendingSaves';
import { diskFullError, storageAppError, storageProblemOf } from '../history/storageErrors';

/** How long an answer that has ended waits for its question's sync (tens of ms on a healthy disk) before it ends as not saved. */
export const QUESTION_SYNC_BOUND_MS = 20_000;

/** Why an answer ended failed when the disk did not finish the question's sync within the bound. */
export const SYNC_HUNG: AppError = {
  code: 'internal',
  message: `Your message may not be saved: the disk did not finish writing it within ${QUESTION_SYNC_BOUND_MS / 1000} seconds. Press Retry to send it again.`,
};

/** The sync's outcome (null: durable), or SYNC_HUNG when it has not ended within `boundMs`. */
async function withinBound(durable: Promise<AppError | null>, boundMs: number): Promise<AppError | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<AppError>((resolve) => {
    timer = setTimeout(() => resolve(SYNC_HUNG), boundMs);
  });
  try {
    return await Promise.race([durable, hung]);
  } finally {
    clearTimeout(timer);
  }
}

export type ChatFn = (request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals?: ToolApprovals) => Promise<ChatResult>;

/** The conversation a first turn starts, as the page set it up: the request's model, system prompt, parameters, endpoint and tools. */
function createFor(store: HistoryStore, { model, systemPrompt, params, endpointId, toolServers }: ChatRequest, id: string) {
  return createEmptyConversation(store, { id, model, systemPrompt, params, endpointId, toolServers });
}

/**
 * Saves the question (or drops the failed answer a retry replaces, or keeps what a regeneration
 * or edit replaces) and opens the new answer's row; a continuation reopens the answer it continues.
 */
function beginTurn(store: HistoryStore, request: ChatRequest, history: ChatHistory): AnswerWriter {
  const { conversationId, turn } = history;
  // Every turn reads the conversation's settings and the few messages it acts on (rows, whatever its length), never all its messages.
  const conversation = store.findConversation(conversationId) ?? (history.newConversation ? createFor(store, request, conversationId) : null);
  if (!conversation) throw missingConversation();
  // The parameters a turn was sent with become the conversation's, and each message keeps its own;
  // the conversation also remembers where its last turn went, so reopening it restores both.
  const params = request.params ?? {};
  const paramsChanged = JSON.stringify(conversation.params) !== JSON.stringify(params);
  const endpoint = request.endpointId ?? conversation.endpoint;
  const toolServers = request.toolServers ?? conversation.toolServers;
  const toolsChanged = JSON.stringify(conversation.toolServers) !== JSON.stringify(toolServers);
  if (conversation.model !== request.model || conversation.systemPrompt !== request.systemPrompt || paramsChanged || conversation.endpoint !== endpoint || toolsChanged) {
    store.updateConversation(conversationId, { model: request.model, systemPrompt: request.systemPrompt, params, endpoint, toolServers });
  }
  const answer = { id: history.answerId, model: request.model, params };
  /** Saves the request's last message as the question `id`, unless an earlier attempt saved it. */
  const saveQuestion = (id: string) => {
    if (store.isShown(conversationId, id)) return;
    const question = request.messages.at(-1);
    if (question?.role !== 'user') throw new AppFailure({ code: 'invalid-request', message: 'A new turn must end with your message.' });
    store.addUserMessage(conversationId, {
      id,
      content: question.content,
      model: request.model,
      params,
      ...(question.attachments ? { attachments: question.attachments } : {}),
    });
    if (!conversation.title.trim()) store.updateConversation(conversationId, { title: titleFrom(question.content) || 'New chat' });
  };
  switch (turn.kind) {
    case 'new':
      saveQuestion(turn.userMessageId);
      return store.startAnswer(conversationId, answer);
    case 'retry': {
      if (turn.userMessageId !== undefined) saveQuestion(turn.userMessageId);
      // The new answer goes where the failed one was (after the message before it), not after another version of it.
      const question = store.findShown(conversationId, turn.replacesAnswerId)?.parentId;
      store.deleteMessage(conversationId, turn.replacesAnswerId);
      return store.startAnswer(conversationId, question ? { ...answer, parentId: question } : answer);
    }
    case 'regenerate':
      return regenerateTurn(store, conversationId, turn.answerId, answer);
    case 'edit':
      return editTurn(store, conversationId, request, turn.userMessageId, answer, turn.editedId);
    case 'continue':
      return continueTurn(store, conversationId, request, history.answerId);
  }
}

/** Why the turn was not saved (and so not sent), for the failed answer the page shows. */
function notSaved(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  const problem = storageProblemOf(error);
  if (problem === 'disk-full') return diskFullError('your message', 'It was not sent. Free some disk space, then press Retry.');
  if (problem !== null) return storageAppError(problem);
  console.error('[parley] saving a turn failed:', error instanceof Error ? error.message : error);
  return { code: 'internal', message: 'Parley could not save your message, so it was not sent. Press Retry to try again.' };
}

/** Why an answer is not saved yet, for the `unsaved` event. */
function answerNotSaved(error: unknown): AppError {
  const problem = storageProblemOf(error);
  if (problem === null || problem === 'disk-full') {
    return diskFullError('this answer', 'Parley keeps it in memory and saves it as soon as there is space: free some disk space, and keep Parley open until then.');
  }
  return storageAppError(problem);
}

export function createSavedChat(
  chat: ChatFn,
  store: HistoryStore,
  pendingSaves: PendingSaves = createPendingSaves(),
  questionSyncBoundMs = QUESTION_SYNC_BOUND_MS,
): ChatFn {
  return async (request, onEvent, signal, approvals) => {
    if (!request.history) return chat(request, onEvent, signal, approvals);
    // No merge of the search index lands between the question's commit and its request, or on the answer's end.
    const releaseMerges = store.holdSearchMerges();
    try {
      return await savedTurn(request, request.history, onEvent, signal, approvals);
    } finally {
      releaseMerges();
    }
  };

  async function savedTurn(request: ChatRequest, history: ChatHistory, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals: ToolApprovals | undefined): Promise<ChatResult> {
    let writer: AnswerWriter;
    try {
      // Committed, so a killed app keeps it; durable (fsynced) below, while the request goes out.
      writer = store.atomically(() => beginTurn(store, request, history), 'relaxed');
    } catch (error) {
      const result = failedResult(notSaved(error));
      onEvent({ type: 'done', result });
      return result;
    }
    /** Stops the answer when the question cannot be made durable: an unsaved question is not answered. */
    const unsavedQuestion = new AbortController();
    const questionDurable = store.syncToDisk().then(
      () => null,
      (error: unknown) => {
        unsavedQuestion.abort();
        return notSaved(error);
      },
    );
    // A continuation's stream carries only its own text and usage: the page and the row get the whole answer.
    const earlier = history.turn.kind === 'continue' ? writer.message : null;
    const whole = (result: ChatResult): ChatResult => (earlier ? continuedResult(earlier, result) : result);
    let toldUnsaved = false;
    const unsaved = (error: unknown) => {
      if (toldUnsaved) return;
      toldUnsaved = true;
      onEvent({ type: 'unsaved', error: answerNotSaved(error) });
    };
    writer.onFlushFailure(unsaved);
    /** Saves how the answer ended; when that fails, keeps it for PendingSaves and tells the page. */
    const finish = (result: ChatResult) => {
      try {
        writer.finish(result);
      } catch (error) {
        console.warn(`[parley] answer ${history.answerId} is kept in memory until it can be saved:`, error instanceof Error ? error.message : error);
        unsaved(error);
        pendingSaves.defer(() => writer.finish(result));
      }
    };

    // Without an explicit endpoint (or tool selection) the turn uses the conversation's ('' : the default endpoint).
    // A branching turn sends exactly the visible path it was saved on, up to its new answer (what a request
    // carries of those messages, not the whole conversation); the others send the path the page showed.
    const branching = history.turn.kind === 'regenerate' || history.turn.kind === 'edit';
    const path = branching ? store.requestPathBefore(history.conversationId, history.answerId) : null;
    const saved = store.findConversation(history.conversationId);
    const endpointId = request.endpointId ?? (saved?.endpoint || undefined);
    const toolServers = request.toolServers ?? saved?.toolServers ?? [];
    const streamed = await chat(
      { ...request, ...(path ? { messages: requestMessages(path) } : {}), ...(endpointId === undefined ? {} : { endpointId }), toolServers },
      (event) => {
        if (event.type === 'delta') writer.append(event);
        // Each step of a tool call is committed before the page hears of it (and before the tool runs).
        if (event.type === 'tool-call') writer.recordToolCall(event.call);
        if (event.type === 'usage' && earlier) return onEvent({ type: 'usage', usage: addUsage(earlier.usage, event.usage) });
        // Sent below, once the question is durable and the row final.
        if (event.type === 'done') return;
        onEvent(event);
      },
      AbortSignal.any([signal, unsavedQuestion.signal]),
      approvals,
    );
    // Nothing is reported saved before it is durable, and no answer waits for a hung disk forever.
    const questionError = await withinBound(questionDurable, questionSyncBoundMs);
    const ended = questionError ? failedResult(questionError) : whole(streamed);
    // Finish the row first: once the renderer hears `done`, the history says the same.
    finish(ended);
    onEvent({ type: 'done', result: ended });
    return ended;
  }
}
