/**
 * Turns that branch the conversation (migration 012's tree): "Regenerate" on any answer and
 * "Edit and resend" on any question. The new message becomes a sibling of the one it replaces
 * and is shown in its place; the old one keeps the turns after it, on its own branch. The
 * request sent is the visible path before the new answer (see pathRequest), whatever the page sent.
 */
import type { ChatRequest } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import type { NewMessage } from '../history/types';

const refuse = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

/** Opens a new answer as a sibling of visible answer `answerId`, in its place. */
export function regenerateTurn(store: HistoryStore, conversationId: string, answerId: string, answer: NewMessage): AnswerWriter {
  if (store.findShown(conversationId, answerId)?.role !== 'assistant') throw refuse('This answer is no longer shown in the conversation; reload it.');
  return store.regenerateAnswer(conversationId, answerId, answer);
}

/**
 * Adds the request's last message as a new version of visible question `userMessageId` (under
 * `editedId`, or a new id) and answers it: the old question keeps its answer and what followed.
 */
export function editTurn(
  store: HistoryStore,
  conversationId: string,
  request: ChatRequest,
  userMessageId: string,
  answer: NewMessage,
  editedId?: string,
): AnswerWriter {
  if (store.findShown(conversationId, userMessageId)?.role !== 'user') throw refuse('This message is no longer shown in the conversation; reload it.');
  const question = request.messages.at(-1);
  if (question?.role !== 'user') throw refuse('An edit must end with your message.');
  store.editUserMessage(conversationId, userMessageId, {
    ...(editedId === undefined ? {} : { id: editedId }),
    content: question.content,
    model: request.model,
    params: answer.params,
    ...(question.attachments ? { attachments: question.attachments } : {}),
  });
  return store.startAnswer(conversationId, answer);
}
