/**
 * "Continue": the last answer, cut short, is opened again and the model's next words are
 * appended to it (see shared/continuation.ts for how it is asked). Main checks that the request
 * ends with that answer exactly as saved, so what is sent is what the person sees.
 */
import { isContinuable } from '../../shared/continuation';
import type { ChatRequest } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { AnswerWriter } from '../history/answerWriter';
import type { HistoryStore } from '../history/historyStore';
import { storable } from '../history/snippet';

const refuse = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

/** Reopens answer `answerId` for its continuation; the writer starts from its saved text. */
export function continueTurn(store: HistoryStore, conversationId: string, request: ChatRequest, answerId: string): AnswerWriter {
  const last = store.lastShown(conversationId);
  if (last?.id !== answerId || !isContinuable(last)) throw refuse('Only the last answer, when it stopped early, can be continued; reload the conversation.');
  const sent = request.messages.at(-1);
  if (sent?.role !== 'assistant' || storable(sent.content) !== last.content) throw refuse('A continuation must end with the answer as it was saved; reload the conversation.');
  return store.continueAnswer(conversationId, answerId);
}
