/**
 * A chat whose turn is kept in history: the user's message and the answer's row are committed
 * together as its request goes out, always before any of its answer arrives, so a crash of the app
 * never loses a question that was answered, and a retry never duplicates it. A new question or a
 * retry is committed right after its request leaves (the commit adds nothing to the wait for the
 * first token); a turn whose request is read from the saved tree is committed before it. A commit
 * that fails stops the request, and the person is told the message was not saved (the page keeps it
 * for Retry). The answer is flushed while it arrives, and finished with its status before the
 * renderer hears `done`. A conversation's first turn creates it in that same commit (`newConversation`).
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
import { DEFAULT_ENDPOINT_ID } from '../../shared/endpointIds';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import type { Conversation } from '../history/types';
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

/** A chat that may be kept in history: `onSaved` is called once its turn is committed (its conversation has changed). */
export type SavedChatFn = (...args: [...Parameters<ChatFn>, onSaved?: () => void]) => Promise<ChatResult>;

/** The conversation a first turn starts, as the page set it up: the request's model, system prompt, parameters, endpoint and tools. */
function createFor(store: HistoryStore, { model, systemPrompt, params, endpointId, toolServers }: ChatRequest, id: string) {
  return createEmptyConversation(store, { id, model, systemPrompt, params, endpointId, toolServers });
}

/**
 * Where a turn goes and with which tools: the request's, else its conversation's, which the commit
 * keeps for the next turn. A first turn's conversation, not created yet, starts on the default
 * endpoint with none (createEmptyConversation).
 */
function turnTarget(request: ChatRequest, conversation: Conversation | null): { endpoint: string; toolServers: string[] } {
  return { endpoint: request.endpointId ?? conversation?.endpoint ?? DEFAULT_ENDPOINT_ID, toolServers: request.toolServers ?? conversation?.toolServers ?? [] };
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
  const { endpoint, toolServers } = turnTarget(request, conversation);
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

/** Why the turn was not saved (and so not answered), for the failed answer the page shows. */
function notSaved(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  const problem = storageProblemOf(error);
  if (problem === 'disk-full') return diskFullError('your message', 'It was not answered. Free some disk space, then press Retry.');
  if (problem !== null) return storageAppError(problem);
  console.error('[parley] saving a turn failed:', error instanceof Error ? error.message : error);
  return { code: 'internal', message: 'Parley could not save your message, so it was not answered. Press Retry to try again.' };
}

/** Why an answer is not saved yet, for the `unsaved` event. */
function answerNotSaved(error: unknown): AppError {
  const problem = storageProblemOf(error);
  if (problem === null || problem === 'disk-full') {
    return diskFullError('this answer', 'Parley keeps it in memory and saves it as soon as there is space: free some disk space, and keep Parley open until then.');
  }
  return storageAppError(problem);
}

/** A committed turn: the answer's writer, and its sync to disk (null once durable, else why it is not saved). */
interface SavedTurn {
  writer: AnswerWriter;
  durable: Promise<AppError | null>;
}

/** How a turn's commit went: once made, the same answer for every later ask. */
type Saving = { turn: SavedTurn; error?: undefined } | { turn?: undefined; error: AppError };

export function createSavedChat(
  chat: ChatFn,
  store: HistoryStore,
  pendingSaves: PendingSaves = createPendingSaves(),
  questionSyncBoundMs = QUESTION_SYNC_BOUND_MS,
): SavedChatFn {
  return async (request, onEvent, signal, approvals, onSaved) => {
    if (!request.history) return chat(request, onEvent, signal, approvals);
    // No merge of the search index lands in the turn's commit, near its request, or on the answer's end.
    const releaseMerges = store.holdSearchMerges();
    try {
      return await savedTurn(request, request.history, { onEvent, signal, approvals, onSaved });
    } finally {
      releaseMerges();
    }
  };

  /** Commits the turn (so a killed app keeps it) and starts its sync to disk, which runs while the answer streams. */
  function commitTurn(request: ChatRequest, history: ChatHistory, onFlushFailure: (error: unknown) => void, stopAnswer: () => void): Saving {
    let writer: AnswerWriter;
    try {
      writer = store.atomically(() => beginTurn(store, request, history), 'relaxed');
    } catch (error) {
      return { error: notSaved(error) };
    }
    writer.onFlushFailure(onFlushFailure);
    const durable = store.syncToDisk().then(
      () => null,
      (error: unknown) => {
        stopAnswer();
        return notSaved(error);
      },
    );
    return { turn: { writer, durable } };
  }

  async function savedTurn(
    request: ChatRequest,
    history: ChatHistory,
    { onEvent, signal, approvals, onSaved }: { onEvent: (event: ChatEvent) => void; signal: AbortSignal; approvals?: ToolApprovals | undefined; onSaved?: (() => void) | undefined },
  ): Promise<ChatResult> {
    const end = (result: ChatResult) => {
      onEvent({ type: 'done', result });
      return result;
    };
    /** Stops the answer when its question cannot be saved: an unsaved question is not answered. */
    const unsavedQuestion = new AbortController();
    let toldUnsaved = false;
    const unsaved = (error: unknown) => {
      if (toldUnsaved) return;
      toldUnsaved = true;
      onEvent({ type: 'unsaved', error: answerNotSaved(error) });
    };
    let saving: Saving | undefined;
    /** The turn's commit, made on the first ask. */
    const save = (): Saving => {
      if (saving) return saving;
      saving = commitTurn(request, history, unsaved, () => unsavedQuestion.abort());
      if (saving.error) unsavedQuestion.abort();
      else onSaved?.();
      return saving;
    };
    /** Saves how the answer ended; when that fails, keeps it for PendingSaves and tells the page. */
    const finish = (writer: AnswerWriter, result: ChatResult) => {
      try {
        writer.finish(result);
      } catch (error) {
        console.warn(`[parley] answer ${history.answerId} is kept in memory until it can be saved:`, error instanceof Error ? error.message : error);
        unsaved(error);
        pendingSaves.defer(() => writer.finish(result));
      }
    };

    // A new question or a retry sends what the page holds: its request goes out first and the turn is committed
    // while it travels, before any of its answer can arrive. A regeneration, an edit or a continuation reads
    // its request from the saved tree, so it commits first (and a turn that cannot be saved is not sent), and
    // so does every turn while an earlier save waits for disk space: a full disk is not sent a question it cannot keep.
    const sendsFirst = (history.turn.kind === 'new' || history.turn.kind === 'retry') && pendingSaves.count() === 0;
    /** A continuation's stream carries only its own text and usage: the page and the row get the whole answer. */
    let earlier: AnswerWriter['message'] | null = null;
    if (!sendsFirst) {
      const first = save();
      if (first.error) return end(failedResult(first.error));
      if (history.turn.kind === 'continue') earlier = first.turn.writer.message;
    }
    const whole = (result: ChatResult): ChatResult => (earlier ? continuedResult(earlier, result) : result);

    // A branching turn sends exactly the visible path it was saved on, up to its new answer (what a request
    // carries of those messages, not the whole conversation); the others send the path the page showed.
    const branching = history.turn.kind === 'regenerate' || history.turn.kind === 'edit';
    const path = branching ? store.requestPathBefore(history.conversationId, history.answerId) : null;
    const conversation = store.findConversation(history.conversationId);
    // A turn for a conversation that is gone (deleted in another window) is refused before anything is sent.
    if (!conversation && !history.newConversation) return end(failedResult(notSaved(missingConversation())));
    const target = turnTarget(request, conversation);
    // An older conversation's endpoint '' is the default one.
    const endpointId = target.endpoint || undefined;
    const { toolServers } = target;
    const streaming = chat(
      { ...request, ...(path ? { messages: requestMessages(path) } : {}), ...(endpointId === undefined ? {} : { endpointId }), toolServers },
      (event) => {
        // Sent below, once the question is durable and the row final.
        if (event.type === 'done') return;
        if (event.type === 'delta' || event.type === 'tool-call') {
          // Committed already, but for an answer faster than the commit below: then committed now, before the page hears of it.
          const { turn } = save();
          if (!turn) return;
          if (event.type === 'delta') turn.writer.append(event);
          // Each step of a tool call is committed before the page hears of it (and before the tool runs).
          else turn.writer.recordToolCall(event.call);
        }
        if (event.type === 'usage' && earlier) return onEvent({ type: 'usage', usage: addUsage(earlier.usage, event.usage) });
        onEvent(event);
      },
      AbortSignal.any([signal, unsavedQuestion.signal]),
      approvals,
    );
    // The request is built in promise callbacks, then written from an immediate queued by Node's fetch (undici
    // first lets a kept-alive socket read what is pending on it): the immediate queued from this one's runs after it.
    if (sendsFirst) setImmediate(() => setImmediate(save));
    const streamed = await streaming;
    const { turn, error } = save();
    if (!turn) return end(failedResult(error));
    // Nothing is reported saved before it is durable, and no answer waits for a hung disk forever.
    const questionError = await withinBound(turn.durable, questionSyncBoundMs);
    const ended = questionError ? failedResult(questionError) : whole(streamed);
    // Finish the row first: once the renderer hears `done`, the history says the same.
    finish(turn.writer, ended);
    return end(ended);
  }
}
