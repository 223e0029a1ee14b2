/**
 * Turns that keep what they replace: "Regenerate" and "Edit and resend". Both act on the end
 * of the conversation only (the last answer, the last question): changing an earlier turn
 * would leave the later ones answering something that is no longer there, and branching
 * (a tree of turns) is more than a linear history should pretend to be.
 */
import type { ChatRequest } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import type { ConversationWithMessages, NewMessage } from '../history/types';

const refuse = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

/** Opens a new answer in the place of the last one, which is kept as its earlier version. */
export function regenerateTurn(store: HistoryStore, conversation: ConversationWithMessages, answerId: string, answer: NewMessage): AnswerWriter {
  const last = conversation.messages.at(-1);
  if (last?.id !== answerId || last.role !== 'assistant') throw refuse('Only the last answer can be regenerated; reload the conversation.');
  return store.regenerateAnswer(conversation.id, answerId, answer);
}

/**
 * Rewrites the last question with the request's last message (its text so far kept as a
 * version) and answers it again: the answer after it, if any, is kept as a version of the new one.
 */
export function editTurn(
  store: HistoryStore,
  conversation: ConversationWithMessages,
  request: ChatRequest,
  userMessageId: string,
  answer: NewMessage,
): AnswerWriter {
  const { messages } = conversation;
  const index = messages.findLastIndex((message) => message.role === 'user');
  const after = messages.slice(index + 1);
  if (messages[index]?.id !== userMessageId || after.length > 1) throw refuse('Only the last message you sent can be edited; reload the conversation.');
  const question = request.messages.at(-1);
  if (question?.role !== 'user') throw refuse('An edit must end with your message.');
  store.editUserMessage(conversation.id, userMessageId, { content: question.content, model: request.model, params: answer.params });
  const previous = after[0];
  return previous ? store.regenerateAnswer(conversation.id, previous.id, answer) : store.startAnswer(conversation.id, answer);
}
